"""Where an event took place, and which mentions add no event: the city or venue over the
region, a venue's city, a place kept by its own trigger, the place of the event another was
held at, hearsay in the conditional, a run of days. Plain data, no spaCy; our own texts."""

from __future__ import annotations

from datetime import date

from veille.model import Event, EventStatus, TimeExpr
from veille.nlp.events.anaphora import drop_headline_repeats, merge_mentions
from veille.nlp.events.roles import cities_of_regions
from veille.nlp.events.rules import Actor, EventContext, build_events

PUBLISHED = EventContext(date(2026, 7, 5), published=True)
NAMES = {"Élise Borne": "PER", "Rémi Caron": "PER", "CFDT": "ORG", "Maison-Blanche": "ORG",
         "Lyon": "LOC", "Martinique": "LOC", "Anchorage": "LOC", "Alaska": "LOC",
         "Istanbul": "LOC", "Turquie": "LOC", "Izmir": "LOC"}


def _actors(text: str) -> list[Actor]:
    return sorted((Actor(text.index(n), text.index(n) + len(n), n, k)
                   for n, k in NAMES.items() if n in text), key=lambda a: a.start)


def _events(text: str, times: list[TimeExpr] | None = None) -> list[Event]:
    return build_events(text, (0, len(text)), _actors(text), times or [], PUBLISHED)


def _time(text: str, form: str, value: str) -> TimeExpr:
    return TimeExpr(text.index(form), text.index(form) + len(form), form, value, "published")


def test_a_venue_is_at_its_city() -> None:
    found = _events("Élise Borne a rencontré Rémi Caron à la Maison-Blanche.")
    assert [(e.type, e.place, e.participants) for e in found] == [
        ("meeting", "Washington", ["Élise Borne", "Rémi Caron"])]


def test_a_place_with_a_trigger_of_its_own_is_not_lent() -> None:
    text = ("Cette réunion à Lyon est intervenue après un sommet entre Élise Borne et Rémi "
            "Caron tenu en Martinique.")
    assert [(e.type, e.place) for e in _events(text)] == [("summit", "Martinique")]


def test_an_event_held_at_the_end_of_another_is_where_it_was() -> None:
    text = ("Une réunion de la CFDT s'est tenue à Lyon, à l'issue de laquelle Élise Borne a "
            "tenu une conférence de presse.")
    assert [(e.type, e.place) for e in _events(text)] == [
        ("meeting", "Lyon"), ("press_conference", "Lyon")]


def test_hearsay_in_the_conditional_is_no_event() -> None:
    assert _events("Ensemble ils seraient partis rencontrer Rémi Caron à Lyon.") == []
    assert [e.type for e in _events("Ensemble ils sont partis rencontrer Rémi Caron.")] == [
        "meeting"]


def test_a_run_of_days_of_one_month_is_dated_by_its_first_day() -> None:
    text = "La CFDT réunira les 9 et 10 juillet une conférence régionale à Lyon."
    times = [_time(text, "9", "2026-07-09"), _time(text, "10 juillet", "2026-07-10")]
    assert [(e.date, e.status) for e in _events(text, times)] == [("2026-07-09", "planned")]


def test_a_region_given_one_city_stands_for_it() -> None:
    text = "Le sommet à Anchorage, en Alaska. Puis Istanbul (Turquie), puis Izmir (Turquie)."
    assert cities_of_regions(text, _actors(text) + [
        Actor(text.rindex("Turquie"), text.rindex("Turquie") + 7, "Turquie", "LOC")]) == {
        "Alaska": "Anchorage"}  # Turquie has two cities: which one is unknown


def _event(text: str, word: str, people: list[str], status: EventStatus = "happened") -> Event:
    start = text.index(word)
    return Event("meeting", word, start, start + len(word), people, None, None, status, "040")


def test_a_headline_stays_when_the_body_tells_a_meeting_of_other_parties() -> None:
    text = "Élise Borne et Rémi Caron se sont rencontrés\nLa CFDT a rencontré Élise Borne."
    headline = _event(text, "rencontrés", ["Élise Borne", "Rémi Caron"])
    other = _event(text, "rencontré ", ["CFDT", "Élise Borne"])
    same = _event(text, "rencontré ", ["Élise Borne", "Rémi Caron"])
    assert drop_headline_repeats(text, [headline, other]) == [headline, other]
    assert drop_headline_repeats(text, [headline, same]) == [same]


def test_a_demonstrative_mention_with_no_event_before_adds_none() -> None:
    text = "Ils seraient allés voir Rémi Caron. Cette rencontre a changé Élise Borne."
    this = _event(text, "rencontre", ["Élise Borne"])
    assert merge_mentions(text, [this], _actors(text)) == []
    fresh = "Élise Borne a évoqué une rencontre."
    assert len(merge_mentions(fresh, [_event(fresh, "rencontre", ["Élise Borne"])],
                              _actors(fresh))) == 1


def test_names_describing_the_place_take_no_part() -> None:
    text = ("Élise Borne est attendue mercredi en Martinique, île partageant avec Rémi Caron "
            "une longue histoire.")
    assert [(e.place, e.participants) for e in _events(text)] == [
        ("Martinique", ["Élise Borne"])]
    # a subject after a fronted phrase does take part
    fronted = "Lors de sa visite à Lyon, Élise Borne a rencontré Rémi Caron."
    assert {p for e in _events(fronted) for p in e.participants} == {"Élise Borne",
                                                                     "Rémi Caron"}


def test_what_was_said_before_the_attribution_takes_no_part() -> None:
    text = ("La CFDT a besoin de Rémi Caron, a déclaré Élise Borne dans une interview à "
            "La Dépêche.")
    NAMES["La Dépêche"] = "ORG"
    try:
        found = _events(text)
    finally:
        del NAMES["La Dépêche"]
    assert [(e.type, e.participants) for e in found] == [
        ("interview", ["Élise Borne", "La Dépêche"])]
