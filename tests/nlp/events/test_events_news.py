"""What real news reports that the rules must find (planned visits, interviews, conferences)
and must not (a wished, hearsay or requested meeting, a speech's audience, a section heading
repeating the event below it). Plain data, no spaCy; the texts are our own."""

from __future__ import annotations

from datetime import date

from veille.model import Event, TimeExpr
from veille.nlp.events.anaphora import drop_heading_repeats
from veille.nlp.events.rules import Actor, EventContext, build_events

PUBLISHED = EventContext(date(2025, 10, 26), published=True)
PEOPLE = {"Élise Borne": "PER", "Rémi Caron": "PER", "Le Progrès": "ORG", "La Dépêche": "ORG",
          "CFDT": "ORG", "Lyon": "LOC", "Martinique": "LOC", "Rome": "LOC", "Versailles": "LOC",
          "Toulouse": "LOC"}


def events(text: str, times: list[TimeExpr] | None = None) -> list[Event]:
    found = sorted((Actor(text.index(n), text.index(n) + len(n), n, k)
                    for n, k in PEOPLE.items() if n in text), key=lambda a: a.start)
    return build_events(text, (0, len(text)), found, times or [], PUBLISHED)


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.status, e.place) for e in events(text)]


def test_a_visit_announced_with_se_rendra_and_a_word_with_an_apostrophe() -> None:
    assert kinds("Élise Borne se rendra aujourd'hui en Martinique.") == [
        ("visit", "planned", "Martinique")]


def test_expected_somewhere_is_a_visit_there() -> None:
    assert kinds("Élise Borne est attendue à Rome pour parler du budget.") == [
        ("visit", "planned", "Rome")]
    assert kinds("Le verdict est attendu à la fin du mois, selon Élise Borne.") == []


def test_must_go_is_a_planned_visit() -> None:
    assert kinds("Rémi Caron doit se rendre à Lyon la semaine prochaine.") == [
        ("visit", "planned", "Lyon")]


def test_interviewed_by_a_newspaper_is_an_interview() -> None:
    found = events("Interviewé par Le Progrès, Rémi Caron a défendu son projet.")
    assert [(e.type, e.participants) for e in found] == [
        ("interview", ["Le Progrès", "Rémi Caron"])]


def test_a_conference_to_be_held_is_a_planned_meeting() -> None:
    assert kinds("À Lyon, la CFDT tiendra bientôt une conférence régionale.") == [
        ("meeting", "planned", "Lyon")]


def test_wished_hearsay_and_requested_meetings_are_not_reported() -> None:
    assert kinds("Élise Borne aimerait rencontrer Rémi Caron.") == []
    assert kinds("Élise Borne aurait eu une rencontre avec Rémi Caron à Lyon.") == []
    assert kinds("Élise Borne a sollicité Rémi Caron afin d'obtenir la visite de juges.") == []


def test_the_audience_of_a_speech_is_no_meeting() -> None:
    assert kinds("Élise Borne a prononcé un discours devant le Congrès réuni à Versailles.") == []


def test_an_appointment_is_no_event() -> None:
    assert kinds("Élise Borne a nommé Rémi Caron ministre.") == []


def test_a_section_heading_repeating_the_meeting_below_is_dropped() -> None:
    text = ("Le point du jour\nRencontre Borne-Caron jeudi à Toulouse\n"
            "Élise Borne et Rémi Caron se retrouveront jeudi à Toulouse pour parler d'emploi.\n"
            "Autre nouvelle\nUne réunion a eu lieu à Lyon, a dit Rémi Caron.")
    heading = Event("meeting", "Rencontre", text.index("Rencontre"), text.index("Rencontre") + 9,
                    ["Élise Borne"], "Toulouse", None, "happened", "040")
    body = Event("meeting", "se retrouveront", text.index("se retrouveront"),
                 text.index("se retrouveront") + 15, ["Élise Borne", "Rémi Caron"], "Toulouse",
                 None, "planned", "040")
    other = Event("meeting", "réunion", text.index("réunion"), text.index("réunion") + 7,
                  ["Rémi Caron"], "Lyon", None, "happened", "040")
    assert drop_heading_repeats(text, [heading, body, other]) == [body, other]
    # a heading with no event told under it stays
    assert drop_heading_repeats(text, [heading, other]) == [heading, other]


def test_a_line_longer_than_a_heading_repeats_nothing() -> None:
    # 150 characters make a heading at most: the line breaks are looked for no further
    for width, dropped in ((150, True), (151, False)):
        line = "Rencontre Borne-Caron jeudi à Toulouse"
        line += " " * (width - len(line) - 1) + "x"
        text = "Le point du jour\n" + line + "\nÉlise Borne a rencontré Rémi Caron à Toulouse."
        heading = Event("meeting", "Rencontre", text.index("Rencontre"),
                        text.index("Rencontre") + 9, ["Élise Borne"], "Toulouse")
        body = Event("meeting", "a rencontré", text.index("a rencontré"),
                     text.index("a rencontré") + 11, ["Élise Borne", "Rémi Caron"], "Toulouse")
        kept = drop_heading_repeats(text, [heading, body])
        assert kept == ([body] if dropped else [heading, body]), width


def test_confiding_to_a_newspaper_is_an_interview() -> None:
    found = events("Rémi Caron a confié à La Dépêche qu'il quitterait Toulouse.")
    assert [(e.type, e.participants) for e in found] == [
        ("interview", ["Rémi Caron", "La Dépêche"])]
    # entrusting a person with something is no interview
    assert kinds("Élise Borne a confié à Rémi Caron la mission de réformer la CFDT.") == []
