"""Run Veille's pipeline over cleaned documents in batches and yield plain records.

This is the only place a ``Doc`` is created; everything it yields is plain data. Each text
becomes a Doc carrying its :class:`DocContext` (``doc._.veille_context``), then goes through
``nlp.pipe(..., as_tuples=True)`` inside ``memory_zone`` so that a long run does not grow the
string store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.context import DocContext
from veille.nlp.doctext import remember_text
from veille.nlp.model import load_pipeline
from veille.nlp.record import Analysis, analysis_of

__all__ = ["Analysis", "analyze"]


def analyze(
    items: Iterable[tuple[str, DocContext]], model: str, batch_size: int = 16,
    kb_path: str | None = None,
) -> Iterator[Analysis]:
    """Analyses in input order. Batches of ``batch_size`` share one memory zone."""
    nlp = load_pipeline(model, None, kb_path)
    batch: list[tuple[str, DocContext]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, batch_size)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, batch_size)


def _doc(nlp: Language, text: str, ctx: DocContext) -> Doc:
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    doc._.veille_context = ctx
    return doc


def _run_batch(nlp: Language, batch: list[tuple[str, DocContext]], batch_size: int
               ) -> list[Analysis]:
    with nlp.memory_zone():
        docs = nlp.pipe(((_doc(nlp, text, ctx), ctx) for text, ctx in batch),
                        batch_size=batch_size, as_tuples=True)
        return [analysis_of(doc) for doc, _ in docs]
