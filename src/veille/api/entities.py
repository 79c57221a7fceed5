"""Entities: the listing, one entity's page (card, counts, quotes, events, activity, company
kept) and its quotes page by page. The answers are :mod:`veille.views.entity`'s."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from veille.api.deps import EntityId, Handle, Page
from veille.store.base import Store
from veille.views.entity import (
    EntityPage,
    EntityView,
    entities_view,
    entity_item,
    entity_quotes,
    entity_view,
)
from veille.views.quotes import QuotePage

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")

router = APIRouter(tags=["entities"])
# The old names, for the pages that still import them.
entity_out = entity_item


def entity_page(store: Store, type: str | None, name: str | None, limit: int, offset: int
                ) -> EntityPage:
    return entities_view(store, type, name, limit, offset)


def entity_detail(store: Store, entity_id: int) -> EntityView:
    """The entity's view; a 404 for an unknown id."""
    found = entity_view(store, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id}")
    return found


def entity_quote_page(store: Store, entity_id: int, limit: int, offset: int) -> QuotePage:
    found = entity_quotes(store, entity_id, limit, offset)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id}")
    return found


@router.get("/api/entities", response_model=EntityPage, summary="List entities")
async def list_entities(
    handle: Handle, page: Page,
    type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
    name: Annotated[str | None, Query(max_length=200,
                                      description="Part of a name or alias, or a KB id.")] = None,
) -> EntityPage:
    return await handle.read(entity_page, type, name, page.limit, page.offset)


@router.get("/api/entities/{entity_id}", response_model=EntityView, summary="One entity",
            responses={404: {"description": "Unknown entity"}})
async def get_entity(handle: Handle, entity_id: EntityId) -> EntityView:
    return await handle.read(entity_detail, entity_id)


@router.get("/api/entities/{entity_id}/quotes", response_model=QuotePage,
            summary="One entity's quotes, newest first, with their total",
            responses={404: {"description": "Unknown entity"}})
async def get_entity_quotes(handle: Handle, entity_id: EntityId, page: Page) -> QuotePage:
    return await handle.read(entity_quote_page, entity_id, page.limit, page.offset)
