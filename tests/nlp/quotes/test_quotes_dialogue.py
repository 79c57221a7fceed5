"""Interviews laid out with dialogue dashes: questions are the interviewer's, answers the
interviewee's (the person the introduction names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.pipeline import Analysis
from veille.nlp.quotes.marks import find_marked
from veille.nlp.quotes.turns import find_turns

Analyze = Callable[..., Analysis]

INTERVIEW = (
    "Le maire de Brest se confie\n"
    "Élu en mars, Yann Le Goff revient sur ses premiers mois. Yann Le Goff nous a reçus.\n"
    "— Quel bilan tirez-vous de ces six mois ?\n"
    "— Un bilan contrasté. Le port a retrouvé des bateaux.\n"
    "— Et la piscine ?\n"
    "— Elle rouvrira au printemps."
)


def test_dashed_questions_and_answers_are_turns() -> None:
    turns = find_turns(INTERVIEW, None)
    assert [(t.role, INTERVIEW[t.start : t.end]) for t in turns] == [
        ("interviewer", "Quel bilan tirez-vous de ces six mois ?"),
        ("interviewee", "Un bilan contrasté. Le port a retrouvé des bateaux."),
        ("interviewer", "Et la piscine ?"),
        ("interviewee", "Elle rouvrira au printemps."),
    ]


def test_dashed_list_without_questions_is_no_interview() -> None:
    text = "Les mesures\nLe conseil a voté :\n- la gratuité des bus ;\n- un parking relais."
    assert find_turns(text, None) == []


def test_answers_go_to_the_person_the_introduction_names(analyze_text: Analyze) -> None:
    quotes = analyze_text(INTERVIEW).quotes
    got = [(q.speaker, q.speaker_role) for q in quotes if q.kind == "turn"]
    assert got == [(None, "interviewer"), ("Yann Le Goff", None)] * 2


def test_interview_headline_quote_is_the_interviewees(analyze_text: Analyze) -> None:
    text = "« Le port de Brest vivra »\n" + INTERVIEW.split("\n", 1)[1]
    quotes = analyze_text(text).quotes
    assert [(q.text, q.speaker) for q in quotes if q.kind == "direct"] == [
        ("Le port de Brest vivra", "Yann Le Goff")]


# -- dialogue lines of narrative copy: "— Paroles, a dit X." -------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("La séance a été levée à midi.\n— Nous partirons demain, a dit la ministre.\nElle est sortie.",
     ["Nous partirons demain"]),
    # the en dash of some outlets, the speech's own question mark before the incise
    ("Le gérant a fermé la porte.\n– Vous reviendrez lundi ? a-t-il demandé aux clients.",
     ["Vous reviendrez lundi ?"]),
    # the verb after its pronoun-inverted auxiliary, the subject a name
    ("Les pompiers sont repartis vers minuit.\n— Le feu est maîtrisé, a indiqué Koffi Mensah.",
     ["Le feu est maîtrisé"]),
])
def test_dialogue_line_with_an_incise_is_quoted(text: str, words: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text)] == words


@pytest.mark.parametrize("text", [
    # a list of short items after a dash: no reporting incise
    "Le plan prévoit :\n— Réduire la dette, relancer l'investissement.\n— Baisser les impôts.",
    # a dash-led heading (no final stop), even with a reporting form after its comma
    "— Les chiffres de la saison, expliqués\nLa station a accueilli 40 000 skieurs.",
    # speech that starts lower case is a list item
    "Le conseil a voté :\n— la gratuité des bus, a précisé le maire ;\n— un parking relais.",
    # the hyphen opens list items, not dialogue
    "Le bilan\n- Les recettes ont doublé, a dit le trésorier.",
])
def test_dashed_line_without_dialogue_is_no_quote(text: str) -> None:
    assert find_marked(text) == []


def test_dialogue_line_has_the_incise_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("La ministre Claire Fontaine a visité l'usine de Charleroi lundi.\n"
                          "— Aucun emploi ne sera supprimé cette année, a assuré Claire "
                          "Fontaine devant les ouvriers.").quotes
    said = [(q.kind, q.text, q.speaker) for q in quotes]
    assert said == [("direct", "Aucun emploi ne sera supprimé cette année", "Claire Fontaine")]


def test_narrative_question_and_answer_are_no_interview() -> None:
    text = ("Le maire de Sion est arrivé en retard.\n"
            "— Vous restez pour le vote ?\n"
            "— Non, je repars ce soir, a répondu le maire.")
    assert find_turns(text, None) == []
    assert [text[m.start : m.end] for m in find_marked(text)] == ["Non, je repars ce soir"]
