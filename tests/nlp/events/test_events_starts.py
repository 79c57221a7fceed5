"""The characters a regex can start with: exact where the parse is understood, None otherwise."""

from __future__ import annotations

import re

from veille.nlp.events.starts import (
    by_first_char,
    first_chars,
    opens_on_word_start,
    second_chars,
    widest_match,
)


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


PATTERNS = [r"(?<!\w)sommets?", r"(?<!\w)réunions?", r"(?<!\w)aucune?\s+\w+\s+$", r"\s*sur\s"]


def _starts(regex: re.Pattern[str], text: str) -> list[int]:
    """Every place a search from there finds a match at."""
    return [i for i in range(len(text) + 1)
            if (m := regex.search(text, i)) is not None and m.start() == i]


def test_the_first_character_alternation_matches_where_its_patterns_do() -> None:
    plain = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)
    fast = re.compile(by_first_char(PATTERNS, re.IGNORECASE))
    # capitals, an accent, the long s ("ſ" is "s" to re.IGNORECASE), a pattern anchored at
    # the end, one whose first character is unknown ("\s*sur")
    for text in ("Le SOMMET de la Réunion", "un ſommet, aucune rencontre ", "porté sur le fond",
                 "RÉUNIONS et sommets", ""):
        assert _starts(fast, text) == _starts(plain, text), text
    assert _starts(fast, "un ſommet") == [3]
    assert _starts(fast, "aucune rencontre ") == [0]


def test_the_widest_match_is_bounded_only_by_bounded_repeats() -> None:
    assert widest_match(r"(?:\bselon|\bde source)(?P<gap>[^.]{0,80})$") == 9 + 80
    assert widest_match(r"according\s+to") is None  # "\s+" may be any length
    assert widest_match("(a") is None  # not a regex


def test_the_second_character_follows_every_first_one() -> None:
    assert second_chars("visites?") == frozenset({"i"})
    assert second_chars("(?:se |s')rend") == frozenset({"e", "'"})
    assert second_chars("(?:très )?grand") == frozenset({"r"})
    assert second_chars("x*yz") == frozenset({"x", "y", "z"})  # "xx", "xy", "yz"
    assert second_chars(r"(?<!\w)sommets?(?!\w)") == frozenset({"o"})


def test_a_second_character_that_may_be_anything_or_missing_is_none() -> None:
    assert second_chars(r"x\w") is None
    assert second_chars("a(?!b)") is None  # "a" alone is a match
    assert second_chars("x*y") is None  # so is "y"
    assert second_chars("(a") is None  # not a regex


def test_words_that_share_only_a_first_letter_are_not_matches() -> None:
    plain = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)
    fast = re.compile(by_first_char(PATTERNS, re.IGNORECASE))
    for text in ("sur le sol, sans réunion", "RÉUNI, rÉunion", "s\U0001d400mmet sommet"):
        assert _starts(fast, text) == _starts(plain, text), text


def test_a_pattern_opens_on_the_word_start_test_only_at_its_top_level() -> None:
    assert opens_on_word_start(r"(?<!\w)ni\s+")
    assert opens_on_word_start(r"(?<!\w)aucune?\s+$", re.IGNORECASE)
    assert not opens_on_word_start(r"(?<!\w)ni|sans")  # "sans" has no test of its own
    assert not opens_on_word_start(r"(?:(?<!\w)ni|sans)")
    assert not opens_on_word_start(r"(?<!\W)ni")  # another test
    assert not opens_on_word_start(r"ni(?<!\w)")  # not first
    assert not opens_on_word_start(r"prévue?s?\b")
    assert not opens_on_word_start("(a")  # not a regex


WORD_STARTS = [r"(?<!\w)ni\s", r"(?<!\w)sans\s", r"(?<!\w)aucune?\s+\w+\s+$"]


def test_patterns_that_all_open_on_a_word_start_match_only_there() -> None:
    fast = re.compile(by_first_char(WORD_STARTS, re.IGNORECASE))
    assert r"(?<=(?<!\w)(?:[" in fast.pattern  # the test before the branches
    # "ni " and "sans " inside "finis " and "jusans " are no words of their own
    assert _starts(fast, "finis jusans ") == []
    assert _starts(fast, "Ni oui ni non, SANS aucune rencontre ") == [0, 7, 15, 20]
    plain = re.compile("|".join(f"(?:{p})" for p in WORD_STARTS), re.IGNORECASE)
    for text in ("Ni oui ni non, SANS aucune rencontre ", "finis jusans ", "aucun sommet "):
        assert _starts(fast, text) == _starts(plain, text), text
    # one pattern without the test, or patterns that all start alike: no test in front
    assert r"(?<!\w)(?:" not in by_first_char(WORD_STARTS + ["sur"], re.IGNORECASE)
    assert r"(?<!\w)(?:" not in by_first_char([r"(?<!\w)ni\s", r"(?<!\w)nul\s"])


def test_the_alternation_opens_on_the_class_of_every_first_character() -> None:
    # "n" and "s" in both cases, and the long s that re.IGNORECASE reads as an "s"
    assert by_first_char(["ni", "sans"], re.IGNORECASE).startswith(
        "[NSns\u017f\U00010000-\U0010ffff](?<=")
    fast = re.compile(by_first_char(["ni", "sans"], re.IGNORECASE))
    assert _starts(fast, "aNIs ſans") == [1, 5]
    # a pattern that may start with any character: no class can hold all its openings, it
    # stays a branch of the top level
    assert by_first_char([r"\w+x", "ni"]).endswith(r"|(?:(?:\w+x))")
