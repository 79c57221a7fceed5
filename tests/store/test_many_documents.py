"""Many documents into one SQLite store: every one added, the file sound, the index whole.

A per-insert FTS5 ('merge', -16) once made COMMIT fail with "database disk image is malformed"
after a few hundred documents; the records here need no model, so the test stays quick."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from veille.clean.dedup import signature
from veille.model import Record, Source
from veille.store.sqlite import SQLiteStore

# Many distinct made-up words, as real news has: long, varied doclists fill many index segments.
_RNG = random.Random(7)
_LETTERS = "abcdefghijklmnopqrstuvwxyzéè"
VOCABULARY = ["".join(_RNG.choice(_LETTERS) for _ in range(_RNG.randint(3, 10)))
              for _ in range(3000)]


def _text(rng: random.Random, n: int) -> str:
    body = " ".join(rng.choice(VOCABULARY) for _ in range(350))
    return f"Dépêche numéro {n}. Le négociateur Vasseur{n} a parlé. {body}."


def test_fifteen_hundred_documents_all_land_and_the_file_stays_sound(tmp_path: Path) -> None:
    rng = random.Random(7)
    db = tmp_path / "many.sqlite"
    store = SQLiteStore(str(db))
    outcomes = []
    for n in range(1500):
        text = _text(rng, n)
        record = Record(doc_id=f"dep-{n}", source=Source(title=f"Dépêche {n}", language="fr"),
                        text=text, lemmas=text)
        outcomes.append(store.add(record, signature(text), 0.99).status)
    assert outcomes.count("added") == 1500
    assert store.stats()["documents"] == 1500
    assert {hit.doc_id for hit in store.search("Vasseur417")} >= {"dep-417"}
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # FTS5's own check raises (SQLITE_CORRUPT_VTAB) when the index and its content disagree.
    conn.execute("INSERT INTO doc_search (doc_search) VALUES ('integrity-check')")
    conn.close()
