"""Continuous monitoring: poll feeds, ingest only new entries, back off from failing feeds.

Each poll is a conditional request (ETag / Last-Modified), so an unchanged feed costs one 304.
What was seen lives in a small JSON state file, not in the store: it keeps the Store protocol
narrow (both back-ends would need a table for it), the file is rewritten atomically after each
poll, and losing it is harmless, only slower: the next poll re-reads the feed, and the store
recognises every article it already holds by URL or content hash, so nothing is stored twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx
import platformdirs

from veille.errors import InputError
from veille.extract import extract_records
from veille.ingest.feeds import Feed, FeedEntry, fetch_feed
from veille.ingest.web import fetch_document, make_client
from veille.model import RawDocument
from veille.run import Summary, store_outcomes
from veille.settings import Settings
from veille.store.base import Store

Reporter = Callable[[str], None]
SEEN_KEPT = 5000  # guids remembered per feed: far more than any feed lists at once
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    failures: int = 0
    last_error: str | None = None


@dataclass
class Poll:
    url: str
    status: str  # "new", "not-modified" or "failed"
    summary: Summary
    delay: float  # seconds until this feed's next poll


def parse_duration(text: str) -> float:
    """``"15m"``, ``"90s"``, ``"2h"``, ``"1d"`` or plain seconds, as seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    value = float(found.group(1)) if found else 0.0
    if not found or value <= 0:
        raise ValueError(f"{text!r} is not a duration like 30s, 15m, 2h or 1d")
    unit: float = _UNITS[str(found.group(2)) or "s"]
    return value * unit


def backoff_delay(every: float, failures: int, cap: float) -> float:
    """The wait before the next poll: ``every``, doubled per consecutive failure, capped."""
    return min(every * 2.0 ** min(failures, 30), max(cap, every))


def default_state_path(db: str) -> Path:
    """Beside a SQLite file; in the user data directory for a server or in-memory store."""
    if db.startswith(("postgresql://", "postgres://")) or db == ":memory:":
        digest = hashlib.sha1(db.encode("utf-8")).hexdigest()[:12]
        return Path(platformdirs.user_data_dir("veille")) / f"watch-{digest}.json"
    path = Path(db).expanduser()
    return path.with_name(path.name + ".watch.json")


def load_state(path: Path) -> dict[str, FeedState]:
    """Feed URL -> state; an unreadable file starts afresh (the store still dedups)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: FeedState(**value) for url, value in data.items()}
    except (OSError, ValueError, TypeError):
        return {}


def save_state(path: Path, states: dict[str, FeedState]) -> None:
    """Write atomically: a kill mid-write leaves the previous state, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({url: asdict(s) for url, s in states.items()}, fh, ensure_ascii=False)
    os.replace(tmp, path)


def poll_feed(client: httpx.Client, url: str, state: FeedState, store: Store,
              settings: Settings, every: float, max_backoff: float,
              stop: threading.Event | None = None, on_result: Reporter | None = None) -> Poll:
    """One conditional fetch of a feed; new entries' articles are fetched, extracted, stored."""
    try:
        feed = fetch_feed(client, url, settings, state.etag, state.last_modified)
    except InputError as err:
        state.failures += 1
        state.last_error = str(err)
        delay = backoff_delay(every, state.failures, max_backoff)
        _say(on_result, f"error: {err} (attempt {state.failures}, next in {delay:.0f}s)")
        return Poll(url, "failed", Summary(failures=[str(err)]), delay)
    state.failures, state.last_error = 0, None
    if feed.not_modified:
        return Poll(url, "not-modified", Summary(), every)
    summary, complete = ingest_entries(client, feed, state, store, settings, stop, on_result)
    if complete:
        # Only now: a validator saved while an entry still failed to fetch would turn the next
        # poll into a 304 and that entry would never be retried.
        state.etag, state.last_modified = feed.etag, feed.last_modified
    return Poll(url, "new", summary, every)


def ingest_entries(client: httpx.Client, feed: Feed, state: FeedState, store: Store,
                   settings: Settings, stop: threading.Event | None,
                   on_result: Reporter | None) -> tuple[Summary, bool]:
    """Fetch, extract and store the entries not seen yet, ``settings.feed_max_entries`` at
    most (the rest stay unseen for the next poll); (summary, all were fetched)."""
    seen = set(state.seen)
    summary, complete, fetched = Summary(), True, 0
    fresh = [e for e in feed.entries if e.guid not in seen]
    for n, entry in enumerate(fresh):
        if stop is not None and stop.is_set():
            return summary, False
        if fetched >= settings.feed_max_entries:
            _say(on_result, f"{feed.url}: {len(fresh) - n} new entries left for the next poll "
                            f"(feed_max_entries {settings.feed_max_entries})")
            return summary, False
        if entry.error:  # unusable fields: retrying would not help
            summary.failures.append(f"{feed.url}: entry {entry.guid}: {entry.error}")
            _say(on_result, f"error: {summary.failures[-1]}")
            _mark_seen(state, entry)
            continue
        if store.resolve_doc(entry.link):  # stored by another run or before a lost state
            _mark_seen(state, entry)
            continue
        fetched += 1
        try:
            doc = fetch_document(client, entry.link, settings)
        except InputError as err:  # left unseen: retried at the next poll
            summary.failures.append(str(err))
            _say(on_result, f"error: {err}")
            complete = False
            continue
        done = store_outcomes(extract_records([_with_entry(doc, entry, feed)], settings), store,
                              settings, on_result)
        summary.added += done.added
        summary.duplicates += done.duplicates
        summary.failures += done.failures
        _mark_seen(state, entry)
    return summary, complete


def _with_entry(doc: RawDocument, entry: FeedEntry, feed: Feed) -> RawDocument:
    doc.title = doc.title or entry.title
    doc.published = doc.published or entry.published
    doc.publisher = doc.publisher or feed.title
    return doc


def _mark_seen(state: FeedState, entry: FeedEntry) -> None:
    state.seen.append(entry.guid)
    del state.seen[:-SEEN_KEPT]


def watch(feeds: Sequence[str], store: Store, settings: Settings, every: float,
          state_path: Path, once: bool = False, max_backoff: float = 6 * 3600,
          stop: threading.Event | None = None, on_result: Reporter | None = None,
          transport: httpx.BaseTransport | None = None) -> list[Poll]:
    """Poll every feed when due until ``stop`` is set (or once); return the polls made.

    The state file is saved after every poll, so a stop or a crash loses at most one poll.
    """
    stop = stop or threading.Event()
    states = load_state(state_path)
    due = dict.fromkeys(feeds, 0.0)  # feed -> monotonic time of its next poll
    polls: list[Poll] = []
    with make_client(settings, transport) as client:
        while not stop.is_set():
            for url in [u for u, at in due.items() if at <= time.monotonic()]:
                if stop.is_set():
                    break
                poll = poll_feed(client, url, states.setdefault(url, FeedState()), store,
                                 settings, every, max_backoff, stop, on_result)
                save_state(state_path, states)
                _say(on_result, f"{url}: {poll.status}, {poll.summary.line()}")
                polls.append(poll)
                due[url] = time.monotonic() + poll.delay
            if once:
                break
            stop.wait(max(0.0, min(due.values()) - time.monotonic()))
    return polls


def _say(callback: Reporter | None, line: str) -> None:
    if callback:
        callback(line)
