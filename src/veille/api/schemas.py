"""The JSON shapes the API returns; the HTML pages render the very same objects.

Every ``*_url`` field is the HTML page of the thing; its JSON twin is the same path under
``/api`` (see :func:`veille.api.urls.api_twin`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from veille.ingest.item import Body, ItemFields


class PageInfo(BaseModel):
    limit: int
    offset: int
    next: str | None = Field(None, description="Page URL of the next page, if there is one.")
    prev: str | None = Field(None, description="Page URL of the previous page, if any.")


class Stats(BaseModel):
    documents: int
    entities: int
    quotes: int
    events: int


class EntityOut(BaseModel):
    id: int
    name: str
    type: str
    kb_id: str | None
    documents: int
    mentions: int
    aliases: list[str]
    url: str


class Home(BaseModel):
    stats: Stats
    top_entities: list[EntityOut]


class Card(BaseModel):
    """A context card: who or what an entity is, for a reader who has never heard of it."""

    name: str
    type: str
    kb_id: str | None
    description: str | None = None
    role: str | None = Field(None, description="Position held on the card's date (KB).")
    roles: list[str] = []
    country: str | None = None
    on: str | None = Field(None, description="The date the roles are given for.")
    wikidata_url: str | None = None
    population: int | None = None
    aliases: list[str] = []
    facts: list[str] = Field([], description="What the store counts about the entity.")
    source: str = Field(description="'kb' when the knowledge base knows it, else 'store'.")
    url: str | None = Field(None, description="The entity's page.")


class SearchHitOut(BaseModel):
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    snippet: str
    score: float
    url: str


class Facet(BaseModel):
    value: str
    count: int
    url: str = Field(description="This search with the facet applied.")


class SearchResult(BaseModel):
    query: str
    filters: dict[str, str | None]
    hits: list[SearchHitOut]
    facets: dict[str, list[Facet]]
    paging: PageInfo


class QuoteOut(BaseModel):
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
    url: str = Field(description="The quote in its article.")
    speaker_url: str | None


class QuotePage(BaseModel):
    speaker: str | None
    since: str | None
    until: str | None
    quotes: list[QuoteOut]
    paging: PageInfo


class EntityPage(BaseModel):
    type: str | None
    name: str | None
    entities: list[EntityOut]
    paging: PageInfo


class EventOut(BaseModel):
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    type: str
    trigger: str
    participants: list[str]
    place: str | None
    date: str | None
    status: str
    url: str


class EventPage(BaseModel):
    entity: str | None
    since: str | None
    until: str | None
    events: list[EventOut]
    paging: PageInfo


class MetWith(BaseModel):
    name: str
    count: int
    entity: EntityOut | None


class MonthCount(BaseModel):
    month: str
    count: int


class EntityDetail(BaseModel):
    entity: EntityOut
    card: Card
    quotes: list[QuoteOut]
    quotes_by_month: list[MonthCount]
    events: list[EventOut]
    met_with: list[MetWith]


class SourceRef(BaseModel):
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    trigger: str
    sentence: str
    date: str | None
    date_basis: str = Field(description="'reported', or 'merged' when taken from other sources.")
    place: str | None
    url: str


class TimelineQuote(BaseModel):
    speaker: str | None
    text: str | None
    doc_id: str | None
    said_on: str | None
    url: str | None


class TimelineEntry(BaseModel):
    id: str
    type: str
    date: str | None
    place: str | None
    status: str
    participants: list[str]
    conflicts: list[str]
    sources: list[SourceRef]
    quotes: list[TimelineQuote]


class Timeline(BaseModel):
    entity: str | None
    since: str | None
    until: str | None
    merged_by: str = Field(description="How events of several documents were merged.")
    total: int = Field(0, description="Merged events in all pages.")
    entries: list[TimelineEntry]
    paging: PageInfo | None = None


class DocumentSummary(BaseModel):
    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str


class DocumentList(BaseModel):
    documents: list[DocumentSummary]
    paging: PageInfo


class DocumentDetail(BaseModel):
    doc_id: str
    url: str
    record: dict[str, Any] = Field(description="The full extraction record (veille.extraction/1).")
    entity_links: dict[str, int] = Field(
        description="Document-local entity id -> store entity id (its page is /entities/<id>).")
    cards: list[Card]


class IngestRequest(ItemFields):
    """Exactly one of ``text``, ``html`` or ``url`` (fetched); the metadata fields are optional
    hints, validated by the same model as a JSON Lines item's (:class:`ItemFields`)."""

    text: Body | None = Field(None, min_length=1)
    html: Body | None = Field(None, min_length=1)


class IngestResult(BaseModel):
    added: list[str]
    duplicates: list[str]
    failures: list[str]
    urls: list[str] = Field(description="Pages of the documents added.")


class ErrorOut(BaseModel):
    error: str
    status: int
    detail: Any = None
