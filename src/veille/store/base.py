"""The narrow interface every store implements, and the plain rows it returns.

A store keeps extraction records (``model.Record``) and indexes them for search, quotes,
entities and events. SQLite (embedded, default) and PostgreSQL implement the same protocol and
pass the same test suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Literal, Protocol

from veille.model import Event, Record

AddStatus = Literal["added", "duplicate", "near-duplicate"]


@dataclass
class AddResult:
    doc_id: str
    status: AddStatus
    existing: str | None = None
    similarity: float | None = None


@dataclass
class SearchFilters:
    speaker: str | None = None
    entity: str | None = None
    publisher: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    snippet: str
    score: float


@dataclass
class QuoteRow:
    doc_id: str
    title: str | None
    published: str | None
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_entity: int | None
    speaker_role: str | None
    cue: str | None
    said_on: str | None
    medium: str | None
    speaker_via: str | None = None  # how the speaker was found (the record's Quote.speaker_via)


@dataclass
class EntityRow:
    id: int
    name: str
    type: str
    kb_id: str | None
    documents: int
    mentions: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class DocumentRow:
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None


# Characters of a text :meth:`Store.openings` reads: enough for the first words that label
# an untitled document (views/links.py doc_label) in all but a text of very long words.
OPENING_CHARS = 600


@dataclass
class DocumentOpening:
    """What labels a document: its title, path, URL and the start of its text, cut after
    ``OPENING_CHARS + 1`` characters (so a longer text is seen to be longer)."""

    doc_id: str
    title: str | None
    path: str | None
    url: str | None
    opening: str


@dataclass
class EventRow:
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    event: Event


class Store(Protocol):
    """What the CLI, the API and the engines need from a store; nothing more."""

    url: str

    def add(self, record: Record, signature: list[int], near_threshold: float) -> AddResult:
        """Store a record atomically, or report it as a (near-)duplicate of a stored one."""

    def get(self, doc_id: str) -> Record | None: ...

    def openings(self, doc_ids: list[str]) -> dict[str, DocumentOpening]:
        """The opening of each stored one of ``doc_ids`` (an untitled document's label, read
        without decoding its whole record)."""

    def resolve_doc(self, ref: str) -> str | None:
        """The doc_id that ``ref`` (an id, a unique id prefix, a path or a URL) names."""

    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]: ...

    def facets(self, doc_ids: list[str]) -> dict[str, dict[str, int]]:
        """Among ``doc_ids``: documents per publisher, month (YYYY-MM of the published, else
        the reference date), quoted speaker, and named person or organisation."""

    def quotes(self, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0) -> list[QuoteRow]: ...

    def entities(self, type: str | None = None, name: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[EntityRow]: ...

    def entity(self, entity_id: int) -> EntityRow | None: ...

    def entity_links(self, doc_id: str) -> dict[str, EntityRow]:
        """The store-wide entity of each document-local entity id of one document."""

    def entity_documents(self, entity_id: int, limit: int = 200) -> list[str]:
        """Ids of the documents that mention the entity, newest first."""

    def cooccurring(self, entity_id: int, limit: int = 12) -> list[tuple[EntityRow, int]]:
        """The entities met in the most documents alongside this one, with those counts."""

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentRow]:
        """One page of stored documents, newest first."""

    def events(self, entity: str | None = None, since: str | None = None,
               until: str | None = None) -> list[EventRow]: ...

    def iter_records(self) -> Iterator[Record]: ...

    def stats(self) -> dict[str, int]: ...

    def reader(self) -> Store | None:
        """Another, read-only connection to the same store, for one server thread; None when
        there cannot be one (an in-memory database)."""

    def budget(self, seconds: float | None) -> AbstractContextManager[None]:
        """Stop any query run inside the block after ``seconds`` with QueryTimeout."""

    def close(self) -> None: ...
