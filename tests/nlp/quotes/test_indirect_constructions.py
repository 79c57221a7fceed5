"""Indirect speech without "que" after the verb, or with its attribution elsewhere
(nlp/quotes/indirect_forms.py, wired in nlp/quotes/indirect.py and cues.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


def _indirect(analyze: Analyze, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyze(text).quotes if q.kind == "indirect"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("De l'avis de Marie Lefort, la réforme arrive trop tard pour les agriculteurs.",
     "la réforme arrive trop tard pour les agriculteurs", "Marie Lefort"),
    ("À en croire Sylvain Morel, la grève sera très suivie dans les dépôts jeudi.",
     "la grève sera très suivie dans les dépôts jeudi", "Sylvain Morel"),
])
def test_fronted_source_phrase_governs_the_sentence(analyze_text: Analyze, text: str,
                                                    content: str, speaker: str) -> None:
    assert _indirect(analyze_text, text) == [(content, speaker)]


def test_pronoun_source_opener_names_the_person_spoken_of(analyze_text: Analyze) -> None:
    text = ("Pierre Lamy a rencontré les élus de la vallée lundi. À l'en croire, la fusion des "
            "communes sera bouclée en juin.")
    found = [(q.text, q.speaker, q.cue) for q in analyze_text(text).quotes]
    assert found == [("la fusion des communes sera bouclée en juin", "Pierre Lamy",
                      "À l'en croire")]


def test_relative_after_a_named_person_makes_them_the_source(analyze_text: Analyze) -> None:
    text = "Le projet a été salué par Jean Morel, pour qui la ville a enfin trouvé un cap."
    assert _indirect(analyze_text, text) == [("la ville a enfin trouvé un cap", "Jean Morel")]


@pytest.mark.parametrize("second", [
    "C'est l'avis de Julie Marchand, économiste à Lyon.",
    "Le diagnostic est de la professeure Julie Marchand.",
])
def test_next_sentence_attributes_the_one_before(analyze_text: Analyze, second: str) -> None:
    text = "Les hôpitaux de la région manquent de bras depuis des années. " + second
    assert _indirect(analyze_text, text) == [
        ("Les hôpitaux de la région manquent de bras depuis des années", "Julie Marchand")]


def test_noun_phrase_without_presentative_attributes_nothing(analyze_text: Analyze) -> None:
    text = ("Les hôpitaux de la région manquent de bras depuis des années. La position de la "
            "ministre Julie Marchand reste ferme.")
    assert _indirect(analyze_text, text) == []


def test_fear_verb_reports_its_que_clause(analyze_text: Analyze) -> None:
    text = "Les habitants de la vallée craignent que la route ne soit fermée tout l'hiver."
    assert [c for c, _ in _indirect(analyze_text, text)] == [
        "la route ne soit fermée tout l'hiver"]


def test_fear_verb_with_a_noun_object_reports_nothing(analyze_text: Analyze) -> None:
    assert _indirect(analyze_text, "Les habitants de la vallée craignent la pluie.") == []


def test_announced_noun_phrase_is_the_content(analyze_text: Analyze) -> None:
    text = "Le syndicat Sud-Rail a annoncé la grève des contrôleurs pour le 3 mars."
    assert [c for c, _ in _indirect(analyze_text, text)] == [
        "la grève des contrôleurs pour le 3 mars"]


def test_estimated_figure_and_what_it_counts_are_the_content(analyze_text: Analyze) -> None:
    text = "La fédération évalue à 40 000 le nombre de postes menacés, contre 30 000 en mai."
    assert [c for c, _ in _indirect(analyze_text, text)] == [
        "40 000 le nombre de postes menacés, contre 30 000 en mai"]
