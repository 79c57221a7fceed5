"""The SQLite store keeps each text once and reads back what it was given (migrations 0005-6)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from veille.clean.dedup import band_hashes, signature
from veille.model import Entity, Mention, Record
from veille.store import rows
from veille.store.migrate import _statements, migration_files
from veille.store.sqlite import SQLiteStore

from .test_store import THRESHOLD, long_story, make_record, summit_record


def test_a_record_reads_back_equal_with_its_text_stored_once(tmp_path: Path) -> None:
    record = summit_record()
    store = SQLiteStore(str(tmp_path / "v.sqlite"))
    store.add(record, signature(record.text), THRESHOLD)
    assert store.get(record.doc_id) == record
    assert list(store.iter_records()) == [record]
    (stored,) = store.conn.execute("SELECT record FROM documents").fetchone()
    assert record.text not in json.dumps(rows.unpack_record(stored, None).to_dict())
    hits = store.search("négociations")
    assert [h.doc_id for h in hits] == [record.doc_id] and "[négociations]" in hits[0].snippet


def test_compact_record_drops_only_the_texts_that_are_slices() -> None:
    text = "Viktor Orban a parlé. Orban ne cède pas."
    record = make_record(text, entities=[Entity("e1", "Viktor Orban", "PER", None, [
        Mention(0, 12, "Viktor Orban"), Mention(22, 27, "Orban"), Mention(0, 6, "Orban")])])
    mentions = rows.compact_record(record)["entities"][0]["mentions"]
    assert ["text" in m for m in mentions] == [False, False, True]
    assert "text" not in rows.compact_record(record)
    assert rows.restore_record(rows.compact_record(record), text) == record


def test_band_keys_keep_band_number_and_hash_apart() -> None:
    keys = [rows.band_key(b) for b in band_hashes(signature(long_story("a")))]
    assert len(set(keys)) == len(keys)
    assert all(-(1 << 63) <= k < 1 << 63 for k in keys)
    assert rows.band_key("1:0000000000000000") == 1 << 56


def _old_store(path: Path, record: Record) -> None:
    """A store as migrations 0001-0004 left it, holding ``record`` the old way."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT,"
                 " applied_at TEXT)")
    for version, name, sql in migration_files("sqlite"):
        if version <= 4:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                         (version, name))
    sig = signature(record.text)
    conn.execute("INSERT INTO documents (doc_id, content_hash, title, record, signature)"
                 " VALUES (?, ?, ?, ?, ?)", (record.doc_id, rows.content_key(record),
                                             record.source.title,
                                             json.dumps(record.to_dict()), json.dumps(sig)))
    conn.executemany("INSERT INTO doc_bands (band, doc_id) VALUES (?, ?)",
                     [(b, record.doc_id) for b in band_hashes(sig)])
    conn.execute("INSERT INTO doc_fts (doc_id, title, body, lemmas, stems) VALUES (?,?,?,?,?)",
                 (record.doc_id, record.source.title, record.text, "", ""))
    conn.close()


def test_an_old_store_migrates_and_still_finds_its_documents(tmp_path: Path) -> None:
    text = long_story("délégué")
    record = make_record(text, title="Réunion")
    _old_store(tmp_path / "old.sqlite", record)
    store = SQLiteStore(str(tmp_path / "old.sqlite"))
    assert store.get(record.doc_id) == record
    assert [h.doc_id for h in store.search("délégations")] == [record.doc_id]
    near = make_record(text.replace("numéro 3 ", "numéro trois "))
    result = store.add(near, signature(near.text), THRESHOLD)
    assert (result.status, result.existing) == ("near-duplicate", record.doc_id)


def test_a_quote_via_is_read_from_either_stored_form() -> None:
    record = summit_record()  # its quote at 10 was found by its incise
    for stored in (rows.pack_record(record), json.dumps(record.to_dict())):
        assert rows.stored_quote_via(stored, 10) == "incise"
        assert rows.stored_quote_via(stored, 11) is None
    assert rows.stored_quote_via(None, 10) is None
