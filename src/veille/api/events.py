"""Events as found in each document, and the timeline that merges them across documents.

The merge is ``veille.resolve.timeline`` (the same as ``veille timeline``); the store only
narrows the records it reads to those with an event of the entity asked for.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from veille.api.deps import MAX_LIMIT, Handle, Page, Paging, Since, Until
from veille.api.entities import event_out
from veille.api.schemas import EventPage, SourceRef, Timeline, TimelineEntry, TimelineQuote
from veille.api.urls import doc_url, page_info, until_bound
from veille.model import Record
from veille.resolve.timeline import TimelineEvent, filter_timeline, merge_events
from veille.store.base import Store

router = APIRouter(tags=["events"])
MERGED_BY = ("same event family, shared participants, compatible dates and places "
             "(veille.resolve.timeline)")

Entity = Annotated[str | None, Query(max_length=200,
                                     description="Part of a participant's name, or a KB id.")]
TIMELINE_LIMIT = 100


def timeline_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")
                     ] = TIMELINE_LIMIT,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Events to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


TimelinePaging = Annotated[Paging, Depends(timeline_paging)]


class TimelineCache:
    """Merged timelines kept until the store changes: the merge reads every record with an
    event of the entity and compares their events pairwise (seconds at a thousand
    documents), while a page of it is cheap. One lock per key: twenty readers asking for the
    same timeline at once wait for one merge instead of running twenty."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[str, ...], tuple[int, list[TimelineEntry]]] = (
            OrderedDict())
        self._locks: dict[tuple[str, ...], threading.Lock] = {}
        self._guard = threading.Lock()

    def entries(self, store: Store, entity: str | None, since: str | None,
                until: str | None) -> list[TimelineEntry]:
        key = (store.url, entity or "", since or "", until or "")
        version = store.stats()["documents"]  # the store only grows: a count is a version
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            with self._guard:
                found = self._entries.get(key)
            if found and found[0] == version:
                return found[1]
            entries = merged_entries(store, entity, since, until)
            with self._guard:
                self._entries[key] = (version, entries)
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    old, _ = self._entries.popitem(last=False)
                    self._locks.pop(old, None)
            return entries


CACHE = TimelineCache()


def merged_entries(store: Store, entity: str | None, since: str | None, until: str | None
                   ) -> list[TimelineEntry]:
    # Dates are filtered after the merge: an undated report takes its date from the others.
    doc_ids = dict.fromkeys(row.doc_id for row in store.events(entity=entity))
    records = {d: r for d in doc_ids if (r := store.get(d)) is not None}
    merged = filter_timeline(merge_events(records.values()), entity, since, until)
    return [_entry(n, e, records) for n, e in enumerate(merged, start=1)]


def timeline_view(store: Store, entity: str | None, since: str | None, until: str | None,
                  limit: int = TIMELINE_LIMIT, offset: int = 0) -> Timeline:
    """One page of the merged timeline."""
    entries = CACHE.entries(store, entity, since, until)
    info = page_info("/timeline", {"entity": entity, "since": since, "until": until}, limit,
                     offset, len(entries) > offset + limit)
    return Timeline(entity=entity, since=since, until=until, merged_by=MERGED_BY,
                    total=len(entries), entries=entries[offset:offset + limit], paging=info)


def _entry(n: int, event: TimelineEvent, records: dict[str, Record]) -> TimelineEntry:
    sources = [SourceRef(doc_id=s.doc_id, title=s.title, publisher=s.publisher,
                         published=s.published, trigger=s.trigger, sentence=s.sentence,
                         date=s.date, date_basis=s.date_basis, place=s.place,
                         url=doc_url(s.doc_id, _trigger_at(records.get(s.doc_id), s.trigger)))
               for s in event.sources]
    quotes = [TimelineQuote(speaker=q.get("speaker"), text=q.get("text"), doc_id=q.get("doc_id"),
                            said_on=q.get("said_on"), url=_quote_url(q, records))
              for q in event.quotes]
    return TimelineEntry(id=f"e{n}", type=event.type, date=event.date, place=event.place,
                         status=event.status, participants=event.participants,
                         conflicts=event.conflicts, sources=sources, quotes=quotes)


def _trigger_at(record: Record | None, trigger: str) -> int | None:
    """Where the event is mentioned, for the link's anchor (the merge keeps no offsets)."""
    if record is None:
        return None
    return next((e.start for e in record.events if e.trigger == trigger), None)


def _quote_url(quote: dict[str, str | None], records: dict[str, Record]) -> str | None:
    doc_id = quote.get("doc_id")
    if not doc_id:
        return None
    record = records.get(doc_id)
    start = next((q.start for q in record.quotes if q.text == quote.get("text")), None) \
        if record else None
    return doc_url(doc_id, start)


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
def timeline(handle: Handle, page: TimelinePaging, entity: Entity = None, since: Since = None,
             until: Until = None) -> Timeline:
    with handle.use() as store:
        return timeline_view(store, entity, since, until, page.limit, page.offset)
