"""Time expressions and events through the spaCy pipeline: the parse decides the tense."""

from __future__ import annotations

from collections.abc import Callable

from veille.nlp.pipeline import Analysis


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
