"""Quotations: direct quotes in quote marks, attributed to the nearest named speaker.

First pass; issue #3 replaces it with the full French grammar of reported speech.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.model import Quote, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.entities import EntityTable

_DIRECT = re.compile(r"«\s*(?P<a>[^»]+?)\s*»|“(?P<b>[^”]+)”|\"(?P<c>[^\"\n]+)\"")
_MIN_WORDS = 4


def extract_quotes(
    doc: Doc, table: EntityTable, times: list[TimeExpr], ctx: DocContext
) -> list[Quote]:
    quotes = []
    for match in _DIRECT.finditer(doc.text):
        group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
        text = match.group(group)
        if len(text.split()) < _MIN_WORDS:
            continue
        start = match.start(group)
        speaker = table.last_before(match.end() + 120) if doc.text else None
        quotes.append(Quote(
            kind="direct", text=text, start=start, end=start + len(text),
            speaker=speaker.name if speaker else None,
            speaker_id=speaker.id if speaker else None,
        ))
    return quotes
