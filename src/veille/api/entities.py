"""Entities: the listing, and one entity's page (card, aliases, quotes, events, company kept).

The Store protocol has no lookup by entity id nor "documents of an entity", so both are derived
here from ``store.entities()``, ``store.search()`` and the records; fine for a newsroom's store,
and the place to switch to dedicated store calls when they exist.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from veille.api.cards import entity_card
from veille.api.deps import Handle, Page
from veille.api.schemas import (
    EntityDetail,
    EntityOut,
    EntityPage,
    EventOut,
    MetWith,
    MonthCount,
    QuoteOut,
)
from veille.api.urls import doc_url, entity_url, page_info
from veille.model import Record
from veille.store.base import EntityRow, EventRow, QuoteRow, SearchFilters, Store

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
_ALL = 1_000_000

router = APIRouter(tags=["entities"])


def entity_out(row: EntityRow) -> EntityOut:
    return EntityOut(id=row.id, name=row.name, type=row.type, kb_id=row.kb_id,
                     documents=row.documents, mentions=row.mentions, aliases=row.aliases,
                     url=entity_url(row.id))


def all_entities(store: Store) -> list[EntityRow]:
    return store.entities(limit=_ALL)


def link_record(record: Record, rows: list[EntityRow]) -> dict[str, EntityRow]:
    """Document-local entity id -> store entity, by knowledge-base id, else by a name seen."""
    by_kb = {r.kb_id: r for r in rows if r.kb_id}
    by_name: dict[tuple[str, str], EntityRow] = {}
    for each in sorted(rows, key=lambda r: r.mentions):  # the most mentioned wins a shared alias
        for name in (*each.aliases, each.name):
            by_name[(each.type, name)] = each
    links = {}
    for entity in record.entities:
        row: EntityRow | None = by_kb.get(entity.kb_id) if entity.kb_id else None
        row = row or by_name.get((entity.type, entity.name))
        if row is None and entity.mentions:
            row = by_name.get((entity.type, entity.mentions[0].text))
        if row is not None:
            links[entity.id] = row
    return links


def quote_out(row: QuoteRow) -> QuoteOut:
    return QuoteOut(
        doc_id=row.doc_id, title=row.title, published=row.published, kind=row.kind,
        text=row.text, start=row.start, end=row.end, speaker=row.speaker,
        speaker_entity=row.speaker_entity, speaker_role=row.speaker_role, cue=row.cue,
        said_on=row.said_on, medium=row.medium, url=doc_url(row.doc_id, row.start),
        speaker_url=entity_url(row.speaker_entity) if row.speaker_entity else None,
    )


def event_out(row: EventRow) -> EventOut:
    ev = row.event
    return EventOut(doc_id=row.doc_id, title=row.title, publisher=row.publisher,
                    published=row.published, type=ev.type, trigger=ev.trigger,
                    participants=ev.participants, place=ev.place, date=ev.date,
                    status=ev.status, url=doc_url(row.doc_id, ev.start))


def entity_page(store: Store, type: str | None, name: str | None, limit: int, offset: int
                ) -> EntityPage:
    rows = store.entities(type=type, name=name, limit=limit + 1, offset=offset)
    info = page_info("/entities", {"type": type, "name": name}, limit, offset, len(rows) > limit)
    return EntityPage(type=type, name=name, entities=[entity_out(r) for r in rows[:limit]],
                      paging=info)


def entity_detail(store: Store, entity_id: int) -> EntityDetail:
    rows = all_entities(store)
    row = next((r for r in rows if r.id == entity_id), None)
    if row is None:
        raise HTTPException(404, f"no entity with id {entity_id}")
    names = {row.name, *row.aliases}
    quotes = [q for q in store.quotes(speaker=row.name, limit=500) if q.speaker_entity == row.id]
    months = Counter((q.said_on or q.published or "????")[:7] for q in quotes)
    events = [e for e in store.events(entity=row.name)
              if names & {*e.event.participants, e.event.place or ""}]
    docs = {q.doc_id for q in quotes} | {e.doc_id for e in events} | _documents_naming(store, row)
    # Roles are given as of the latest date the entity was seen at, not as of today.
    seen = [d for d in (*(q.said_on or q.published for q in quotes),
                        *(e.event.date or e.published for e in events)) if d]
    return EntityDetail(
        entity=entity_out(row), card=entity_card(row, max(seen, default=None)),
        quotes=[quote_out(q) for q in quotes],
        quotes_by_month=[MonthCount(month=m, count=c) for m, c in sorted(months.items())],
        events=[event_out(e) for e in events],
        met_with=_met_with(store, row, sorted(docs), rows),
    )


def _documents_naming(store: Store, row: EntityRow) -> set[str]:
    """Documents where the entity is mentioned: a full-text search for each name it goes by."""
    found: set[str] = set()
    for name in sorted({row.name, *row.aliases}, key=len)[:6]:
        hits = store.search(f'"{name}"', SearchFilters(entity=name), limit=200)
        found.update(h.doc_id for h in hits)
    return found


def _met_with(store: Store, row: EntityRow, doc_ids: list[str], rows: list[EntityRow]
              ) -> list[MetWith]:
    """The entities found in the most documents alongside this one (persons and orgs first)."""
    counts: Counter[int] = Counter()
    by_id = {r.id: r for r in rows}
    for doc_id in doc_ids:
        record = store.get(doc_id)
        if record is None:
            continue
        others = {r.id for r in link_record(record, rows).values() if r.id != row.id}
        counts.update(others)
    ranked = sorted(counts.items(),
                    key=lambda kv: (-kv[1], by_id[kv[0]].type not in ("PER", "ORG"),
                                    by_id[kv[0]].name))
    return [MetWith(name=by_id[i].name, count=n, entity=entity_out(by_id[i]))
            for i, n in ranked[:12]]


@router.get("/api/entities", response_model=EntityPage, summary="List entities")
def list_entities(
    handle: Handle, page: Page,
    type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
    name: Annotated[str | None, Query(max_length=200,
                                      description="Part of a name or alias, or a KB id.")] = None,
) -> EntityPage:
    with handle.use() as store:
        return entity_page(store, type, name, page.limit, page.offset)


@router.get("/api/entities/{entity_id}", response_model=EntityDetail, summary="One entity",
            responses={404: {"description": "Unknown entity"}})
def get_entity(handle: Handle, entity_id: Annotated[int, Path(ge=1)]) -> EntityDetail:
    with handle.use() as store:
        return entity_detail(store, entity_id)
