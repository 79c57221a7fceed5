"""A new clause with a subject of its own after the trigger's phrase ("..., je leur ai
présenté ...") says something else: the names in it take no part in the event. Invented
sentences."""

from __future__ import annotations

from datetime import date

from veille.model import Event
from veille.nlp.events.rules import Actor, EventContext, build_events

PUBLISHED = EventContext(date(2026, 3, 4), published=True)


def events(text: str, names: dict[str, tuple[str, str]]) -> list[Event]:
    found = [Actor(text.index(form), text.index(form) + len(form), name, kind)
             for form, (name, kind) in names.items()]
    return build_events(text, (0, len(text)), found, [], PUBLISHED, None, None)


def test_names_of_a_clause_after_the_talks_take_no_part() -> None:
    text = ("« Je me suis entretenu avec nos partenaires, je leur ai présenté les attentes du "
            "Brésil, le président Lula y tient beaucoup », a affirmé Pedro Alves.")
    found = events(text, {"Brésil": ("Brésil", "LOC"), "Lula": ("Lula", "PER"),
                          "Pedro Alves": ("Pedro Alves", "PER")})
    assert [(e.type, e.participants) for e in found] == [("talks", ["Pedro Alves"])]


def test_names_joined_to_the_trigger_by_a_comma_still_take_part() -> None:
    text = "Pedro Alves s'est entretenu avec Marta Silva, la ministre chilienne, et Lula."
    found = events(text, {"Pedro Alves": ("Pedro Alves", "PER"),
                          "Marta Silva": ("Marta Silva", "PER"), "Lula": ("Lula", "PER")})
    assert [sorted(e.participants) for e in found] == [["Lula", "Marta Silva", "Pedro Alves"]]


def test_the_main_clause_after_a_fronted_event_names_its_parties() -> None:
    text = "Pendant le sommet de Lima, il a longuement salué Lula et Marta Silva."
    found = events(text, {"Lima": ("Lima", "LOC"), "Lula": ("Lula", "PER"),
                          "Marta Silva": ("Marta Silva", "PER")})
    assert [(e.type, sorted(e.participants)) for e in found] == [
        ("summit", ["Lula", "Marta Silva"])]
