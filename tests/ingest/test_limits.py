"""Deadlines, caps and content types of a fetch, against real servers on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from veille.errors import FetchError, InputError
from veille.ingest.decode import decode_bytes
from veille.ingest.feeds import entry_documents, fetch_feed
from veille.ingest.web import fetch_document, make_client
from veille.model import RawDocument
from veille.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
HTML = (DATA / "article.html").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def loopback(**changes: object) -> Settings:
    # Opted in to private URLs: every server here is on 127.0.0.1.
    return Settings(db=":memory:", allow_private_urls=True, **changes)  # type: ignore[arg-type]


@pytest.fixture()
def dripping_server() -> Iterator[str]:
    """Answers with headers at once, then one body byte every 0.2 s for 30 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 150\r\n\r\n")
            for _ in range(150):
                if stop.wait(0.2):
                    return
                try:
                    conn.sendall(b"a")
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    stop.set()
    listener.close()
    thread.join(5)


def test_http_timeout_is_a_deadline_for_the_whole_fetch(dripping_server: str) -> None:
    # Each byte comes well within the read timeout; only a total deadline stops this.
    settings = loopback(http_timeout=1.0)
    started = time.monotonic()
    with make_client(settings) as client, pytest.raises(FetchError, match="timed out"):
        fetch_document(client, dripping_server, settings)
    assert time.monotonic() - started < 2.5


def test_an_image_is_refused_not_parsed_as_html(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/logo").respond_with_data(PNG, content_type="image/png")
    settings = loopback()
    with make_client(settings) as client, pytest.raises(FetchError) as caught:
        fetch_document(client, httpserver.url_for("/logo"), settings)
    assert "refused content type 'image/png'" in str(caught.value)


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream",
                                          "video/mp4", "application/zip"])
def test_other_content_types_are_refused(httpserver: HTTPServer, content_type: str) -> None:
    httpserver.expect_request("/x").respond_with_data("texte", content_type=content_type)
    settings = loopback()
    with make_client(settings) as client, pytest.raises(FetchError, match="content type"):
        fetch_document(client, httpserver.url_for("/x"), settings)


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/plain",
                                          "application/xhtml+xml", "application/json", ""])
def test_pages_text_and_json_are_accepted(httpserver: HTTPServer, content_type: str) -> None:
    httpserver.expect_request("/x").respond_with_data("texte", content_type=content_type)
    settings = loopback()
    with make_client(settings) as client:
        assert fetch_document(client, httpserver.url_for("/x"), settings).text == "texte"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_decoded_by_their_byte_order_mark(encoding: str) -> None:
    text = "Le ministre a déclaré : « Nous irons à Bruxelles. »"
    # "utf-16" and "utf-32" write a mark; the -le/-be codecs do not, so it is added.
    marked = text if encoding in ("utf-16", "utf-32") else "\ufeff" + text
    data = marked.encode(encoding)
    assert decode_bytes(data, "x.txt", 10_000) == text


def test_utf16_without_a_mark_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes("Bonjour à tous".encode("utf-16-le"), "x.txt", 10_000)


def test_a_feed_is_capped_at_feed_max_entries(httpserver: HTTPServer) -> None:
    items = "".join(f"<item><title>A{n}</title><link>{httpserver.url_for(f'/a{n}')}</link>"
                    f"<guid>g{n}</guid></item>" for n in range(50))
    rss = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}"
           "</channel></rss>")
    httpserver.expect_request("/feed").respond_with_data(rss, content_type="application/rss+xml")
    for n in range(50):
        httpserver.expect_request(f"/a{n}").respond_with_data(HTML, content_type="text/html")
    settings = loopback(feed_max_entries=3)
    with make_client(settings) as client:
        feed = fetch_feed(client, httpserver.url_for("/feed"), settings)
        out = list(entry_documents(client, feed, settings))
    assert sum(isinstance(o, RawDocument) for o in out) == 3
    assert "47 entries beyond feed_max_entries (3) left out" in str(out[-1])
    assert sum(1 for request, _ in httpserver.log if request.path.startswith("/a")) == 3


def test_a_feed_entry_with_a_javascript_link_is_refused_with_a_line(httpserver: HTTPServer
                                                                    ) -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
           "<item><title>x</title><link>javascript:alert(1)</link><guid>g1</guid></item>"
           "</channel></rss>")
    httpserver.expect_request("/feed").respond_with_data(rss, content_type="application/rss+xml")
    settings = loopback()
    with make_client(settings) as client:
        feed = fetch_feed(client, httpserver.url_for("/feed"), settings)
        (only,) = entry_documents(client, feed, settings)
    assert isinstance(only, InputError) and "entry g1: field 'url'" in str(only)
