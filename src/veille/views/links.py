"""Page URLs, paging links and document labels: what every view attaches to its records.

A page URL is the HTML page of a thing; its JSON twin is the same path under ``/api``
(:func:`veille.api.urls.api_twin`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import quote, quote_plus, urlsplit

LABEL_WORDS = 12


@dataclass
class PageInfo:
    limit: int
    offset: int
    total: int | None = None
    next: str | None = None
    prev: str | None = None


def page_url(path: str, **params: str | int | None) -> str:
    """``path`` with the non-empty ``params`` as a query string (as ``urlencode`` spells it)."""
    query = "&".join(f"{_encoded(k)}={_encoded(str(v))}" for k, v in params.items()
                     if v not in (None, ""))
    return f"{path}?{query}" if query else path


@lru_cache(maxsize=8192)
def _encoded(text: str) -> str:
    # A search page links each of its ~30 facet values with the same few parameters:
    # urlencode quoting them afresh was a third of a search's own time (issue 15).
    return quote_plus(text)


def doc_url(doc_id: str, start: int | None = None) -> str:
    base = f"/documents/{quote(doc_id, safe='')}"
    return base if start is None else f"{base}#at-{start}"


def entity_url(entity_id: int) -> str:
    return f"/entities/{entity_id}"


def event_url(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


def page_info(path: str, params: dict[str, str | None], limit: int, offset: int,
              has_more: bool, total: int | None = None) -> PageInfo:
    """Links to the previous and next pages of a listing."""
    def at(off: int) -> str:
        return page_url(path, **params, limit=limit if limit != 20 else None, offset=off or None)

    return PageInfo(limit=limit, offset=offset, total=total,
                    next=at(offset + limit) if has_more else None,
                    prev=at(max(offset - limit, 0)) if offset > 0 else None)


def until_bound(until: str | None) -> str | None:
    """An inclusive upper bound for the store: "2025-08" must keep "2025-08-15" ("~" sorts
    after digits)."""
    return until + "~" if until else None


def doc_label(title: str | None, text: str | None = None, path: str | None = None,
              url: str | None = None, words: int = LABEL_WORDS) -> str:
    """How a document is shown: its title, else its first words, else its file name (or the
    last part of its URL). Only a document with none of them falls back to "?"."""
    if title and title.strip():
        return " ".join(title.split())
    first = (text or "").split()
    if first:
        head = " ".join(first[:words])
        return head + ("…" if len(first) > words else "")
    if path:
        return PurePosixPath(path.replace("\\", "/")).name or path
    if url:
        parts = urlsplit(url)
        tail = [p for p in parts.path.split("/") if p]
        return tail[-1] if tail else parts.netloc or url
    return "?"
