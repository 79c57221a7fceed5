"""One view, several renderings: ``veille ... --format json`` and the API answer the same
question with the same object (entity, quotes, timeline), over the same store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from veille.api.server import background_server
from veille.cli.app import app
from veille.settings import Settings

runner = CliRunner()


@pytest.fixture(scope="module")
def api(workbench_db: str) -> Iterator[httpx.Client]:
    with background_server(Settings(db=workbench_db)) as base, \
            httpx.Client(base_url=base, timeout=30) as http:
        yield http


def cli_json(db: str, *args: str) -> Any:
    done = runner.invoke(app, [*args, "--db", db, "--format", "json"])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def api_json(client: httpx.Client, url: str) -> Any:
    answer = client.get(url)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_entity(workbench_db: str, api: httpx.Client) -> None:
    from_cli = cli_json(workbench_db, "entity", "Odile Marchetti")
    assert from_cli["counts"]["quotes"] == {"shown": 20, "total": 25}
    assert from_cli == api_json(api, f"/api/entities/{from_cli['entity']['id']}")


def test_quotes(workbench_db: str, api: httpx.Client) -> None:
    from_cli = cli_json(workbench_db, "quotes", "--speaker", "Marchetti", "--since", "2025-08",
                        "--until", "2025-08", "--limit", "20")
    assert len(from_cli["quotes"]) == 20
    assert from_cli == api_json(
        api, "/api/quotes?speaker=Marchetti&since=2025-08&until=2025-08&limit=20")


def test_timeline(workbench_db: str, api: httpx.Client) -> None:
    from_cli = cli_json(workbench_db, "timeline", "--limit", "100")
    assert from_cli["total"] == 3
    assert from_cli == api_json(api, "/api/timeline")
    august = cli_json(workbench_db, "timeline", "--since", "2025-08", "--until", "2025-08",
                      "--limit", "100")
    assert [e["type"] for e in august["entries"]] == ["meeting"]
    assert august == api_json(api, "/api/timeline?since=2025-08&until=2025-08")


def test_event_page_twin(workbench_db: str, api: httpx.Client) -> None:
    from dataclasses import asdict

    from veille.store import open_store
    from veille.views.event import event_view

    meeting = cli_json(workbench_db, "timeline")["entries"][0]
    store = open_store(workbench_db)
    try:
        expected = asdict(event_view(store, meeting["id"]))  # type: ignore[arg-type]
    finally:
        store.close()
    assert api_json(api, f"/api/events/{meeting['id']}") == expected
    missing = api.get("/api/events/nope-3")
    assert missing.status_code == 404 and "no event" in missing.json()["error"]
