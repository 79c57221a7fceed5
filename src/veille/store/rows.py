"""Pure helpers shared by the store back-ends: what to index for a record, how to query it."""

from __future__ import annotations

import json
import re
import threading
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer

from veille.clean.dedup import signature
from veille.lang.pack import LanguagePack, PackError
from veille.model import Entity, Record
from veille.store.base import SearchFilters

# A Snowball stemmer keeps the word it works on in itself: two server threads stemming new
# query words at once corrupted each other's (an IndexError inside the stemmer, a 500).
_STEMMING = threading.Lock()


@lru_cache(maxsize=16)
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    """The Snowball stemmer of a document's language: the one its pack names, else None."""
    try:
        name = LanguagePack.load(language).stemmer
    except PackError:
        return None  # a language Veille has no pack for is indexed by its words alone
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def stems(text: str, language: str) -> str:
    """Snowball stems of every word in ``language``, accents kept (the FTS tokenizer folds
    them); the words themselves for a language without a stemmer."""
    return " ".join(stem_word(w, language) for w in re.findall(r"\w+", text.casefold()))


@lru_cache(maxsize=200_000)
def stem_word(word: str, language: str) -> str:
    # News reuses a small vocabulary: caching the stemmer makes indexing ~60x faster.
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    with _STEMMING:
        return str(stemmer.stemWord(word))


@lru_cache(maxsize=4096)
def query_stems(word: str) -> tuple[str, ...]:
    """A query word's stems in every installed language: a query has no language of its
    own, and the store holds documents of several. Cached: listing the installed packs
    reads the package's folders, a millisecond of every search."""
    return tuple(sorted({stem_word(word, code) for code in LanguagePack.available()}))


def text_search_config(language: str) -> str:
    """The PostgreSQL configuration a document of ``language`` is indexed with
    (``veille_<pack>``, made by :func:`text_search_ddl`), ``veille_simple`` without a pack."""
    return f"veille_{language}" if language in LanguagePack.available() else "veille_simple"


