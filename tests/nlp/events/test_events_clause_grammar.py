"""Clause grammar around a trigger: a subject pronoun carried on after a comma, a planned
event on a bare weekday, a body an event is held at, an assembly one speaks in front of, a
thing received. Plain data (no spaCy) except the whole-chain dispatch; the texts are our own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from veille.model import Event, TimeExpr
from veille.nlp.events import anaphora
from veille.nlp.events.anaphora import clause_pronouns
from veille.nlp.events.rules import Actor, EventContext, build_events
from veille.nlp.events.triggers import find_triggers
from veille.nlp.pipeline import Analysis

# a Tuesday
PUBLISHED = EventContext(date(2026, 3, 10), published=True)
# the person is further than the 40 characters "est attendu" looks back for a subject
EXPECTED = ("Le ministre Paul Garnier a suspendu sa tournée des régions du Sud, il est attendu "
            "à Lyon jeudi.")
NAMES = {"Paul Garnier": "PER", "Anne Morel": "PER", "Lyon": "LOC", "OTAN": "ORG",
         "Élysée": "ORG", "Justice": "ORG"}


def actors(text: str) -> list[Actor]:
    return sorted((Actor(text.index(n), text.index(n) + len(n), n, k)
                   for n, k in NAMES.items() if n in text), key=lambda a: a.start)


def events(text: str, times: list[TimeExpr] | None = None,
           extra: list[Actor] | None = None) -> list[Event]:
    found = sorted(actors(text) + (extra or []), key=lambda a: a.start)
    return build_events(text, (0, len(text)), found, times or [], PUBLISHED)


def test_a_pronoun_after_a_comma_carries_the_sentence_subject_to_the_trigger() -> None:
    text = EXPECTED
    found = clause_pronouns(text, 0, find_triggers(text, 0, len(text)), actors(text), ([], 0))
    assert [(text[a.start:a.end], a.name) for a in found] == [("il", "Paul Garnier")]
    told = events(text, extra=found)
    assert [(e.type, e.status, e.participants, e.place) for e in told] == [
        ("visit", "planned", ["Paul Garnier"], "Lyon")]


def test_without_the_pronoun_nobody_is_expected() -> None:
    text = EXPECTED
    assert events(text) == []  # the person must stand right before "est attendu"


def test_a_pronoun_takes_the_previous_sentence_person_when_its_own_names_nobody() -> None:
    text = "La tournée est suspendue, elle doit se rendre à Lyon."
    before = [Actor(0, 10, "Anne Morel", "PER")]
    found = clause_pronouns(text, 0, find_triggers(text, 0, len(text)), [], (before, 0))
    assert [a.name for a in found] == ["Anne Morel"]


def test_a_pronoun_far_from_any_trigger_names_nobody() -> None:
    text = "Paul Garnier a suspendu sa tournée, il a parlé de la crise avec ses soutiens."
    assert clause_pronouns(text, 0, find_triggers(text, 0, len(text)), actors(text),
                           ([], 0)) == []


def test_a_planned_event_on_a_bare_weekday_is_on_the_coming_one() -> None:
    text = "Paul Garnier est attendu à Lyon mercredi."
    at = text.index("mercredi")
    last = TimeExpr(at, at + 8, "mercredi", "2026-03-04", "published")  # the past reading
    assert [e.date for e in events(text, [last])] == ["2026-03-11"]


def test_a_weekday_of_a_past_event_or_a_dated_day_stays() -> None:
    text = "Paul Garnier s'est rendu à Lyon mercredi."
    at = text.index("mercredi")
    last = TimeExpr(at, at + 8, "mercredi", "2026-03-04", "published")
    assert [e.date for e in events(text, [last])] == ["2026-03-04"]
    planned = "Paul Garnier est attendu à Lyon le 4 mars."
    at = planned.index("4 mars")
    day = TimeExpr(at, at + 6, "4 mars", "2026-03-04", "published")
    assert [e.date for e in events(planned, [day])] == ["2026-03-04"]


def test_meetings_held_at_a_body_that_name_nobody_are_the_body_s() -> None:
    assert [(e.type, e.status, e.participants) for e in events(
        "Les réunions prévues à l'OTAN ont été annulées.")] == [
        ("meeting", "cancelled", ["OTAN"])]


def test_a_building_standing_for_a_city_takes_no_part() -> None:
    assert events("Une réunion s'est tenue à l'Élysée.") == []


def test_an_assembly_one_speaks_in_front_of_is_no_meeting() -> None:
    assert events("Paul Garnier a demandé, devant le congrès du syndicat réuni à Lyon, "
                  "une enquête.") == []


def test_a_thing_received_is_no_visit_of_the_person_after_it() -> None:
    assert events("Paul Garnier reçoit la Justice, Anne Morel récupère le Budget.") == []
    assert [(e.type, e.participants) for e in events(
        "Paul Garnier a reçu à Lyon Anne Morel.")] == [("visit", ["Paul Garnier", "Anne Morel"])]


def test_a_pronoun_subject_in_a_dispatch_plans_the_visit(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("La ministre Anne Morel a annulé ses rendez-vous pour suivre les secours, elle est "
            "attendue à Lyon mercredi.")
    found = analyze_text(text, "2026-03-10").events
    assert [(e.type, e.status, e.participants, e.place, e.date) for e in found] == [
        ("visit", "planned", ["Anne Morel"], "Lyon", "2026-03-11")]


MEDIA = {"France Inter": "ORG", "Monde": "ORG", "Libération": "ORG", "Paul Garnier": "PER",
         "Anne Morel": "PER", "Justice": "ORG"}


def interviews(text: str) -> list[list[str]]:
    found = sorted((Actor(text.index(n), text.index(n) + len(n), n, k)
                    for n, k in MEDIA.items() if n in text), key=lambda a: a.start)
    return [e.participants for e in build_events(text, (0, len(text)), found, [], PUBLISHED)
            if e.type == "interview"]


def test_questioned_by_a_medium_or_in_its_columns_is_an_interview() -> None:
    assert interviews("Interrogé par France Inter, Paul Garnier a refusé de commenter.") == [
        ["France Inter", "Paul Garnier"]]
    assert interviews("Paul Garnier a expliqué dans les colonnes du Monde que tout allait "
                      "bien.") == [["Paul Garnier", "Monde"]]
    assert interviews("Anne Morel s'est confiée à Libération après sa défaite.") == [
        ["Anne Morel", "Libération"]]


def test_questioned_by_a_person_or_entrusted_to_a_body_is_no_interview() -> None:
    assert interviews("Interrogé par le juge Paul Garnier, Anne Morel a gardé le silence.") == []
    assert interviews("Le dossier d'Anne Morel a été confié à la Justice.") == []


def test_each_heading_section_is_read_once_however_many_events_it_heads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = [f"Réunion {i} à Lyon\nLa réunion {i} s'est tenue à Lyon, a dit Paul Garnier.\n"
              for i in range(30)]
    text = "Le point du jour\n" + "".join(blocks)
    found: list[Event] = []
    for i in range(30):
        heading = text.index(f"Réunion {i} à")
        body = text.index(f"réunion {i} s'est")
        found += [Event("meeting", "Réunion", heading, heading + 7, ["Paul Garnier"]),
                  Event("meeting", "Réunion", heading, heading + 7, ["Anne Morel"]),
                  Event("meeting", "réunion", body, body + 7, ["Paul Garnier"], "Lyon")]
    calls = []
    real = anaphora.section_end

    def counted(text: str, start: int) -> int:
        calls.append(start)
        return real(text, start)

    monkeypatch.setattr(anaphora, "section_end", counted)
    kept = anaphora.drop_heading_repeats(text, found)
    assert [e.trigger for e in kept] == ["réunion"] * 30  # every heading repeats its section
    assert len(calls) == 30  # one per heading line, not one per heading event


def test_travelling_somewhere_is_a_visit_there() -> None:
    assert [(e.type, e.status, e.place) for e in events(
        "Paul Garnier se déplacera à Lyon pour le congrès.")] == [("visit", "planned", "Lyon")]
    assert [(e.type, e.status, e.place) for e in events(
        "Paul Garnier a reporté son déplacement à Lyon.")] == [("visit", "cancelled", "Lyon")]
    assert events("Paul Garnier a dénoncé des gestes déplacés envers Anne Morel.") == []


def test_being_on_a_visit_next_monday_is_planned_for_the_coming_monday() -> None:
    text = "Paul Garnier sera en visite à Lyon lundi."
    at = text.index("lundi")
    last = TimeExpr(at, at + 5, "lundi", "2026-03-09", "published")
    assert [(e.status, e.date) for e in events(text, [last])] == [("planned", "2026-03-16")]


def test_a_tour_somewhere_is_a_visit_there() -> None:
    assert [(e.type, e.place) for e in events("Paul Garnier entame une tournée à Lyon.")] == [
        ("visit", "Lyon")]
    assert events("Paul Garnier a payé sa tournée aux amis d'Anne Morel.") == []


def test_the_two_men_are_the_two_people_last_named(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("Le ministre Paul Garnier a salué l'élection d'Anne Morel à la tête du parti. "
            "Les deux hommes se sont entretenus pendant une heure à Lyon.")
    found = analyze_text(text, "2026-03-10").events
    assert [(e.type, sorted(e.participants), e.place) for e in found] == [
        ("talks", ["Anne Morel", "Paul Garnier"], "Lyon")]


def test_men_without_two_are_anyone() -> None:
    text = "Paul Garnier a salué Anne Morel. Les hommes se sont rencontrés à Lyon."
    named = actors(text)
    assert anaphora.plural_roles(text, named, text.index("Les"), len(text), None) == []
    assert [a.name for a in anaphora.plural_roles(
        text.replace("Les hommes", "Les deux hommes"), named, text.index("Les"), len(text) + 5,
        None)] == ["Anne Morel", "Paul Garnier"]


def test_a_trigger_word_in_a_place_name_names_no_event() -> None:
    text = "Paul Garnier, député de La Réunion, a critiqué le projet."
    island = Actor(text.index("La Réunion"), text.index("La Réunion") + 10, "La Réunion", "LOC")
    assert events(text, extra=[island]) == []


def test_running_into_difficulties_is_meeting_nobody() -> None:
    assert events("Paul Garnier a rencontré des difficultés à Lyon.") == []
    assert [e.participants for e in events("Paul Garnier a rencontré Anne Morel à Lyon.")] == [
        ["Paul Garnier", "Anne Morel"]]


def test_the_subject_before_an_apposition_takes_part_in_the_main_clause_event() -> None:
    text = "Paul Garnier, en visite officielle à Lyon, a rencontré Anne Morel."
    assert [(e.type, e.participants) for e in events(text)] == [
        ("visit", ["Paul Garnier"]), ("meeting", ["Paul Garnier", "Anne Morel"])]


def test_a_pronoun_after_et_carries_the_subject_too() -> None:
    text = "Paul Garnier a quitté la capitale en fin de matinée et il doit se rendre à Lyon."
    found = clause_pronouns(text, 0, find_triggers(text, 0, len(text)), actors(text), ([], 0))
    assert [(text[a.start:a.end], a.name) for a in found] == [("il", "Paul Garnier")]
