"""An entity: its card, its quotes (counted and paged), its events, when it was in the news,
and who appears with it.

One rule for every rendering: an entity's quotes are those whose speaker the store linked to
it (``speaker_entity``), its events the merged timeline events with a participant or place
that is one of its names (the name or an alias, compared on :func:`name_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.kb.base import KnowledgeBase
from veille.kb.names import name_key, same_entity
from veille.resolve.cards import shown_aliases
from veille.resolve.timeline import TimelineEvent
from veille.store.base import EntityRow, QuoteRow, Store
from veille.views.activity import Activity, activity
from veille.views.cards import Card, entity_card
from veille.views.links import PageInfo, entity_url, page_info
from veille.views.quotes import QuotePage, quote_items
from veille.views.timeline import CACHE, Merged, merge_documents, status_label, timeline_entry

_ALL = 1_000_000


@dataclass
class EntityItem:
    id: int
    name: str
    type: str
    kb_id: str | None
    documents: int
    mentions: int
    aliases: list[str]  # the names it went by, fragments of sentences left out
    url: str


@dataclass
class Count:
    shown: int
    total: int


@dataclass
class EventItem:
    """One merged event the entity takes part in."""

    id: str
    url: str  # the event's page
    type: str
    type_label: str
    date: str | None
    place: str | None
    status: str
    status_label: str
    participants: list[str]
    source_count: int


@dataclass
class MetWith:
    name: str
    count: int  # documents shared
    entity: EntityItem


@dataclass
class GraphNode:
    id: int
    name: str
    type: str
    url: str
    documents: int
    centre: bool


@dataclass
class GraphEdge:
    source: int
    target: int
    weight: int  # documents where both appear


@dataclass
class CoMentions:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


@dataclass
class EntityView:
    entity: EntityItem
    card: Card
    counts: dict[str, Count]  # "quotes", "events": shown of total
    quotes: QuotePage
    events: list[EventItem]  # date order, undated last
    activity: Activity
    met_with: list[MetWith]
    graph: CoMentions


@dataclass
class EntityPage:
    type: str | None
    name: str | None
    entities: list[EntityItem]
    paging: PageInfo


def entity_item(row: EntityRow) -> EntityItem:
    return EntityItem(id=row.id, name=row.name, type=row.type, kb_id=row.kb_id,
                      documents=row.documents, mentions=row.mentions,
                      aliases=shown_aliases(row.name, row.aliases), url=entity_url(row.id))


def entities_view(store: Store, type: str | None = None, name: str | None = None,
                  limit: int = 20, offset: int = 0) -> EntityPage:
    rows = store.entities(type=type, name=name, limit=limit + 1, offset=offset)
    info = page_info("/entities", {"type": type, "name": name}, limit, offset, len(rows) > limit)
    return EntityPage(type=type, name=name, entities=[entity_item(r) for r in rows[:limit]],
                      paging=info)


def find_entity(store: Store, name: str, kb: KnowledgeBase) -> EntityRow | None:
    """The stored entity ``name`` (a name, an alias or a Wikidata id) denotes: through the
    knowledge base first, then by the exact name, a close form, an alias, any match."""
    entry = kb.link(name) or kb.get(name)
    if entry is not None and entry.id:
        exact = [r for r in store.entities(name=entry.id, limit=5) if r.kb_id == entry.id]
        if exact:
            return exact[0]
        name = entry.label
    rows = store.entities(name=name, limit=50)
    key = name_key(name)
    exact = [r for r in rows if name_key(r.name) == key]
    close = [r for r in rows if same_entity(name, r.type, r.name, r.type)]
    alias = [r for r in rows if any(name_key(a) == key for a in r.aliases)]
    found = exact or close or alias or rows
    return found[0] if found else None


def quotes_of(store: Store, row: EntityRow) -> list[QuoteRow]:
    """Every quote whose speaker the store linked to the entity, newest first."""
    return [q for q in store.quotes(speaker=row.name, limit=_ALL) if q.speaker_entity == row.id]


def entity_merge(store: Store, row: EntityRow) -> Merged:
    """The merged events of the documents with an event the store linked to the entity
    (a participant or the place, by its name in the document: ``event_entities``)."""
    def build() -> Merged:
        return merge_documents(store, (e.doc_id for e in store.events(entity=row.name)))

    return CACHE.merged(store, f"entity:{row.id}", build)


def events_of(merged: Merged, row: EntityRow) -> list[TimelineEvent]:
    keys = {name_key(n) for n in (row.name, *row.aliases)}
    return [e for e in merged.events
            if keys & {name_key(n) for n in (*e.participants, e.place or "")}]


def event_item(event: TimelineEvent, merged: Merged) -> EventItem:
    entry = timeline_entry(event, merged)
    return EventItem(id=entry.id, url=entry.url, type=entry.type, type_label=entry.type_label,
                     date=entry.date, place=entry.place, status=entry.status,
                     status_label=status_label(entry.status),
                     participants=entry.participants, source_count=entry.source_count)


def quote_page(store: Store, row: EntityRow, quotes: list[QuoteRow], limit: int,
               offset: int) -> QuotePage:
    info = page_info(f"/entities/{row.id}/quotes", {}, limit, offset,
                     len(quotes) > offset + limit, total=len(quotes))
    return QuotePage(speaker=row.name, since=None, until=None, total=len(quotes),
                     quotes=quote_items(store, quotes[offset:offset + limit]), paging=info)


def entity_quotes(store: Store, entity_id: int, limit: int = 20, offset: int = 0
                  ) -> QuotePage | None:
    """One page of the entity's quotes, newest first, with their total."""
    row = store.entity(entity_id)
    return None if row is None else quote_page(store, row, quotes_of(store, row), limit, offset)


