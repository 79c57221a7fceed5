"""Cues that attribute a statement without a verb (nlp/quotes/source_cues.py): source
prepositions, split or not by the tokenizer, source phrases, opinion openers before a person,
and which phrases after them name a source."""

from __future__ import annotations

import pytest
from spacy.language import Language

from veille.nlp.quotes.source_cues import SourceCue, can_be_source, source_cue


def _cues(nlp: Language, text: str) -> list[SourceCue]:
    doc = nlp(text)
    return [cue for tok in doc if (cue := source_cue(doc, tok)) is not None]


@pytest.mark.parametrize(("text", "cue"), [
    ("Selon la police, le cortège comptait mille personnes.", "selon"),
    ("D'après le maire, la route rouvrira lundi.", "d'après"),
    ("D’après le maire, la route rouvrira lundi.", "d'après"),  # the typographic apostrophe
    ("De l'avis de l'économiste, la croissance ralentira.", "de l'avis de"),
])
def test_a_source_cue_from_the_first_token(nlp: Language, text: str, cue: str) -> None:
    assert _cues(nlp, text) == [SourceCue(cue, 0)]


def test_an_opinion_opener_needs_a_person_before_its_comma(nlp: Language) -> None:
    assert _cues(nlp, "Pour Anne Vidal, la croissance ralentira.") == [SourceCue("pour", 0)]
    assert _cues(nlp, "Pour la première fois, la croissance ralentira.") == []


@pytest.mark.parametrize(("text", "phrase", "source"), [
    ("Selon des sources proches du dossier, il partira.", "des sources proches du dossier", True),
    ("Selon lui, il partira.", "lui", True),
    ("Selon les régions, le tarif varie.", "les régions", False),
    ("Selon le calendrier prévu, il partira.", "le calendrier prévu", False),
])
def test_which_phrases_name_a_source(nlp: Language, text: str, phrase: str, source: bool) -> None:
    doc = nlp(text)
    start = text.index(phrase)
    assert can_be_source(doc, (start, start + len(phrase))) is source
