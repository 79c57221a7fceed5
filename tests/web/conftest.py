"""The browser tests' world: Debian's Chromium, one real server, one browser per session.

Chromium comes from apt (``playwright install`` downloads are blocked here); it is installed on
first use and the tests skip, saying why, only if that fails.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from veille.api.server import background_server
from veille.run import Sources, ingest
from veille.settings import Settings
from veille.store import open_store

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling home on a closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
TOKEN = "browser-test-token"


def install_chromium() -> str | None:
    """Install Debian's chromium if it is missing; the reason it could not be, or None."""
    if Path(CHROMIUM).exists():
        return None
    if shutil.which("apt-get") is None:
        return "no apt-get to install chromium with"
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, capture_output=True, text=True, timeout=900,
                              env={"DEBIAN_FRONTEND": "noninteractive",
                                   "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
        if done.returncode != 0:
            return f"`{' '.join(command)}` failed: {done.stderr.strip()[-300:]}"
    return None if Path(CHROMIUM).exists() else f"apt installed chromium but {CHROMIUM} is missing"


@pytest.fixture(scope="session")
def chromium() -> str:
    reason = install_chromium()
    if reason:
        pytest.skip(f"Chromium unavailable, browser tests skipped: {reason}")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of ``veille serve`` over examples/ and tests/data/web/, ingest token set."""
    settings = Settings(db=str(tmp_path_factory.mktemp("web") / "veille.sqlite"),
                        api_token=TOKEN)
    store = open_store(settings.db)
    try:
        summary = ingest(Sources(paths=[REPO / "examples", REPO / "tests/data/web/articles.jsonl"]),
                         store, settings)
    finally:
        store.close()
    assert not summary.failures, summary.failures
    with background_server(settings) as base:
        yield base


@pytest.fixture(scope="session")
def api_token() -> str:
    """The ingest token the ``server`` fixture runs with."""
    return TOKEN


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture()
def errors() -> list[str]:
    """Console errors (CSP violations among them), uncaught exceptions and failed requests."""
    return []


@pytest.fixture()
def page(context: BrowserContext, errors: list[str]) -> Iterator[Page]:
    tab = context.new_page()
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    # A request the browser itself aborts (a favicon still loading when a click navigates
    # away) is no failure of ours; a blocked or refused one is.
    tab.on("requestfailed", lambda req: errors.append(f"failed: {req.url} {req.failure}")
           if req.failure != "net::ERR_ABORTED" else None)
    yield tab
    tab.close()
