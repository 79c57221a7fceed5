"""The home page: what the store holds, the latest articles and the latest events."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.store.base import Store
from veille.views.document import DocumentSummary, document_summaries
from veille.views.entity import EntityItem, entity_item
from veille.views.timeline import CACHE, TimelineEntry, timeline_entry

LATEST = 10


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
    latest_events: list[TimelineEntry] = field(default_factory=list)  # newest dated first
    top_entities: list[EntityItem] = field(default_factory=list)


def home_view(store: Store, latest: int = LATEST) -> HomeView:
    counts = store.stats()
    merged = CACHE.merged(store)
    dated = sorted((e for e in merged.events if e.date), key=lambda e: e.date or "",
                   reverse=True)
    return HomeView(
        stats=Stats(**{k: counts.get(k, 0) for k in ("documents", "entities", "quotes",
                                                     "events")}),
        latest_documents=document_summaries(store, latest),
        latest_events=[timeline_entry(e, merged) for e in dated[:latest]],
        top_entities=[entity_item(r) for r in store.entities(limit=12)],
    )
