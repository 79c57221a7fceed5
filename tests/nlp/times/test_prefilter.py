"""What a text must hold for a time pattern to match, and where in it the pattern can match:
the same matches as a scan of the whole text."""

from __future__ import annotations

import re

import pytest

from veille.lang.pack import LanguagePack
from veille.nlp.times import patterns
from veille.nlp.times.windows import (
    _DIGITS,
    _RUNS_OF_SPACE,
    AnchorStrings,
    Linear,
    Scanner,
    _finder,
    _trie,
    anchor,
)
from veille.prefilter import DIGIT, needs, rarity

# Beside the shared dated texts (conftest.py): runs of spaces and line breaks between a date's
# words, capitals, and a text without a date.
UNEVEN = (
    "LE 3\n\n\n     MARS     2024, jeudi\t\t16   octobre\n\nà 9:21, le\n5.\n\ndans  deux\n jours",
    "Rien ici.",
    # months after a day, after a run of whitespace, after another word: "a déclaré" and
    # "en mars" open no window of a day-month (Anchor.follows)
    "Le 1er\n\n  mai, premier   mars et 3 déc. 2024 ; il a déclaré en mars que le 2 \t juin",
)


def test_a_pattern_needs_its_words_and_a_figure() -> None:
    found = needs(r"\b(?:le|du)\s+\d+\s+(?:mai|juin)")
    assert frozenset({"mai", "juin"}) in found.groups
    assert frozenset({DIGIT}) in found.groups
    assert found.absent_from("le 3 avril", "le 3 avril", {})
    assert not found.absent_from("Le 3 Juin", "le 3 juin", {})


def test_what_is_optional_is_not_needed() -> None:
    assert needs(r"(?:en\s+)?\d").groups == (frozenset({DIGIT}),)
    assert needs(r"a?|b").groups == ()


def test_the_anchor_is_the_rarest_string_with_the_space_before_it() -> None:
    found = anchor(r"\ble\s+(?:mai|juin)(?!\d)", 0)
    assert found is not None and found.strings == frozenset({" mai", " juin"})
    # "le" and a run of spaces (as long as the text's longest) before the month
    assert found.before == Linear(2, 1)
    assert anchor(r"x+y", 0) is None  # a run of letters has no bound


def test_a_back_reference_reads_as_many_characters_as_its_group() -> None:
    found = anchor(r"(?<!\d)\d\d([/.-])\d\d\1\d{4}", 0)
    assert found is not None and found.reach.chars >= 10


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_scanner_finds_what_a_scan_of_the_whole_text_finds(code: str,
                                                              dated_texts: tuple[str, ...]
                                                              ) -> None:
    lex = patterns.lexicon(LanguagePack.load(code))
    assert any(a is not None for a in lex.anchors)
    for text in (*dated_texts, *UNEVEN):
        # each anchor's strings found with a scan of their own, and all of them in one
        for scanner in (Scanner(text), Scanner(text, lex.anchor_strings)):
            for (kind, pattern), need, where in zip(lex.patterns, lex.needs, lex.anchors,
                                                   strict=True):
                want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
                got = [(m.span(), m.groupdict())
                       for m in scanner.finditer(pattern, need, where)]
                assert got == want, kind


def test_a_text_that_lower_does_not_fold_as_re_does_is_scanned_whole() -> None:
    pattern = re.compile("semestre", re.IGNORECASE)  # re matches "ſ" (long s) with "s"
    scanner = Scanner("au ſemestre")
    assert scanner.lowered is None
    assert [m.group() for m in scanner.finditer(pattern, needs(pattern.pattern),
                                                anchor(pattern.pattern))] == ["ſemestre"]


def test_the_strings_of_an_anchor_are_found_in_one_scan_as_a_trie() -> None:
    source = _trie(["mai", "mars", "mar", "juin", "juillet"])
    assert source == "(?:jui(?:llet|n)|ma(?:i|r(?:s)?))"
    found = _finder(frozenset({" mai", DIGIT}))
    # the figures, "mai" after a line break, and the "mai" of "maire" (windows to spare)
    assert [m.span() for m in found.finditer("le 12\nmai, maire")] == [
        (3, 5), (5, 9), (10, 14)]
    assert found.search("remaniement") is None  # no space before its "mai"


