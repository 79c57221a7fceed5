"""HTML pages to article text and metadata, with trafilatura and htmldate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date

from veille.errors import InputError


@dataclass
class Page:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    language: str | None
    url: str | None


def extract_page(html: str, origin: str, url: str | None = None) -> Page:
    """Main text and metadata of an article page; :class:`InputError` when there is none."""
    result: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # trafilatura's deduplication keeps a process-wide cache of seen text: a page seen
        # twice in one process would come back empty. Veille detects duplicates itself.
        deduplicate=False,
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(origin, "no article text found in the HTML page")
    published = data.get("date")
    if not published:
        published = find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
    return Page(
        text=text,
        title=data.get("title"),
        published=published or None,
        publisher=data.get("sitename") or None,
        language=data.get("language") or None,
        url=data.get("url") or url,
    )
