"""Context cards: computed by :mod:`veille.views.cards`, re-exported for the routes."""

from __future__ import annotations

from veille.views.cards import Card, day_of, entity_card

__all__ = ["Card", "day_of", "entity_card"]
