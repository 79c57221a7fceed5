"""Exporting the store: full records as JSON Lines, or flat tables as CSV."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from veille.model import Record
from veille.store.base import Store

TABLES = ("documents", "quotes", "entities", "events")
_COLUMNS = {
    "documents": ["doc_id", "title", "publisher", "published", "url", "path", "language",
                  "entities", "quotes", "events"],
    "quotes": ["doc_id", "kind", "speaker", "speaker_role", "cue", "said_on", "medium", "start",
               "end", "text"],
    "entities": ["doc_id", "entity_id", "name", "type", "kb_id", "mentions", "aliases"],
    "events": ["doc_id", "type", "date", "status", "place", "participants", "trigger", "cameo"],
}


def table_rows(record: Record, table: str) -> Iterator[dict[str, object]]:
    """Flat rows of one record for a CSV table."""
    src = record.source
    if table == "documents":
        yield {"doc_id": record.doc_id, "title": src.title, "publisher": src.publisher,
               "published": src.published, "url": src.url, "path": src.path,
               "language": src.language, "entities": len(record.entities),
               "quotes": len(record.quotes), "events": len(record.events)}
    elif table == "quotes":
        for q in record.quotes:
            yield {"doc_id": record.doc_id, **{k: getattr(q, k) for k in _COLUMNS[table][1:]}}
    elif table == "entities":
        for e in record.entities:
            yield {"doc_id": record.doc_id, "entity_id": e.id, "name": e.name, "type": e.type,
                   "kb_id": e.kb_id, "mentions": len(e.mentions),
                   "aliases": "|".join(sorted({m.text for m in e.mentions}))}
    elif table == "events":
        for ev in record.events:
            yield {"doc_id": record.doc_id, "type": ev.type, "date": ev.date,
                   "status": ev.status, "place": ev.place,
                   "participants": "|".join(ev.participants), "trigger": ev.trigger,
                   "cameo": ev.cameo}


def write_export(store: Store, fmt: str, table: str, fh: IO[str]) -> int:
    """Write the whole store to ``fh``; returns the number of rows or records written."""
    count = 0
    if fmt == "jsonl":
        for record in store.iter_records():
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(fh, fieldnames=_COLUMNS[table])
    writer.writeheader()
    for record in store.iter_records():
        for row in table_rows(record, table):
            writer.writerow(row)
            count += 1
    return count


def export_to_file(store: Store, fmt: str, table: str, path: Path) -> int:
    """Export atomically: a temp file beside ``path`` renamed over it only when complete."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as fh:
            count = write_export(store, fmt, table, fh)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    return count
