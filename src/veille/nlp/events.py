"""Events reported in a document. First pass finds none; issue #5 brings event extraction."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.model import Event, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.entities import EntityTable


def extract_events(
    doc: Doc, table: EntityTable, times: list[TimeExpr], ctx: DocContext
) -> list[Event]:
    return []
