"""Interviews laid out with dialogue dashes: questions are the interviewer's, answers the
interviewee's (the person the introduction names)."""

from __future__ import annotations

from collections.abc import Callable

from veille.nlp.pipeline import Analysis
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
