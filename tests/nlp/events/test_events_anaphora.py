"""Events named again and people named by role or pronoun (plain data, no spaCy), and the
whole chain on an invented dispatch (spaCy)."""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Event, EventStatus
from veille.nlp.events.anaphora import (
    drop_headline_repeats,
    last_pair,
    merge_mentions,
    plural_roles,
    refers_back,
    subject_pronoun,
)
from veille.nlp.events.rules import Actor
from veille.nlp.pipeline import Analysis


def event_at(text: str, trigger: str, kind: str, participants: list[str],
             place: str | None = None, date: str | None = None,
             status: EventStatus = "happened") -> Event:
    start = text.index(trigger)
    return Event(kind, trigger, start, start + len(trigger), participants, place, date, status)


SUMMIT = ("Les dirigeants de l'ASEAN se sont retrouvés lundi à Manille pour un sommet. "
          "Le président philippin, Ramon Cruz, a ouvert la réunion par un discours.")


def test_a_definite_mention_joins_the_event_it_refers_to() -> None:
    people = [Actor(SUMMIT.index("Ramon Cruz"), SUMMIT.index("Ramon Cruz") + 10,
                    "Ramon Cruz", "PER")]
    summit = event_at(SUMMIT, "sommet", "summit", ["ASEAN"], place="Manille", date="2026-03-02")
    mention = event_at(SUMMIT, "réunion", "meeting", ["Ramon Cruz"])
    merged = merge_mentions(SUMMIT, [summit, mention], people)
    assert [(e.type, e.participants, e.date) for e in merged] == [
        ("summit", ["ASEAN", "Ramon Cruz"], "2026-03-02")]


def test_a_mention_that_names_the_event_afresh_is_another_event() -> None:
    text = "Un sommet a eu lieu à Manille. Puis la réunion des ministres des Finances a commencé."
    summit = event_at(text, "sommet", "summit", ["ASEAN"], place="Manille")
    ministers = event_at(text, "réunion", "meeting", ["ASEAN"])
    assert not refers_back(text, ministers)
    assert len(merge_mentions(text, [summit, ministers], [])) == 2


def test_an_indefinite_or_dated_mention_is_another_event() -> None:
    text = "Un sommet a eu lieu à Manille. Une réunion a suivi. La réunion de mardi aussi."
    mentions = [event_at(text, "Une réunion", "meeting", ["ASEAN"]),
                event_at(text, "La réunion", "meeting", ["ASEAN"], date="2026-03-03")]
    assert [refers_back(text, e) for e in mentions] == [False, False]


def test_a_definite_mention_of_a_call_after_the_call() -> None:
    text = ("Ramon Cruz a eu un entretien téléphonique avec Aiko Tanaka. "
            "Après l'appel, Aiko Tanaka a réuni son cabinet.")
    call = event_at(text, "entretien téléphonique", "call", ["Ramon Cruz", "Aiko Tanaka"])
    again = event_at(text, "appel", "call", ["Aiko Tanaka"])
    assert refers_back(text, again)
    assert merge_mentions(text, [call, again], []) == [call]


def test_a_cancelled_mention_is_not_the_event_that_happened() -> None:
    text = "Un sommet s'est tenu à Manille. Le sommet a finalement été annulé."
    held = event_at(text, "Un sommet", "summit", ["ASEAN"], place="Manille")
    cancelled = event_at(text, "sommet a", "summit", ["ASEAN"], status="cancelled")
    assert len(merge_mentions(text, [held, cancelled], [])) == 2


def test_the_two_leaders_are_the_two_people_of_the_last_event() -> None:
    text = ("Ramon Cruz et Aiko Tanaka ont tenu une conférence de presse. Aucune rencontre "
            "avec Li Wei n'est prévue. Les deux dirigeants se reverront en mai.")
    start = text.index("Les deux")
    press = event_at(text, "conférence de presse", "press_conference",
                     ["Ramon Cruz", "Aiko Tanaka"])
    pair = last_pair([press], {"Ramon Cruz", "Aiko Tanaka", "Li Wei"})
    found = plural_roles(text, [], start, len(text), pair)
    assert [a.name for a in found] == ["Ramon Cruz", "Aiko Tanaka"]


def test_a_sentence_opening_il_is_about_the_person_of_the_sentence_before() -> None:
    text = "Ramon Cruz est arrivé à Tokyo. Il doit s'entretenir jeudi avec Aiko Tanaka."
    previous = [Actor(0, 10, "Ramon Cruz", "PER"), Actor(24, 29, "Tokyo", "LOC")]
    start = text.index("Il doit")
    assert [a.name for a in subject_pronoun(text, start, len(text), previous)] == ["Ramon Cruz"]
    impersonal = "Il n'y a pas de date."
    assert subject_pronoun(impersonal, 0, len(impersonal), previous) == []


def test_one_call_in_a_dispatch_with_its_date_parties_and_mentions(
        analyze_text: Callable[..., Analysis]) -> None:
    text = ("La présidente finlandaise Sanna Korhonen s'est entretenue mardi par téléphone avec "
            "le Premier ministre estonien Kaja Tamm, a annoncé la présidence dans un "
            "communiqué.\n"
            "Selon Helsinki, les deux dirigeants ont évoqué la sécurité en mer Baltique.\n"
            "« Nous partageons la même analyse », a écrit Kaja Tamm après l'appel. Il n'y a "
            "en revanche aucune visite prévue à Moscou.")
    found = analyze_text(text, "2026-03-04").events
    assert [(e.type, e.date, e.status) for e in found] == [("call", "2026-03-03", "happened")]
    assert found[0].participants == ["Sanna Korhonen", "Kaja Tamm"]


def test_a_headline_event_the_article_tells_again_is_dropped() -> None:
    text = ("Ramon Cruz et Aiko Tanaka se sont parlé au téléphone\n"
            "Ramon Cruz a eu mardi un entretien téléphonique avec Aiko Tanaka.")
    headline = event_at(text, "au téléphone", "call", ["Ramon Cruz", "Aiko Tanaka"])
    body = event_at(text, "entretien téléphonique", "call", ["Ramon Cruz", "Aiko Tanaka"],
                    date="2026-03-03")
    assert drop_headline_repeats(text, [headline, body]) == [body]
    assert drop_headline_repeats(text, [headline]) == [headline]


def test_il_after_a_fronted_phrase_is_not_the_source_of_selon() -> None:
    text = ("Selon Li Wei, Ramon Cruz est prêt au dialogue. Hier soir, il a rencontré "
            "Aiko Tanaka.")
    previous = [Actor(6, 12, "Li Wei", "PER"), Actor(14, 24, "Ramon Cruz", "PER")]
    start = text.index("Hier")
    assert [a.name for a in subject_pronoun(text, start, len(text), previous)] == ["Ramon Cruz"]


def test_a_mention_that_happened_is_not_a_planned_event() -> None:
    text = ("Ramon Cruz a rencontré Aiko Tanaka. Ils ont préparé le sommet prévu en mai. "
            "À l'issue de la rencontre, Ramon Cruz a parlé.")
    met = event_at(text, "rencontré", "meeting", ["Ramon Cruz", "Aiko Tanaka"])
    planned = event_at(text, "sommet", "summit", ["ASEAN"], status="planned")
    again = event_at(text, "rencontre,", "meeting", ["Ramon Cruz"])
    assert merge_mentions(text, [met, planned, again], []) == [met, planned]
