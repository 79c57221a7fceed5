"""Across documents, spelling variants of one person merge; namesakes stay apart."""

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


def record(doc_id: str, name: str, filler: str) -> Record:
    text = f"{name} a parlé. " + " ".join(f"{filler} {i} ne ressemble à rien." for i in range(30))
    entity = Entity("e1", name, "PER", None, [Mention(0, len(name), name)])
    return Record(doc_id=doc_id, source=Source(), text=text, entities=[entity])


def person_names(store: Store) -> list[str]:
    return sorted(e.name for e in store.entities(type="PER"))


def add(store: Store, rec: Record) -> None:
    assert store.add(rec, signature(rec.text), 0.85).status == "added"


def test_spelling_variants_of_one_person_merge(store: Store) -> None:
    add(store, record("a", "Steven Witkoff", "alpha"))
    add(store, record("b", "Steve Witkoff", "bravo"))
    (row,) = store.entities(type="PER")
    assert row.documents == 2
    assert set(row.aliases) == {"Steven Witkoff", "Steve Witkoff"}


def test_namesakes_with_other_first_names_stay_apart(store: Store) -> None:
    add(store, record("a", "Jean-Marie Le Pen", "alpha"))
    add(store, record("b", "Marine Le Pen", "bravo"))
    assert person_names(store) == ["Jean-Marie Le Pen", "Marine Le Pen"]


def test_a_bare_surname_does_not_merge_across_documents(store: Store) -> None:
    add(store, record("a", "Marine Le Pen", "alpha"))
    add(store, record("b", "Le Pen", "bravo"))
    assert len(store.entities(type="PER")) == 2
