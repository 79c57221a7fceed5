"""Speakers, role nouns and transcript turns with the English pack: the mechanism reads English
data, and the French word lists do not apply to English text (nor the English ones to French)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack
from veille.nlp.entities.component import EntityTable
from veille.nlp.model import load_pipeline
from veille.nlp.quotes.clause_subjects import role_subjects, subject_mentions
from veille.nlp.quotes.component import _is_ui_label
from veille.nlp.quotes.roles import country_of, words_of
from veille.nlp.quotes.speaker import Said, SpeakerResolver
from veille.nlp.quotes.turns import find_turns, label_role
from veille.nlp.scope import scope

# An empty KB: what is resolved here comes from the text and the pack, not from Wikidata.
KB = KnowledgeBase()


@contextmanager
def rules(code: str) -> Iterator[None]:
    with scope(LanguagePack.load(code), KB):
        yield


def _resolver(text: str, people: list[str]) -> SpeakerResolver:
    table = EntityTable(text, date(2025, 3, 1), KB)
    for name in people:
        start = text.index(name)
        table.add(name, "PER", start, start + len(name), name)
    return SpeakerResolver(text, table)


def _resolve(resolver: SpeakerResolver, words: str, occurrence: int = 1) -> Said:
    start = -1
    for _ in range(occurrence):
        start = resolver.text.index(words, start + 1)
    return resolver.resolve(start, start + len(words))


# -- pronouns and unnamed subjects -----------------------------------------------------------

def test_english_pronoun_takes_the_latest_person_of_its_gender() -> None:
    text = "Mrs Kallas met Mr Orlov in Tallinn. She said the talks went well. He agreed."
    with rules("en"):
        resolver = _resolver(text, ["Kallas", "Orlov"])
        assert _resolve(resolver, "She").name == "Kallas"  # Orlov, "Mr", is mentioned later
        assert _resolve(resolver, "He").name == "Orlov"


def test_pronouns_and_gender_evidence_are_the_pack_s() -> None:
    text = "Mrs Kallas met Mr Orlov in Tallinn. elle said the talks went well. She agreed."
    with rules("en"):
        assert _resolve(_resolver(text, ["Kallas", "Orlov"]), "elle") == Said()
    with rules("fr"):
        resolver = _resolver(text, ["Kallas", "Orlov"])
        # "elle" is a pronoun, but "Mrs" and "Mr" are no French evidence of gender: the
        # latest person
        assert _resolve(resolver, "elle").name == "Orlov"
        # "She" is a capitalised word, no pronoun: nobody linked
        assert _resolve(resolver, "She").id is None


def test_indefinite_subjects_are_unnamed_in_their_own_language_only() -> None:
    english = "Mr Orlov left. A source close to Mr Orlov said so."
    french = "M. Orlov est parti. Des sources proches de M. Orlov l'ont dit."
    with rules("en"):
        assert _resolve(_resolver(english, ["Orlov"]), "A source close to Mr Orlov") == Said()
        assert _resolve(_resolver(french, ["Orlov"]), "Des sources proches de M. Orlov",
                        ).name == "Orlov"
    with rules("fr"):
        assert _resolve(_resolver(french, ["Orlov"]), "Des sources proches de M. Orlov",
                        ) == Said()
        assert _resolve(_resolver(english, ["Orlov"]), "A source close to Mr Orlov",
                        ).name == "Orlov"


# -- role nouns ------------------------------------------------------------------------------

ROLES = ("The minister of the interior, John Smith, met Jane Doe, spokeswoman for the union. "
         "The minister said the talks would go on. The spokeswoman disagreed.")


def test_english_role_noun_refers_to_the_person_given_that_role() -> None:
    with rules("en"):
        resolver = _resolver(ROLES, ["John Smith", "Jane Doe"])
        # Jane Doe is the latest person: the role, not recency, picks John Smith
        assert _resolve(resolver, "The minister", 2).name == "John Smith"
        assert _resolve(resolver, "The spokeswoman").name == "Jane Doe"
    with rules("fr"):
        # "The" is no French article and "minister" no French role noun: an unlinked name
        said = _resolve(_resolver(ROLES, ["John Smith", "Jane Doe"]), "The minister", 2)
        assert said == Said("The minister", None, "ORG")


def test_qualifier_words_drop_the_pack_s_own_articles_and_prepositions() -> None:
    with rules("en"):
        assert words_of("Minister for the Interior") == ["minister", "interior"]
        assert words_of("ministre de l'Intérieur") == ["ministre", "de", "l", "interieur"]
    with rules("fr"):
        assert words_of("ministre de l'Intérieur") == ["ministre", "interieur"]
        assert words_of("Minister for the Interior") == ["minister", "for", "the", "interior"]


def test_country_of_a_qualifier_is_remembered_per_pack() -> None:
    # Asked first in French: a memo shared by the packs would answer None in English too.
    with rules("fr"):
        assert country_of(["french"]) is None
        assert country_of(["francais"]) == "FR"
    with rules("en"):
        assert country_of(["french"]) == "FR"
        assert country_of(["francais"]) is None


# -- role nouns as subjects (a DependencyMatcher pattern of the pack) -------------------------

@pytest.fixture(scope="module")
def blank_en() -> Language:
    return spacy.blank("en")


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def _english_subject(nlp: Language) -> Doc:  # "The minister was questioned."
    return _parsed(nlp, ["The", "minister", "was", "questioned", "."], [1, 3, 3, 3, 3],
                   ["det", "nsubjpass", "auxpass", "ROOT", "punct"])


def _french_subject(nlp: Language) -> Doc:  # "Le ministre russe a démenti."
    return _parsed(nlp, ["Le", "ministre", "russe", "a", "démenti", "."], [1, 4, 1, 4, 4, 4],
                   ["det", "nsubj", "amod", "aux:tense", "ROOT", "punct"])


def test_role_subjects_follow_the_pack_s_words_and_dependency_labels(blank_en: Language
                                                                      ) -> None:
    with rules("en"):
        assert role_subjects(_english_subject(blank_en)) == [(0, len("The minister"))]
        assert role_subjects(_french_subject(blank_en)) == []
    with rules("fr"):
        assert role_subjects(_french_subject(blank_en)) == [(0, len("Le ministre russe"))]
        assert role_subjects(_english_subject(blank_en)) == []


def test_role_subject_matcher_outlives_the_memory_zone_it_was_built_in() -> None:
    nlp = spacy.blank("en")  # a vocab of its own: the matcher is built inside the zone
    with rules("en"):
        with nlp.memory_zone():
            assert role_subjects(_english_subject(nlp)) == [(0, 12)]
        assert role_subjects(_english_subject(nlp)) == [(0, 12)]


def test_a_passive_subject_is_read_with_the_pack_s_dependency_labels(blank_en: Language
                                                                     ) -> None:
    doc = _parsed(blank_en, ["Kadri", "Simson", "was", "questioned", "."], [1, 3, 3, 3, 3],
                  ["compound", "nsubjpass", "auxpass", "ROOT", "punct"])  # ClearNLP labels
    for code, subjects in (("en", 1), ("fr", 0)):  # French reads nsubj:pass, UD's label
        with rules(code):
            table = EntityTable(doc.text, date(2025, 3, 1), KB)
            table.add("Kadri Simson", "PER", 0, 12, "Kadri Simson")
            assert len(subject_mentions(doc, table)) == subjects, code


def test_an_unparsed_doc_has_no_role_subjects(blank_en: Language) -> None:
    with rules("en"):
        assert role_subjects(blank_en("The minister was questioned.")) == []


# -- transcript turns ------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "label", "role"), [
    ("en", "Reporter", "interviewer"),
    ("en", "A", "interviewee"),
    ("en", "Photo credit", None),
    ("en", "Mr. Smith", "speaker"),
    ("en", "Journaliste", "speaker"),  # a capitalised word, not the French interviewer label
    ("en", "Réponse", "speaker"),
    ("fr", "Journaliste", "interviewer"),
    ("fr", "Réponse", "interviewee"),
    ("fr", "Reporter", "speaker"),
])
def test_transcript_labels_come_from_the_pack(code: str, label: str, role: str | None) -> None:
    with rules(code):
        assert label_role(label) == role


def test_english_interview_turns_alternate_between_interviewer_and_interviewee() -> None:
    text = ("Interview with Jane Doe\nThe union leader spoke to us.\nQuestion: Will you strike?\n"
            "Answer: We will.\nReporter: When?\nA: On Monday.\n")
    with rules("en"):
        assert [(t.label, t.role) for t in find_turns(text, None)] == [
            ("Question", "interviewer"), ("Answer", "interviewee"),
            ("Reporter", "interviewer"), ("A", "interviewee")]
    with rules("fr"):
        assert [t.role for t in find_turns(text, None)] == [
            "interviewer", "speaker", "speaker", "speaker"]


# -- page furniture --------------------------------------------------------------------------

def test_interface_labels_are_read_in_the_pack_s_language() -> None:
    english = 'Click "Accept all" to go on.'
    french = "En cliquant sur « Tout accepter », vous consentez."
    with rules("en"):
        assert _is_ui_label(english, (0, len(english)))
        assert not _is_ui_label(french, (0, len(french)))
    with rules("fr"):
        assert _is_ui_label(french, (0, len(french)))
        assert not _is_ui_label(english, (0, len(english)))


# -- the quotes component on spaCy's blank English pipeline ---------------------------------

INTERVIEW = ("Interview with Jane Doe\nJane Doe, the union leader, spoke to us on Monday.\n"
             "Question: Will you strike?\nAnswer: We will strike if we must.\nReporter: When?\n"
             "A: On Monday, at dawn.\n")


def _turns(lang: str | None) -> list[tuple[str, str | None, str | None]]:
    doc = load_pipeline("blank:en", lang=lang)(INTERVIEW)
    return [(q.text, q.speaker, q.speaker_role) for q in doc._.veille_quotes]


def test_blank_english_pipeline_reads_english_interview_labels() -> None:
    # No NER on a blank pipeline: the interviewee is not named, but no label is a speaker
    assert _turns(None) == [
        ("Will you strike?", None, "interviewer"), ("We will strike if we must.", None, None),
        ("When?", None, "interviewer"), ("On Monday, at dawn.", None, None)]


def test_french_pack_on_english_text_takes_english_labels_for_names() -> None:
    assert _turns("fr") == [
        ("Will you strike?", None, "interviewer"), ("We will strike if we must.", "Answer", None),
        ("When?", "Reporter", None), ("On Monday, at dawn.", "A", None)]
