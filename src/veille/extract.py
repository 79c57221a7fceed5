"""Processing documents: raw input -> cleaned text -> extraction record.

``extract_records`` is the per-document function every engine runs (locally, on Dask workers):
it touches neither the network nor the store. Failures come back as :class:`InputError` values
in the output stream, in input order, so a batch always goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from veille.clean.document import CleanDocument, clean_document
from veille.errors import InputError
from veille.model import RawDocument, Record
from veille.nlp.context import DocContext
from veille.nlp.pipeline import analyze
from veille.settings import Settings

Outcome = Record | InputError


def context_of(clean: CleanDocument) -> DocContext:
    src = clean.source
    base = DocContext.from_iso(
        src.reference_date, src.reference_date_basis, src.title, src.publisher, src.language
    )
    return dataclasses.replace(base, blocks=tuple(clean.blocks))


def clean_all(items: Iterable[RawDocument | InputError], settings: Settings
              ) -> Iterator[CleanDocument | InputError]:
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            clean = clean_document(item, settings)
        except InputError as err:
            yield err
            continue
        try:
            context_of(clean)
        except ValueError:
            # The edge validates given dates; this catches one read from a page's metadata,
            # which would otherwise fail the whole batch inside the NLP stage.
            yield InputError(item.origin, f"field 'published': not a date "
                             f"(got {clean.source.reference_date!r})")
            continue
        yield clean


def extract_records(items: Iterable[RawDocument | InputError], settings: Settings
                    ) -> Iterator[Outcome]:
    """Records (or errors) for ``items``, in order, with spaCy run in batches."""
    pending: list[CleanDocument | InputError] = []
    for item in clean_all(items, settings):
        pending.append(item)
        if len(pending) >= settings.batch_size * 4:
            yield from _finish(pending, settings)
            pending = []
    if pending:
        yield from _finish(pending, settings)


def _finish(pending: list[CleanDocument | InputError], settings: Settings) -> Iterator[Outcome]:
    cleaned = [p for p in pending if isinstance(p, CleanDocument)]
    analyses = iter(
        analyze(((c.text, context_of(c)) for c in cleaned), settings.model, settings.batch_size,
                settings.kb_path)
    )
    for item in pending:
        if isinstance(item, InputError):
            yield item
            continue
        result = next(analyses)
        yield Record(
            doc_id=item.doc_id, source=item.source, text=item.text, removed=item.removed,
            blocks=item.blocks, entities=result.entities, quotes=result.quotes, times=result.times,
            events=result.events, lemmas=result.lemmas,
        )
