"""Feed monitoring against a real HTTP server on localhost: new entries only, 304s, outages."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from veille.ingest.web import make_client
from veille.settings import Settings
from veille.store import Store, open_store
from veille.watch import (
    FeedState,
    backoff_delay,
    default_state_path,
    load_state,
    parse_duration,
    poll_feed,
    watch,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def article_page(path: Path) -> str:
    """An example article as a news page: headline, then one <p> per paragraph."""
    title, *lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    body = "".join(f"<p>{line}</p>" for line in lines)
    return (f"<!doctype html><html lang='fr'><head><title>{title}</title></head><body>"
            f"<nav>Accueil | Monde</nav><article><h1>{title}</h1>{body}</article></body></html>")


class FeedSite:
    """A news site: an RSS feed with an ETag and article pages; it can go down."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.articles: list[tuple[str, str]] = []  # (path, html)
        self.down = False
        self.feed_hits: list[int] = []  # status of every feed response
        server.expect_request("/feed.xml").respond_with_handler(self.feed)

    def publish(self, example: str) -> str:
        path = f"/articles/{len(self.articles)}"
        self.articles.append((path, article_page(EXAMPLES / example)))
        html = self.articles[-1][1]
        self.server.expect_request(path).respond_with_data(html, content_type="text/html")
        return self.server.url_for(path)

    def etag(self) -> str:
        return f'"v{len(self.articles)}"'

    def feed(self, request: Request) -> Response:
        if self.down:
            status, response = 500, Response("panne", status=500)
        elif request.headers.get("If-None-Match") == self.etag():
            status, response = 304, Response(status=304)
        else:
            items = "".join(
                f"<item><title>Article {n}</title><link>{self.server.url_for(path)}</link>"
                f"<guid>guid-{n}</guid><pubDate>Mon, 04 May 2026 09:00:00 +0200</pubDate></item>"
                for n, (path, _html) in enumerate(self.articles))
            rss = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                   f"<title>Le Journal de Test</title><link>{self.server.url_for('/')}</link>"
                   f"<description>test</description>{items}</channel></rss>")
            status = 200
            response = Response(rss, content_type="application/rss+xml",
                                headers={"ETag": self.etag()})
        self.feed_hits.append(status)
        return response

    def article_requests(self) -> int:
        return sum(1 for request, _ in self.server.log if request.path.startswith("/articles/"))


@pytest.fixture
def site(httpserver: HTTPServer) -> FeedSite:
    return FeedSite(httpserver)


@pytest.fixture
def web_settings() -> Settings:
    # Opted in: the feeds are served by pytest-httpserver on loopback.
    return Settings(db=":memory:", http_timeout=5.0, allow_private_urls=True)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(str(tmp_path / "s.sqlite"))


def test_new_entries_once_then_304_then_only_the_new_one(
        site: FeedSite, store: Store, web_settings: Settings) -> None:
    site.publish("01-sommet-bruxelles.txt")
    site.publish("02-entretien-guterres.txt")
    url = site.server.url_for("/feed.xml")
    state = FeedState()
    with make_client(web_settings) as client:
        first = poll_feed(client, url, state, store, web_settings, every=60, max_backoff=600)
        assert (first.status, len(first.summary.added)) == ("new", 2)
        assert state.etag == '"v2"' and state.seen == ["guid-0", "guid-1"]
        second = poll_feed(client, url, state, store, web_settings, every=60, max_backoff=600)
        assert (second.status, second.summary.added) == ("not-modified", [])
        site.publish("04-conference-berlin.txt")
        third = poll_feed(client, url, state, store, web_settings, every=60, max_backoff=600)
    assert (third.status, len(third.summary.added)) == ("new", 1)
    assert site.feed_hits == [200, 304, 200]
    assert site.article_requests() == 3  # each article fetched once
    assert store.stats()["documents"] == 3
    assert {r.source.publisher for r in store.iter_records()} <= {"Le Journal de Test", None}


def test_outage_backs_off_exponentially_then_recovers(
        site: FeedSite, store: Store, web_settings: Settings) -> None:
    site.publish("05-visite-pekin.txt")
    url = site.server.url_for("/feed.xml")
    state = FeedState()
    site.down = True
    with make_client(web_settings) as client:
        delays = [poll_feed(client, url, state, store, web_settings, every=60,
                            max_backoff=300).delay for _ in range(4)]
        assert delays == [120, 240, 300, 300]
        assert state.failures == 4 and "HTTP 500" in (state.last_error or "")
        site.down = False
        back = poll_feed(client, url, state, store, web_settings, every=60, max_backoff=300)
    assert (back.status, len(back.summary.added), back.delay) == ("new", 1, 60)
    assert (state.failures, state.last_error) == (0, None)


def test_state_survives_a_restart_and_a_lost_state_stores_nothing_twice(
        site: FeedSite, store: Store, web_settings: Settings, tmp_path: Path) -> None:
    site.publish("01-sommet-bruxelles.txt")
    url, state_path = site.server.url_for("/feed.xml"), tmp_path / "state.json"
    [first] = watch([url], store, web_settings, every=60, state_path=state_path, once=True)
    assert len(first.summary.added) == 1
    assert load_state(state_path)[url].etag == '"v1"'
    [again] = watch([url], store, web_settings, every=60, state_path=state_path, once=True)
    assert again.status == "not-modified"
    state_path.unlink()  # lost state: the feed is read again, the store knows the article
    [lost] = watch([url], store, web_settings, every=60, state_path=state_path, once=True)
    assert (lost.status, lost.summary.added) == ("new", [])
    assert site.article_requests() == 1 and store.stats()["documents"] == 1


def test_watch_loop_polls_on_schedule_and_stops_when_asked(
        site: FeedSite, store: Store, web_settings: Settings, tmp_path: Path) -> None:
    site.publish("02-entretien-guterres.txt")
    url, stop = site.server.url_for("/feed.xml"), threading.Event()
    polls: list[object] = []

    def run() -> None:
        polls.extend(watch([url], store, web_settings, every=0.3,
                           state_path=tmp_path / "state.json", stop=stop))

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 30
    while len(site.feed_hits) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert site.feed_hits[:3] == [200, 304, 304]
    assert store.stats()["documents"] == 1


def test_durations_and_default_state_location() -> None:
    assert [parse_duration(t) for t in ("15m", "30s", "2h", "1d", "90")] == [
        900, 30, 7200, 86400, 90]
    with pytest.raises(ValueError):
        parse_duration("soon")
    assert backoff_delay(60, 0, 600) == 60
    assert default_state_path("/data/veille.sqlite") == Path("/data/veille.sqlite.watch.json")
    assert default_state_path("postgresql://h/db").name.startswith("watch-")


def test_a_poll_fetches_at_most_feed_max_entries_and_the_rest_next_time(
        site: FeedSite, store: Store, web_settings: Settings) -> None:
    for example in ("01-sommet-bruxelles.txt", "02-entretien-guterres.txt",
                    "04-conference-berlin.txt"):
        site.publish(example)
    capped = web_settings.model_copy(update={"feed_max_entries": 2})
    url = site.server.url_for("/feed.xml")
    state = FeedState()
    with make_client(capped) as client:
        first = poll_feed(client, url, state, store, capped, every=60, max_backoff=600)
        assert (len(first.summary.added), site.article_requests()) == (2, 2)
        assert state.etag is None  # not saved: a 304 next time would hide the third entry
        second = poll_feed(client, url, state, store, capped, every=60, max_backoff=600)
    assert (len(second.summary.added), site.article_requests()) == (1, 3)
    assert state.etag == '"v3"' and store.stats()["documents"] == 3