def text_search_ddl(unaccent: bool) -> list[str]:
    """Statements that make one configuration per installed pack (copied from the
    PostgreSQL configuration the pack names, accents folded before the stemmer when
    ``unaccent`` is there) and ``veille_simple`` for the rest. Idempotent."""
    configs = [(f"veille_{code}", LanguagePack.load(code).text_search)
               for code in LanguagePack.available()] + [("veille_simple", "simple")]
    out = []
    for name, base in configs:
        stem = "simple" if base == "simple" else f"{base}_stem"
        out.append(f"DO $$ BEGIN CREATE TEXT SEARCH CONFIGURATION {name}"
                   f" (COPY = pg_catalog.{base});"
                   " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        if unaccent:
            out.append(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword,"
                       f" hword_part, word WITH unaccent, {stem}")
    return out


@dataclass
class EntityLink:
    local_id: str
    key: str
    name: str
    type: str
    kb_id: str | None
    mentions: int
    aliases: list[str]
    surname: str | None = None  # set for unlinked people: the key fuzzy candidates share

    @property
    def fuzzy(self) -> bool:
        """Whether the store should look for a stored spelling variant of this person."""
        return self.surname is not None


def entity_links(record: Record) -> list[EntityLink]:
    """One row per document entity, with the key that ties it to the store-wide entity."""
    # Here, not at the top: only writes need it, and it imports rapidfuzz (a read command's
    # start, issue 15).
    from veille.resolve.entities import is_bare_surname, surname_key

    links = []
    for entity in record.entities:
        aliases = sorted({m.text for m in entity.mentions})
        surname = None
        if entity.type == "PER" and not entity.kb_id and not is_bare_surname(entity.name):
            surname = surname_key(entity.name) or None
        links.append(EntityLink(
            entity.id, entity_key(entity), entity.name, entity.type, entity.kb_id,
            len(entity.mentions), aliases, surname,
        ))
    return links


def variant_key(link: EntityLink, stored: Sequence[tuple[str, str, str, str | None]]) -> str:
    """The key of the stored entity ``(key, name, type, kb_id)`` that ``link`` is a spelling
    variant of ("Steve Witkoff" for "Steven Witkoff"), else the link's own key.

    The guard against merging different people who share a surname is
    :func:`veille.resolve.entities.match` (first names must agree).
    """
    from veille.resolve.entities import match  # writes only (see entity_links)

    entity = Entity(link.local_id, link.name, "PER", link.kb_id)
    index = match(entity, [(name, etype, kb_id) for _, name, etype, kb_id in stored])
    return stored[index][0] if index is not None else link.key


def entity_key(entity: Entity) -> str:
    from veille.resolve.entities import global_key  # writes only (see entity_links)

    return global_key(entity)


def fts_query(query: str) -> str:
    """A user's words to an FTS5 MATCH expression: every word must match, in any form.

    A word matches as typed (accents folded), as a spaCy lemma, or by its Snowball stem;
    a double-quoted part is kept as a phrase over the body text.
    """
    clauses = [f'body : "{p}"' for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    for word in re.findall(r"\w+", rest.casefold()):
        either = " OR ".join(f'stems : "{stem}"' for stem in query_stems(word))
        clauses.append(f'({{title body lemmas}} : "{word}" OR {either})')
    return " AND ".join(clauses)


def content_key(record: Record) -> str:
    from veille.clean.dedup import content_hash

    return content_hash(record.text)


# -- WHERE clauses shared by the SQL back-ends ----------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """How a back-end spells a parameter and a case-insensitive match."""

    mark: str
    like: str


SQLITE = Dialect("?", "LIKE")  # SQLite's LIKE already ignores ASCII case
POSTGRES = Dialect("%s", "ILIKE")


def fold_accents(text: str) -> str:
    """``text`` without combining accents ("négociés" -> "negocies"), length aside."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_clauses(f: SearchFilters, d: Dialect) -> tuple[list[str], list[Any]]:
    """WHERE conditions (over ``documents d``) and their parameters for search filters."""
    m, like = d.mark, d.like
    where: list[str] = []
    params: list[Any] = []
    if f.publisher:
        where.append(f"d.publisher = {m}")
        params.append(f.publisher)
    if f.language:
        where.append(f"d.language = {m}")
        params.append(f.language)
    if f.since:
        where.append(f"coalesce(d.published, d.reference_date) >= {m}")
        params.append(f.since)
    if f.until:
        where.append(f"coalesce(d.published, d.reference_date) <= {m}")
        params.append(f.until)
    if f.entity:
        where.append(f"d.doc_id IN (SELECT de.doc_id FROM doc_entities de JOIN entities e"
                     f" ON e.id = de.entity_id WHERE e.name {like} {m} OR de.aliases {like} {m})")
        params += [f"%{f.entity}%"] * 2
    if f.speaker:
        where.append(f"d.doc_id IN (SELECT q.doc_id FROM quotes q LEFT JOIN entities e"
                     f" ON e.id = q.speaker_entity"
                     f" WHERE q.speaker {like} {m} OR e.name {like} {m})")
        params += [f"%{f.speaker}%"] * 2
    return where, params


def quote_clauses(speaker: str | None, since: str | None, until: str | None,
                  d: Dialect) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``quotes q`` for a speaker (name or alias) and a date range."""
    m, like = d.mark, d.like
    where, params = ["1=1"], []
    if speaker:
        where.append(f"(q.speaker {like} {m} OR q.speaker_entity IN (SELECT entity_id FROM"
                     f" doc_entities WHERE aliases {like} {m} OR name {like} {m}))")
        params += [f"%{speaker}%"] * 3
    if since:
        where.append(f"q.published >= {m}")
        params.append(since)
    if until:
        where.append(f"q.published <= {m}")
        params.append(until)
    return where, params


def entity_clauses(type: str | None, name: str | None, d: Dialect
                   ) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``entities e`` joined to ``doc_entities de``."""
    m, like = d.mark, d.like
    where, params = ["1=1"], []
    if type:
        where.append(f"e.type = {m}")
        params.append(type)
    if name:
        where.append(f"(e.name {like} {m} OR de.aliases {like} {m} OR e.kb_id = {m})")
        params += [f"%{name}%", f"%{name}%", name]
    return where, params


def event_clauses(entity: str | None, since: str | None, until: str | None, d: Dialect
                  ) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``events ev``: a participant or place, and a date range."""
    m, like = d.mark, d.like
    where, params = ["1=1"], []
    if entity:
        where.append(f"ev.id IN (SELECT ee.event_id FROM event_entities ee JOIN entities e"
                     f" ON e.id = ee.entity_id WHERE e.name {like} {m} OR e.kb_id = {m})")
        params += [f"%{entity}%", entity]
    if since:
        where.append(f"ev.date >= {m}")
        params.append(since)
    if until:
        where.append(f"ev.date <= {m}")
        params.append(until)
    return where, params


def facet_sql(count: int, d: Dialect) -> str:
    """One query counting, over ``count`` documents (the parameters, given four times), the
    documents per publisher, month, quoted speaker and named person or organisation: rows
    of (facet, value, documents). Empty values count for nothing, as in the records."""
    ids = ",".join([d.mark] * count)
    day = "coalesce(nullif(d.published, ''), nullif(d.reference_date, ''))"
    return (
        f"SELECT 'publisher', d.publisher, count(*) FROM documents d WHERE d.doc_id IN ({ids})"
        " AND d.publisher <> '' GROUP BY d.publisher"
        f" UNION ALL SELECT 'month', substr({day}, 1, 7), count(*) FROM documents d"
        f" WHERE d.doc_id IN ({ids}) AND {day} IS NOT NULL GROUP BY substr({day}, 1, 7)"
        " UNION ALL SELECT 'speaker', q.speaker, count(DISTINCT q.doc_id) FROM quotes q"
        f" WHERE q.doc_id IN ({ids}) AND q.speaker <> '' GROUP BY q.speaker"
        " UNION ALL SELECT 'entity', de.name, count(DISTINCT de.doc_id) FROM doc_entities de"
        f" JOIN entities e ON e.id = de.entity_id WHERE de.doc_id IN ({ids})"
        " AND e.type IN ('PER', 'ORG') GROUP BY de.name"
    )


def facet_counts(found: Iterable[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """The rows of :func:`facet_sql` as facet -> value -> documents."""
    counts: dict[str, dict[str, int]] = {"speaker": {}, "entity": {}, "publisher": {},
                                         "month": {}}
    for facet, value, documents in found:
        counts[facet][value] = int(documents)
    return counts


def merge_aliases(chunks: Iterable[str | None]) -> list[str]:
    """The sorted union of several JSON alias lists (one per document)."""
    # Each distinct list parsed once: an entity seen in 500 documents has 500 lists, nearly
    # all the same, and parsing them all was most of the time of a document's page.
    return sorted({a for chunk in set(chunks) if chunk for a in json.loads(chunk)})


def like_prefix(text: str) -> str:
    """A LIKE pattern for values starting with ``text``: its ``%``, ``_`` and ``\\`` are
    literal (both back-ends take the backslash as the escape character)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# -- the stored form of a record (SQLite: the text is kept once, beside the record) ----------

_SLICED = ("entities", "quotes", "times")


def compact_record(record: Record) -> dict[str, Any]:
    """The record as stored beside its text: without the text, and without each mention,
    quote or time text that is the slice of the text at its offsets (most of a record's
    bytes). :func:`restore_record` rebuilds the same record."""
    data = record.to_dict()
    text = data.pop("text")
    for item in _sliced_items(data):
        if item.get("text") == text[item["start"]:item["end"]]:
            del item["text"]
    return data


def restore_record(data: dict[str, Any], text: str | None) -> Record:
    """The record :func:`compact_record` stored (``text`` None: a record stored whole)."""
    if text is not None:
        data["text"] = text
        for item in _sliced_items(data):
            if "text" not in item:
                item["text"] = text[item["start"]:item["end"]]
    return Record.from_dict(data)


def _sliced_items(data: dict[str, Any]) -> list[dict[str, Any]]:
    items = [m for e in data.get("entities", []) for m in e.get("mentions", [])]
    return items + [x for key in _SLICED[1:] for x in data.get(key, [])]


def stored_signature(stored: bytes | str, text: str) -> list[int]:
    """The MinHash signature of a stored document: computed again from its text (it is
    deterministic; new rows store none, 512 bytes saved a document, and only band
    candidates need it), or read from the JSON that rows before migration 0005 hold."""
    if isinstance(stored, str) and stored:
        return [int(v) for v in json.loads(stored)]
    return signature(text)


def pack_record(record: Record) -> bytes:
    """The compact record as zlib-compressed JSON (a record is a quarter of its JSON so)."""
    return zlib.compress(json.dumps(compact_record(record), ensure_ascii=False).encode(), 6)


def unpack_record(stored: bytes | str, text: str | None) -> Record:
    """A record as :func:`pack_record` or (before migration 0005) plain JSON stored it."""
    data = json.loads(zlib.decompress(stored) if isinstance(stored, bytes) else stored)
    return restore_record(data, text)


def stored_quote_via(stored: bytes | str | None, start: int) -> str | None:
    """The ``speaker_via`` of the quote at ``start`` in a stored record (for migration 0007:
    rows from before it hold it only in the record)."""
    return _quote_vias(stored).get(start) if stored else None


@lru_cache(maxsize=4)
def _quote_vias(stored: bytes | str) -> dict[int, str | None]:
    # Kept: the migration asks once per quote, a record holds several.
    data = json.loads(zlib.decompress(stored) if isinstance(stored, bytes) else stored)
    return {q["start"]: q.get("speaker_via") for q in data.get("quotes", [])}


def band_key(band: str) -> int:
    """A near-copy band (``"<n>:<16 hex digits>"``) as one signed 64-bit integer: the band
    number in the top byte, 56 bits of its hash below."""
    number, digest = band.split(":", 1)
    value = (int(number) << 56) | (int(digest, 16) & ((1 << 56) - 1))
    return value - (1 << 64) if value >= 1 << 63 else value
