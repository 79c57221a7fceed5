"""One document: its label, layout blocks, quotes with their speakers (and why, when the quote
work says), the full record, and the cards of the entities it names; and the listing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from veille.model import Quote, Record
from veille.store.base import EntityRow, Store
from veille.views.cards import Card, entity_card
from veille.views.labels import labels, record_label
from veille.views.links import PageInfo, doc_url, entity_url, page_info


@dataclass
class BlockItem:
    kind: str
    start: int
    end: int
    text: str


@dataclass
class DocQuote:
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_entity: int | None
    speaker_url: str | None
    speaker_role: str | None
    speaker_via: str | None  # why the speaker is this one, when the quote work says
    cue: str | None
    said_on: str | None
    medium: str | None
    url: str


@dataclass
class DocumentView:
    doc_id: str
    label: str
    title: str | None
    publisher: str | None
    published: str | None
    source_url: str | None
    path: str | None
    url: str
    blocks: list[BlockItem] = field(default_factory=list)
    quotes: list[DocQuote] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)  # the extraction record
    # Document-local entity id -> store entity id (its page is /entities/<id>).
    entity_links: dict[str, int] = field(default_factory=dict)
    cards: list[Card] = field(default_factory=list)


@dataclass
class DocumentSummary:
    doc_id: str
    label: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str


@dataclass
class DocumentList:
    documents: list[DocumentSummary]
    paging: PageInfo


def doc_quote(record: Record, quote: Quote, links: dict[str, EntityRow]) -> DocQuote:
    row = links.get(quote.speaker_id or "")
    return DocQuote(
        kind=quote.kind, text=quote.text, start=quote.start, end=quote.end,
        speaker=quote.speaker, speaker_entity=row.id if row else None,
        speaker_url=entity_url(row.id) if row else None, speaker_role=quote.speaker_role,
        speaker_via=quote.speaker_via, cue=quote.cue,
        said_on=quote.said_on, medium=quote.medium, url=doc_url(record.doc_id, quote.start))


def _cards(record: Record, links: dict[str, EntityRow]) -> list[Card]:
    """The cards of the document's linked entities, the most mentioned first, each once."""
    seen: dict[int, EntityRow] = {}
    for entity in sorted(record.entities, key=lambda e: -len(e.mentions)):
        if entity.id in links:
            seen.setdefault(links[entity.id].id, links[entity.id])
    on = record.source.published or record.source.reference_date
    return [entity_card(row, on) for row in seen.values()]


def document_view(store: Store, ref: str) -> DocumentView | None:
    """The document ``ref`` (an id, a unique prefix, a path or a URL) names, or None."""
    doc_id = store.resolve_doc(ref)
    record = store.get(doc_id) if doc_id else None
    if record is None:
        return None
    links = store.entity_links(record.doc_id)
    src = record.source
    return DocumentView(
        doc_id=record.doc_id, label=record_label(record), title=src.title,
        publisher=src.publisher, published=src.published, source_url=src.url, path=src.path,
        url=doc_url(record.doc_id),
        blocks=[BlockItem(b.kind, b.start, b.end, record.text[b.start:b.end])
                for b in record.blocks],
        quotes=[doc_quote(record, q, links) for q in record.quotes],
        record=record.to_dict(),
        entity_links={local: row.id for local, row in links.items()},
        cards=_cards(record, links),
    )


def document_summaries(store: Store, limit: int, offset: int = 0) -> list[DocumentSummary]:
    rows = store.documents(limit=limit, offset=offset)
    named = labels(store, ((r.doc_id, r.title) for r in rows))
    return [DocumentSummary(r.doc_id, named[r.doc_id], r.title, r.publisher, r.published,
                            doc_url(r.doc_id)) for r in rows]


def document_list(store: Store, limit: int = 20, offset: int = 0) -> DocumentList:
    docs = document_summaries(store, limit + 1, offset)
    return DocumentList(docs[:limit], page_info("/documents", {}, limit, offset,
                                                len(docs) > limit))

