"""A planned trip's destination is where the purpose the next sentence gives it is planned
("il était prévu qu'elle vienne à X. Elle allait y préparer une rencontre"), for the same
subject only. Our own texts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.nlp.events.roles import trip_destination
from veille.nlp.events.rules import Actor


def _places(text: str, *names: str) -> list[Actor]:
    return [Actor(text.index(n), text.index(n) + len(n), n, "LOC") for n in names]


def _destination(text: str, *names: str) -> str | None:
    cut = text.index(". ") + 1
    return trip_destination(text, (0, cut), cut + 1, _places(text, *names))


def test_the_same_subject_plans_its_purpose_at_the_destination() -> None:
    text = "Nous devions nous rendre en Bretagne. Nous comptions y signer la charte."
    assert _destination(text, "Bretagne") == "Bretagne"


def test_a_fronted_adverbial_before_the_subject_keeps_it() -> None:
    text = "Il était prévu que tu viennes à Nantes. Ensuite, tu allais ouvrir le forum."
    assert _destination(text, "Nantes") == "Nantes"


def test_the_city_of_an_apposed_region_is_the_destination() -> None:
    text = "Il était prévu que je vienne à Brest, en Bretagne. J'allais y ouvrir le forum."
    assert _destination(text, "Brest", "Bretagne") == "Brest"


def test_another_subject_is_another_plan() -> None:
    text = "Il était prévu que vous veniez à Nantes. Elles allaient ouvrir le forum."
    assert _destination(text, "Nantes") is None


def test_a_place_named_without_a_trip_places_nothing() -> None:
    text = "Vous avez grandi à Nantes. Vous alliez ouvrir le forum."
    assert _destination(text, "Nantes") is None


def test_a_planned_meeting_after_the_trip_is_at_its_destination(
        analyze_text: Callable[..., Any]) -> None:
    text = ("Il était prévu qu'elle vienne à Lyon avec Rémi Caron. Elle allait y préparer une "
            "rencontre entre Élise Borne et Paul Durand.")
    found = analyze_text(text, "2026-07-05").events
    assert [(e.type, e.status, e.place) for e in found] == [("meeting", "planned", "Lyon")]


def test_a_planned_meeting_of_another_subject_is_not_placed_by_the_trip(
        analyze_text: Callable[..., Any]) -> None:
    text = ("Il était prévu qu'elle vienne à Lyon avec Rémi Caron. Ils allaient préparer une "
            "rencontre entre Élise Borne et Paul Durand.")
    found = analyze_text(text, "2026-07-05").events
    assert [(e.type, e.status, e.place) for e in found] == [("meeting", "planned", None)]


def test_a_first_plan_the_sentence_says_was_replaced_is_no_event_of_its_own(
        analyze_text: Callable[..., Any]) -> None:
    text = ("Élise Borne et Rémi Caron ont tenu un sommet à Lyon mardi. Les deux dirigeants "
            "devaient d'abord se rencontrer en tête-à-tête, mais ils ont finalement reçu leurs "
            "conseillers.")
    found = analyze_text(text, "2026-07-05").events
    assert [(e.type, e.status) for e in found] == [("summit", "happened")]


def test_a_first_plan_with_no_replacement_said_stays_planned(
        analyze_text: Callable[..., Any]) -> None:
    found = analyze_text("Élise Borne et Rémi Caron devaient d'abord se rencontrer à Lyon.",
                         "2026-07-05").events
    assert [(e.type, e.status, e.place) for e in found] == [("meeting", "planned", "Lyon")]


def test_who_is_told_of_a_meeting_takes_no_part_in_it(
        analyze_text: Callable[..., Any]) -> None:
    text = ("Élise Borne a rencontré Paul Durand à Lyon mardi. Elle appellera ensuite Rémi Caron "
            "pour lui parler de la rencontre.")
    found = analyze_text(text, "2026-07-05").events
    assert [(e.type, e.participants) for e in found] == [
        ("meeting", ["Élise Borne", "Paul Durand"])]
