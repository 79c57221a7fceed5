"""The home page: what the store holds, the latest articles and the latest events."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.model import Record
from veille.store.base import Store
from veille.views.document import DocumentSummary, document_summaries
from veille.views.entity import EntityItem, entity_item
from veille.views.timeline import CACHE, Merged, TimelineEntry, merge_records, timeline_entry

LATEST = 10
# The latest events are those the latest articles report: merging the whole store for a home
# page took seconds at a few thousand documents.
LATEST_READ = 50
LATEST_PAGES = 10


@dataclass
class Stats:
    documents: int
    entities: int
    quotes: int
    events: int


@dataclass
class HomeView:
    stats: Stats
    latest_documents: list[DocumentSummary] = field(default_factory=list)
    # Newest dated first, among the events the latest articles report.
    latest_events: list[TimelineEntry] = field(default_factory=list)
    top_entities: list[EntityItem] = field(default_factory=list)


def latest_merge(store: Store, wanted: int) -> Merged:
    """The merge of the latest articles, read back a page at a time until they hold
    ``wanted`` dated reports of events (or ``LATEST_PAGES`` pages were read)."""
    records: list[Record] = []
    for page in range(LATEST_PAGES):
        rows = store.documents(limit=LATEST_READ, offset=page * LATEST_READ)
        records += [r for d in rows if (r := store.get(d.doc_id)) is not None]
        dated = sum(1 for r in records for e in r.events if e.date)
        if len(rows) < LATEST_READ or dated >= wanted:
            break
    return merge_records(records)


def home_view(store: Store, latest: int = LATEST) -> HomeView:
    counts = store.stats()
    merged = CACHE.merged(store, "latest", lambda: latest_merge(store, latest))
    dated = sorted((e for e in merged.events if e.date), key=lambda e: e.date or "",
                   reverse=True)
    return HomeView(
        stats=Stats(**{k: counts.get(k, 0) for k in ("documents", "entities", "quotes",
                                                     "events")}),
        latest_documents=document_summaries(store, latest),
        latest_events=[timeline_entry(e, merged) for e in dated[:latest]],
        top_entities=[entity_item(r) for r in store.entities(limit=12)],
    )
