"""Document labels for rows that carry only a title: an untitled document is read once to
label it by its first words or file name (see :func:`veille.views.links.doc_label`)."""

from __future__ import annotations

from collections.abc import Iterable

from veille.model import Record
from veille.store.base import Store
from veille.views.links import doc_label


def record_label(record: Record) -> str:
    src = record.source
    return doc_label(src.title, record.text, src.path, src.url)


def labels(store: Store, docs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """doc_id -> label for (doc_id, title) pairs; only the untitled documents are read."""
    found: dict[str, str] = {}
    for doc_id, title in docs:
        if doc_id in found:
            continue
        if title and title.strip():
            found[doc_id] = doc_label(title)
            continue
        record = store.get(doc_id)
        found[doc_id] = record_label(record) if record else doc_label(None, path=doc_id)
    return found
