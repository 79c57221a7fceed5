"""Running a batch: read sources, extract records, store them, and count what happened.

This is the glue every front end shares (CLI, API, engines). It never raises for one bad
input: each failure becomes one line in the summary and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from veille.clean.dedup import signature
from veille.errors import InputError, VeilleError
from veille.extract import Outcome, extract_records
from veille.ingest.feeds import entry_documents, fetch_feed
from veille.ingest.files import expand_paths, read_path
from veille.ingest.web import fetch_document, make_client
from veille.model import RawDocument, Record
from veille.settings import Settings
from veille.store.base import AddResult, Store

Item = RawDocument | InputError


@dataclass
class Sources:
    paths: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


@dataclass
class Summary:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def line(self) -> str:
        return (f"{len(self.added)} added, {len(self.duplicates)} duplicate(s) skipped, "
                f"{len(self.failures)} failed")


def read_sources(sources: Sources, settings: Settings,
                 transport: httpx.BaseTransport | None = None) -> Iterator[Item]:
    """Raw documents (or input errors) from files, URLs and feeds, in that order."""
    for path in expand_paths(sources.paths):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_path(path, settings.max_bytes)
    if not (sources.urls or sources.feeds):
        return
    with make_client(settings, transport) as client:
        for url in sources.urls:
            try:
                yield fetch_document(client, url, settings)
            except InputError as err:
                yield err
        for feed_url in sources.feeds:
            try:
                feed = fetch_feed(client, feed_url, settings)
            except InputError as err:
                yield err
                continue
            yield from entry_documents(client, feed, settings)


def store_outcomes(outcomes: Iterable[Outcome], store: Store, settings: Settings,
                   on_result: Callable[[str], None] | None = None) -> Summary:
    """Write records to the store; errors and duplicates are counted, never raised."""
    summary = Summary()
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            summary.failures.append(str(outcome))
            _say(on_result, f"error: {outcome}")
            continue
        try:
            result = store.add(outcome, signature(outcome.text), settings.near_duplicate_threshold)
        except VeilleError as err:
            summary.failures.append(f"{_origin(outcome)}: {err}")
            _say(on_result, f"error: {_origin(outcome)}: {err}")
            continue
        _count(summary, result, outcome, on_result)
    _optimize(store, summary)
    return summary


def _optimize(store: Store, summary: Summary) -> None:
    """Let a store with a search index to compact do so once the batch is in."""
    optimize = getattr(store, "optimize_index", None)
    if callable(optimize):
        optimize(len(summary.added))


def _count(summary: Summary, result: AddResult, record: Record,
           on_result: Callable[[str], None] | None) -> None:
    if result.status == "added":
        summary.added.append(result.doc_id)
        _say(on_result, f"added {result.doc_id} {_origin(record)}")
        return
    kind = "duplicate of" if result.status == "duplicate" else (
        f"near-copy ({result.similarity:.2f}) of")
    line = f"{_origin(record)}: {kind} {result.existing}, skipped"
    summary.duplicates.append(line)
    _say(on_result, line)


def ingest(sources: Sources, store: Store, settings: Settings,
           on_result: Callable[[str], None] | None = None,
           transport: httpx.BaseTransport | None = None) -> Summary:
    """Read, extract and store everything ``sources`` names."""
    items = read_sources(sources, settings, transport)
    return store_outcomes(extract_records(items, settings), store, settings, on_result)


def _origin(record: Record) -> str:
    return record.source.path or record.source.url or record.doc_id


def _say(callback: Callable[[str], None] | None, line: str) -> None:
    if callback:
        callback(line)
