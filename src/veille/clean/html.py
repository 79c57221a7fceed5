"""HTML pages to article text and metadata, with trafilatura and htmldate."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.xml import xmltotxt

from veille.clean.boilerplate import LineLayout, split_lines
from veille.errors import InputError
from veille.model import BlockKind

# trafilatura's XML elements and the block kind each one is in the record. A list item is a
# paragraph of its own; a table row too (tables are left out by default).
_BLOCK_TAGS: dict[str, BlockKind] = {
    "head": "heading", "quote": "blockquote", "p": "paragraph", "item": "paragraph",
    "row": "paragraph",
}


@dataclass
class Page:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    language: str | None
    url: str | None
    # The block of each line of ``text`` (see :data:`veille.clean.boilerplate.LineLayout`).
    layout: list[LineLayout] = field(default_factory=list)


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
    text = (data.get("text") or "").strip().replace("\r\n", "\n").replace("\r", "\n")
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
        layout=layout_of(getattr(result, "body", None), text),
    )


def layout_of(body: Any, text: str) -> list[LineLayout]:
    """The block of each line of ``text``, the plain text of trafilatura's XML ``body``.

    Each ``<head>``, ``<quote>``, ``<p>``, list item, row is rendered alone with trafilatura's
    own text conversion and its lines found in ``text`` in order; a line found in none (loose
    text between elements) is a paragraph of its own.
    """
    lines = split_lines(text)
    layout: list[LineLayout] = [None] * len(lines)
    cursor = 0
    index = 0
    for element in _block_elements(body):
        alone = deepcopy(element)
        alone.tail = None
        wrapper = etree.Element("body")
        wrapper.append(alone)
        own = [_squash(t) for t in xmltotxt(wrapper, include_formatting=False).splitlines()]
        own = [t for t in own if t]
        found = False
        for piece in own:
            for at in range(cursor, len(lines)):
                if _squash(lines[at].text) == piece:
                    layout[at] = (index, _BLOCK_TAGS[element.tag])
                    cursor, found = at + 1, True
                    break
        index += found
    for at, line in enumerate(lines):
        if layout[at] is None and line.text.strip():
            layout[at] = (index, "paragraph")
            index += 1
    return layout


def _block_elements(body: Any) -> list[Any]:
    """The outermost block elements of ``body``, in document order."""
    if body is None:
        return []
    found = []
    for element in body.iter(*_BLOCK_TAGS):
        if any(parent.tag in _BLOCK_TAGS for parent in element.iterancestors()):
            continue
        found.append(element)
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())
