"""The embedded default store: one SQLite file in WAL mode with an FTS5 index.

Every document is written in one transaction (``BEGIN IMMEDIATE``): a failure leaves nothing of
it behind, and concurrent writers queue on the lock instead of failing. WAL lets readers run
beside the writer, so a server gives each thread a read-only connection of its own
(:meth:`SQLiteStore.reader`); :meth:`SQLiteStore.budget` stops a query that runs too long.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from veille.clean.dedup import band_hashes, similarity
from veille.errors import QueryTimeout, StoreError
from veille.model import Event, Record
from veille.store import rows
from veille.store.base import (
    OPENING_CHARS,
    AddResult,
    DocumentOpening,
    DocumentRow,
    EntityRow,
    EventRow,
    QuoteRow,
    SearchFilters,
    SearchHit,
)
from veille.store.cache import EntityCache, cache_for
from veille.store.migrate import migrate_sqlite
from veille.store.watchdog import WATCHDOG

_QUOTE_COLUMNS = (
    "q.doc_id, d.title, d.published, q.kind, q.text, q.start, q.\"end\", q.speaker,"
    " q.speaker_entity, q.speaker_role, q.cue, q.said_on, q.medium, q.speaker_via"
)


_SEARCH_COLUMNS = ("SELECT d.doc_id, d.title, d.publisher, d.published,"
                   " snippet(doc_search, 1, '[', ']', '…', 16)")
_SEARCH_JOINS = (" JOIN doc_texts t ON t.id = {id} JOIN documents d ON d.doc_id = t.doc_id"
                 " WHERE doc_search MATCH ?")


def _search_sql(where: list[str]) -> str:
    """The search query: parameters match, the filters' own, limit, offset (and match again
    without filters).

    Without filters, rank over the index alone, then snippet and join the page kept: bm25
    over the index is 2.6 ms a common word at 5,000 documents, and ranking with two joins
    and the snippets of the rows that enter the top of the sort 7–8 ms; looking the query
    up again in each kept row for its snippet is 3. With filters, the documents are joined
    while ranking anyway and the one-pass query is the quicker (4–5 ms against 6–7). Both
    give the same rows, ties in the same order (the index yields rows by id).
    """
    if where:
        return (_SEARCH_COLUMNS + ", bm25(doc_search) AS rank FROM doc_search"
                + _SEARCH_JOINS.format(id="doc_search.rowid")
                + "".join(f" AND {w}" for w in where) + " ORDER BY rank LIMIT ? OFFSET ?")
    return (
        "WITH k AS (SELECT rowid AS id, bm25(doc_search) AS rank FROM doc_search"
        " WHERE doc_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?) "
        + _SEARCH_COLUMNS + ", k.rank FROM k JOIN doc_search ON doc_search.rowid = k.id"
        + _SEARCH_JOINS.format(id="k.id") + " ORDER BY k.rank, k.id"
    )


class SQLiteStore:
    """A :class:`veille.store.base.Store` over one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.url = path
        self._deadline: float | None = None
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # One file's connections share their entity rows (``:memory:`` is one connection).
        self._entity_cache = (EntityCache() if path == ":memory:"
                              else cache_for(str(Path(path).expanduser().resolve())))
        self._data_version: int | None = None
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30.0,
                                        check_same_thread=False)
            if read_only:  # the writer migrated the file and set WAL, which persists
                self.conn.execute("PRAGMA query_only=ON")
            else:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate_sqlite(self.conn)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: cannot open the SQLite store: {err}") from None
        # Every 1,000 virtual-machine steps SQLite asks whether to go on; past the deadline of
        # :meth:`budget` the answer stops the statement.
        self.conn.set_progress_handler(self._over_budget, 1000)

    def reader(self) -> SQLiteStore | None:
        """A new read-only connection to the same file (None for ``:memory:``, which
        another connection cannot see)."""
        return None if self.url == ":memory:" else SQLiteStore(self.url, read_only=True)

    @contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Queries run inside the block are stopped after ``seconds`` in all (QueryTimeout).

        The progress handler alone is not enough: it counts VM steps, and one FTS5
        ``snippet()`` call is one step that took 0.3 s per row on a search of twenty
        ``a*`` (15 s before the handler was asked). So the process's watchdog thread
        (:mod:`veille.store.watchdog`) also interrupts the connection at the deadline;
        SQLite ignores an interrupt when no statement runs.
        """
        if not seconds:
            yield
            return
        self._deadline = time.monotonic() + seconds
        ticket = WATCHDOG.watch(seconds, self.conn.interrupt)
        try:
            yield
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                raise QueryTimeout(seconds) from None
            raise
        finally:
            WATCHDOG.cancel(ticket)
            self._deadline = None

    def _over_budget(self) -> int:
        return int(self._deadline is not None and time.monotonic() > self._deadline)

    # -- writing ---------------------------------------------------------------------------

    def add(self, record: Record, signature: list[int], near_threshold: float) -> AddResult:
        key = rows.content_key(record)
        bands = band_hashes(signature)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            duplicate = self._find_duplicate(record.doc_id, key, bands, signature, near_threshold)
            if duplicate:
                self.conn.execute("ROLLBACK")
                return duplicate
            self._insert(record, key, signature, bands)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            # Its own commits do not move this connection's data_version: clear here.
            self._entity_cache.clear()
        return AddResult(record.doc_id, "added")

    def _find_duplicate(self, doc_id: str, key: str, bands: list[str], signature: list[int],
                        threshold: float) -> AddResult | None:
        row = self.conn.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? OR doc_id = ?", (key, doc_id)
        ).fetchone()
        if row:
            return AddResult(doc_id, "duplicate", row[0], 1.0)
        marks = ",".join("?" * len(bands))
        candidates = self.conn.execute(
            "SELECT DISTINCT d.doc_id, d.signature, t.text FROM doc_band_keys b"
            " JOIN doc_texts t ON t.id = b.doc JOIN documents d ON d.doc_id = t.doc_id"
            f" WHERE b.band IN ({marks})", [rows.band_key(b) for b in bands],
        ).fetchall()
        best = max(((similarity(signature, rows.stored_signature(sig, text)), other)
                    for other, sig, text in candidates), default=None)
        if best and best[0] >= threshold:
            return AddResult(doc_id, "near-duplicate", best[1], round(best[0], 3))
        return None

    def _insert(self, record: Record, key: str, signature: list[int], bands: list[str]) -> None:
        src = record.source
        self.conn.execute(
            "INSERT INTO documents (doc_id, content_hash, path, url, title, publisher, published,"
            " reference_date, language, record, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record.doc_id, key, src.path, src.url, src.title, src.publisher, src.published,
             src.reference_date, src.language,
             rows.pack_record(record), b""),
        )
        cursor = self.conn.execute("INSERT INTO doc_texts (doc_id, text) VALUES (?, ?)",
                                   (record.doc_id, record.text))
        self.conn.executemany("INSERT OR IGNORE INTO doc_band_keys (band, doc) VALUES (?, ?)",
                              [(rows.band_key(band), cursor.lastrowid) for band in bands])
        local_to_global = self._insert_entities(record)
        self._insert_quotes(record, local_to_global)
        self._insert_events(record, local_to_global)
        self.conn.execute(
            "INSERT INTO doc_search (rowid, title, body, lemmas, stems) VALUES (?,?,?,?,?)",
            (cursor.lastrowid, src.title or "", record.text, record.lemmas,
             rows.stems(record.text, src.language)),
        )
        # No explicit 'merge' here: automerge keeps the segments in check, and
        # :meth:`optimize_index` compacts the index once a bulk load ends. A ('merge', -16)
        # after each insert corrupted the index: on SQLite 3.40.1 the 1,003rd insert of
        # tests/store/test_many_documents' texts fails "database disk image is malformed",
        # and the index fails its 'integrity-check'. Neither the transaction nor the view is
        # the cause: the same inserts and merges into a bare FTS5 table (own content, or
        # contentless), each committed alone, fail at the same document. The fault is FTS5's
        # negative (incremental, any-level) merge itself in that version.

    def optimize_index(self, added: int) -> bool:
        """After a batch of ``added`` documents, merge the full-text index into one segment
        (a bulk load leaves many, each with its own copy of common terms' headers; 8.4x the
        text bytes on dev/wikinews, 7.8x merged). Once per batch, in its own transaction,
        never per document (see :meth:`_insert`); and only when the batch is a tenth of the
        store or more: the merge rewrites the whole index, so a feed adding one article at a
        time leaves it to automerge, and each document pays for at most ten rewrites of its
        postings. True when it merged."""
        (documents,) = self.conn.execute("SELECT count(*) FROM doc_texts").fetchone()
        if not added or added * 10 < documents:
            return False
        try:
            self.conn.execute("INSERT INTO doc_search (doc_search) VALUES ('optimize')")
        except sqlite3.OperationalError:  # busy or locked past the timeout: still sound, unmerged
            return False
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.url}: the search index cannot be merged: {err}") from None
        return True

    def _insert_entities(self, record: Record) -> dict[str, int]:
        mapping: dict[str, int] = {}
        for link in rows.entity_links(record):
            key = self._stored_key(link)
            self.conn.execute(
                "INSERT INTO entities (key, name, type, kb_id, surname) VALUES (?,?,?,?,?)"
                " ON CONFLICT (key) DO UPDATE SET name = CASE WHEN length(excluded.name) >"
                " length(entities.name) AND entities.kb_id IS NULL THEN excluded.name"
                " ELSE entities.name END",
                (key, link.name, link.type, link.kb_id, link.surname),
            )
            (entity_id,) = self.conn.execute(
                "SELECT id FROM entities WHERE key = ?", (key,)
            ).fetchone()
            mapping[link.local_id] = entity_id
            self.conn.execute(
                "INSERT INTO doc_entities (doc_id, local_id, entity_id, name, mentions, aliases)"
                " VALUES (?,?,?,?,?,?)",
                (record.doc_id, link.local_id, entity_id, link.name, link.mentions,
                 json.dumps(link.aliases, ensure_ascii=False)),
            )
        return mapping

    def _stored_key(self, link: rows.EntityLink) -> str:
        """The link's key, or that of a stored spelling variant of the same person."""
        if not link.fuzzy or self.conn.execute(
                "SELECT 1 FROM entities WHERE key = ?", (link.key,)).fetchone():
            return link.key
        stored = self.conn.execute(
            "SELECT key, name, type, kb_id FROM entities WHERE surname = ? AND type = 'PER'",
            (link.surname,)).fetchall()
        return rows.variant_key(link, stored) if stored else link.key

    def _insert_quotes(self, record: Record, ids: dict[str, int]) -> None:
        self.conn.executemany(
            "INSERT INTO quotes (doc_id, kind, text, start, \"end\", speaker, speaker_entity,"
            " speaker_role, cue, said_on, medium, published, speaker_via)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(record.doc_id, q.kind, q.text, q.start, q.end, q.speaker,
              ids.get(q.speaker_id or ""), q.speaker_role, q.cue, q.said_on, q.medium,
              q.said_on or record.source.published or record.source.reference_date,
              q.speaker_via)
             for q in record.quotes],
        )

    def _insert_events(self, record: Record, ids: dict[str, int]) -> None:
        by_name = {e.name: ids[e.id] for e in record.entities if e.id in ids}
        for event in record.events:
            cursor = self.conn.execute(
                "INSERT INTO events (doc_id, type, date, place, status, event)"
                " VALUES (?,?,?,?,?,?)",
                (record.doc_id, event.type, event.date, event.place, event.status,
                 json.dumps(event.__dict__, ensure_ascii=False)),
            )
            for name in {*event.participants, event.place or ""}:
                if name in by_name:
                    self.conn.execute(
                        "INSERT INTO event_entities (event_id, entity_id) VALUES (?, ?)",
                        (cursor.lastrowid, by_name[name]),
                    )

    # -- reading ---------------------------------------------------------------------------

    def get(self, doc_id: str) -> Record | None:
        row = self.conn.execute(
            "SELECT d.record, t.text FROM documents d LEFT JOIN doc_texts t USING (doc_id)"
            " WHERE d.doc_id = ?", (doc_id,)).fetchone()
        return rows.unpack_record(row[0], row[1]) if row else None

    def openings(self, doc_ids: list[str]) -> dict[str, DocumentOpening]:
        if not doc_ids:
            return {}
        found = self.conn.execute(
            f"SELECT d.doc_id, d.title, d.path, d.url, substr(t.text, 1, {OPENING_CHARS + 1})"
            " FROM documents d JOIN doc_texts t USING (doc_id)"
            f" WHERE d.doc_id IN ({','.join('?' * len(doc_ids))})", doc_ids).fetchall()
        return {r[0]: DocumentOpening(*r) for r in found}

    def resolve_doc(self, ref: str) -> str | None:
        row = self.conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR path = ? OR url = ?",
            (ref, ref, ref)).fetchone()
        if row:
            return str(row[0])
        found = self.conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id LIKE ? ESCAPE '\\' LIMIT 2",
            (rows.like_prefix(ref),)).fetchall()
        return str(found[0][0]) if len(found) == 1 else None

    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        where, params = rows.search_clauses(filters or SearchFilters(), rows.SQLITE)
        match = rows.fts_query(query)
        if not match:
            return []
        try:
            args = [match, *params, limit, offset] + ([] if where else [match])
            found = self.conn.execute(_search_sql(where), args).fetchall()
        except sqlite3.OperationalError as err:
            if self._deadline is not None and "interrupted" in str(err):
                raise  # over budget: :meth:`budget` says so
            raise StoreError(f"search {query!r}: {err}") from None
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], -float(r[5])) for r in found]

    def facets(self, doc_ids: list[str]) -> dict[str, dict[str, int]]:
        if not doc_ids:
            return rows.facet_counts([])
        sql = rows.facet_sql(len(doc_ids), rows.SQLITE)
        return rows.facet_counts(self.conn.execute(sql, doc_ids * 4))

    def quotes(self, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0) -> list[QuoteRow]:
        where, params = rows.quote_clauses(speaker, since, until, rows.SQLITE)
        sql = (f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN documents d USING (doc_id)"
               f" WHERE {' AND '.join(where)} ORDER BY q.published DESC, q.doc_id, q.start"
               " LIMIT ? OFFSET ?")
        return [QuoteRow(*r) for r in self.conn.execute(sql, [*params, limit, offset])]

    def entities(self, type: str | None = None, name: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[EntityRow]:
        where, params = rows.entity_clauses(type, name, rows.SQLITE)
        return self._entity_rows(" AND ".join(where), params, limit, offset)

    def _entity_rows(self, where: str, params: list[Any], limit: int, offset: int
                     ) -> list[EntityRow]:
        sql = (
            "SELECT e.id, e.name, e.type, e.kb_id, count(DISTINCT de.doc_id), sum(de.mentions),"
            " group_concat(de.aliases, '\x1f') FROM entities e JOIN doc_entities de"
            f" ON de.entity_id = e.id WHERE {where} GROUP BY e.id"
            " ORDER BY sum(de.mentions) DESC, e.name LIMIT ? OFFSET ?"
        )
        out = []
        for r in self.conn.execute(sql, [*params, limit, offset]):
            out.append(EntityRow(r[0], r[1], r[2], r[3], r[4], r[5] or 0,
                                 rows.merge_aliases((r[6] or "").split("\x1f"))))
        return out

    def entity(self, entity_id: int) -> EntityRow | None:
        return self._entities_by_id([entity_id]).get(entity_id)

    def _entities_by_id(self, ids: list[int]) -> dict[int, EntityRow]:
        """The rows of these entity ids, from the cache (see :mod:`veille.store.cache`) when
        the file has not changed since they were read."""
        (version,) = self.conn.execute("PRAGMA data_version").fetchone()
        if version != self._data_version:  # another connection committed meanwhile
            self._data_version = version
            self._entity_cache.clear()
        generation = self._entity_cache.generation
        found = self._entity_cache.get(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            marks = ",".join("?" * len(missing))
            read = self._entity_rows(f"e.id IN ({marks})", missing, len(missing), 0)
            self._entity_cache.put(generation, read)
            found.update((row.id, row) for row in read)
        return found

    def entity_links(self, doc_id: str) -> dict[str, EntityRow]:
        links = self.conn.execute(
            "SELECT local_id, entity_id FROM doc_entities WHERE doc_id = ?", (doc_id,)).fetchall()
        by_id = self._entities_by_id(sorted({entity_id for _, entity_id in links}))
        return {local: by_id[entity_id] for local, entity_id in links if entity_id in by_id}

    def entity_documents(self, entity_id: int, limit: int = 200) -> list[str]:
        found = self.conn.execute(
            "SELECT de.doc_id FROM doc_entities de JOIN documents d USING (doc_id)"
            " WHERE de.entity_id = ? ORDER BY coalesce(d.published, d.reference_date) DESC"
            " LIMIT ?", (entity_id, limit)).fetchall()
        return [doc_id for (doc_id,) in found]

    def cooccurring(self, entity_id: int, limit: int = 12) -> list[tuple[EntityRow, int]]:
        found = self.conn.execute(
            "SELECT other.entity_id, count(DISTINCT other.doc_id) AS n FROM doc_entities mine"
            " JOIN doc_entities other ON other.doc_id = mine.doc_id"
            " AND other.entity_id != mine.entity_id JOIN entities e ON e.id = other.entity_id"
            " WHERE mine.entity_id = ? GROUP BY other.entity_id, e.type, e.name"
            # Ties: people and organisations before places, then by name.
            " ORDER BY n DESC, e.type NOT IN ('PER', 'ORG'), e.name"
            " LIMIT ?", (entity_id, limit)).fetchall()
        by_id = self._entities_by_id([i for i, _ in found])
        return [(by_id[i], n) for i, n in found if i in by_id]

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentRow]:
        found = self.conn.execute(
            "SELECT doc_id, title, publisher, published FROM documents"
            " ORDER BY coalesce(published, reference_date) DESC, doc_id LIMIT ? OFFSET ?",
            (limit, offset)).fetchall()
        return [DocumentRow(*r) for r in found]

    def events(self, entity: str | None = None, since: str | None = None,
               until: str | None = None) -> list[EventRow]:
        where, params = rows.event_clauses(entity, since, until, rows.SQLITE)
        sql = ("SELECT ev.doc_id, d.title, d.publisher, d.published, ev.event FROM events ev"
               f" JOIN documents d USING (doc_id) WHERE {' AND '.join(where)}"
               " ORDER BY ev.date, ev.doc_id, ev.id")
        return [EventRow(r[0], r[1], r[2], r[3], Event(**json.loads(r[4])))
                for r in self.conn.execute(sql, params)]

    def iter_records(self) -> Iterator[Record]:
        for data, text in self.conn.execute(
                "SELECT d.record, t.text FROM documents d LEFT JOIN doc_texts t USING (doc_id)"
                " ORDER BY d.added_at, d.doc_id"):
            yield rows.unpack_record(data, text)

    def stats(self) -> dict[str, int]:
        counts = {}
        for table in ("documents", "entities", "quotes", "events"):
            (counts[table],) = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return counts

    def close(self) -> None:
        self.conn.close()
