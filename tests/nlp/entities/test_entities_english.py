"""The entity mechanism with the English pack: English roles, trimming and noise apply, French
ones do not (and the reverse with the French pack)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase, get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.context import DocContext
from veille.nlp.entities.roles import country_names, find_roles, nationalities
from veille.nlp.entities.table import EntityTable
from veille.nlp.entities.text import is_noise, trim_span
from veille.nlp.model import load_pipeline
from veille.nlp.scope import scope

EN = LanguagePack.load("en")
FR = LanguagePack.load("fr")
FRENCH_ROLE = "Le ministre russe des Affaires étrangères a parlé."


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return get_kb()


@pytest.fixture
def english(kb: KnowledgeBase) -> Iterator[None]:
    with scope(EN, kb):
        yield


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("blank:en")


def _roles(text: str) -> list[tuple[str, str, str | None, bool]]:
    return [(r.text, r.role, r.country, r.current) for r in find_roles(text)]


@pytest.mark.usefixtures("english")
def test_english_role_descriptions_are_found_with_their_country() -> None:
    text = ("The Russian foreign minister met the former Finnish president. "
            "The Prime Minister of India and the NATO secretary-general spoke.")
    assert _roles(text) == [
        ("The Russian foreign minister", "foreign_minister", "RU", True),
        ("the former Finnish president", "head_of_state", "FI", False),
        ("The Prime Minister of India", "head_of_government", "IN", True),
        ("the NATO secretary-general", "secretary_general", "NATO", True),
    ]


@pytest.mark.usefixtures("english")
def test_a_minister_named_by_portfolio_in_english() -> None:
    assert _roles("The Minister for Economic Affairs arrived.") == [
        ("The Minister for Economic Affairs", "minister:economic affairs", None, True)]


def test_a_french_role_is_a_role_only_with_the_french_pack(kb: KnowledgeBase) -> None:
    with scope(EN, kb):
        assert find_roles(FRENCH_ROLE) == []
    with scope(FR, kb):
        assert _roles(FRENCH_ROLE) == [
            ("Le ministre russe des Affaires étrangères", "foreign_minister", "RU", True)]


def test_nationalities_and_country_names_follow_the_pack(kb: KnowledgeBase) -> None:
    with scope(EN, kb):
        assert nationalities()["russian"] == "RU" and "russe" not in nationalities()
        assert country_names()["germany"] == "DE" and "allemagne" not in country_names()
    with scope(FR, kb):
        assert nationalities()["russe"] == "RU" and "russian" not in nationalities()
        assert country_names()["allemagne"] == "DE"


def _names(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    trimmed = [trim_span(text, start, end) for start, end in spans]
    return [t.name if t else None for t in trimmed]


def test_leading_articles_are_the_packs_own(kb: KnowledgeBase) -> None:
    text = "the Kremlin / des États-Unis"
    spans = [(0, 11), (14, len(text))]
    with scope(EN, kb):
        assert _names(text, spans) == ["Kremlin", "des États-Unis"]
    with scope(FR, kb):
        assert _names(text, spans) == ["the Kremlin", "États-Unis"]


def test_ner_noise_is_the_packs_own(kb: KnowledgeBase) -> None:
    with scope(EN, kb):
        assert is_noise("Read more", "Read more") and not is_noise("Réponse", "Réponse")
    with scope(FR, kb):
        assert is_noise("Réponse", "Réponse") and not is_noise("Read more", "Read more")


def _english_doc(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A Doc of the blank English pipeline with NER spans set by hand (it has no tagger):
    ``ents`` as (surface, OntoNotes label)."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    doc._.veille_context = DocContext(date(2024, 5, 1), "published", language="en")
    return doc


def test_the_entities_component_runs_on_blank_english(nlp: Language) -> None:
    text = ("The Russian foreign minister arrived in Geneva. Mr. Smith, an analyst, "
            "read the statement. Photo")
    doc = _english_doc(nlp, text, [("Geneva", "GPE"), ("Mr. Smith", "PERSON"),
                                   ("Photo", "PERSON")])
    table = nlp.get_pipe("veille_entities")(doc)._.veille_entities
    assert isinstance(table, EntityTable)
    found = {(e.name, e.type, e.kb_id): [(m.text, m.via) for m in e.mentions]
             for e in table.entities()}
    # The role resolves to the KB holder on the date, named by his English label, as Geneva
    # is (the French pack names it "Genève"); OntoNotes' GPE and PERSON map to LOC and PER;
    # "Mr." is an English title; "Photo" is English page furniture.
    assert found == {
        ("Sergey Lavrov", "PER", "Q58217"): [("The Russian foreign minister", "title")],
        ("Geneva", "LOC", "Q71"): [("Geneva", "name")],
        ("Smith", "PER", None): [("Smith", "title")],
    }


def _types(nlp: Language, text: str, ents: list[tuple[str, str]]) -> dict[str, str]:
    doc = nlp.get_pipe("veille_entities")(_english_doc(nlp, text, ents))
    return {e.name: e.type for e in doc._.veille_entities.entities()}


def test_a_role_in_apposition_makes_a_person_with_english_nouns(nlp: Language) -> None:
    # A two-word span tagged NORP (MISC) followed by an English role noun is a person; a
    # French role noun there is not a cue with the English pack.
    assert _types(nlp, "Kossi Amegan, the current minister of trade, spoke.",
                  [("Kossi Amegan", "NORP")]) == {"Kossi Amegan": "PER"}
    assert _types(nlp, "Kossi Amegan, ministre du Commerce, spoke.",
                  [("Kossi Amegan", "NORP")]) == {"Kossi Amegan": "MISC"}
