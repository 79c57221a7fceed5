"""Fetching over HTTP with httpx: timeouts, redirects, a size cap and a polite User-Agent.

A ``transport`` may be passed (httpx's seam) so tests and embedders can route requests; the
tests themselves use a real local HTTP server.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from veille.errors import FetchError
from veille.ingest.decode import decode_bytes
from veille.model import RawDocument
from veille.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml")


@dataclass
class Fetched:
    url: str
    content: bytes
    content_type: str
    status: int
    etag: str | None = None
    last_modified: str | None = None


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(settings.http_timeout),
        follow_redirects=True,
        max_redirects=settings.http_max_redirects,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "fr, en;q=0.5"},
        transport=transport,
    )


def fetch(
    client: httpx.Client, url: str, max_bytes: int, headers: dict[str, str] | None = None
) -> Fetched:
    """GET ``url``; raise :class:`FetchError` with a one-line reason on any failure."""
    try:
        with client.stream("GET", url, headers=headers or {}) as response:
            if response.status_code == 304:
                return Fetched(str(response.url), b"", "", 304)
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise FetchError(url, f"response larger than the cap of {max_bytes:,} bytes")
            return Fetched(
                url=str(response.url),
                content=bytes(body),
                content_type=response.headers.get("content-type", ""),
                status=response.status_code,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    except httpx.TooManyRedirects:
        raise FetchError(url, "too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, "timed out") from None
    except httpx.HTTPError as err:
        raise FetchError(url, f"cannot fetch: {type(err).__name__}: {err}") from None


def fetch_document(client: httpx.Client, url: str, settings: Settings) -> RawDocument:
    """Fetch one article page (or text file) as a raw document."""
    fetched = fetch(client, url, settings.max_bytes)
    text = decode_bytes(fetched.content, url, settings.max_bytes)
    is_html = fetched.content_type.startswith(_HTML_TYPES) or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    )
    return RawDocument(text=text, origin=url, is_html=is_html, url=fetched.url)
