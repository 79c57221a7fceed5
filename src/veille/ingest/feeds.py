"""RSS and Atom feeds: parse bytes we fetched ourselves, then fetch every entry's link."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from time import strftime
from typing import Any

import feedparser
import httpx

from veille.errors import FeedError, InputError
from veille.ingest.item import ItemFields, validated
from veille.ingest.web import fetch, fetch_document
from veille.model import RawDocument
from veille.settings import Settings


@dataclass
class FeedEntry:
    link: str
    title: str | None
    published: str | None
    guid: str
    error: str | None = None  # why the entry's fields are unusable; it is not fetched


@dataclass
class Feed:
    url: str
    title: str | None
    entries: list[FeedEntry]
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def parse_feed(content: bytes, url: str) -> Feed:
    """Parse feed bytes; raise :class:`FeedError` when they are not a usable feed."""
    parsed: Any = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or str(
            parsed.get("bozo_exception", "not a feed")
        )
        raise FeedError(url, f"broken feed: {reason.splitlines()[0] if reason else 'not a feed'}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(url, "not an RSS or Atom feed")
    entries = [entry_of(item, url) for item in parsed.entries if item.get("link")]
    title = parsed.feed.get("title")
    return Feed(url=url, title=title if isinstance(title, str) else None, entries=entries)


def entry_of(item: Any, feed_url: str) -> FeedEntry:
    """One entry, its fields validated by the model every input goes through."""
    link, guid = item.get("link"), item.get("id")
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = strftime("%Y-%m-%d", stamp) if stamp else None
    guid = guid if isinstance(guid, str) and guid else str(link)
    try:
        fields = validated(ItemFields, {"url": link, "title": item.get("title"),
                                        "published": published}, f"{feed_url}: entry {guid}")
    except InputError as err:
        return FeedEntry(link=str(link), title=None, published=None, guid=guid, error=err.reason)
    return FeedEntry(link=fields.url or "", title=fields.title, published=fields.published,
                     guid=guid)


def fetch_feed(
    client: httpx.Client, url: str, settings: Settings, etag: str | None = None,
    last_modified: str | None = None,
) -> Feed:
    """Fetch and parse a feed, with a conditional request when validators are known."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetched = fetch(client, url, settings, headers)
    if fetched.status == 304:
        return Feed(url=url, title=None, entries=[], etag=etag, last_modified=last_modified,
                    not_modified=True)
    feed = parse_feed(fetched.content, url)
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    return feed


def entry_documents(
    client: httpx.Client, feed: Feed, settings: Settings
) -> Iterator[RawDocument | InputError]:
    """Fetch the entries' articles, ``settings.feed_max_entries`` at most; a dead link is
    yielded as an error and the feed goes on."""
    cap = settings.feed_max_entries
    for entry in feed.entries[:cap]:
        if entry.error:
            yield InputError(f"{feed.url}: entry {entry.guid}", entry.error)
            continue
        try:
            doc = fetch_document(client, entry.link, settings)
        except InputError as err:
            yield err
            continue
        doc.title = doc.title or entry.title
        doc.published = doc.published or entry.published
        doc.publisher = doc.publisher or feed.title
        yield doc
    if len(feed.entries) > cap:
        yield InputError(feed.url, f"{len(feed.entries) - cap:,} entries beyond feed_max_entries"
                                   f" ({cap}) left out; `veille watch` takes them poll by poll")
