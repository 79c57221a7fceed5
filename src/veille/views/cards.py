"""Context cards for the entity pages and the article side panels.

The knowledge base says who or what the entity is on the article's date (role, country,
description, through :func:`veille.resolve.cards.card`); the store adds the names it went by
(fragments left out) and how often it was met.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, cast

from veille.kb.base import KnowledgeBase, get_kb
from veille.model import Entity, EntityType
from veille.resolve.cards import card, card_word, shown_aliases
from veille.settings import get_settings
from veille.store.base import EntityRow
from veille.taxonomy import ui_pack
from veille.views.links import entity_url


@dataclass
class Card:
    """Who or what an entity is, for a reader who has never heard of it."""

    name: str
    type: str
    kb_id: str | None
    description: str | None = None
    role: str | None = None  # position held on the card's date (KB)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    on: str | None = None  # the date the roles are given for
    wikidata_url: str | None = None
    population: int | None = None
    aliases: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # what the store counts about the entity
    source: str = "store"  # "kb" when the knowledge base knows it
    url: str | None = None  # the entity's page


def day_of(iso: str | None) -> date | None:
    """The date of an ISO string of day precision, else None (the card then uses today)."""
    try:
        return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


def installed_kb() -> KnowledgeBase:
    return get_kb(get_settings().kb_path)


def entity_card(row: EntityRow, on: str | None = None, kb: KnowledgeBase | None = None
                ) -> Card:
    """The card of a store entity, its roles as of ``on`` (ISO; today when absent)."""
    if kb is not None:
        return _make_card(row, on, kb)
    # Cards of the installed KB (loaded once a process) are kept by everything they are
    # made of: an article page shows a dozen, each a KB lookup and a country label (a scan
    # of the KB), the same for the same row and day.
    key = (row.id, row.name, row.type, row.kb_id, row.documents, row.mentions,
           tuple(row.aliases), on, date.today() if on is None else None)
    return replace(_card(key, installed_kb()))


@lru_cache(maxsize=4096)
def _card(key: tuple[Any, ...], kb: KnowledgeBase) -> Card:
    row = EntityRow(key[0], key[1], key[2], key[3], key[4], key[5], list(key[6]))
    return _make_card(row, key[7], kb)


def _make_card(row: EntityRow, on: str | None, kb: KnowledgeBase) -> Card:
    # The store keeps the type as a plain string; it is one of EntityType by construction.
    entity = Entity(id="", name=row.name, type=cast(EntityType, row.type), kb_id=row.kb_id)
    info = card(entity, day_of(on), kb)
    cited = card_word("cited_in", ui_pack())
    return Card(
        name=str(info.get("label") or row.name), type=row.type,
        kb_id=info.get("wikidata") or row.kb_id, description=info.get("description"),
        role=info.get("role"), roles=list(info.get("roles") or []), country=info.get("country"),
        on=info.get("on"), wikidata_url=info.get("url"), population=info.get("population"),
        aliases=shown_aliases(row.name, row.aliases),
        facts=[cited.format(documents=row.documents, mentions=row.mentions)],
        source="kb" if info.get("linked") else "store", url=entity_url(row.id),
    )
