"""Regenerate docs/screenshots/: every page of the web UI, laptop and phone width.

Usage: ``.venv/bin/python scripts/screenshots.py [--examples examples] [--out docs/screenshots]``.
Ingests the examples into a temporary store, serves it, and drives Debian's Chromium
(``apt-get install chromium``) headless with Playwright.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from veille.api.server import background_server
from veille.run import Sources, ingest
from veille.settings import Settings
from veille.store import open_store

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling home on a closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def launch(playwright: object) -> Browser:
    browser: Browser = playwright.chromium.launch(  # type: ignore[attr-defined]
        executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    return browser


def make_store(examples: Path, db: Path) -> Settings:
    settings = Settings(db=str(db), api_token=None)
    store = open_store(settings.db)
    try:
        summary = ingest(Sources(paths=[examples]), store, settings)
    finally:
        store.close()
    print(f"ingested {examples}: {summary.line()}")
    return settings


def shoot(page: Page, base: str, out: Path) -> list[Path]:
    """Visit the pages an analyst goes through and save one screenshot of each."""
    shots = []

    def snap(name: str) -> None:
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        shots.append(path)

    page.goto(f"{base}/")
    snap("home")
    page.goto(f"{base}/search?q=sommet")
    snap("search")
    page.locator(".hit h2 a").first.click()
    page.wait_for_selector(".article-text")
    snap("article")
    page.locator(".doc-quotes a.speaker").first.click()
    page.wait_for_selector(".entity-quotes")
    snap("entity")
    page.goto(f"{base}/quotes")
    snap("quotes")
    page.goto(f"{base}/timeline")
    snap("timeline")
    page.locator(".lane .event-link").first.click()
    page.wait_for_selector(".event-sources")
    snap("event")
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=10_000)
    snap("docs")
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=REPO / "examples")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_store(args.examples, Path(tmp) / "veille.sqlite")
        with background_server(settings) as base, sync_playwright() as pw:
            browser = launch(pw)
            for name, size in (("laptop", LAPTOP), ("phone", PHONE)):
                page = browser.new_page(viewport=size)  # type: ignore[arg-type]
                (args.out / name).mkdir(exist_ok=True)
                for path in shoot(page, base, args.out / name):
                    print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
