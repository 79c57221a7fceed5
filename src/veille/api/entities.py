"""Entities: the listing, and one entity's page (card, aliases, quotes, events, company kept)."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from veille.api.cards import entity_card
from veille.api.deps import EntityId, Handle, Page
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
from veille.store.base import EntityRow, EventRow, QuoteRow, Store

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
_ALL = 1_000_000

router = APIRouter(tags=["entities"])


def entity_out(row: EntityRow) -> EntityOut:
    return EntityOut(id=row.id, name=row.name, type=row.type, kb_id=row.kb_id,
                     documents=row.documents, mentions=row.mentions, aliases=row.aliases,
                     url=entity_url(row.id))


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
    row = store.entity(entity_id)
    if row is None:
        raise HTTPException(404, f"no entity with id {entity_id}")
    names = {row.name, *row.aliases}
    quotes = [q for q in store.quotes(speaker=row.name, limit=500) if q.speaker_entity == row.id]
    months = Counter((q.said_on or q.published or "????")[:7] for q in quotes)
    events = [e for e in store.events(entity=row.name)
              if names & {*e.event.participants, e.event.place or ""}]
    # Roles are given as of the latest date the entity was seen at, not as of today.
    seen = [d for d in (*(q.said_on or q.published for q in quotes),
                        *(e.event.date or e.published for e in events)) if d]
    return EntityDetail(
        entity=entity_out(row), card=entity_card(row, max(seen, default=None)),
        quotes=[quote_out(q) for q in quotes],
        quotes_by_month=[MonthCount(month=m, count=c) for m, c in sorted(months.items())],
        events=[event_out(e) for e in events],
        met_with=[MetWith(name=other.name, count=n, entity=entity_out(other))
                  for other, n in store.cooccurring(row.id, limit=12)],
    )


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
def get_entity(handle: Handle, entity_id: EntityId) -> EntityDetail:
    with handle.use() as store:
        return entity_detail(store, entity_id)