def test_a_class_of_figures_needs_a_figure() -> None:
    assert needs(r"0?[1-9]h").groups == (frozenset({DIGIT}), frozenset({"h"}))
    assert needs(r"[1-9a]").groups == ()  # a letter may stand in for the figure


def test_a_day_after_its_article_is_anchored_on_its_figure() -> None:
    # "le", "du" and "au" fill every text; a figure is about as rare as a three-letter word
    found = anchor(r"\b(?:le|au|du)\s+(?P<day>1er|[12]\d|3[01]|0?[1-9])(?=\s*[,.;:)]|\s*$)")
    assert found is not None and DIGIT in found.strings
    assert "le" not in found.strings
    assert rarity(frozenset({DIGIT})) > rarity(frozenset({"le", "du"}))
    assert rarity(frozenset({"mars", "juin"})) > rarity(frozenset({DIGIT, "3"}))


def test_strings_beginning_with_a_figure_are_found_in_its_run_of_digits() -> None:
    finder = _finder(frozenset({DIGIT, "1er", "3"}))
    assert finder.pattern == r"\d+"  # one scan, shared with the anchors of figures alone
    assert [m.span() for m in finder.finditer("le 1er et le 31")] == [(3, 4), (13, 15)]
    assert _finder(frozenset({"1er", "mai"})).search("le 1er") is not None  # no run without DIGIT


def test_the_needs_are_told_in_any_order_of_their_groups() -> None:
    found = needs(r"\b(?:le|du)\s+\d+\s+(?:mars|juin)")
    seen: dict[frozenset[str], bool] = {}
    assert found.absent_from("le 3 avril", "le 3 avril", seen)
    assert seen == {frozenset({"mars", "juin"}): False}  # the rarest told first, and enough
    assert not found.absent_from("Du 3 Mars", "du 3 mars", {})


def test_one_scan_finds_where_each_anchors_strings_begin() -> None:
    spaced, words, figures, ordinal = (frozenset({" mai"}), frozenset({"mai", "mars"}),
                                       frozenset({DIGIT}), frozenset({"1er", "juin"}))
    strings = AnchorStrings([spaced, words, figures, ordinal, words])
    # " mai" and its "mai" begin one character apart: both found, though they overlap
    found = strings.find("le 1er mai 12\nmai maire")
    assert found[strings.index[spaced]] == [(6, 6), (13, 13), (17, 17)]
    assert found[strings.index[words]] == [(7, 7), (14, 14), (18, 18)]
    # runs of digits, which hold "1er" too (the run "12" as well: a window to spare)
    assert found[strings.index[figures]] == [(3, 3), (11, 12)]
    assert found[strings.index[ordinal]] == [(3, 3), (11, 12)]
    assert len(found) == 4  # a group given twice is scanned for once


def test_a_string_found_is_also_where_its_beginnings_begin() -> None:
    # the scan reports the longest string at a position: "mar" begins where "mars" does
    strings = AnchorStrings([frozenset({"mar"}), frozenset({"mars"}), frozenset({"juin"})])
    assert strings.find("en mars, mardi") == [[(3, 3), (9, 9)], [(3, 3)], []]


def test_what_the_anchor_holds_is_not_tested_again() -> None:
    found = needs(r"\b(?:le|du)\s+\d+\s+(?:mai|juin)")
    months = frozenset({"mai", "juin"})
    left = found.beyond(frozenset({" mai", " juin"}))  # each holds "mai" or "juin"
    assert months not in left.groups
    assert frozenset({"le", "du"}) in left.groups and frozenset({DIGIT}) in left.groups
    assert months in found.beyond(frozenset({" mai", " mars"})).groups  # " mars" holds neither
    # "1er" is found as the run of digits it begins in: a figure, not yet the ordinal's "er"
    ordinal = needs(r"\ble\s+1er")
    assert ordinal.beyond(frozenset({"1er"})).groups == ordinal.groups
    assert needs(r"\d+h").beyond(frozenset({DIGIT, "1er"})).groups == (frozenset({"h"}),)


def test_a_spaced_anchor_tells_what_its_run_of_whitespace_follows() -> None:
    found = anchor(r"\b(?:le\s+)?(?:1er|\d{1,2})(?!\d)\s+(?:mai|juin)\b")
    assert found is not None and found.strings == frozenset({" mai", " juin"})
    assert found.follows == frozenset({DIGIT, "r"})  # "3 mai", "1er mai"
    # what may be empty, or end with a whitespace, tells nothing
    assert anchor(r"(?:le)?\s+(?:mai|juin)", 0).follows is None  # type: ignore[union-attr]
    assert anchor(r"\d[\s,]\s+(?:mai|juin)", 0).follows is None  # type: ignore[union-attr]


