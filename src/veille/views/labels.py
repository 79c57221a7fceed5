"""Document labels for rows that carry only a title: an untitled document is labelled by its
first words or file name (see :func:`veille.views.links.doc_label`), read from its opening."""

from __future__ import annotations

from collections.abc import Iterable

from veille.model import Record
from veille.store.base import OPENING_CHARS, DocumentOpening, Store
from veille.views.links import LABEL_WORDS, doc_label


def record_label(record: Record) -> str:
    src = record.source
    return doc_label(src.title, record.text, src.path, src.url)


def labels(store: Store, docs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """doc_id -> label for (doc_id, title) pairs; only the untitled documents are read, their
    openings in one query (decoding each one's record was 2 ms of a 5 ms search)."""
    found: dict[str, str] = {}
    untitled: dict[str, None] = {}
    for doc_id, title in docs:
        if title and title.strip():
            found[doc_id] = doc_label(title)
        else:
            untitled[doc_id] = None
    openings = store.openings(list(untitled)) if untitled else {}
    for doc_id in untitled:
        found[doc_id] = _opening_label(store, doc_id, openings.get(doc_id))
    return found


def _opening_label(store: Store, doc_id: str, head: DocumentOpening | None) -> str:
    """The label :func:`record_label` gives, from the opening when it holds enough words."""
    if head is None:
        return doc_label(None, path=doc_id)
    text = head.opening[:OPENING_CHARS]
    if len(head.opening) > OPENING_CHARS and len(text.split()) <= LABEL_WORDS:
        record = store.get(doc_id)  # its first words do not fit in the opening
        return record_label(record) if record else doc_label(None, path=doc_id)
    return doc_label(head.title, text, head.path, head.url)
