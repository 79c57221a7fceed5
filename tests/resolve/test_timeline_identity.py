"""When an undated report is sure to be a dated event of another document, and when not."""

from __future__ import annotations

from datetime import UTC, datetime

from veille.model import Event, Record, Source
from veille.resolve.timeline import merge_events
from veille.resolve.timeline_formats import timeline_ics, timeline_text

MACRON, SCHOLZ, SANCHEZ = "Emmanuel Macron", "Olaf Scholz", "Pedro Sánchez"


def record(doc_id: str, text: str, *events: Event, published: str | None = None,
           title: str | None = None, path: str | None = None) -> Record:
    return Record(doc_id, Source(title=title, path=path, published=published), text,
                  events=list(events))


def event(text: str, trigger: str, kind: str, date: str | None, place: str | None,
          people: tuple[str, ...], status: str = "happened") -> Event:
    start = text.index(trigger)
    return Event(kind, trigger, start, start + len(trigger), list(people), place, date,
                 status)  # type: ignore[arg-type]


DATED = "Emmanuel Macron et Olaf Scholz ont tenu un sommet à Genève le 3 mars 2026."


def geneva_summit() -> Record:
    return record("dated", DATED, event(DATED, "sommet", "summit", "2026-03-03", "Genève",
                                        (MACRON, SCHOLZ)))


def sources_by_entry(records: list[Record]) -> list[list[str]]:
    return sorted([s.doc_id for s in e.sources] for e in merge_events(records))


def test_an_undated_report_of_the_same_pair_and_place_takes_the_dated_one() -> None:
    text = "La rencontre de Genève entre Scholz et Macron a porté sur l'énergie."
    timeline = merge_events([geneva_summit(), record("undated", text, event(
        text, "rencontre", "meeting", None, "Genève", ("Scholz", "Macron")))])
    assert len(timeline) == 1
    lent = timeline[0].sources[1]
    assert (lent.doc_id, lent.date, lent.date_basis, lent.date_from) == (
        "undated", "2026-03-03", "merged", "dated")


def test_an_undated_delegation_sharing_one_leader_joins_at_the_same_place() -> None:
    text = "À Genève, Olaf Scholz était venu avec Annalena Baerbock et Robert Habeck."
    reports = [geneva_summit(), record("delegation", text, event(
        text, "venu", "meeting", None, "Genève",
        (SCHOLZ, "Annalena Baerbock", "Robert Habeck")))]
    assert sources_by_entry(reports) == [["dated", "delegation"]]


def test_an_undated_meeting_of_another_pair_at_the_same_place_stays_apart() -> None:
    text = "À Genève, Macron a aussi rencontré Pedro Sánchez."
    reports = [geneva_summit(), record("other", text, event(
        text, "rencontré", "meeting", None, "Genève", (MACRON, SANCHEZ)))]
    assert sources_by_entry(reports) == [["dated"], ["other"]]


def test_an_undated_visit_is_not_sure_to_be_the_summit_of_its_city() -> None:
    text = "Emmanuel Macron a effectué une visite à Genève."
    reports = [geneva_summit(), record("visit", text, event(
        text, "visite", "visit", None, "Genève", (MACRON,)))]
    assert sources_by_entry(reports) == [["dated"], ["visit"]]


def test_an_undated_report_published_before_the_event_is_not_of_it() -> None:
    text = "Le sommet de Genève entre Macron et Scholz a déçu."
    older = record("older", text, event(text, "sommet", "summit", None, "Genève",
                                        (MACRON, SCHOLZ)), published="2026-02-20")
    assert sources_by_entry([geneva_summit(), older]) == [["dated"], ["older"]]
    later = record("later", text, event(text, "sommet", "summit", None, "Genève",
                                        (MACRON, SCHOLZ)), published="2026-03-05")
    assert sources_by_entry([geneva_summit(), later]) == [["dated", "later"]]


def test_an_undated_report_from_another_status_stays_apart() -> None:
    text = "Un nouveau sommet entre Macron et Scholz est prévu à Genève."
    reports = [geneva_summit(), record("plan", text, event(
        text, "sommet", "summit", None, "Genève", (MACRON, SCHOLZ), status="planned"))]
    assert sources_by_entry(reports) == [["dated"], ["plan"]]


def test_an_untitled_source_is_named_by_its_file_in_the_calendar_and_the_text() -> None:
    text = "Le sommet de Genève entre Macron et Scholz, le 3 mars 2026."
    untitled = record("x1f3", text, event(text, "sommet", "summit", "2026-03-03", "Genève",
                                          (MACRON, SCHOLZ)), path="/data/depeches/afp-0412.txt")
    timeline = merge_events([untitled])
    assert timeline[0].sources[0].label == "afp-0412.txt"
    ics = timeline_ics(timeline, datetime(2026, 3, 4, tzinfo=UTC)).replace("\r\n ", "")
    assert "afp-0412.txt: Le sommet" in ics and "x1f3" not in ics
    assert any("· afp-0412.txt" in line for line in timeline_text(timeline))


def test_a_denied_meeting_is_not_the_planned_one_nor_the_one_that_happened() -> None:
    plan = "Un sommet entre Macron et Scholz est prévu à Genève."
    denial = "Berlin dément tout sommet entre Scholz et Macron à Genève."
    cancelled = "Le sommet de Genève entre Macron et Scholz est annulé."
    reports = [
        record("plan", plan, event(plan, "sommet", "summit", None, "Genève", (MACRON, SCHOLZ),
                                   status="planned")),
        record("denial", denial, event(denial, "sommet", "summit", None, "Genève",
                                       (SCHOLZ, MACRON), status="denied")),
        record("cancelled", cancelled, event(cancelled, "sommet", "summit", None, "Genève",
                                             (MACRON, SCHOLZ), status="cancelled")),
        geneva_summit(),
    ]
    assert sources_by_entry(reports) == [["dated"], ["denial"], ["plan", "cancelled"]]
