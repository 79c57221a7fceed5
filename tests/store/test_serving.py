"""What a server needs of a store: read-only connections of its own, a time budget per
query, and document refs that are prefixes, never patterns. Both back-ends."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from veille.clean.dedup import signature
from veille.errors import QueryTimeout, VeilleError
from veille.model import Record, Source
from veille.store import Store, open_store

RUNAWAY = {  # one statement that runs for many seconds on either back-end
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
              " WHERE x < 2000000000) SELECT count(*) FROM c",
    "postgres": "SELECT pg_sleep(30)",
}


def record(doc_id: str, text: str) -> Record:
    return Record(doc_id=doc_id, source=Source(title=doc_id), text=text)


def add(store: Store, rec: Record) -> None:
    assert store.add(rec, signature(rec.text), 0.85).status == "added"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    url = str(tmp_path / "s.sqlite") if kind == "sqlite" else str(
        request.getfixturevalue("fresh_postgres_url"))
    opened = open_store(url)
    yield opened
    opened.close()


def test_a_ref_prefix_takes_underscore_and_percent_literally(store: Store) -> None:
    add(store, record("ab_1x", "Le ministre est arrivé à Rabat pour une visite de deux jours."))
    add(store, record("abc1y", "La délégation a quitté Tunis après une réunion sur l'énergie."))
    add(store, record("ab%2z", "Le sommet de Dakar a réuni douze chefs d'État africains."))
    # Unescaped, "ab_" matches ab_1x and abc1y (no unique match) and "ab%" matches all three.
    assert store.resolve_doc("ab_") == "ab_1x"
    assert store.resolve_doc("ab%") == "ab%2z"
    assert store.resolve_doc("a_c") is None


def test_a_reader_sees_what_the_writer_added_and_cannot_write(store: Store) -> None:
    reader = store.reader()
    assert reader is not None
    try:
        add(store, record("r-1", "Le président a reçu jeudi son homologue à l'Élysée."))
        assert reader.resolve_doc("r-1") == "r-1"
        # SQLite: 'attempt to write a readonly database'; PostgreSQL: a read-only transaction.
        with pytest.raises((VeilleError, sqlite3.OperationalError)):
            add(reader, record("r-2", "Une autre dépêche, écrite par le lecteur."))
        assert store.resolve_doc("r-2") is None
    finally:
        reader.close()


def test_a_runaway_query_is_stopped_at_the_budget(store: Store, kind: str) -> None:
    conn = store.conn  # type: ignore[attr-defined]
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="budget of 0.3 s"), store.budget(0.3):
        conn.execute(RUNAWAY[kind]).fetchall()
    assert time.monotonic() - started < 3
    with store.budget(0.3):  # the connection is usable again, and quick queries pass
        assert store.stats()["documents"] == 0


def test_an_in_memory_store_has_no_readers() -> None:
    memory = open_store(":memory:")
    try:
        assert memory.reader() is None
    finally:
        memory.close()
