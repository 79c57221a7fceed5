"""Browsing reads every back-end serves: one entity, its documents and company, pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from veille.clean.dedup import signature
from veille.model import Entity, Mention, Record, Source
from veille.store import Store, open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (str(tmp_path / "s.sqlite") if request.param == "sqlite"
           else request.getfixturevalue("fresh_postgres_url"))
    opened = open_store(url)
    yield opened
    opened.close()


def record(doc_id: str, published: str, names: list[str]) -> Record:
    text = " et ".join(names) + " se sont parlé. " + " ".join(
        f"Phrase {doc_id} {i} sans rapport avec la précédente." for i in range(25))
    entities, pos = [], 0
    for i, name in enumerate(names, start=1):
        entities.append(Entity(f"e{i}", name, "PER", None, [Mention(pos, pos + len(name), name)]))
        pos += len(name) + 4
    return Record(doc_id=doc_id, source=Source(title=f"titre {doc_id}", published=published),
                  text=text, entities=entities)


@pytest.fixture
def filled(store: Store) -> Store:
    for rec in (record("d1", "2026-01-01", ["Alice Martin", "Bruno Petit"]),
                record("d2", "2026-03-01", ["Alice Martin", "Bruno Petit", "Chloé Roux"]),
                record("d3", "2026-02-01", ["Chloé Roux"])):
        assert store.add(rec, signature(rec.text), 0.85).status == "added"
    return store


def entity_id(store: Store, name: str) -> int:
    (row,) = store.entities(name=name)
    return row.id


def test_one_entity_by_id(filled: Store) -> None:
    alice = filled.entity(entity_id(filled, "Alice"))
    assert alice is not None and alice.name == "Alice Martin" and alice.documents == 2
    assert filled.entity(999_999) is None


def test_documents_of_an_entity_newest_first(filled: Store) -> None:
    assert filled.entity_documents(entity_id(filled, "Chloé")) == ["d2", "d3"]


def test_company_kept_counts_shared_documents(filled: Store) -> None:
    company = filled.cooccurring(entity_id(filled, "Alice"))
    assert [(row.name, n) for row, n in company] == [("Bruno Petit", 2), ("Chloé Roux", 1)]


def test_entity_links_map_local_ids_to_store_entities(filled: Store) -> None:
    links = filled.entity_links("d2")
    assert {local: row.name for local, row in links.items()} == {
        "e1": "Alice Martin", "e2": "Bruno Petit", "e3": "Chloé Roux"}


def test_documents_are_paged_newest_first(filled: Store) -> None:
    assert [d.doc_id for d in filled.documents(limit=2)] == ["d2", "d3"]
    assert [d.doc_id for d in filled.documents(limit=2, offset=2)] == ["d1"]
