"""The timeline (events merged across documents) and one merged event's page.

The merge is :func:`veille.resolve.timeline.merge_events` over every stored record that has
an event; it is kept until the store grows, since it compares reports pairwise (seconds at a
thousand documents) while a page of it is cheap. Filters (participant, period at any
precision) apply after the merge: an undated report takes its date from the others.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from veille.model import Record
from veille.resolve.timeline import TimelineEvent, filter_timeline, merge_events
from veille.store.base import Store
from veille.taxonomy import ui_pack, ui_taxonomy
from veille.views.labels import record_label
from veille.views.links import PageInfo, doc_url, event_url, page_info

MERGED_BY = ("same event family, shared participants, compatible dates and places "
             "(veille.resolve.timeline)")
WORDS = "views/words.tsv"
TIMELINE_LIMIT = 100


@dataclass
class SourceItem:
    doc_id: str
    label: str
    title: str | None
    publisher: str | None
    published: str | None
    trigger: str
    sentence: str  # the trigger's sentence
    date: str | None
    date_basis: str  # "reported", or "merged" when taken from the other sources
    place: str | None
    mentions: int  # how often the document mentions the event
    date_from: str | None  # the document that lent this source its date, if one did
    place_from: str | None  # ... and its place
    url: str  # the trigger in its article


@dataclass
class TimelineQuote:
    speaker: str | None
    text: str | None
    doc_id: str | None
    label: str | None
    said_on: str | None
    url: str | None


@dataclass
class TimelineEntry:
    id: str  # "<doc_id>-<offset>" of its first source; any of its sources finds it back
    url: str
    type: str
    type_label: str
    date: str | None
    place: str | None
    place_id: str | None  # the place's Wikidata id, when the KB knows it
    status: str
    status_label: str
    participants: list[str]
    conflicts: list[str]
    source_count: int
    sources: list[SourceItem] = field(default_factory=list)
    quotes: list[TimelineQuote] = field(default_factory=list)


@dataclass
class TimelineView:
    entity: str | None
    since: str | None
    until: str | None
    merged_by: str
    total: int  # merged events in all pages
    undated: int  # of which without a date (listed last)
    entries: list[TimelineEntry] = field(default_factory=list)
    paging: PageInfo | None = None


@dataclass
class Merged:
    """A merged timeline and what its entries link to (the merge keeps no offsets)."""

    events: list[TimelineEvent]
    triggers: dict[tuple[str, str], int]  # (doc_id, trigger) -> offset of its first event
    quotes: dict[tuple[str, str], int]  # (doc_id, quote text) -> offset
    labels: dict[str, str]  # doc_id -> label


def merge_records(records: list[Record]) -> Merged:
    records = [r for r in records if r.events]
    return Merged(merge_events(records), _anchors(records, "events"),
                  _anchors(records, "quotes"), {r.doc_id: record_label(r) for r in records})


def merge_store(store: Store) -> Merged:
    # In the order the records were stored: the merge is order-sensitive among reports of
    # equal date precision, and this is the order ``veille timeline`` was scored in.
    return merge_records(list(store.iter_records()))


def merge_documents(store: Store, doc_ids: Iterable[str]) -> Merged:
    """The merge of some documents only (an entity's, the latest): reading every record of a
    large store takes seconds. Their events' ids are those of the full timeline's sources, so
    an event page finds each of them (in the event all sources make)."""
    return merge_records([r for d in dict.fromkeys(doc_ids) if (r := store.get(d)) is not None])


def _anchors(records: list[Record], kind: str) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for record in records:
        for item in getattr(record, kind):
            key = item.trigger if kind == "events" else item.text
            found.setdefault((record.doc_id, key), item.start)
    return found


class TimelineCache:
    """Merged timelines by store, kept until the store changes. One lock per store: twenty
    readers asking at once wait for one merge instead of running twenty."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[str, tuple[tuple[int, ...], Merged]] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def merged(self, store: Store, part: str = "",
               build: Callable[[], Merged] | None = None) -> Merged:
        """The store's whole merged timeline, or the ``part`` of it ``build`` merges."""
        # The store only grows: its counts are a version.
        version = tuple(sorted(store.stats().values()))
        key = f"{store.url}\x1f{part}"
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            with self._guard:
                found = self._entries.get(key)
            if found and found[0] == version:
                return found[1]
            merged = build() if build else merge_store(store)
            with self._guard:
                self._entries[key] = (version, merged)
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    old, _ = self._entries.popitem(last=False)
                    self._locks.pop(old, None)
            return merged


