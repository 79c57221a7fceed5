"""Who said what: quotes newest first, filtered by speaker and period."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.resolve.timeline import period_bounds
from veille.store.base import QuoteRow, Store
from veille.views.labels import labels
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


def quote_item(row: QuoteRow, label: str) -> QuoteItem:
    return QuoteItem(
        doc_id=row.doc_id, label=label, title=row.title, published=row.published,
        kind=row.kind, text=row.text, start=row.start, end=row.end, speaker=row.speaker,
        speaker_entity=row.speaker_entity, speaker_role=row.speaker_role,
        speaker_via=row.speaker_via, cue=row.cue, said_on=row.said_on,
        medium=row.medium, date=row.said_on or row.published,
        url=doc_url(row.doc_id, row.start),
        speaker_url=entity_url(row.speaker_entity) if row.speaker_entity else None,
    )


def quote_items(store: Store, rows: list[QuoteRow]) -> list[QuoteItem]:
    """The rows with their articles' labels (only an untitled article is read for its own)."""
    named = labels(store, ((r.doc_id, r.title) for r in rows))
    return [quote_item(r, named[r.doc_id]) for r in rows]


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
