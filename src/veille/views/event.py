"""One merged event: its sources with their trigger sentences, who took part (with their
pages when the store knows them), where, what the sources disagree on, what was said at it."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.kb.names import name_key
from veille.store.base import Store
from veille.views.links import entity_url
from veille.views.timeline import CACHE, TimelineEntry, find_event, timeline_entry


@dataclass
class Participant:
    name: str
    entity_id: int | None = None
    url: str | None = None


@dataclass
class EventDetail:
    event: TimelineEntry
    participants: list[Participant] = field(default_factory=list)
    place: Participant | None = None
    # The sources' disagreements, e.g. "date: 2025-08-15 (2 sources), 2025-08-16 (1 source)".
    disagreements: list[str] = field(default_factory=list)


def store_names(store: Store, doc_ids: list[str]) -> dict[str, int]:
    """Name key -> store entity id, for every entity (and alias) of the documents."""
    found: dict[str, int] = {}
    for doc_id in doc_ids:
        for row in store.entity_links(doc_id).values():
            for name in (row.name, *row.aliases):
                found.setdefault(name_key(name), row.id)
    return found


def participant(name: str, known: dict[str, int]) -> Participant:
    entity_id = known.get(name_key(name))
    return Participant(name, entity_id, entity_url(entity_id) if entity_id else None)


def event_view(store: Store, ident: str) -> EventDetail | None:
    """The merged event one of whose sources is ``ident`` (an entry's ``id``), or None."""
    merged = CACHE.merged(store)
    event = find_event(merged, ident)
    if event is None:
        return None
    known = store_names(store, list(dict.fromkeys(s.doc_id for s in event.sources)))
    return EventDetail(
        event=timeline_entry(event, merged),
        participants=[participant(n, known) for n in event.participants],
        place=participant(event.place, known) if event.place else None,
        disagreements=list(event.conflicts),
    )
