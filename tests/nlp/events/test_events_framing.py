"""What frames an event beyond its own clause: the topic of talks ("sur l'aide à l'Ukraine"),
a place fronted before the trigger, an acronym the text spells out, and a trigger that only
complements another noun ("la transcription de la conférence de presse"). Our own texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from veille.model import Event
from veille.nlp.events.rules import Actor, EventContext, build_events
from veille.nlp.pipeline import Analysis

PUBLISHED = EventContext(date(2026, 3, 4), published=True)


def events(text: str, names: dict[str, str]) -> list[Event]:
    found = sorted((Actor(text.index(n), text.index(n) + len(n), n, k)
                    for n, k in names.items()), key=lambda a: a.start)
    return build_events(text, (0, len(text)), found, [], PUBLISHED)


def test_names_in_the_topic_of_talks_take_no_part_and_are_no_place() -> None:
    text = ("Ana Lopes et Marc Weber se sont rencontrés pour des discussions franches sur "
            "l'aide de Berlin à la Moldavie.")
    found = events(text, {"Ana Lopes": "PER", "Marc Weber": "PER", "Berlin": "LOC",
                          "Moldavie": "LOC"})
    assert [(e.participants, e.place) for e in found] == [(["Ana Lopes", "Marc Weber"], None)]


def test_parties_named_after_the_topic_still_take_part() -> None:
    text = "Les pourparlers sur la pêche en mer, qui ont repris jeudi entre Rome et Moscou."
    found = events(text, {"Rome": "LOC", "Moscou": "LOC"})
    assert [e.participants for e in found] == [["Italie", "Russie"]]


def test_a_place_fronted_before_the_event_with_its_region_is_its_place() -> None:
    text = ("Tous les regards étaient tournés sur Tromsø, en Norvège, lorsque Ana Lopes et Marc "
            "Weber se sont rencontrés pour la première fois depuis leur élection.")
    found = events(text, {"Tromsø": "LOC", "Norvège": "LOC", "Ana Lopes": "PER",
                          "Marc Weber": "PER"})
    assert [(e.participants, e.place) for e in found] == [
        (["Ana Lopes", "Marc Weber"], "Tromsø")]
    # a location with no preposition of place and no region is no place
    text = "Rome salue la rencontre entre Ana Lopes et Marc Weber."
    found = events(text, {"Rome": "LOC", "Ana Lopes": "PER", "Marc Weber": "PER"})
    assert [e.place for e in found] == [None]


def test_an_acronym_the_text_spells_out_takes_part_under_its_full_name(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("La Fédération nationale des artisans boulangers (FNAB) a publié ses chiffres. "
            "La FNAB organisera le 12 mars une réunion de ses adhérents à Lyon.")
    found = analyze_text(text, "2026-03-04").events
    assert [(e.participants, e.date, e.status) for e in found] == [
        (["Fédération nationale des artisans boulangers"], "2026-03-12", "planned")]


def test_a_conference_named_as_the_complement_of_a_noun_takes_no_future(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("Le sommet s'achève\n"
            "Ana Lopes et Marc Weber ont tenu une conférence de presse commune à Porto. "
            "Vous trouverez ci-dessous la transcription de la conférence de presse de Lopes "
            "et Weber.")
    found = analyze_text(text, "2026-03-04").events
    assert [(e.type, e.status) for e in found if e.type == "press_conference"] == [
        ("press_conference", "happened")]


def test_a_published_conversation_with_someone_is_the_outlets_interview() -> None:
    text = "Nous publions aujourd'hui une conversation avec l'historienne Léa Fournier."
    ctx = EventContext(date(2026, 3, 4), published=True, publisher="La Gazette du Rhône")
    found = build_events(text, (0, len(text)), [Actor(text.index("Léa"), len(text) - 1,
                                                      "Léa Fournier", "PER")], [], ctx)
    assert [(e.type, e.participants) for e in found] == [
        ("interview", ["Léa Fournier", "La Gazette du Rhône"])]
    # a conversation nobody publishes stays a call
    text = "Léa Fournier a eu une conversation avec Paul Martin."
    assert [e.type for e in events(text, {"Léa Fournier": "PER", "Paul Martin": "PER"})] == [
        "call"]


def test_a_newspaper_confided_to_is_the_interviewer_whatever_its_tag() -> None:
    text = "Le maire Paul Martin a confié au Courrier picard qu'il ne se représenterait pas."
    found = events(text, {"Paul Martin": "PER", "Courrier picard": "LOC"})
    assert [(e.type, e.participants, e.place) for e in found] == [
        ("interview", ["Paul Martin", "Courrier picard"], None)]


def test_an_interview_granted_to_a_medium_names_it_and_is_not_where_it_was() -> None:
    text = "Dans un entretien accordé au Courrier picard, Paul Martin défend son bilan."
    found = events(text, {"Courrier picard": "LOC", "Paul Martin": "PER"})
    assert [(e.type, e.participants, e.place) for e in found] == [
        ("interview", ["Paul Martin", "Courrier picard"], None)]


def test_a_thing_received_with_a_source_after_it_is_no_visit() -> None:
    text = "Le patron du bar a reçu une amende, a indiqué le préfet Alain Rousset."
    assert events(text, {"Alain Rousset": "PER"}) == []
    text = "La ministre Claire Vidal a reçu mardi son homologue Anna Berg."
    assert [e.type for e in events(text, {"Claire Vidal": "PER", "Anna Berg": "PER"})] == [
        "visit"]


def test_a_mention_under_a_heading_takes_the_headings_parties(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("Ana Lopes et Marc Weber ne se verront pas\n\n"
            "Ana Lopes a parlé à Marc Weber lundi.\n\n"
            "Sommet Lopes-Weber annulé\n\n"
            "La présidente Ana Lopes et le chancelier Marc Weber s'étaient vus à Porto en mai.\n\n"
            "Le sommet prévu à Vienne, qui devait sceller un accord, a été annulé.\n\n"
            "Selon des sources, l'effondrement des plans du sommet tient au budget.")
    found = analyze_text(text, "2026-03-04").events
    summits = [(e.participants, e.place, e.status) for e in found if e.type == "summit"]
    assert summits == [(["Ana Lopes", "Marc Weber"], "Vienne", "cancelled")]


def test_the_complements_of_a_wished_event_are_not_lent_to_the_real_one() -> None:
    text = ("Ana Lopes a redit sa disponibilité à poursuivre des pourparlers avec la Moldavie "
            "lors de son entretien téléphonique avec Marc Weber.")
    found = events(text, {"Ana Lopes": "PER", "Moldavie": "LOC", "Marc Weber": "PER"})
    assert [(e.type, e.participants) for e in found] == [("call", ["Ana Lopes", "Marc Weber"])]


def test_who_holds_a_press_conference_after_a_meeting_was_at_the_meeting() -> None:
    text = ("Le 3 mars, Porto a accueilli une réunion des ministres de la CPLP, à l'issue de "
            "laquelle le ministre Rui Sousa a tenu une conférence de presse.")
    found = events(text, {"Porto": "LOC", "CPLP": "ORG", "Rui Sousa": "PER"})
    assert [(e.type, e.participants, e.place) for e in found] == [
        ("meeting", ["CPLP", "Rui Sousa"], "Porto"),
        ("press_conference", ["Rui Sousa"], "Porto")]


def test_the_members_of_a_body_are_not_the_two_people_last_named(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("La commissaire Ana Lopes a critiqué le chancelier Marc Weber. "
            "Lundi, Porto a accueilli une réunion des ministres de la Culture de l'Union "
            "européenne.")
    found = analyze_text(text, "2026-03-04").events
    assert all("Marc Weber" not in e.participants for e in found)
