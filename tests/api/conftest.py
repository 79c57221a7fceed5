"""One store per session, ingested from examples/ and tests/data/web/, served by a real uvicorn.

httpx against a real server rather than Starlette's TestClient, which warns (an error here)
that it wants another HTTP library.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from veille.api.server import background_server
from veille.run import Sources, ingest
from veille.settings import Settings
from veille.store import open_store

REPO = Path(__file__).resolve().parents[2]
WEB_DATA = REPO / "tests" / "data" / "web"
TOKEN = "test-token-4f7d"


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    settings = Settings(db=str(tmp_path_factory.mktemp("api") / "veille.sqlite"))
    store = open_store(settings.db)
    try:
        summary = ingest(Sources(paths=[REPO / "examples", WEB_DATA / "articles.jsonl"]), store,
                         settings)
    finally:
        store.close()
    assert not summary.failures, summary.failures
    return settings.db


@pytest.fixture(scope="session")
def client(api_db: str) -> Iterator[httpx.Client]:
    """Read-only (no token) over the shared store: tests that write use ``writer``."""
    with background_server(Settings(db=api_db, api_token=None)) as base, \
            httpx.Client(base_url=base, timeout=30) as http:
        yield http


@pytest.fixture()
def writer(tmp_path: Path) -> Iterator[httpx.Client]:
    """A fresh empty store, with the ingest token set."""
    settings = Settings(db=str(tmp_path / "w.sqlite"), api_token=TOKEN)
    with background_server(settings) as base, httpx.Client(base_url=base, timeout=60) as http:
        yield http


@pytest.fixture()
def intranet_writer(tmp_path: Path) -> Iterator[httpx.Client]:
    """Like ``writer``, opted in to private URLs: it fetches from pytest-httpserver on loopback."""
    settings = Settings(db=str(tmp_path / "w.sqlite"), api_token=TOKEN, allow_private_urls=True)
    with background_server(settings) as base, httpx.Client(base_url=base, timeout=60) as http:
        yield http
