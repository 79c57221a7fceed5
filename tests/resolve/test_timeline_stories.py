"""Issue 12's stories end to end: our own short articles through the real pipeline (cleaning,
spaCy, entities, times, events), then merged. Three outlets on one meeting, two different calls
on one day, a summit planned then cancelled; and the month filter over the result.

2026-03-04 is a Wednesday, 2026-03-09 a Monday.
"""

from __future__ import annotations

import pytest

from veille.extract import extract_records
from veille.model import RawDocument, Record
from veille.resolve.timeline import TimelineEvent, filter_timeline, merge_events
from veille.settings import Settings

ARTICLES = {
    # three outlets, one meeting: a weekday, a day-month, and "la rencontre" with surnames
    "strasbourg-1": ("2026-03-05", "Le chancelier allemand Olaf Scholz a rencontré le président "
                     "français Emmanuel Macron mercredi à Strasbourg. Les deux dirigeants ont "
                     "parlé d'énergie."),
    "strasbourg-2": ("2026-03-05", "Emmanuel Macron et Olaf Scholz se sont rencontrés le 4 mars "
                     "à Strasbourg pour parler d'énergie."),
    "strasbourg-3": ("2026-03-06", "La rencontre entre Macron et Scholz à Strasbourg, mercredi, "
                     "a porté sur l'énergie."),
    # two different calls on one Monday, the first told twice
    "appel-1": ("2026-03-10", "Emmanuel Macron a appelé Olaf Scholz lundi 9 mars pour parler "
                "de l'Ukraine."),
    "appel-2": ("2026-03-10", "Lundi 9 mars, Giorgia Meloni s'est entretenue au téléphone avec "
                "Pedro Sánchez."),
    "appel-3": ("2026-03-11", "Olaf Scholz a reçu lundi un appel téléphonique d'Emmanuel "
                "Macron."),
    # a summit planned, then called off
    "lyon-1": ("2026-04-01", "Emmanuel Macron et Olaf Scholz doivent se retrouver à Lyon pour "
               "un sommet franco-allemand."),
    "lyon-2": ("2026-04-10", "Le sommet de Lyon entre Emmanuel Macron et Olaf Scholz a été "
               "annulé."),
}


@pytest.fixture(scope="module")
def timeline(settings: Settings) -> list[TimelineEvent]:
    docs = [RawDocument(text, name, id=name, published=day, title=f"Article {name}")
            for name, (day, text) in ARTICLES.items()]
    records = [r for r in extract_records(docs, settings) if isinstance(r, Record)]
    assert [r.doc_id for r in records] == list(ARTICLES)
    return merge_events(records)


def entry_of(timeline: list[TimelineEvent], doc_id: str) -> TimelineEvent:
    (entry,) = [e for e in timeline if any(s.doc_id == doc_id for s in e.sources)]
    return entry


def test_three_outlets_on_one_meeting_are_one_entry(timeline: list[TimelineEvent]) -> None:
    meeting = entry_of(timeline, "strasbourg-1")
    assert [s.doc_id for s in meeting.sources] == ["strasbourg-1", "strasbourg-2",
                                                   "strasbourg-3"]
    assert (meeting.type, meeting.date, meeting.place) == ("meeting", "2026-03-04", "Strasbourg")
    assert sorted(meeting.participants) == ["Emmanuel Macron", "Olaf Scholz"]
    assert meeting.conflicts == []


def test_two_different_calls_on_one_day_stay_two_entries(timeline: list[TimelineEvent]
                                                         ) -> None:
    calls = sorted(([s.doc_id for s in e.sources], e.date) for e in timeline if e.type == "call")
    assert calls == [(["appel-1", "appel-3"], "2026-03-09"), (["appel-2"], "2026-03-09")]
    assert {"Giorgia Meloni", "Pedro Sánchez"} <= set(entry_of(timeline, "appel-2").participants)


def test_a_summit_planned_then_cancelled_is_one_cancelled_entry_at_its_city(
        timeline: list[TimelineEvent]) -> None:
    summit = entry_of(timeline, "lyon-1")
    assert [s.doc_id for s in summit.sources] == ["lyon-1", "lyon-2"]
    assert (summit.status, summit.place, summit.date) == ("cancelled", "Lyon", None)
    # what was called off is not the meeting the same two held in March
    assert summit is not entry_of(timeline, "strasbourg-1")


def test_march_holds_the_meeting_and_the_calls_not_the_undated_plan(
        timeline: list[TimelineEvent]) -> None:
    march = filter_timeline(timeline, since="2026-03", until="2026-03")
    assert sorted((e.type, e.date) for e in march) == [
        ("call", "2026-03-09"), ("call", "2026-03-09"), ("meeting", "2026-03-04")]
    assert filter_timeline(timeline, entity="Scholz", since="2026-04") == []
