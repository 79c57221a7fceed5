"""HTML pages to article text and metadata, with trafilatura and htmldate."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.xml import xmltotxt

from veille.clean.boilerplate import LineLayout, split_lines
from veille.clean.furniture import visible_blocks
from veille.clean.lead import HeadBlock, head_kinds, page_head
from veille.errors import InputError
from veille.lang.pack import LanguagePack, shared
from veille.model import BlockKind

# trafilatura's XML elements and the block kind each one is in the record. A list item is a
# paragraph of its own; a table row too (tables are left out by default).
# A pull quote repeats a sentence of the body; its opening this many characters long is
# enough to find it there when the box adds its speaker's name.
_PULL_QUOTE_PREFIX = 60
_BOLD_TAGS = ("strong", "b")
_BLOCK_TAGS: dict[str, BlockKind] = {
    "head": "heading", "quote": "blockquote", "p": "paragraph", "item": "paragraph",
    "row": "paragraph",
}


# Browsers show an inline quotation (``<q>``) between quote marks the markup does not hold;
# trafilatura keeps only its words. The marks are written in, as the reader sees them, so the
# quote stage finds the quotation like any other.
_Q_OPEN = re.compile(r"(<q\b[^>]*>)(?!\s*[«“\"])", re.IGNORECASE)
_Q_CLOSE = re.compile(r"(?<![»”\"])(\s*</q\s*>)", re.IGNORECASE)


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
    # The page's og:description (the standfirst on most news sites, often cut short).
    description: str | None = None


def extract_page(html: str, origin: str, url: str | None = None) -> Page:
    """Main text and metadata of an article page; :class:`InputError` when there is none.

    The body is trafilatura's; :func:`with_page_head` adds the head it leaves out."""
    html = _Q_CLOSE.sub("\u201d\\1", _Q_OPEN.sub("\\1\u201c", html))
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
    layout = layout_of(getattr(result, "body", None), text, bold_paragraphs(html),
                       embedded_posts(html))
    text, layout = drop_pull_quotes(text, layout)
    return Page(
        text=text,
        title=data.get("title"),
        published=published or None,
        publisher=data.get("sitename") or None,
        language=data.get("language") or None,
        url=data.get("url") or url,
        layout=layout,
        description=data.get("description") or None,
    )


def with_page_head(page: Page, html: str, pack: LanguagePack) -> Page:
    """``page`` whose text opens with the page's headline, standfirst and date line, found
    with ``pack`` (the page's language; see :mod:`veille.clean.lead`), the headline as its
    title (trafilatura's may carry the site's name)."""
    lines = [line.text for line in split_lines(page.text)]
    kinds = head_kinds(lines, page.title, page.description, pack)
    own = frozenset(_squash(lines[k]) for k in kinds)
    head = page_head(visible_blocks(html), page.title, page.description, page.text, pack, own,
                     page.published)
    if kinds and len(page.layout) == len(lines):
        page = replace(page, layout=[(-100 - k, kinds[k]) if k in kinds else place
                                     for k, place in enumerate(page.layout)])
    if not head:
        return page
    text, layout = with_head(head, page.text, page.layout, max(kinds, default=-1))
    headline = next((h.text for h in head if h.kind == "title"), None)
    return replace(page, text=text, layout=layout, title=headline or page.title)


def with_head(head: list[HeadBlock], text: str, layout: list[LineLayout], after: int = -1
              ) -> tuple[str, list[LineLayout]]:
    """``text`` with the ``head`` blocks, one paragraph each, after its line ``after`` (the
    body's own head, when it has one; -1: at the start), and its layout."""
    if not head:
        return text, layout
    lines = text.split("\n")
    cut = after + 1
    inserted: list[LineLayout] = []
    for k, block in enumerate(head):
        inserted += [(-1 - k, block.kind), None]
    if cut == 0:
        return "\n\n".join([*(h.text for h in head), text]), inserted + layout
    new = "\n".join(lines[:cut]) + "\n\n" + "\n\n".join(h.text for h in head) + "\n\n" + (
        "\n".join(lines[cut:]))
    return new, layout[:cut] + [None] + inserted + layout[cut:]