def entity_events(store: Store, entity_id: int) -> list[EventItem] | None:
    row = store.entity(entity_id)
    if row is None:
        return None
    merged = entity_merge(store, row)
    return [event_item(e, merged) for e in events_of(merged, row)]


def co_mentions(store: Store, entity_id: int, limit: int = 12) -> CoMentions | None:
    """The entity and those met in the most documents with it, for a graph: an edge between
    two of them weighs the documents where both appear."""
    row = store.entity(entity_id)
    if row is None:
        return None
    others = store.cooccurring(entity_id, limit=limit)
    nodes = [GraphNode(row.id, row.name, row.type, entity_url(row.id), row.documents, True)]
    nodes += [GraphNode(o.id, o.name, o.type, entity_url(o.id), o.documents, False)
              for o, _ in others]
    edges = [GraphEdge(row.id, o.id, n) for o, n in others]
    ids = {o.id for o, _ in others}
    for other, _ in others:
        edges += [GraphEdge(other.id, peer.id, n)
                  for peer, n in store.cooccurring(other.id, limit=len(ids) + limit)
                  if peer.id in ids and peer.id > other.id]
    return CoMentions(nodes, edges)


def entity_view(store: Store, entity_id: int, limit: int = 20, events_limit: int = 50,
                kb: KnowledgeBase | None = None, on: str | None = None) -> EntityView | None:
    """Everything the entity page and ``veille entity`` show, or None for an unknown id; the
    card's roles as of ``on``, by default the latest date the entity was seen at."""
    row = store.entity(entity_id)
    if row is None:
        return None
    quotes = quotes_of(store, row)
    merged = entity_merge(store, row)
    events = events_of(merged, row)
    # Roles are given as of the latest date the entity was seen at, not as of today.
    seen = [d for d in (*(q.said_on or q.published for q in quotes), *(e.date for e in events))
            if d]
    shown = events[:events_limit]
    return EntityView(
        entity=entity_item(row), card=entity_card(row, on or max(seen, default=None), kb),
        counts={"quotes": Count(min(limit, len(quotes)), len(quotes)),
                "events": Count(len(shown), len(events))},
        quotes=quote_page(store, row, quotes, limit, 0),
        events=[event_item(e, merged) for e in shown],
        activity=activity(store, entity_id, quotes),
        met_with=[MetWith(o.name, n, entity_item(o)) for o, n in store.cooccurring(row.id, 12)],
        graph=co_mentions(store, entity_id) or CoMentions(),
    )
