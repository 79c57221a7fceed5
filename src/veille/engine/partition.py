"""The unit of work every engine runs: one partition of inputs -> extraction records.

``process_partition`` is pure as far as the store goes: it reads the files it is given (workers
share the filesystem, so paths travel, not texts), runs :func:`veille.extract.extract_records`,
and returns records or one-line error strings. Strings rather than :class:`InputError` objects,
because exceptions with extra constructor arguments do not survive pickling between processes.
The spaCy model is loaded by the worker process itself, once (``load_pipeline`` is cached per
process), and never travels through a scheduler.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from math import ceil
from pathlib import Path

from veille.errors import InputError
from veille.extract import extract_records
from veille.ingest.files import read_path
from veille.model import RawDocument, Record
from veille.settings import Settings

PartitionItem = str | RawDocument
PartitionResult = Record | str

# Few enough files that a crash loses little work and workers stay evenly loaded, enough that
# spaCy's nlp.pipe batches stay full: 32 files is two batches at the default batch size.
MAX_PARTITION = 32


def process_partition(items: Sequence[PartitionItem], settings: Settings
                      ) -> list[PartitionResult]:
    """Records (or ``"origin: reason"`` error strings) for a partition, in input order."""
    return [outcome if isinstance(outcome, Record) else str(outcome)
            for outcome in extract_records(_raw_documents(items, settings), settings)]


def _raw_documents(items: Sequence[PartitionItem], settings: Settings
                   ) -> Iterator[RawDocument | InputError]:
    for item in items:
        if isinstance(item, RawDocument):
            yield item
        else:
            yield from read_path(Path(item), settings.max_bytes)


def partition(items: Sequence[PartitionItem], workers: int,
              size: int | None = None) -> list[list[PartitionItem]]:
    """Contiguous chunks: about four per worker for balance, never more than ``size``."""
    if not items:
        return []
    size = size or max(1, min(MAX_PARTITION, ceil(len(items) / (max(1, workers) * 4))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def preload_model(name: str, kb_path: str | None = None) -> None:
    """Load the pipeline in this process now, so the first partition does not pay it (the
    same arguments as the run's, so the cached pipeline is the one the run uses)."""
    from veille.nlp.model import load_pipeline

    load_pipeline(name, None, kb_path)
