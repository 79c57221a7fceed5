"""What an HTML page showed that the article extraction left out, with a reason for each block.

trafilatura keeps the article body; this lists the rest (navigation, footers, banners, related
links) so that the record's ``removed`` says what went and why — never silently. For HTML
input, ``start``/``end`` are offsets into the page's visible text: its text blocks joined by
newlines, in document order.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from veille.clean.boilerplate import classify
from veille.lang.pack import LanguagePack
from veille.model import Removed

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "button", "figcaption", "td", "dt",
           "dd", "blockquote", "label", "summary"}
_CONTAINERS = {"div", "section", "span", "a", "nav", "footer", "aside", "header", "form"}
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg")
# The innermost landmark around a block says what it was.
_LANDMARK_REASON = {"nav": "navigation", "footer": "footer", "aside": "related-links",
                    "header": "header", "form": "form", "button": "ui-label",
                    "figcaption": "photo-credit"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def visible_blocks(html: str) -> list[tuple[str, str]]:
    """(text, reason-if-furniture) for each text block of the page, in order."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(tree, *_INVISIBLE, with_tail=False)
    blocks = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        is_leaf_container = tag in _CONTAINERS and not any(
            isinstance(c.tag, str) and c.tag.lower() in _BLOCKS | _CONTAINERS for c in element)
        if tag not in _BLOCKS and not is_leaf_container:
            continue
        if _inside_block(element):
            continue
        text = _squash(element.text_content())
        if text:
            blocks.append((text, _landmark(element)))
    return blocks


def _inside_block(element: lxml.html.HtmlElement) -> bool:
    return any(isinstance(p.tag, str) and p.tag.lower() in _BLOCKS for p in element.iterancestors())


def _landmark(element: lxml.html.HtmlElement) -> str:
    for node in [element, *element.iterancestors()]:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _LANDMARK_REASON:
            return _LANDMARK_REASON[tag]
    return "page-furniture"


def removed_from_page(html: str, article_text: str, pack: LanguagePack) -> list[Removed]:
    """Blocks of the page's visible text that are not part of the extracted article, with the
    reasons of ``pack``'s furniture patterns where one applies."""
    kept = _squash(article_text)
    lines = {_squash(line) for line in article_text.splitlines()}
    removed, pos = [], 0
    for text, landmark in visible_blocks(html):
        start, pos = pos, pos + len(text) + 1
        # A short block ("Culture" in a menu) must be a whole line of the article to count
        # as kept; a long one may have been re-flowed into a larger paragraph.
        in_article = text in lines or (len(text.split()) >= 4 and text in kept)
        if in_article or re.fullmatch(r"[\W\d_]*", text):
            continue
        reason = classify(text, pack) or landmark
        removed.append(Removed(start, start + len(text), reason, text))
    return removed
