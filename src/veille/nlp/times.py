"""Time expressions. First pass: absolute dates; issue #5 brings the French grammar of time."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.clean.dates import full_dates
from veille.model import TimeExpr
from veille.nlp.context import DocContext


def extract_times(doc: Doc, ctx: DocContext) -> list[TimeExpr]:
    return [
        TimeExpr(start, end, doc.text[start:end], value, "absolute")
        for start, end, value in full_dates(doc.text)
    ]
