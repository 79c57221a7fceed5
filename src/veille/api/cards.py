"""Context cards for the side panels and entity pages.

Until ``veille.resolve.cards`` (issue #4) lands, a card says what the store knows: the name,
the type, the knowledge-base id and the names the entity went by in the articles.
"""

from __future__ import annotations

from veille.api.schemas import Card
from veille.api.urls import entity_url
from veille.store.base import EntityRow

TYPE_LABELS = {"PER": "personne", "ORG": "organisation", "LOC": "lieu", "MISC": "divers"}


def entity_card(row: EntityRow) -> Card:
    facts = [f"{TYPE_LABELS.get(row.type, row.type)} cité(e) dans {row.documents} article(s), "
             f"{row.mentions} mention(s)"]
    return Card(name=row.name, type=row.type, kb_id=row.kb_id, description=None,
                aliases=[a for a in row.aliases if a != row.name], facts=facts, source="store",
                url=entity_url(row.id))
