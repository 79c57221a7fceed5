"""An event someone announces is still to come, and who hears of the announcement takes no part
in it. Invented sentences."""

from __future__ import annotations

from datetime import date

from veille.model import Event
from veille.nlp.events.rules import Actor, EventContext, build_events

PUBLISHED = EventContext(date(2026, 3, 4), published=True)


def events(text: str, names: dict[str, tuple[str, str]]) -> list[Event]:
    found = [Actor(text.index(form), text.index(form) + len(form), name, kind)
             for form, (name, kind) in names.items()]
    return build_events(text, (0, len(text)), found, [], PUBLISHED, None, None)


def test_an_announcement_of_a_summit_makes_it_planned() -> None:
    text = ("Son annonce inattendue mardi dernier d’une rencontre avec le chef de l’État "
            "chilien Rafael Ortega a inquiété les partenaires du Mercosur.")
    found = events(text, {"Rafael Ortega": ("Rafael Ortega", "PER"),
                          "Mercosur": ("Mercosur", "ORG")})
    assert [(e.type, e.status, e.participants) for e in found] == [
        ("meeting", "planned", ["Rafael Ortega"])]


def test_announcing_that_a_summit_will_be_held_makes_it_planned() -> None:
    text = "Le gouvernement péruvien a annoncé la tenue d'un sommet avec Rafael Ortega."
    found = events(text, {"Rafael Ortega": ("Rafael Ortega", "PER")})
    assert [(e.status, e.participants) for e in found] == [("planned", ["Rafael Ortega"])]


def test_what_is_announced_at_a_press_conference_leaves_it_happened() -> None:
    text = "Rafael Ortega a annoncé lors d'une conférence de presse sa démission."
    found = events(text, {"Rafael Ortega": ("Rafael Ortega", "PER")})
    assert [(e.type, e.status) for e in found] == [("press_conference", "happened")]
