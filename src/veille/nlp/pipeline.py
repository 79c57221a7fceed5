"""Run spaCy over cleaned documents in batches and turn each Doc into plain records.

This is the only place a ``Doc`` is created; everything it yields is plain data. Batches go
through ``nlp.pipe`` inside ``memory_zone`` so that a long run does not grow the string store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from veille.model import Entity, Event, Quote, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.doctext import remember_text
from veille.nlp.entities import build_entity_table
from veille.nlp.events import extract_events
from veille.nlp.model import load_pipeline
from veille.nlp.quotes import extract_quotes
from veille.nlp.times import extract_times


@dataclass
class Analysis:
    entities: list[Entity]
    quotes: list[Quote]
    times: list[TimeExpr]
    events: list[Event]
    lemmas: str = ""


def analyze_doc(doc: Doc, ctx: DocContext) -> Analysis:
    """All extractors over one parsed document, in dependency order."""
    table = build_entity_table(doc, ctx)
    times = extract_times(doc, ctx)
    quotes = extract_quotes(doc, table, times, ctx)
    events = extract_events(doc, table, times, ctx)
    lemmas = " ".join(t.lemma_ for t in doc if t.is_alpha and not t.is_stop)
    return Analysis(table.entities(), quotes, times, events, lemmas)


def analyze(
    items: Iterable[tuple[str, DocContext]], model: str, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyses in input order. Batches of ``batch_size`` share one memory zone."""
    nlp = load_pipeline(model)
    batch: list[tuple[str, DocContext]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, batch_size)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, batch_size)


def _run_batch(nlp: Language, batch: list[tuple[str, DocContext]], batch_size: int
               ) -> list[Analysis]:
    with nlp.memory_zone():
        docs = nlp.pipe((text for text, _ in batch), batch_size=batch_size)
        out = []
        for doc, (text, ctx) in zip(docs, batch, strict=True):
            remember_text(doc, text)
            out.append(analyze_doc(doc, ctx))
        return out