CACHE = TimelineCache()


def status_label(status: str) -> str:
    return ui_pack().mapping(WORDS).get(f"status:{status}", status)


def event_id(event: TimelineEvent, merged: Merged) -> str:
    first = event.sources[0]
    return f"{first.doc_id}-{merged.triggers.get((first.doc_id, first.trigger), 0)}"


def timeline_entry(event: TimelineEvent, merged: Merged) -> TimelineEntry:
    """One merged event with its sources, quotes and links, its type and status in French."""
    sources = [SourceItem(
        doc_id=s.doc_id, label=merged.labels.get(s.doc_id, s.doc_id), title=s.title,
        publisher=s.publisher, published=s.published, trigger=s.trigger, sentence=s.sentence,
        date=s.date, date_basis=s.date_basis, place=s.place, mentions=s.mentions,
        date_from=s.date_from, place_from=s.place_from,
        url=doc_url(s.doc_id, merged.triggers.get((s.doc_id, s.trigger))))
        for s in event.sources]
    quotes = [_quote(q, merged) for q in event.quotes]
    ident = event_id(event, merged)
    return TimelineEntry(
        id=ident, url=event_url(ident), type=event.type,
        type_label=ui_taxonomy().label(event.type), date=event.date, place=event.place,
        place_id=event.place_id, status=event.status, status_label=status_label(event.status),
        participants=list(event.participants), conflicts=list(event.conflicts),
        source_count=len(event.sources), sources=sources, quotes=quotes)


def _quote(quote: dict[str, str | None], merged: Merged) -> TimelineQuote:
    doc_id = quote.get("doc_id")
    start = merged.quotes.get((doc_id, quote.get("text") or "")) if doc_id else None
    return TimelineQuote(speaker=quote.get("speaker"), text=quote.get("text"), doc_id=doc_id,
                         label=merged.labels.get(doc_id) if doc_id else None,
                         said_on=quote.get("said_on"),
                         url=doc_url(doc_id, start) if doc_id else None)


def timeline_view(store: Store, entity: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = TIMELINE_LIMIT, offset: int = 0
                  ) -> TimelineView:
    """One page of the merged timeline: events of a participant named ``entity`` within
    [since, until] (YYYY, YYYY-MM or YYYY-MM-DD, inclusive at their own precision:
    :func:`veille.resolve.timeline.period_bounds`; with a bound, undated events are left out),
    in date order, undated last. ValueError for a bound that is no date."""
    merged = CACHE.merged(store)
    events = filter_timeline(merged.events, entity, since, until)
    info = page_info("/timeline", {"entity": entity, "since": since, "until": until}, limit,
                     offset, len(events) > offset + limit, total=len(events))
    return TimelineView(
        entity=entity, since=since, until=until, merged_by=MERGED_BY, total=len(events),
        undated=sum(1 for e in events if e.date is None),
        entries=[timeline_entry(e, merged) for e in events[offset:offset + limit]],
        paging=info)


def find_event(merged: Merged, ident: str) -> TimelineEvent | None:
    """The merged event one of whose sources is ``ident`` ("<doc_id>-<offset>")."""
    doc_id, _, start = ident.rpartition("-")
    if not doc_id or not start.isdigit():
        return None
    for event in merged.events:
        for s in event.sources:
            if s.doc_id == doc_id and merged.triggers.get((s.doc_id, s.trigger)) == int(start):
                return event
    return None
