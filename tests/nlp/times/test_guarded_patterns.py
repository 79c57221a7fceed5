"""The first-character guard of the time patterns: the same matches, fewer positions tried."""

from __future__ import annotations

import re

import pytest

from veille.lang.pack import LanguagePack
from veille.lookahead import guarded
from veille.nlp.times import patterns


@pytest.mark.parametrize("code", ["fr", "en"])
def test_guarded_patterns_match_what_the_patterns_match(code: str, dated_texts: tuple[str, ...]
                                                        ) -> None:
    pack = LanguagePack.load(code)
    guarded_lex = patterns._build(pack)
    plain = _unguarded(pack)
    assert [p.pattern for _, p in plain] != [p.pattern for _, p in guarded_lex.patterns]
    for text in dated_texts:
        for (kind, old), (_, new) in zip(plain, guarded_lex.patterns, strict=True):
            want = [(m.span(), m.groupdict()) for m in old.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == want, kind


def _unguarded(pack: LanguagePack) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns as they are without guards (a fresh pack: nothing cached)."""
    def no_guard(source: str, flags: int) -> str:
        return source
    fresh = LanguagePack(pack.code, pack.root, pack.meta)
    return list(patterns._build(fresh, no_guard).patterns)


def test_the_guard_holds_the_optional_word_and_the_word_after_it() -> None:
    source = guarded(r"(?:\b(?:en|dès)\s+)?\b(?:mai|juin)")
    assert source.startswith("(?=[dejm])")
    found = re.compile(source, re.IGNORECASE)
    assert [m.group() for m in found.finditer("En mai, puis dès Juin et juin")] == [
        "En mai", "dès Juin", "juin"]


@pytest.mark.parametrize("source", [r"[^a]b", r"a?", r"(?!x)", r".b", r"(?i:a)b"])
def test_what_may_begin_with_any_character_or_nothing_is_left_alone(source: str) -> None:
    assert guarded(source) == source


def test_digits_and_ranges_are_kept_in_the_class() -> None:
    source = guarded(r"(?<![\d/])(?:[0-3]?\d|x-?)")
    assert source.startswith("(?=[") and r"\d" in source
    found = re.compile(source)
    assert [m.group() for m in found.finditer("a12 x- 7")] == ["12", "x-", "7"]
