"""Events as found in each document, and the timeline that merges them across documents.

``veille.resolve.timeline`` (issue #5) is not there yet: until it is, events of several
documents merge when they share type, date and place, which is what the store can tell.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from veille.api.deps import Handle, Page, Since, Until
from veille.api.entities import event_out, quote_out
from veille.api.schemas import EventPage, SourceRef, Timeline, TimelineEntry
from veille.api.urls import doc_url, page_info, until_bound
from veille.model import Record
from veille.store.base import EventRow, QuoteRow, Store

router = APIRouter(tags=["events"])
MERGED_BY = "type, date and place"

Entity = Annotated[str | None, Query(max_length=200,
                                     description="Part of a participant's name, or a KB id.")]


def merge_events(rows: list[EventRow]) -> list[list[EventRow]]:
    """Events grouped by (type, date, place), in date order; undated ones last."""
    groups: dict[tuple[str, str | None, str | None], list[EventRow]] = {}
    for row in rows:
        ev = row.event
        groups.setdefault((ev.type, ev.date, ev.place), []).append(row)
    return sorted(groups.values(), key=lambda g: (g[0].event.date is None, g[0].event.date or "",
                                                  g[0].event.type))


def timeline_view(store: Store, entity: str | None, since: str | None, until: str | None
                  ) -> Timeline:
    rows = store.events(entity=entity, since=since, until=until_bound(until))
    records: dict[str, Record | None] = {}
    entries = []
    for n, group in enumerate(merge_events(rows), start=1):
        first = group[0].event
        participants = sorted({p for g in group for p in g.event.participants})
        entries.append(TimelineEntry(
            id=f"e{n}", type=first.type, date=first.date, place=first.place,
            statuses=sorted({g.event.status for g in group}), participants=participants,
            sources=[SourceRef(doc_id=g.doc_id, title=g.title, publisher=g.publisher,
                               published=g.published, trigger=g.event.trigger,
                               url=doc_url(g.doc_id, g.event.start)) for g in group],
            quotes=[quote_out(q) for q in _quotes_of(store, group, participants, records)],
        ))
    return Timeline(entity=entity, since=since, until=until, merged_by=MERGED_BY,
                    entries=entries)


def _quotes_of(store: Store, group: list[EventRow], participants: list[str],
               records: dict[str, Record | None]) -> list[QuoteRow]:
    """Quotes of the participants in the event's source documents."""
    out = []
    for doc_id in dict.fromkeys(g.doc_id for g in group):
        if doc_id not in records:
            records[doc_id] = store.get(doc_id)
        record = records[doc_id]
        if record is None:
            continue
        src = record.source
        for q in record.quotes:
            if q.speaker and any(q.speaker in p or p in q.speaker for p in participants):
                out.append(QuoteRow(
                    doc_id=doc_id, title=src.title, published=src.published, kind=q.kind,
                    text=q.text, start=q.start, end=q.end, speaker=q.speaker,
                    speaker_entity=None, speaker_role=q.speaker_role, cue=q.cue,
                    said_on=q.said_on, medium=q.medium))
    return out


@router.get("/api/events", response_model=EventPage, summary="Events, one per document")
def events(handle: Handle, page: Page, entity: Entity = None, since: Since = None,
           until: Until = None) -> EventPage:
    with handle.use() as store:
        rows = store.events(entity=entity, since=since, until=until_bound(until))
    # No HTML page lists raw events: the timeline is their page, so "next" points to this API.
    chunk = rows[page.offset:page.offset + page.limit]
    info = page_info("/api/events", {"entity": entity, "since": since, "until": until},
                     page.limit, page.offset, len(rows) > page.offset + page.limit)
    return EventPage(entity=entity, since=since, until=until,
                     events=[event_out(r) for r in chunk], paging=info)


@router.get("/api/timeline", response_model=Timeline, summary="Events merged across documents")
def timeline(handle: Handle, entity: Entity = None, since: Since = None, until: Until = None
             ) -> Timeline:
    with handle.use() as store:
        return timeline_view(store, entity, since, until)
