"""Processing documents: raw input -> cleaned text -> extraction record.

``extract_records`` is the per-document function every engine runs (locally, on Dask workers):
it touches neither the network nor the store. Failures come back as :class:`InputError` values
in the output stream, in input order, so a batch always goes on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator

from veille.clean.document import CleanDocument, clean_document
from veille.clean.language import UNDETERMINED
from veille.errors import InputError
from veille.lang.pack import LanguagePack
from veille.model import RawDocument, Record
from veille.nlp.context import DocContext
from veille.nlp.pipeline import Analysis, analyze
from veille.settings import Settings

Outcome = Record | InputError
logger = logging.getLogger(__name__)


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


def pipeline_language(model: str) -> str:
    """The language of the spaCy pipeline ``model``: the pack written against it, else the
    language prefix of spaCy's package names (``fr_core_news_md``)."""
    for code in LanguagePack.available():
        if LanguagePack.load(code).model == model:
            return code
    return model.rsplit("/", 1)[-1].split("_", 1)[0].lower()


def analyzable(clean: CleanDocument, language: str) -> bool:
    """Whether the pipeline of ``language`` may read ``clean``: a document in another language
    gets no entities, quotes, times or events, which the pipeline's rules would invent (an
    English sentence read as a French name), and a one-line warning naming it. A document
    whose language could not be told (too short: ``und``) is read, as before languages were."""
    found = clean.source.language or UNDETERMINED
    if found in (language, UNDETERMINED):
        return True
    packs = LanguagePack.available()
    name = str(LanguagePack.load(found).meta.get("name", found)) if found in packs else found
    logger.warning("%s: in %s (%s), not %s: stored and searchable, without entities, quotes "
                   "or events", clean.origin or clean.doc_id, name, found, language)
    return False


def _finish(pending: list[CleanDocument | InputError], settings: Settings) -> Iterator[Outcome]:
    language = pipeline_language(settings.model)
    cleaned = [p for p in pending if isinstance(p, CleanDocument) and analyzable(p, language)]
    analyses = iter(
        analyze(((c.text, context_of(c)) for c in cleaned), settings.model, settings.batch_size,
                settings.kb_path, keep_spans=settings.keep_spans)
    ) if cleaned else iter(())
    read = {id(c) for c in cleaned}
    for item in pending:
        if isinstance(item, InputError):
            yield item
            continue
        result = next(analyses) if id(item) in read else Analysis([], [], [], [])
        yield Record(
            doc_id=item.doc_id, source=item.source, text=item.text, removed=item.removed,
            blocks=item.blocks, entities=result.entities, quotes=result.quotes, times=result.times,
            events=result.events, lemmas=result.lemmas,
        )
