"""Fetching and feeds against a real HTTP server on localhost (pytest-httpserver)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from veille.errors import FeedError, FetchError
from veille.ingest.feeds import entry_documents, fetch_feed
from veille.ingest.web import fetch_document, make_client
from veille.model import RawDocument
from veille.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
HTML = (DATA / "article.html").read_text(encoding="utf-8")


@pytest.fixture()
def web_settings() -> Settings:
    # Opted in: the server is pytest-httpserver on loopback, which the SSRF guard refuses.
    return Settings(db=":memory:", http_timeout=5.0, max_bytes=200_000, allow_private_urls=True)


def test_article_page_is_fetched_as_html_with_final_url(
    httpserver: HTTPServer, web_settings: Settings
) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/article")})
    httpserver.expect_request("/article").respond_with_data(HTML, content_type="text/html")
    with make_client(web_settings) as client:
        doc = fetch_document(client, httpserver.url_for("/old"), web_settings)
    assert doc.is_html
    assert doc.url == httpserver.url_for("/article")
    assert "Claire Dubois" in doc.text


def test_user_agent_is_sent(httpserver: HTTPServer, web_settings: Settings) -> None:
    httpserver.expect_request(
        "/ua", headers={"User-Agent": web_settings.user_agent}
    ).respond_with_data("texte", content_type="text/plain")
    with make_client(web_settings) as client:
        assert fetch_document(client, httpserver.url_for("/ua"), web_settings).text == "texte"


@pytest.mark.parametrize(("status", "needle"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_dead_url_gives_one_line_error(
    httpserver: HTTPServer, web_settings: Settings, status: int, needle: str
) -> None:
    httpserver.expect_request("/gone").respond_with_data("non", status=status)
    url = httpserver.url_for("/gone")
    with make_client(web_settings) as client, pytest.raises(FetchError) as caught:
        fetch_document(client, url, web_settings)
    assert str(caught.value).startswith(url) and needle in str(caught.value)


def test_response_over_the_cap_is_refused(httpserver: HTTPServer) -> None:
    settings = Settings(db=":memory:", max_bytes=1000, allow_private_urls=True)
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    with make_client(settings) as client, pytest.raises(FetchError, match="cap"):
        fetch_document(client, httpserver.url_for("/big"), settings)


def test_refused_connection_is_reported(web_settings: Settings) -> None:
    with make_client(web_settings) as client, pytest.raises(FetchError, match="cannot fetch"):
        fetch_document(client, "http://127.0.0.1:9/nothing", web_settings)


def test_feed_entries_are_fetched_and_a_dead_link_does_not_stop_the_feed(
    httpserver: HTTPServer, web_settings: Settings
) -> None:
    feed = (DATA / "feed.xml").read_text(encoding="utf-8")
    feed = feed.replace("LINK1", httpserver.url_for("/a1")).replace(
        "LINK2", httpserver.url_for("/a2"))
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/a1").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/a2").respond_with_data("", status=404)
    with make_client(web_settings) as client:
        parsed = fetch_feed(client, httpserver.url_for("/feed"), web_settings)
        items = list(entry_documents(client, parsed, web_settings))
    assert parsed.title == "La Gazette de Test" and len(parsed.entries) == 2
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 1 and docs[0].published == "2026-05-04"
    assert docs[0].publisher == "La Gazette de Test"
    assert any(isinstance(i, FetchError) and "/a2" in str(i) for i in items)


def test_broken_feed_is_a_feed_error(httpserver: HTTPServer, web_settings: Settings) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        "<html><p>pas un flux", content_type="text/html")
    with make_client(web_settings) as client, pytest.raises(FeedError) as caught:
        fetch_feed(client, httpserver.url_for("/feed"), web_settings)
    assert httpserver.url_for("/feed") in str(caught.value)


def test_conditional_request_returns_not_modified(
    httpserver: HTTPServer, web_settings: Settings
) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304)
    with make_client(web_settings) as client:
        feed = fetch_feed(client, httpserver.url_for("/feed"), web_settings, etag='"v1"')
    assert feed.not_modified and feed.entries == []
