"""Talks with "nos collègues" after a meeting the text reports are the talks of that meeting:
the colleagues are its people. Invented sentences, plain data."""

from __future__ import annotations

from veille.model import Event
from veille.nlp.events.anaphora import talks_with_colleagues

TEXT = ("Les chefs de la diplomatie du Mercosur se sont réunis lundi à Asuncion. "
        "« Je me suis entretenu avec mes homologues de nos priorités », a dit Pedro Alves. "
        "Pedro Alves s'est entretenu avec ses conseillers.")


def event_at(trigger: str, kind: str, participants: list[str], place: str | None = None,
             date: str | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(trigger, start + 1)
    return Event(kind, trigger, start, start + len(trigger), participants, place, date,
                 "happened")


def test_talks_with_ones_counterparts_are_at_the_meeting_before() -> None:
    meeting = event_at("se sont réunis", "meeting", ["Mercosur"], "Asuncion", "2026-03-02")
    talks = event_at("me suis entretenu", "talks", ["Pedro Alves"])
    found = talks_with_colleagues(TEXT, [meeting, talks])
    assert [(e.participants, e.place, e.date) for e in found] == [
        (["Mercosur"], "Asuncion", "2026-03-02"),
        (["Pedro Alves", "Mercosur"], "Asuncion", "2026-03-02")]


def test_talks_with_ones_advisers_are_no_one_elses() -> None:
    meeting = event_at("se sont réunis", "meeting", ["Mercosur"], "Asuncion", "2026-03-02")
    talks = event_at("s'est entretenu", "talks", ["Pedro Alves"])
    assert talks_with_colleagues(TEXT, [meeting, talks]) == [meeting, talks]


def test_talks_with_counterparts_and_no_meeting_before_stay_as_told() -> None:
    talks = event_at("me suis entretenu", "talks", ["Pedro Alves"])
    assert talks_with_colleagues(TEXT, [talks]) == [talks]