def test_an_occurrence_whose_whitespace_follows_none_of_them_opens_no_window() -> None:
    text = "il a déclaré en mai que le 3\n\n mai et le 1er  mai"
    found = anchor(r"(?:1er|\d{1,2})\s+mai")
    assert found is not None and found.follows is not None
    scanner = Scanner(text)
    lowered = text.lower()
    every = scanner._occurrences(found.strings, lowered)
    assert len(every) == 3
    kept = scanner._after(found.strings, found.follows, every, lowered)
    assert [lowered[first + 1:first + 4] for first, _ in kept] == ["mai", "mai"]
    assert kept[0][0] == text.index("\n\n mai") + 2  # the run's last whitespace
    pattern = re.compile(r"(?:1er|\d{1,2})\s+mai", re.IGNORECASE)
    assert [m.group() for m in scanner.finditer(pattern, needs(pattern.pattern), found)] == [
        "3\n\n mai", "1er  mai"]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_lowercase_twins_find_the_matches_and_groups_of_the_patterns(
        code: str, dated_texts: tuple[str, ...]) -> None:
    lex = patterns.lexicon(LanguagePack.load(code))
    assert all(twin is not None for twin in lex.twins)  # the packs' patterns are lowercase
    for text in (*dated_texts, *UNEVEN, *(t.upper() for t in dated_texts)):
        scanner = Scanner(text, lex.anchor_strings)
        for (kind, pattern), twin, need, where in zip(lex.patterns, lex.twins, lex.needs,
                                                      lex.anchors, strict=True):
            want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            got = [(m.span(), groups)
                   for m, groups in scanner.matches(pattern, twin, need, where)]
            assert got == want, kind
        assert patterns.enumerated_days(text, lex, scanner) == patterns.enumerated_days(
            text, lex)


def test_the_scan_stops_at_every_letter_a_string_begins_with_even_inside_another() -> None:
    spaced, inner, outer = (frozenset({" mai"}), frozenset({"demain"}),
                            frozenset({"après-demain"}))
    strings = AnchorStrings([spaced, inner, outer])
    text = "mai\u2009mai après-demain"  # a thin space is a whitespace too ("\s")
    found = strings.find(text)
    assert found[strings.index[spaced]] == [(3, 3)]  # none at the start: no space before
    assert found[strings.index[outer]] == [(8, 8)]
    assert found[strings.index[inner]] == [(14, 14)]  # inside "après-demain"


def test_runs_of_digits_and_of_space_are_the_repeats_they_stand_for() -> None:
    # a class first (re skips to it in C), the same runs as "\d+" and "\s{2,}": figures of
    # other scripts, a no-break space, line breaks and tabs
    text = "le 12 \u00a0mai\n\n2024, ٣٤ h\t\t5 x 6"
    assert _DIGITS.findall(text) == ["12", "2024", "٣٤", "5", "6"]
    assert _DIGITS.findall(text) == re.findall(r"\d+", text)
    assert _RUNS_OF_SPACE.findall(text) == [" \u00a0", "\n\n", "\t\t"]
    assert _RUNS_OF_SPACE.findall(text) == re.findall(r"\s{2,}", text)


def test_a_pattern_runs_over_the_windows_of_its_anchor_or_over_none() -> None:
    source = r"\ble\s+(?:mai|juin)(?!\d)"
    where, need = anchor(source, 0), needs(source, 0)
    # " mai" begins at 5 and ends at 8; a match begins at most 2 + W before it (W = 2, the
    # longest run of whitespace) and reads at most 8 + W past its start: (5 - 4, 8 + 10)
    # clipped to the text's 9 characters
    assert Scanner("x le  mai")._spans(need, where) == [(1, 9)]
    assert Scanner("x la  mai")._spans(need, where) == []  # no "le": the pattern needs it
    assert Scanner("x le  mois")._spans(need, where) == []  # no month: no window
    assert Scanner("x le  mai")._spans(need, None) == [(0, 9)]  # no anchor: all of it
    assert Scanner("x la  mai")._spans(need, None) == []
