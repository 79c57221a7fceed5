"""The shared store: PostgreSQL, for many workers writing at once and French full-text search.

Every document is written in one transaction. Before looking for (near-)duplicates, ``add``
takes transaction-scoped advisory locks on the document's identity: its content hash and its
32 MinHash band hashes, in sorted order. Two workers adding the same text, or two near-copies
(which share at least one band by construction), therefore queue on a common lock, and the
second one sees the first one's rows once it gets the lock; sorted order rules out deadlocks.
Entities are upserted in key order for the same reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb

from veille.clean.dedup import band_hashes, similarity
from veille.errors import QueryTimeout, StoreError
from veille.lang.pack import LanguagePack
from veille.model import Event, Record
from veille.store import rows
from veille.store.base import (
    OPENING_CHARS,
    AddResult,
    DocumentOpening,
    EntityRow,
    EventRow,
    QuoteRow,
    SearchFilters,
    SearchHit,
)
from veille.store.migrate import migration_files
from veille.store.postgres_browse import BrowseQueries

_QUOTE_COLUMNS = (
    "q.doc_id, d.title, d.published, q.kind, q.text, q.start, q.\"end\", q.speaker,"
    " q.speaker_entity, q.speaker_role, q.cue, q.said_on, q.medium, q.speaker_via"
)
_PG = rows.POSTGRES
# Any constant works: it only has to differ from the per-document keys in practice.
_MIGRATION_LOCK = 0x7665696C6C65  # "veille"
_RETRIES = 3  # deadlocks are ruled out by lock order; this only covers the unforeseen


def migrate_postgres(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied.

    Many workers may open the store at once: an advisory lock makes them migrate one at a
    time, and each re-reads what is already applied once it holds the lock.
    """
    applied: list[str] = []
    for version, name, sql in migration_files("postgres"):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            done = conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s",
                                (version,)).fetchone()
            if done:
                continue
            # No parameters: psycopg sends the file as one simple query, DO blocks included.
            conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                         (version, name))
            applied.append(name)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        unaccent = conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'"
                                ).fetchone() is not None
        for statement in rows.text_search_ddl(unaccent):
            conn.execute(statement)  # one per installed language pack: a new pack needs none
    return applied


def lock_keys(content_key: str, bands: list[str], surnames: Iterable[str] = ()) -> list[int]:
    """Signed 64-bit advisory-lock keys for a document's identity, sorted (the lock order).

    The surnames of its unlinked people are locked too: two documents naming "Steve" and
    "Steven Witkoff" at once would otherwise both miss the other and store two people.
    """
    keys = {_int64(content_key)} | {_int64(band) for band in bands}
    keys |= {_int64(f"surname:{surname}") for surname in surnames}
    return sorted(keys)


