"""Context cards for the side panels and entity pages, from ``veille.resolve.cards``.

The knowledge base says who or what the entity is on the article's date (role, country,
description); the store adds the names it went by and how often it was met.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from veille.api.schemas import Card
from veille.api.urls import entity_url
from veille.kb.base import get_kb
from veille.model import Entity, EntityType
from veille.resolve.cards import card, card_word
from veille.settings import get_settings
from veille.store.base import EntityRow
from veille.taxonomy import ui_pack


def day_of(iso: str | None) -> date | None:
    """The date of an ISO string of day precision, else None (the card then uses today)."""
    try:
        return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


def entity_card(row: EntityRow, on: str | None = None) -> Card:
    # The store keeps the type as a plain string; it is one of EntityType by construction.
    entity = Entity(id="", name=row.name, type=cast(EntityType, row.type), kb_id=row.kb_id)
    kb = card(entity, day_of(on), get_kb(get_settings().kb_path))
    linked = bool(kb.get("linked"))
    cited = card_word("cited_in", ui_pack())
    facts = [cited.format(documents=row.documents, mentions=row.mentions)]
    return Card(
        name=str(kb.get("label") or row.name), type=row.type,
        kb_id=kb.get("wikidata") or row.kb_id, description=kb.get("description"),
        role=kb.get("role"), roles=list(kb.get("roles") or []), country=kb.get("country"),
        on=kb.get("on"), wikidata_url=kb.get("url"), population=kb.get("population"),
        aliases=[a for a in row.aliases if a != row.name], facts=facts,
        source="kb" if linked else "store", url=entity_url(row.id),
    )
