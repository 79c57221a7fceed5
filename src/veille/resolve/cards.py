"""Context cards: what a reader needs to place an entity on the date of an article.

A card is a plain dict (JSON-ready): label, type, Wikidata id and URL, short description, the
role(s) held on the date, the country, and coordinates and population for places.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from veille.kb.base import KBEntry, KnowledgeBase, Position
from veille.lang.pack import read_table
from veille.model import Entity

# Organisations that stand in a position's country slot; everything else is an ISO country code.
_BODIES = {"EU": "Union européenne", "UN": "ONU", "NATO": "OTAN"}


@lru_cache(maxsize=1)
def _role_labels() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("roles-labels.tsv") if len(row) == 2}


def country_label(code: str | None, kb: KnowledgeBase) -> str | None:
    """The French name of a country code (or EU/UN/NATO), from the knowledge base."""
    if not code:
        return None
    if code in _BODIES:
        return _BODIES[code]
    for entry in kb:
        if entry.kind == "country" and entry.country == code:
            return entry.label
    return code


def role_label(position: Position, kb: KnowledgeBase) -> str:
    """A French label for a position: its own when French (curated), else the role's."""
    if position.label and position.as_of is None and position.id is None:
        return position.label
    template = _role_labels().get(position.role)
    if template is None:
        return position.label or position.role
    return template.replace("{country}", country_label(position.country, kb) or "?")


def card(item: KBEntry | Entity, on_date: date | None, kb: KnowledgeBase) -> dict[str, Any]:
    """The card of a KB entry, or of a document entity (linked through ``kb`` when possible)."""
    day = on_date or date.today()
    entry = item if isinstance(item, KBEntry) else _entry_of(item, kb, day)
    if entry is None:
        assert isinstance(item, Entity)
        return {"label": item.name, "type": item.type, "linked": False,
                "description": item.description}
    roles = [role_label(p, kb) for p in entry.positions_on(day)]
    data: dict[str, Any] = {
        "label": entry.label, "type": entry.type, "kind": entry.kind, "linked": True,
        "wikidata": entry.id,
        "url": f"https://www.wikidata.org/wiki/{entry.id}" if entry.id else None,
        "description": entry.description.get("fr") or entry.description.get("en"),
        "role": roles[0] if roles else None, "roles": roles,
        "on": day.isoformat(),
        "country": country_label(entry.country, kb),
    }
    if entry.type == "LOC":
        data["coords"] = list(entry.coords) if entry.coords else None
        data["population"] = entry.population
    return data


def _entry_of(entity: Entity, kb: KnowledgeBase, day: date) -> KBEntry | None:
    if entity.kb_id:
        found = kb.get(entity.kb_id)
        if found is not None:
            return found
    return kb.link(entity.name, entity.type, day)
