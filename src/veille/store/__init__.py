"""Stores: ``open_store(url)`` picks the back-end from the location's form."""

from __future__ import annotations

from veille.store.base import (
    AddResult,
    DocumentRow,
    EntityRow,
    EventRow,
    QuoteRow,
    SearchFilters,
    SearchHit,
    Store,
)

__all__ = [
    "AddResult", "DocumentRow", "EntityRow", "EventRow", "QuoteRow", "SearchFilters", "SearchHit",
    "Store",
    "open_store",
]


def open_store(url: str) -> Store:
    """A SQLite file path (or ``:memory:``) or a ``postgresql://`` URL."""
    if url.startswith(("postgresql://", "postgres://")):
        from veille.store.postgres import PostgresStore

        return PostgresStore(url)
    from veille.store.sqlite import SQLiteStore

    return SQLiteStore(url)
