"""The home view: what the store holds, and the entities it mentions most."""

from __future__ import annotations

from veille.api.entities import entity_out
from veille.api.schemas import Home, Stats
from veille.store.base import Store


def home_view(store: Store) -> Home:
    counts = store.stats()
    return Home(stats=Stats(**{k: counts.get(k, 0) for k in Stats.model_fields}),
                top_entities=[entity_out(r) for r in store.entities(limit=12)])
