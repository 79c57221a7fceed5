"""Run Veille's pipeline over cleaned documents in batches and yield plain records.

This is the only place a ``Doc`` is created; everything it yields is plain data. Each text
becomes a Doc carrying its :class:`DocContext` (``doc._.veille_context``) and goes through the
model's own pipes, then through Veille's four components, inside ``memory_zone`` so that a long
run does not grow the string store. The texts of a batch that fit in one part
(:data:`~veille.nlp.parts.PART_CHARS`) go through ``nlp.pipe`` together; a longer one is parsed
in parts and joined back into one Doc (:mod:`veille.nlp.parts`), so its memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.context import DocContext
from veille.nlp.doctext import remember_text
from veille.nlp.factories import COMPONENTS
from veille.nlp.model import load_pipeline
from veille.nlp.parts import PART_CHARS, parse_in_parts
from veille.nlp.record import Analysis, analysis_of
from veille.nlp.vocabulary import keep_recurring

__all__ = ["Analysis", "analyze"]


def analyze(
    items: Iterable[tuple[str, DocContext]], model: str, batch_size: int = 16,
    kb_path: str | None = None, part_chars: int = PART_CHARS, keep_spans: int = 100_000,
) -> Iterator[Analysis]:
    """Analyses in input order. Batches of ``batch_size`` share one memory zone; a text longer
    than ``part_chars`` is parsed in parts of about that size. Up to ``keep_spans`` tokenizer
    spans that recur across batches outlive the zones (:mod:`veille.nlp.vocabulary`)."""
    nlp = load_pipeline(model, None, kb_path)
    batch: list[tuple[str, DocContext]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, batch_size, part_chars, keep_spans)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, batch_size, part_chars, keep_spans)


def _run_batch(nlp: Language, batch: list[tuple[str, DocContext]], batch_size: int,
               part_chars: int, keep_spans: int) -> list[Analysis]:
    texts = [text for text, _ in batch]
    keep_recurring(nlp, texts, keep_spans)
    with nlp.memory_zone():
        docs = _parse(nlp, texts, batch_size, part_chars)
        return [_analysis(nlp, doc, text, ctx)
                for doc, (text, ctx) in zip(docs, batch, strict=True)]


def _parse(nlp: Language, texts: list[str], batch_size: int, part_chars: int) -> list[Doc]:
    """``texts`` through the model's own pipes: the short ones in one ``nlp.pipe``, each long
    one in parts (tokenized without ``make_doc``'s ``nlp.max_length`` check: that cap is for
    the memory of one parse, which the parts bound; ``settings.max_chars`` is Veille's)."""
    short = [nlp.make_doc(text) for text in texts if len(text) <= part_chars]
    parsed = iter(list(nlp.pipe(short, batch_size=batch_size, disable=COMPONENTS)))
    return [next(parsed) if len(text) <= part_chars
            else parse_in_parts(nlp, nlp.tokenizer(text), COMPONENTS, part_chars)
            for text in texts]


def _analysis(nlp: Language, doc: Doc, text: str, ctx: DocContext) -> Analysis:
    """``doc``'s analysis as plain records, then its annotations let go. Veille's columns and
    tables in ``doc.user_data`` point back at the Doc, so a Doc keeping them is a reference
    cycle that only the cyclic garbage collector frees: some 600 objects a generated article,
    walked by every collection they survive before a full one frees them (0.9 ms an article).
    Emptied, the Doc and all it held go by reference counting as soon as the batch ends."""
    analysis = analysis_of(_annotate(nlp, doc, text, ctx))
    doc.user_data.clear()
    return analysis


def _annotate(nlp: Language, doc: Doc, text: str, ctx: DocContext) -> Doc:
    """``doc`` (parsed) through Veille's components, in the pipeline's order."""
    remember_text(doc, text)
    doc._.veille_context = ctx
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc
