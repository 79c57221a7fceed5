"""Fetching over HTTP with httpx: the SSRF guard, a total deadline, redirects followed one
checked hop at a time, a size cap, accepted content types and a polite User-Agent.

A ``transport`` may be passed (httpx's seam) so tests and embedders can route requests; it is
always wrapped in the guard. The tests themselves use a real local HTTP server.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from veille.errors import FetchError
from veille.ingest.decode import decode_bytes
from veille.ingest.guard import GuardedTransport
from veille.model import RawDocument
from veille.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml")
# Besides text/*, anything +xml or +json: pages, feeds (RSS, Atom, RDF, JSON Feed) and JSON.
_ACCEPTED = {"application/xml", "application/json"}


@dataclass
class Fetched:
    url: str
    content: bytes
    content_type: str
    status: int
    etag: str | None = None
    last_modified: str | None = None


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client whose every request goes through the SSRF guard; redirects are followed by
    :func:`fetch`, one checked hop at a time."""
    guarded = GuardedTransport(transport or httpx.HTTPTransport(),
                               allow_private=settings.allow_private_urls)
    return httpx.Client(
        timeout=httpx.Timeout(settings.http_timeout),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "fr, en;q=0.5"},
        transport=guarded,
        # No proxies from the environment: a proxy would resolve the name again, out of reach
        # of the guard.
        trust_env=False,
    )


def accepted_type(content_type: str) -> bool:
    """HTML, text, feeds and JSON (or no type at all: the bytes are sniffed)."""
    kind = content_type.split(";")[0].strip().lower()
    return (not kind or kind.startswith("text/") or kind in _ACCEPTED
            or kind.endswith(("+xml", "+json")))


def fetch(client: httpx.Client, url: str, settings: Settings,
          headers: dict[str, str] | None = None) -> Fetched:
    """GET ``url``; raise :class:`FetchError` with a one-line reason on any failure.

    ``settings.http_timeout`` is the deadline of the whole fetch, redirects included, from
    the first connection to the last byte: a server dripping a byte a second is cut off.
    """
    deadline = time.monotonic() + settings.http_timeout
    current = url
    try:
        for _ in range(settings.http_max_redirects + 1):
            fetched = _fetch_once(client, current, settings, headers or {}, deadline)
            if isinstance(fetched, Fetched):
                return fetched
            current = fetched
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out (after {settings.http_timeout:g} s)") from None
    except httpx.InvalidURL as err:  # not an HTTPError: raised before any request is made
        raise FetchError(current, f"not a usable URL: {err}") from None
    except httpx.HTTPError as err:
        raise FetchError(url, f"cannot fetch: {type(err).__name__}: {err}") from None
    raise FetchError(url, "too many redirects")


def _fetch_once(client: httpx.Client, url: str, settings: Settings, headers: dict[str, str],
                deadline: float) -> Fetched | str:
    """One request: the response, or the URL a redirect points to."""
    with client.stream("GET", url, headers=headers, timeout=_left(url, deadline, settings)
                       ) as response:
        location = response.headers.get("location")
        if response.is_redirect and location:
            return str(httpx.URL(url).join(location))
        if response.status_code == 304:
            return Fetched(url, b"", "", 304)
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        content_type = response.headers.get("content-type", "")
        if not accepted_type(content_type):
            raise FetchError(url, f"refused content type {content_type.split(';')[0]!r} "
                                  f"(not HTML, text, a feed or JSON)")
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > settings.max_bytes:
                raise FetchError(
                    url, f"response larger than the cap of {settings.max_bytes:,} bytes")
            _left(url, deadline, settings)
        return Fetched(url=url, content=bytes(body), content_type=content_type,
                       status=response.status_code, etag=response.headers.get("etag"),
                       last_modified=response.headers.get("last-modified"))


def _left(url: str, deadline: float, settings: Settings) -> float:
    """Seconds left before ``deadline``; FetchError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(url, f"timed out (the whole fetch took over {settings.http_timeout:g} s)")
    return left


def fetch_document(client: httpx.Client, url: str, settings: Settings) -> RawDocument:
    """Fetch one article page (or text file) as a raw document."""
    fetched = fetch(client, url, settings)
    text = decode_bytes(fetched.content, url, settings.max_bytes)
    is_html = fetched.content_type.startswith(_HTML_TYPES) or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    )
    return RawDocument(text=text, origin=url, is_html=is_html, url=fetched.url)