def drop_pull_quotes(text: str, layout: list[LineLayout]) -> tuple[str, list[LineLayout]]:
    """Without the block quotes that repeat the body's words (pull quotes): a quote said once
    is counted once. The page furniture lists them as removed."""
    lines = split_lines(text)
    quoted: dict[int, list[int]] = {}
    for at, place in enumerate(layout):
        if place is not None and place[1] == "blockquote":
            quoted.setdefault(place[0], []).append(at)
    body = _squash(" ".join(line.text for line, place in zip(lines, layout, strict=True)
                            if place is not None and place[1] != "blockquote")).casefold()
    drop: set[int] = set()
    for rows in quoted.values():
        words = _squash(" ".join(lines[at].text for at in rows)).casefold()
        # The box may add its speaker's name after the words: the words alone are the test.
        if len(words.split()) >= 4 and any(
                words[:cut] in body for cut in (len(words), _PULL_QUOTE_PREFIX) if cut > 20):
            drop.update(rows)
    if not drop:
        return text, layout
    kept = [(line.text, place) for at, (line, place) in enumerate(zip(lines, layout,
                                                                      strict=True))
            if at not in drop]
    return "\n".join(t for t, _ in kept), [p for _, p in kept]


def layout_of(body: Any, text: str, bold: set[str] | frozenset[str] = frozenset(),
              embeds: set[str] | frozenset[str] = frozenset()) -> list[LineLayout]:
    """The block of each line of ``text``, the plain text of trafilatura's XML ``body``.

    Each ``<head>``, ``<quote>``, ``<p>``, list item, row is rendered alone with trafilatura's
    own text conversion and its lines found in ``text`` in order; a line found in none (loose
    text between elements) is a paragraph of its own; a paragraph whose text is in ``bold``
    (:func:`bold_paragraphs`) is a heading; a quote whose words are those of an embedded
    social-media post (``embeds``, :func:`embedded_posts`) a paragraph: the post is shown, not
    quoted by the article.
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
        # Compared without spaces: the page's markup glues the post's lines together.
        post = element.tag == "quote" and bool(own) and any(
            "".join("".join(own).split()) in e for e in embeds)
        found = False
        for piece in own:
            for at in range(cursor, len(lines)):
                if _squash(lines[at].text) == piece:
                    kind = _BLOCK_TAGS[element.tag]
                    if kind == "paragraph" and piece in bold:
                        kind = "heading"  # set apart like a heading (see bold_paragraphs)
                    elif post:
                        kind = "paragraph"
                    layout[at] = (index, kind)
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


def bold_paragraphs(html: str) -> set[str]:
    """The texts of the page's paragraphs set wholly in bold (``<p><strong>...</strong></p>``):
    many sites set an interview's questions or their intertitles so. trafilatura's plain
    output drops the bold (its formatted output would also change the text's spacing), so the
    page is read for them."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return set()
    found = set()
    for p in tree.iter("p"):
        children = [c for c in p if isinstance(c.tag, str) and c.tag.lower() != "br"]
        if (len(children) == 1 and children[0].tag.lower() in _BOLD_TAGS
                and not (p.text or "").strip() and not (children[0].tail or "").strip()):
            text = _squash(p.text_content())
            if text:
                found.add(text)
    return found


def embedded_posts(html: str) -> set[str]:
    """The texts of the page's embedded social-media posts, spaces left out: the
    ``<blockquote>`` of a platform's embed code, known by its class (``xx`` pack,
    ``clean/embeds.txt``)."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return set()
    marks = shared().lines("clean/embeds.txt")
    found = set()
    for box in tree.iter("blockquote"):
        classes = str(box.get("class") or "").lower()
        if any(mark in classes for mark in marks):
            text = "".join(box.text_content().split())
            if text:
                found.add(text)
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())
