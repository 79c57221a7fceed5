"""Entity rows cached between reads of a SQLite file are never older than the file: a write by
the same connection, by another connection of the process, or by another program clears them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from veille.clean.dedup import signature
from veille.model import Entity, Mention, Record, Source
from veille.store.base import EntityRow
from veille.store.cache import EntityCache
from veille.store.sqlite import SQLiteStore


def story(number: int) -> Record:
    text = (f"Article {number} : la commissaire Aude Perrin a visité l'usine {number * 13} de "
            f"la vallée, où {number + 40} salariés attendent une décision sur leur avenir.")
    return Record(doc_id=f"doc-{number}", source=Source(title=f"Article {number}"), text=text,
                  entities=[Entity("e1", "Aude Perrin", "PER", None,
                                   [Mention(25, 36, "Aude Perrin")])])


def add(store: SQLiteStore, record: Record) -> None:
    assert store.add(record, signature(record.text), 0.85).status == "added"


def perrin(store: SQLiteStore) -> EntityRow:
    row = store.entity_links("doc-1")["e1"]
    assert store.entity(row.id) == row
    return row


def test_a_store_sees_its_own_additions(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "s.sqlite"))
    add(store, story(1))
    assert perrin(store).documents == 1
    add(store, story(2))  # its own commit leaves its data_version as it was
    assert perrin(store).documents == 2


def test_a_reader_sees_documents_added_by_the_writer(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    writer = SQLiteStore(path)
    add(writer, story(1))
    reader = writer.reader()
    assert reader is not None
    assert perrin(reader).documents == 1
    add(writer, story(2))
    assert perrin(reader).documents == 2
    assert perrin(writer).documents == 2  # the writer's own reads too


def test_a_write_by_another_program_is_seen(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    store = SQLiteStore(path)
    add(store, story(1))
    assert perrin(store).mentions == 1
    # Not through a store (which would clear the cache itself): a bare connection, as
    # another process's would be, known only by the file's data_version.
    other = sqlite3.connect(path)
    other.execute("UPDATE doc_entities SET mentions = 7")
    other.commit()
    other.close()
    assert perrin(store).mentions == 7


def test_a_read_from_before_a_change_is_not_kept() -> None:
    cache = EntityCache()
    row = EntityRow(1, "Aude Perrin", "PER", None, 1, 1)
    seen = cache.generation
    cache.clear()  # another connection saw the file change while the read ran
    cache.put(seen, [row])
    assert cache.get([1]) == {}
    cache.put(cache.generation, [row])
    assert cache.get([1]) == {1: row}
