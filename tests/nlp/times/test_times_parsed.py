"""Time expressions and events through the spaCy pipeline: the parse decides the tense."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from veille.nlp.factories import COMPONENTS
from veille.nlp.model import load_pipeline
from veille.nlp.pipeline import Analysis
from veille.nlp.times.component import verb_tense
from veille.settings import Settings


def test_future_verb_sends_a_bare_weekday_forward(analyze_text: Callable[..., Analysis]) -> None:
    # 26 October 2025 is a Sunday: "se rendra vendredi" is 31 October, "a parlé vendredi" the 24th
    future = analyze_text("Le ministre se rendra vendredi à Paris.", "2025-10-26")
    past = analyze_text("Le ministre a parlé vendredi à Paris.", "2025-10-26")
    assert [t.value for t in future.times] == ["2025-10-31"]
    assert [t.value for t in past.times] == ["2025-10-24"]


def test_event_gets_the_date_of_its_sentence(analyze_text: Callable[..., Analysis]) -> None:
    result = analyze_text("Emmanuel Macron a rencontré Olaf Scholz hier à Berlin.", "2025-10-26")
    meetings = [e for e in result.events if e.type == "meeting"]
    assert [(e.date, e.place, e.status) for e in meetings] == [("2025-10-25", "Berlin", "happened")]


def test_a_planned_meeting_day_lies_ahead(analyze_text: Callable[..., Analysis]) -> None:
    result = analyze_text("La réunion, prévue jeudi, a été reportée.", "2025-10-26")
    assert [t.value for t in result.times] == ["2025-10-30"]


def test_news_present_takes_the_nearer_weekday(analyze_text: Callable[..., Analysis]) -> None:
    # 5 November 2025 is a Wednesday: Friday the 7th is nearer than Friday 31 October
    result = analyze_text("Poutine reçoit vendredi son homologue.", "2025-11-05")
    assert [t.value for t in result.times] == ["2025-11-07"]


def parsed_with_a_cut(text: str, before: str, model: str) -> Doc:
    """``text`` parsed by the real model with a sentence forced to start at ``before``, as the
    parser itself sometimes cuts one clause in two ("... dans le New Jersey | mercredi.")."""
    nlp = load_pipeline(model)
    doc = nlp.make_doc(text)
    cut = next(t for t in doc if t.idx == text.index(before))
    cut.is_sent_start = True
    for name, pipe in nlp.pipeline:
        if name not in COMPONENTS:
            doc = pipe(doc)
    return doc


def weekday_token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def test_a_weekday_cut_off_its_clause_takes_the_tense_of_the_verb_before(
        settings: Settings) -> None:
    expected = ("Après la tempête, la ministre a suspendu sa campagne pour suivre les secours, "
                "elle est attendue dans le Bas-Rhin mercredi.")
    doc = parsed_with_a_cut(expected, "mercredi", settings.model)
    day = weekday_token(doc, "mercredi")
    assert day.sent.text.startswith("mercredi")  # the cut held: the weekday heads a fragment
    assert verb_tense(day) == "future"  # "attendue": a plan
    went = "Après la tempête, la ministre s'est rendue dans le Bas-Rhin mercredi."
    day = weekday_token(parsed_with_a_cut(went, "mercredi", settings.model), "mercredi")
    assert verb_tense(day) == "past"


def test_a_weekday_after_a_full_stop_takes_no_tense_from_the_sentence_before(
        settings: Settings) -> None:
    text = "La ministre est attendue dans le Bas-Rhin. Mercredi."
    day = weekday_token(parsed_with_a_cut(text, "Mercredi", settings.model), "Mercredi")
    assert verb_tense(day) is None
