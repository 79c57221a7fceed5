"""One document's mentions of one event made one report, and when they stay apart."""

from __future__ import annotations

from veille.model import Event, Record, Source
from veille.resolve.timeline import document_events

CALVINO, ALBARES, SANCHEZ = "Nadia Calviño", "José Manuel Albares", "Pedro Sánchez"


def call(text: str, trigger: str, date: str | None, *people: str) -> Event:
    start = text.index(trigger)
    return Event("call", trigger, start, start + len(trigger), list(people), None, date)


def reports(text: str, *events: Event) -> list[list[str]]:
    items = document_events(Record("doc", Source(), text, events=list(events)))
    return sorted(sorted(i.participants) for i in items)


def test_the_caller_then_the_one_called_in_the_next_sentence_are_one_call() -> None:
    text = "Calviño m'a appelé lundi. Nous avons eu une conversation franche, dit Albares."
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO),
                    call(text, "conversation", None, ALBARES))
    assert found == [[ALBARES, CALVINO]]


def test_one_name_each_further_apart_are_two_calls() -> None:
    text = ("Calviño m'a appelé lundi. Le budget reste en débat. "
            "Nous avons eu une conversation franche, dit Albares.")
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO),
                    call(text, "conversation", None, ALBARES))
    assert found == [[ALBARES], [CALVINO]]


def test_a_call_of_another_pair_in_the_next_sentence_stays_apart() -> None:
    text = "Calviño a appelé Albares lundi. Sánchez a eu une conversation avec Albares."
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO, ALBARES),
                    call(text, "conversation", None, SANCHEZ, ALBARES))
    assert found == [[ALBARES, CALVINO], [ALBARES, SANCHEZ]]
