"""Bytes a SQLite store spends per document, against the bytes of the texts it holds.

Extracts the texts of a folder (``../shared/corpus/dev/wikinews`` by default), stores them in a
fresh SQLite file the way ``veille process`` does, checkpoints and vacuums it, then reports the
file's size over the texts' UTF-8 size, and the share of each table and index (SQLite's
``dbstat``). Exits with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from veille.extract import extract_records
from veille.ingest.files import expand_paths, read_path
from veille.model import RawDocument, Record
from veille.run import store_outcomes
from veille.settings import Settings
from veille.store.sqlite import SQLiteStore


def store_size(folder: Path, db: Path) -> dict[str, Any]:
    settings = Settings(db=str(db))
    raws = [r for p in expand_paths([folder]) if isinstance(p, Path)
            for r in read_path(p, settings.max_bytes) if isinstance(r, RawDocument)]
    records = [r for r in extract_records(raws, settings) if isinstance(r, Record)]
    store = SQLiteStore(str(db))
    store_outcomes(records, store, settings)
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    try:
        parts = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                                  " ORDER BY 2 DESC").fetchall())
    except sqlite3.OperationalError:
        parts = {}  # an SQLite built without dbstat: the total still counts
    (documents,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    conn.close()
    text_bytes = sum(len(r.text.encode("utf-8")) for r in records)
    size = db.stat().st_size
    return {"documents": documents, "text_bytes": text_bytes, "store_bytes": size,
            "bytes_per_document": round(size / max(documents, 1)),
            "store_to_text": round(size / max(text_bytes, 1), 2),
            "largest_parts_bytes": dict(list(parts.items())[:8])}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folder", type=Path,
                        default=Path("../shared/corpus/dev/wikinews"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="build the store under this folder and keep it")
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"bench_store: {args.folder} is absent; nothing measured")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "veille.db").unlink(missing_ok=True)
        figures = store_size(args.folder, args.keep / "veille.db")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            figures = store_size(args.folder, Path(tmp) / "veille.db")
    for key, value in figures.items():
        print(f"{key:22} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
