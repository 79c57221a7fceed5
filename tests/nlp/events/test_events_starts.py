"""The characters a regex can start with: exact where the parse is understood, None otherwise."""

from __future__ import annotations

import re

from veille.nlp.events.starts import first_chars


def test_a_literal_and_the_branches_of_a_group() -> None:
    assert first_chars("visites?") == frozenset({"v"})
    assert first_chars("(?:se |s'|nous )rend") == frozenset({"s", "n"})


def test_an_optional_head_adds_what_follows_it() -> None:
    assert first_chars("(?:très )?grand") == frozenset({"t", "g"})
    assert first_chars("x*y+z") == frozenset({"x", "y"})


def test_assertions_take_no_character() -> None:
    assert first_chars("(?<=l')appels?(?! d'offres)") == frozenset({"a"})
    assert first_chars(r"\bsommet") == frozenset({"s"})


def test_a_class_gives_its_characters() -> None:
    assert first_chars("[a-c]x|['’]y") == frozenset({"a", "b", "c", "'", "’"})


def test_what_may_start_anywhere_is_none() -> None:
    assert first_chars(r"\w+") is None
    assert first_chars("[^a]b") is None
    assert first_chars(".b") is None
    assert first_chars("a?") is None  # may match empty
    assert first_chars("(a") is None  # not a regex


def test_every_match_starts_with_one_of_them() -> None:
    pattern = r"(?:a|ont|avait) (?:\w+ )?confié|(?:s'|se )?entretenue?s?"
    chars = first_chars(pattern, re.IGNORECASE)
    assert chars == frozenset({"a", "o", "s", "e"})
    for text in ("ont longuement confié", "Avait confié", "entretenus", "s'entretenue"):
        found = re.match(pattern, text, re.IGNORECASE)
        assert found is not None and text[0].lower() in chars
