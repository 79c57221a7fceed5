"""Many documents into one SQLite store: every one added, the file sound, the index whole.

A per-insert FTS5 ('merge', -16) once made COMMIT fail with "database disk image is malformed"
after a few hundred documents (an FTS5 fault of SQLite 3.40.1, see SQLiteStore._insert); the
index is now optimized once after a batch instead. The records here need no model, so the test
stays quick."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from veille.clean.dedup import signature
from veille.model import Record, Source
from veille.run import store_outcomes
from veille.settings import Settings
from veille.store.sqlite import SQLiteStore

# Many distinct made-up words, as real news has: long, varied doclists fill many index segments.
_RNG = random.Random(7)
_LETTERS = "abcdefghijklmnopqrstuvwxyzéè"
VOCABULARY = ["".join(_RNG.choice(_LETTERS) for _ in range(_RNG.randint(3, 10)))
              for _ in range(3000)]


def _text(rng: random.Random, n: int) -> str:
    body = " ".join(rng.choice(VOCABULARY) for _ in range(350))
    return f"Dépêche numéro {n}. Le négociateur Vasseur{n} a parlé. {body}."


def _record(rng: random.Random, n: int) -> Record:
    text = _text(rng, n)
    return Record(doc_id=f"dep-{n}", source=Source(title=f"Dépêche {n}", language="fr"),
                  text=text, lemmas=text)


def _index_bytes(store: SQLiteStore) -> int:
    (size,) = store.conn.execute("SELECT sum(length(block)) FROM doc_search_data").fetchone()
    return int(size)


def _segments(store: SQLiteStore) -> int:
    """The number of segments of the index, read from FTS5's structure record (row 10 of its
    data table: a 4-byte cookie, then varints for the levels and the segments)."""
    (block,) = store.conn.execute("SELECT block FROM doc_search_data WHERE id = 10").fetchone()
    position, values = 4, list[int]()
    for _ in range(2):
        value = 0
        while True:
            byte = int(block[position])
            position += 1
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values[1]


def test_fifteen_hundred_documents_all_land_and_the_file_stays_sound(tmp_path: Path) -> None:
    rng = random.Random(7)
    db = tmp_path / "many.sqlite"
    store = SQLiteStore(str(db))
    outcomes = []
    for n in range(1500):
        record = _record(rng, n)
        outcomes.append(store.add(record, signature(record.text), 0.99).status)
    assert outcomes.count("added") == 1500
    assert store.stats()["documents"] == 1500
    assert {hit.doc_id for hit in store.search("Vasseur417")} >= {"dep-417"}
    unmerged = _index_bytes(store)
    assert _segments(store) > 1
    # A batch through `veille process`'s path: a tenth of the store or more, so it ends with
    # one merge of the whole index (its every segment, the 1,500 above included).
    summary = store_outcomes([_record(rng, n) for n in range(1500, 1700)], store,
                             Settings(db=str(db)))
    assert len(summary.added) == 200
    assert _segments(store) == 1
    assert _index_bytes(store) / 1700 < unmerged / 1500  # fewer bytes a document
    assert [hit.doc_id for hit in store.search("Vasseur1650")] == ["dep-1650"]
    assert {hit.doc_id for hit in store.search("Vasseur417")} >= {"dep-417"}
    assert store.stats()["documents"] == 1700
    # A batch under a tenth of the store leaves the index to automerge.
    assert not store.optimize_index(100)
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # FTS5's own check raises (SQLITE_CORRUPT_VTAB) when the index and its content disagree.
    conn.execute("INSERT INTO doc_search (doc_search) VALUES ('integrity-check')")
    conn.close()
