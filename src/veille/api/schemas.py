"""The JSON shapes of the API that are its own: search, per-document events, ingest, errors.

The workbench's answers (entity, quotes, timeline, event, document, home) are the dataclasses
of :mod:`veille.views`, which the CLI and the pages render too. Every ``*_url`` field is the
HTML page of the thing; its JSON twin is the same path under ``/api``
(:func:`veille.api.urls.api_twin`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from veille.ingest.item import Body, ItemFields
from veille.views.links import PageInfo

__all__ = ["PageInfo"]


class SearchHitOut(BaseModel):
    doc_id: str
    label: str = Field(description="The title, else the first words, else the file name.")
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


class EventOut(BaseModel):
    doc_id: str
    label: str = Field(description="The document's title, else its first words, else its name.")
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
