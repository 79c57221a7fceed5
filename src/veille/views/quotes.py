"""Who said what: quotes newest first, filtered by speaker and period."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.resolve.timeline import period_bounds
from veille.store.base import QuoteRow, Store
from veille.views.labels import labels, record_label
from veille.views.links import PageInfo, doc_url, entity_url, page_info, until_bound


@dataclass
class QuoteItem:
    doc_id: str
    label: str  # the document's title, else its first words, else its file name
    title: str | None
    published: str | None
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_entity: int | None
    speaker_role: str | None
    speaker_via: str | None  # why the speaker is this one, when the quote work says
    cue: str | None
    said_on: str | None
    medium: str | None
    date: str | None  # said_on, else the article's date: what the list is sorted by
    url: str  # the quote in its article
    speaker_url: str | None


@dataclass
class QuotePage:
    speaker: str | None
    since: str | None
    until: str | None
    total: int | None  # all the quotes asked for, when counted (an entity's are)
    quotes: list[QuoteItem] = field(default_factory=list)
    paging: PageInfo | None = None


def quote_item(row: QuoteRow, label: str, via: str | None = None) -> QuoteItem:
    return QuoteItem(
        doc_id=row.doc_id, label=label, title=row.title, published=row.published,
        kind=row.kind, text=row.text, start=row.start, end=row.end, speaker=row.speaker,
        speaker_entity=row.speaker_entity, speaker_role=row.speaker_role,
        speaker_via=via, cue=row.cue, said_on=row.said_on,
        medium=row.medium, date=row.said_on or row.published,
        url=doc_url(row.doc_id, row.start),
        speaker_url=entity_url(row.speaker_entity) if row.speaker_entity else None,
    )


def quote_items(store: Store, rows: list[QuoteRow]) -> list[QuoteItem]:
    """The rows with their articles' labels and how each speaker was found: the store's rows
    carry neither, so each article of the page is read once."""
    named: dict[str, str] = {}
    vias: dict[tuple[str, int], str | None] = {}
    for doc_id in dict.fromkeys(r.doc_id for r in rows):
        record = store.get(doc_id)
        if record is None:
            named[doc_id] = labels(store, [(doc_id, None)])[doc_id]
            continue
        named[doc_id] = record_label(record)
        vias.update(((doc_id, q.start), q.speaker_via) for q in record.quotes)
    return [quote_item(r, named[r.doc_id], vias.get((r.doc_id, r.start))) for r in rows]


def quotes_view(store: Store, speaker: str | None = None, since: str | None = None,
                until: str | None = None, limit: int = 20, offset: int = 0) -> QuotePage:
    """One page of quotes, newest first (the day said, else the article's date: the store's
    order, so pages follow on); ``since``/``until`` are YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    at their own precision (ValueError for a bound that is no date)."""
    period_bounds(since, until)  # ValueError for a bound that is no date
    rows = store.quotes(speaker=speaker, since=since, until=until_bound(until),
                        limit=limit + 1, offset=offset)
    info = page_info("/quotes", {"speaker": speaker, "since": since, "until": until}, limit,
                     offset, len(rows) > limit)
    return QuotePage(speaker=speaker, since=since, until=until, total=None,
                     quotes=quote_items(store, rows[:limit]), paging=info)
