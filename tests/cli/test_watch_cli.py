"""``veille watch`` end to end: one poll with --once, and a service that SIGTERM stops cleanly."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from veille.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VEILLE = str(Path(sys.executable).with_name("veille"))
runner = CliRunner()


def serve_site(server: HTTPServer, examples: list[str]) -> str:
    """A feed whose entries link to article pages on the same server; the feed's URL."""
    items = ""
    for number, name in enumerate(examples):
        title, *lines = [x for x in (EXAMPLES / name).read_text(encoding="utf-8").splitlines() if x]
        page = (f"<html lang='fr'><head><title>{title}</title></head><body><article>"
                f"<h1>{title}</h1>{''.join(f'<p>{line}</p>' for line in lines)}</article>"
                "</body></html>")
        server.expect_request(f"/a/{number}").respond_with_data(page, content_type="text/html")
        items += (f"<item><title>{title}</title><link>{server.url_for(f'/a/{number}')}</link>"
                  f"<guid>e{number}</guid></item>")
    rss = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test</title>{items}"
           "</channel></rss>")
    server.expect_request("/rss").respond_with_data(
        rss, content_type="application/rss+xml", headers={"ETag": '"1"'})
    return server.url_for("/rss")


def test_once_polls_each_feed_and_exits(httpserver: HTTPServer, tmp_path: Path) -> None:
    url = serve_site(httpserver, ["01-sommet-bruxelles.txt", "04-conference-berlin.txt"])
    db = str(tmp_path / "s.sqlite")
    result = runner.invoke(app, ["watch", "--feed", url, "--once", "--db", db,
                                 "--allow-private-urls"])
    assert result.exit_code == 0, result.stderr
    assert f"{url}: new, 2 added" in result.stderr
    state = json.loads(Path(db + ".watch.json").read_text(encoding="utf-8"))
    assert state[url]["etag"] == '"1"' and state[url]["seen"] == ["e0", "e1"]


def test_a_dead_feed_with_once_exits_with_the_partial_status(tmp_path: Path) -> None:
    result = runner.invoke(app, ["watch", "--feed", "http://127.0.0.1:9/rss", "--once",
                                 "--db", str(tmp_path / "s.sqlite"), "--allow-private-urls"])
    assert result.exit_code == 1
    assert "cannot fetch" in result.stderr and "next in" in result.stderr


def test_bad_interval_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["watch", "--feed", "http://x/", "--every", "soon",
                                 "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2
    assert "not a duration" in result.stderr


def test_sigterm_stops_the_service_cleanly(httpserver: HTTPServer, tmp_path: Path) -> None:
    url = serve_site(httpserver, ["02-entretien-guterres.txt"])
    state = tmp_path / "state.json"
    service = subprocess.Popen(
        [VEILLE, "watch", "--feed", url, "--every", "1h", "--db", str(tmp_path / "s.sqlite"),
         "--state", str(state), "--allow-private-urls"], stderr=subprocess.PIPE, text=True)
    assert service.stderr is not None
    deadline, seen = time.monotonic() + 120, []
    for line in service.stderr:  # wait for the first poll to finish
        seen.append(line)
        if line.startswith(f"{url}: ") or time.monotonic() > deadline:
            break
    started = time.monotonic()
    service.send_signal(signal.SIGTERM)
    rest = service.stderr.read()
    assert service.wait(timeout=20) == 0, "".join(seen) + rest
    assert time.monotonic() - started < 10  # it did not sleep out the hour
    assert "SIGTERM, stopped" in rest, "".join(seen) + rest
    assert json.loads(state.read_text(encoding="utf-8"))[url]["seen"] == ["e0"]