def _int64(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class PostgresStore(BrowseQueries):
    """A :class:`veille.store.base.Store` over a ``postgresql://`` database."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        try:
            self.conn: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True)
            if read_only:
                self.conn.execute("SET default_transaction_read_only = on")
            else:
                migrate_postgres(self.conn)
            found = self.conn.execute(
                "SELECT 1 FROM pg_extension WHERE extname = 'unaccent'").fetchone()
        except psycopg.Error as err:
            raise StoreError(f"{_safe(url)}: cannot open the PostgreSQL store: "
                             f"{_first_line(err)}") from None
        # Without unaccent the text-search configuration keeps accents: fold them here.
        self.fold_accents = found is None

    def reader(self) -> PostgresStore:
        """A connection of its own for one server thread (no migration: the writer did it)."""
        return PostgresStore(self.url, read_only=True)

    @contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Statements run inside the block are cancelled by the server after ``seconds``."""
        if not seconds:
            yield
            return
        self.conn.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            yield
        except pg_errors.QueryCanceled:
            raise QueryTimeout(seconds) from None
        finally:
            self.conn.execute("SET statement_timeout = 0")

    # -- writing ---------------------------------------------------------------------------

    def add(self, record: Record, signature: list[int], near_threshold: float) -> AddResult:
        key = rows.content_key(record)
        bands = band_hashes(signature)
        for attempt in range(_RETRIES):
            try:
                return self._add_once(record, key, signature, bands, near_threshold)
            except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure):
                if attempt == _RETRIES - 1:
                    raise StoreError(f"{record.doc_id}: write conflict, retried {_RETRIES}"
                                     " times") from None
            except psycopg.Error as err:
                raise StoreError(f"{record.doc_id}: cannot store: {_first_line(err)}") from None
        raise AssertionError("unreachable")

    def _add_once(self, record: Record, key: str, signature: list[int], bands: list[str],
                  threshold: float) -> AddResult:
        with self.conn.transaction():
            # One round trip: the server runs these in order, so both lookups see the rows
            # of whoever held the locks before us.
            with self.conn.pipeline():
                surnames = {link.surname for link in rows.entity_links(record) if link.surname}
                self.conn.execute(
                    "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[])"
                    " WITH ORDINALITY AS t(k, i)", (lock_keys(key, bands, surnames),))
                exact = self.conn.execute(
                    "SELECT doc_id FROM documents WHERE content_hash = %s OR doc_id = %s"
                    " LIMIT 1", (key, record.doc_id))
                # One index probe per band, by construction: with "band = ANY(...)" or a
                # join, a table not analyzed yet (and psycopg's cached generic plan) gets a
                # sequential scan that grows with the store: 12 ms a document at 600 of them.
                banded = self.conn.execute(
                    "SELECT DISTINCT hit.doc_id FROM unnest(%s::text[]) AS q(band) CROSS JOIN"
                    " LATERAL (SELECT doc_id FROM doc_bands b WHERE b.band = q.band OFFSET 0)"
                    " AS hit", (bands,))
                same = exact.fetchone()
                candidates = [r[0] for r in banded.fetchall()]
            if same:
                return AddResult(record.doc_id, "duplicate", same[0], 1.0)
            near = self._nearest(record.doc_id, candidates, signature, threshold)
            if near:
                return near
            self._insert(record, key, signature, bands)
        return AddResult(record.doc_id, "added")

    def _nearest(self, doc_id: str, candidates: list[str], signature: list[int],
                 threshold: float) -> AddResult | None:
        if not candidates:
            return None
        found = self.conn.execute("SELECT doc_id, signature FROM documents WHERE doc_id = ANY(%s)",
                                  (candidates,)).fetchall()
        best = max(((similarity(signature, sig), other) for other, sig in found), default=None)
        if best and best[0] >= threshold:
            return AddResult(doc_id, "near-duplicate", best[1], round(best[0], 3))
        return None

    def _insert(self, record: Record, key: str, signature: list[int], bands: list[str]) -> None:
        # Pipeline mode: statements go out without waiting for each reply, and the connection
        # waits only where a result is needed (entity and event ids), three times per document
        # instead of once per row.
        with self.conn.pipeline():
            self._insert_document(record, key, signature, bands)
            local_to_global = self._insert_entities(record)
            self._insert_quotes(record, local_to_global)
            self._insert_events(record, local_to_global)

    def _insert_document(self, record: Record, key: str, signature: list[int],
                         bands: list[str]) -> None:
        src = record.source
        title, body, lemmas = (self._fts_text(t) for t in (src.title or "", record.text,
                                                             record.lemmas))
        config = rows.text_search_config(src.language)
        self.conn.execute(
            "INSERT INTO documents (doc_id, content_hash, path, url, title, publisher, published,"
            " reference_date, language, record, signature, ts_config, tsv) VALUES"
            " (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
            " setweight(to_tsvector(%s::regconfig, %s), 'A')"
            " || setweight(to_tsvector(%s::regconfig, %s), 'B')"
            " || setweight(to_tsvector(%s::regconfig, %s), 'C'))",
            (record.doc_id, key, src.path, src.url, src.title, src.publisher, src.published,
             src.reference_date, src.language, Jsonb(record.to_dict()), Jsonb(signature),
             config, config, title, config, body, config, lemmas),
        )
        with self.conn.cursor() as cur:
            cur.executemany("INSERT INTO doc_bands (band, doc_id) VALUES (%s, %s)",
                            [(band, record.doc_id) for band in bands])

    def _fts_text(self, text: str) -> str:
        return rows.fold_accents(text) if self.fold_accents else text

    def _insert_entities(self, record: Record) -> dict[str, int]:
        keyed = [(self._stored_key(link), link) for link in rows.entity_links(record)]
        # Key order: two documents upserting the same entities lock their rows in one order.
        keyed.sort(key=lambda pair: (pair[0], pair[1].local_id))
        links = [link for _, link in keyed]
        upserts = [(link, self.conn.execute(
            "INSERT INTO entities (key, name, type, kb_id, surname) VALUES (%s,%s,%s,%s,%s)"
            " ON CONFLICT (key) DO UPDATE SET name = CASE WHEN length(excluded.name) >"
            " length(entities.name) AND entities.kb_id IS NULL THEN excluded.name"
            " ELSE entities.name END RETURNING id",
            (key, link.name, link.type, link.kb_id, link.surname),
        )) for key, link in keyed]
        mapping: dict[str, int] = {}
        for link, cursor in upserts:
            row = cursor.fetchone()  # the first fetch waits for every upsert sent above
            assert row is not None  # RETURNING after an upsert always yields the row
            mapping[link.local_id] = row[0]
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO doc_entities (doc_id, local_id, entity_id, name, mentions, aliases)"
                " VALUES (%s,%s,%s,%s,%s,%s)",
                [(record.doc_id, link.local_id, mapping[link.local_id], link.name,
                  link.mentions, json.dumps(link.aliases, ensure_ascii=False))
                 for link in links])
        return mapping

    def _stored_key(self, link: rows.EntityLink) -> str:
        """The link's key, or that of a stored spelling variant of the same person."""
        if not link.fuzzy:
            return link.key
        if self.conn.execute("SELECT 1 FROM entities WHERE key = %s",
                             (link.key,)).fetchone():
            return link.key
        stored = self.conn.execute(
            "SELECT key, name, type, kb_id FROM entities WHERE surname = %s AND type = 'PER'",
            (link.surname,)).fetchall()
        return rows.variant_key(link, stored) if stored else link.key

    def _insert_quotes(self, record: Record, ids: dict[str, int]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO quotes (doc_id, kind, text, start, \"end\", speaker, speaker_entity,"
                " speaker_role, cue, said_on, medium, published, speaker_via)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(record.doc_id, q.kind, q.text, q.start, q.end, q.speaker,
                  ids.get(q.speaker_id or ""), q.speaker_role, q.cue, q.said_on, q.medium,
                  q.said_on or record.source.published or record.source.reference_date,
                  q.speaker_via)
                 for q in record.quotes],
            )

    def _insert_events(self, record: Record, ids: dict[str, int]) -> None:
        by_name = {e.name: ids[e.id] for e in record.entities if e.id in ids}
        inserts = [(event, self.conn.execute(
            "INSERT INTO events (doc_id, type, date, place, status, event)"
            " VALUES (%s,%s,%s,%s,%s,%s) RETURNING id",
            (record.doc_id, event.type, event.date, event.place, event.status,
             Jsonb(event.__dict__)),
        )) for event in record.events]
        links = []
        for event, cursor in inserts:
            row = cursor.fetchone()
            assert row is not None
            names = {*event.participants, event.place or ""}
            links += [(row[0], entity_id)
                      for entity_id in sorted({by_name[n] for n in names if n in by_name})]
        if links:
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO event_entities (event_id, entity_id) VALUES (%s, %s)", links)

    # -- reading ---------------------------------------------------------------------------

    def get(self, doc_id: str) -> Record | None:
        row = self.conn.execute("SELECT record FROM documents WHERE doc_id = %s",
                                (doc_id,)).fetchone()
        return Record.from_dict(row[0]) if row else None

    def openings(self, doc_ids: list[str]) -> dict[str, DocumentOpening]:
        if not doc_ids:
            return {}
        found = self.conn.execute(
            "SELECT doc_id, title, path, url, left(coalesce(record->>'text', ''), %s)"
            " FROM documents WHERE doc_id = ANY(%s)", (OPENING_CHARS + 1, doc_ids)).fetchall()
        return {r[0]: DocumentOpening(*r) for r in found}

    def resolve_doc(self, ref: str) -> str | None:
        row = self.conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id = %s OR path = %s OR url = %s LIMIT 1",
            (ref, ref, ref)).fetchone()
        if row:
            return str(row[0])
        found = self.conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id LIKE %s LIMIT 2",
            (rows.like_prefix(ref),)).fetchall()
        return str(found[0][0]) if len(found) == 1 else None

    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Every word must match, in any inflection, accents ignored; "quoted" is a phrase.

        ``websearch_to_tsquery`` reads the query the way people type it (quotes, ``or``,
        ``-word``); the lemma weight lets "dire" find "a dit" as in the SQLite store.
        """
        where, params = rows.search_clauses(filters or SearchFilters(), _PG)
        text = self._fts_text(query)
        # A query has no language: it is read by every installed language's configuration,
        # and a document matches in its own.
        configs = [rows.text_search_config(code) for code in LanguagePack.available()]
        either = " || ".join(f"websearch_to_tsquery('{c}', %s)" for c in configs)
        sql = (
            "SELECT d.doc_id, d.title, d.publisher, d.published,"
            " ts_headline(d.ts_config::regconfig, d.record->>'text', q,"
            " 'StartSel=[, StopSel=],"
            " MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…'),"
            " ts_rank_cd(d.tsv, q) AS rank"
            f" FROM documents d, (SELECT {either} AS q) s"
            " WHERE numnode(q) > 0 AND d.tsv @@ q" + "".join(f" AND {w}" for w in where)
            + " ORDER BY rank DESC, d.doc_id LIMIT %s OFFSET %s"
        )
        try:
            found = self.conn.execute(sql,
                                      [*[text] * len(configs), *params, limit, offset]
                                      ).fetchall()
        except pg_errors.QueryCanceled:
            raise  # over budget: :meth:`budget` says so
        except psycopg.Error as err:
            raise StoreError(f"search {query!r}: {_first_line(err)}") from None
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], float(r[5])) for r in found]

    def facets(self, doc_ids: list[str]) -> dict[str, dict[str, int]]:
        if not doc_ids:
            return rows.facet_counts([])
        sql = rows.facet_sql(len(doc_ids), _PG)
        return rows.facet_counts(self.conn.execute(sql, doc_ids * 4).fetchall())

    def quotes(self, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0) -> list[QuoteRow]:
        where, params = rows.quote_clauses(speaker, since, until, _PG)
        sql = (f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN documents d USING (doc_id)"
               f" WHERE {' AND '.join(where)}"
               " ORDER BY q.published DESC NULLS LAST, q.doc_id, q.start LIMIT %s OFFSET %s")
        return [QuoteRow(*r) for r in self.conn.execute(sql,
                                                        [*params, limit, offset])]

    def entities(self, type: str | None = None, name: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[EntityRow]:
        where, params = rows.entity_clauses(type, name, _PG)
        sql = (
            "SELECT e.id, e.name, e.type, e.kb_id, count(DISTINCT de.doc_id), sum(de.mentions),"
            " array_agg(de.aliases) FROM entities e JOIN doc_entities de"
            f" ON de.entity_id = e.id WHERE {' AND '.join(where)} GROUP BY e.id"
            " ORDER BY sum(de.mentions) DESC, e.name LIMIT %s OFFSET %s"
        )
        return [EntityRow(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0), rows.merge_aliases(r[6]))
                for r in self.conn.execute(sql, [*params, limit, offset])]

    def events(self, entity: str | None = None, since: str | None = None,
               until: str | None = None) -> list[EventRow]:
        where, params = rows.event_clauses(entity, since, until, _PG)
        sql = ("SELECT ev.doc_id, d.title, d.publisher, d.published, ev.event FROM events ev"
               f" JOIN documents d USING (doc_id) WHERE {' AND '.join(where)}"
               " ORDER BY ev.date NULLS FIRST, ev.doc_id, ev.id")
        return [EventRow(r[0], r[1], r[2], r[3], Event(**r[4]))
                for r in self.conn.execute(sql, params)]

    def iter_records(self) -> Iterator[Record]:
        # A server-side cursor streams the table instead of loading it whole.
        with self.conn.transaction(), self.conn.cursor(name="veille_iter") as cur:
            cur.execute("SELECT record FROM documents ORDER BY seq")
            for (data,) in cur:
                yield Record.from_dict(data)

    def stats(self) -> dict[str, int]:
        counts = {}
        for table in ("documents", "entities", "quotes", "events"):
            row = self.conn.execute(
                f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    def close(self) -> None:
        self.conn.close()


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://…"
    user, host, name = (info.get(k) or "" for k in ("user", "host", "dbname"))
    return f"postgresql://{user}@{host}/{name}"
