"""Quotes part A (cues, direct, indirect, context) with the English pack on spaCy's blank English
pipeline: the English lists cue English text, and no French rule fires on it (nor an English one
on French text).

A blank pipeline has no tagger, so the Docs carry the tags a tagger would give (``pos``,
``lemmas``), written by hand; the rest of the pipeline (sentencizer, Veille's components) runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.model import Entity, Mention, Quote
from veille.nlp.model import load_pipeline
from veille.nlp.quotes.context import medium, said_on
from veille.nlp.quotes.cues import is_reporting_verb, pronoun_of
from veille.nlp.quotes.indirect import find_indirect
from veille.nlp.quotes.marks import find_marked, sentences
from veille.nlp.quotes.source_cues import SourceCue, source_cue
from veille.nlp.scope import scope
from veille.nlp.spans import Spans

Tagged = list[tuple[str, str, str, bool]]  # word, pos, lemma, space after

# “We will not yield,” the minister said on Sunday.
_ENGLISH: Tagged = [
    ("“", "PUNCT", "“", False), ("We", "PRON", "we", True), ("will", "AUX", "will", True),
    ("not", "PART", "not", True), ("yield", "VERB", "yield", False), (",", "PUNCT", ",", False),
    ("”", "PUNCT", "”", True), ("the", "DET", "the", True), ("minister", "NOUN", "minister", True),
    ("said", "VERB", "say", True), ("on", "ADP", "on", True), ("Sunday", "PROPN", "Sunday", False),
    (".", "PUNCT", ".", False),
]
# “Nous ne céderons pas”, a déclaré le ministre. (marks both packs know)
_FRENCH: Tagged = [
    ("“", "PUNCT", "“", False), ("Nous", "PRON", "nous", True), ("ne", "ADV", "ne", True),
    ("céderons", "VERB", "céder", True), ("pas", "ADV", "pas", False), ("”", "PUNCT", "”", False),
    (",", "PUNCT", ",", True), ("a", "AUX", "avoir", True), ("déclaré", "VERB", "déclarer", True),
    ("le", "DET", "le", True), ("ministre", "NOUN", "ministre", False), (".", "PUNCT", ".", False),
]


@pytest.fixture(scope="module")
def english() -> Language:
    return load_pipeline("blank:en")


@pytest.fixture(scope="module")
def french() -> Language:
    return load_pipeline("blank:fr")


@pytest.fixture
def en_rules() -> Iterator[None]:
    with scope(LanguagePack.load("en"), get_kb()):
        yield


def tagged(nlp: Language, tokens: Tagged) -> Doc:
    return Doc(nlp.vocab, words=[t[0] for t in tokens], pos=[t[1] for t in tokens],
               lemmas=[t[2] for t in tokens], spaces=[t[3] for t in tokens])


def quotes_of(nlp: Language, tokens: Tagged) -> list[Quote]:
    doc = tagged(nlp, tokens)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return list(doc._.veille_quotes)


def test_english_pack_cues_an_english_quote(english: Language, french: Language) -> None:
    assert [q.cue for q in quotes_of(english, _ENGLISH)] == ["said"]
    # The same words with the French pack: "say" is no French reporting verb.
    assert [q.cue for q in quotes_of(french, _ENGLISH)] == [None]


def test_french_cue_does_not_fire_with_the_english_pack(english: Language, french: Language
                                                         ) -> None:
    assert [q.cue for q in quotes_of(french, _FRENCH)] == ["a déclaré"]
    assert [q.cue for q in quotes_of(english, _FRENCH)] == [None]


def test_reporting_verb_follows_the_pack(english: Language) -> None:
    said = tagged(english, _ENGLISH)[9]
    declared = tagged(english, _FRENCH)[8]
    assert is_reporting_verb(said) is False and is_reporting_verb(declared) is True  # French
    with scope(LanguagePack.load("en"), get_kb()):
        assert is_reporting_verb(said) is True
        assert is_reporting_verb(declared) is False


def test_inverted_pronoun_is_a_french_pattern(english: Language) -> None:
    # « Non », a-t-il dit.
    doc = tagged(english, [("a", "AUX", "avoir", False), ("-t", "PRON", "-t", False),
                           ("-il", "PRON", "il", True), ("dit", "VERB", "dire", False)])
    assert pronoun_of(doc, doc[3]) == "il"
    with scope(LanguagePack.load("en"), get_kb()):
        assert pronoun_of(doc, doc[3]) is None


def test_according_to_is_an_english_source(english: Language) -> None:
    doc = tagged(english, [("according", "VERB", "accord", True), ("to", "ADP", "to", True),
                           ("selon", "X", "selon", True), ("Smith", "PROPN", "Smith", False)])
    assert source_cue(doc, doc[1]) is None
    assert source_cue(doc, doc[2]) == SourceCue("selon", 2)
    with scope(LanguagePack.load("en"), get_kb()):
        assert source_cue(doc, doc[1]) == SourceCue("according to", 0)
        assert source_cue(doc, doc[2]) is None


def test_english_that_clause_is_indirect_speech(english: Language, en_rules: None) -> None:
    # The minister said that the talks had failed.
    doc = tagged(english, [
        ("The", "DET", "the", True), ("minister", "NOUN", "minister", True),
        ("said", "VERB", "say", True), ("that", "SCONJ", "that", True), ("the", "DET", "the", True),
        ("talks", "NOUN", "talk", True), ("had", "AUX", "have", True),
        ("failed", "VERB", "fail", False), (".", "PUNCT", ".", False)])
    found = find_indirect(doc, (0, len(doc.text)), Spans([]))
    assert [(doc.text[r.start : r.end], r.cue) for r in found] == [
        ("the talks had failed", "said")]
    subject = found[0].subject
    assert subject is not None and doc.text[subject[0] : subject[1]] == "The minister"


def test_said_on_reads_english_weekdays() -> None:
    text = "the minister said on Sunday / closed since Sunday"
    spoken, bound = [(0, text.index(" /"))], [(text.index("closed"), len(text))]
    wednesday = date(2024, 5, 8)
    assert said_on(text, spoken, [], wednesday) is None  # French: no weekday here
    with scope(LanguagePack.load("en"), get_kb()):
        assert said_on(text, spoken, [], wednesday) == "2024-05-05"
        assert said_on(text, bound, [], wednesday) is None  # "since": the bound of the closure


def test_medium_reads_english_prepositions() -> None:
    text = "he said in an interview with the BBC"
    bbc = Entity("e1", "BBC", "ORG", mentions=[Mention(33, 36, "BBC")])
    # French: "interview" is a French medium noun too, but no French preposition precedes "BBC".
    assert medium(text, [(0, len(text))], [bbc], None) is None
    with scope(LanguagePack.load("en"), get_kb()):
        assert medium(text, [(0, len(text))], [bbc], None) == "BBC"


def test_quote_marks_are_the_packs() -> None:
    text = "« Non », dit-il. “Yes,” she said."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["Non", "Yes,"]
    with scope(LanguagePack.load("en"), get_kb()):
        assert [text[m.start : m.end] for m in find_marked(text)] == ["Yes,"]


def test_english_abbreviations_end_no_sentence() -> None:
    text = "Mr. Smith arrived. He said no."
    assert [text[a:b] for a, b in sentences(text, [])] == ["Mr.", "Smith arrived.", "He said no."]
    with scope(LanguagePack.load("en"), get_kb()):
        assert [text[a:b] for a, b in sentences(text, [])] == ["Mr. Smith arrived.", "He said no."]


def test_passive_reads_the_english_parser_labels(english: Language, en_rules: None) -> None:
    # It was announced that the talks had failed. (ClearNLP labels, as en_core_web_sm gives them)
    words = ["It", "was", "announced", "that", "the", "talks", "had", "failed", "."]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    lemmas = ["it", "be", "announce", "that", "the", "talk", "have", "fail", "."]
    heads = [2, 2, 2, 7, 5, 7, 7, 2, 2]

    def reported(passive_label: str) -> list[tuple[tuple[int, int] | None, str | None]]:
        deps = ["nsubjpass", passive_label, "ROOT", "mark", "det", "nsubj", "aux", "ccomp",
                "punct"]
        doc = Doc(english.vocab, words=words, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
                  spaces=[True] * 7 + [False, False])
        return [(r.subject, r.pronoun) for r in find_indirect(doc, (0, len(doc.text)), Spans([]))]

    assert reported("auxpass") == [(None, "they")]  # said, but by no one named
    assert reported("aux:pass") == [((0, 2), None)]  # the French label means nothing here


def test_opinion_opener_reads_the_english_ner_labels(english: Language, en_rules: None) -> None:
    # For Anne Vidal, the plan fails.
    words = ["For", "Anne", "Vidal", ",", "the", "plan", "fails", "."]

    def cue(label: str) -> SourceCue | None:
        ents = ["O", f"B-{label}", f"I-{label}"] + ["O"] * 5
        doc = Doc(english.vocab, words=words, ents=ents)
        return source_cue(doc, doc[0])

    assert cue("PERSON") == SourceCue("for", 0)
    assert cue("PER") is None  # WikiNER's label is not the English model's


def test_untagged_english_cue_on_the_blank_pipeline(english: Language, french: Language) -> None:
    # No tagger: a listed form is the cue (it cannot be told from a noun); the pack decides.
    text = "\u201cWe agreed on a timetable,\u201d Ferrer said after the talks."
    assert [q.cue for q in english(text)._.veille_quotes] == ["said"]
    assert [q.cue for q in french(text)._.veille_quotes] == []  # no cue: a short uncued phrase
