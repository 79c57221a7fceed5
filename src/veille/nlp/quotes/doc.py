"""Cheap access to a Doc's text and to the tokens under a character range; name folding.

``Doc.text`` joins every token on each call and ``Doc.char_span`` reads it too, so the quote
extractor, which looks at many small ranges, would be quadratic in the document's length. Both
are computed once per document here and kept in ``doc.user_data``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from veille.nlp.doctext import text_of as text_of  # re-exported for the quote modules

_STARTS = "veille.quotes.starts"


def _starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get(_STARTS)
    if not isinstance(starts, list):
        starts = [t.idx for t in doc]
        doc.user_data[_STARTS] = starts
    return starts


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens overlapping ``[start, end)`` (``char_span`` with ``alignment_mode="expand"``)."""
    starts = _starts(doc)
    i = max(0, bisect_right(starts, start) - 1)
    if i < len(doc) and doc[i].idx + len(doc[i].text) <= start:
        i += 1
    j = bisect_left(starts, end)
    return doc[i:j] if i < j else None


def fold(text: str) -> str:
    """Lower case, accents off, hyphens and apostrophes as spaces: how names compare here."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.]", " ", text).split())
