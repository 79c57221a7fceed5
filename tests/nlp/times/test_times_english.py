"""Time expressions with the English pack on spaCy's blank English pipeline: the times mechanism
reads English months, weekdays, numbers and deictics, and no French pattern applies to English
text (nor an English one to French).

The reference date of every case is Wednesday 11 March 2026 (ISO week 11).
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack
from veille.nlp.context import DocContext
from veille.nlp.model import load_pipeline
from veille.nlp.scope import scope
from veille.nlp.times.component import verb_tense
from veille.nlp.times.grammar import find_times

REFERENCE = date(2026, 3, 11)
EN, FR = LanguagePack.load("en"), LanguagePack.load("fr")


@pytest.fixture(scope="module")
def nlp_en() -> Language:
    """spaCy's blank English pipeline with Veille's times component (its pack: the
    pipeline's language)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("veille_times", config={"kb": {"@misc": "veille.kb.v1", "extra": None}})
    return nlp


def times_of(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.veille_context = DocContext.from_iso(REFERENCE.isoformat(), "published",
                                               language="en")
    return [(t.text, t.value) for t in nlp(doc)._.veille_times]


def values(text: str, pack: LanguagePack) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, REFERENCE, "past", pack=pack)]


def test_english_sentence_dates_resolve_on_blank_english(nlp_en: Language) -> None:
    text = ("The summit opened on March 3, 2026 in Geneva. The minister met his counterpart "
            "on Monday; yesterday the talks resumed, after they stalled last week.")
    assert times_of(nlp_en, text) == [
        ("on March 3, 2026", "2026-03-03"), ("on Monday", "2026-03-09"),
        ("yesterday", "2026-03-10"), ("last week", "2026-W10")]


def test_full_blank_english_pipeline_gives_the_same_times() -> None:
    """The four components together (load_pipeline("blank:en")): times read English too."""
    text = "Talks resumed on Monday, three weeks ago they stalled."
    assert times_of(load_pipeline("blank:en"), text) == [
        ("on Monday", "2026-03-09"), ("three weeks ago", "2026-02-18")]


@pytest.mark.parametrize(("text", "expected"), [
    ("He arrived three weeks ago.", [("three weeks ago", "2026-02-18")]),
    ("The vote is due in two days.", [("in two days", "2026-03-13")]),
    ("Prices rose in May 2025.", [("in May 2025", "2025-05")]),
    ("They spoke on 3/5/2026.", [("3/5/2026", "2026-03-05")]),  # month first
    ("They met last Monday.", [("last Monday", "2026-03-09")]),
    ("They meet next Friday.", [("next Friday", "2026-03-13")]),
    ("Talks on March 3 and 4 failed.", [("March 3 and 4", "2026-03-03")]),
    ("The summit ended on March 6. The day before, the envoys met.",
     [("on March 6", "2026-03-06"), ("The day before", "2026-03-05")]),
    ("Every Monday the council meets.", []),  # no particular Monday
    # the part of a day belongs to the date it follows
    ("Polls stay open until March 4 in the evening.",
     [("until March 4 in the evening", "2026-03-04")]),
    ("They landed on March 2, 2026 early in the morning.",
     [("on March 2, 2026 early in the morning", "2026-03-02")]),
])
def test_english_expressions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(text, EN) == expected


def test_french_date_inside_english_text_is_not_read_with_the_english_pack(
        nlp_en: Language) -> None:
    text = "The envoy said the talks would resume le 3 mars 2026, not hier."
    assert times_of(nlp_en, text) == []
    # the same words are dates for the French pack
    assert values(text, FR) == [("le 3 mars 2026", "2026-03-03"), ("hier", "2026-03-10")]


def test_english_date_is_not_read_with_the_french_pack() -> None:
    text = "The summit opened on March 3, 2026, yesterday."
    assert values(text, FR) == []  # no French month, no French lead before the year
    assert values(text, EN) == [("on March 3, 2026", "2026-03-03"), ("yesterday", "2026-03-10")]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str],
            lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas)


def test_will_makes_a_future_with_the_english_pack_only() -> None:
    doc = _parsed(["He", "will", "meet", "her", "on", "Friday"], [2, 2, 2, 2, 5, 2],
                  ["nsubj", "aux", "ROOT", "obj", "case", "obl"],
                  ["PRON", "AUX", "VERB", "PRON", "ADP", "PROPN"],
                  ["he", "will", "meet", "she", "on", "Friday"])
    with scope(EN, KnowledgeBase()):
        assert verb_tense(doc[5]) == "future"
    with scope(FR, KnowledgeBase()):
        assert verb_tense(doc[5]) is None


def test_french_future_ending_is_no_cue_with_the_english_pack() -> None:
    # "recevra" read as the simple future of "recevoir" is a French morphology rule
    doc = _parsed(["Il", "recevra", "Paul", "lundi"], [1, 1, 1, 1],
                  ["nsubj", "ROOT", "obj", "obl"], ["PRON", "VERB", "PROPN", "NOUN"],
                  ["il", "recevoir", "Paul", "lundi"])
    with scope(FR, KnowledgeBase()):
        assert verb_tense(doc[3]) == "future"
    with scope(EN, KnowledgeBase()):
        assert verb_tense(doc[3]) is None


@pytest.mark.parametrize(("text", "value"), [
    ("Prices fell at the end of last month.", "2026-02"),
    ("The law takes effect at the beginning of next month.", "2026-04"),
    ("Sales fell in the second half.", "2026"),
    ("The first quarter of 2025 was good.", "2025"),
])
def test_parts_of_a_period_name_the_period(text: str, value: str) -> None:
    # reference: Tuesday 3 March 2026
    assert [t.value for t in find_times(text, date(2026, 3, 3), pack=EN)] == [value]
