"""``veille ingest``: files, directories, URLs and feeds into the store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veille.cli.common import (
    EXIT_PARTIAL,
    DbOption,
    err,
    opened_store,
    progress_reporter,
    settings_for,
)

if TYPE_CHECKING:
    from veille.run import Sources
    from veille.settings import Settings

AllowPrivateOption = Annotated[bool, typer.Option(
    "--allow-private-urls",
    help="Fetch loopback, private and other non-public addresses too (intranets) "
         "[env: VEILLE_ALLOW_PRIVATE_URLS].")]


def fetch_settings(db: str | None, allow_private_urls: bool) -> Settings:
    """The settings for a command that fetches, with ``--allow-private-urls`` applied."""
    settings = settings_for(db)
    if allow_private_urls:
        settings = settings.model_copy(update={"allow_private_urls": True})
    return settings


def split_inputs(inputs: list[str], feeds: list[str]) -> Sources:
    """Positional inputs that look like URLs are fetched; everything else is a path."""
    from veille.run import Sources

    urls = [i for i in inputs if i.startswith(("http://", "https://"))]
    paths = [Path(i) for i in inputs if i not in urls]
    return Sources(paths=paths, urls=urls, feeds=feeds)


def ingest_cli(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files, directories or URLs.")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL.")] = None,
    db: DbOption = None,
    allow_private_urls: AllowPrivateOption = False,
) -> None:
    """Extract and store articles; duplicates and near-copies are reported and skipped."""
    from veille.ingest.files import expand_paths
    from veille.run import ingest

    sources = split_inputs(inputs or [], feed or [])
    if not (sources.paths or sources.urls or sources.feeds):
        raise typer.BadParameter("give at least one file, directory, URL or --feed")
    settings = fetch_settings(db, allow_private_urls)
    total = sum(1 for _ in expand_paths(sources.paths)) + len(sources.urls) or None
    with opened_store(db) as store, progress_reporter("ingesting", total) as report:
        summary = ingest(sources, store, settings, on_result=report)
    err.print(summary.line(), markup=False)
    if not summary.ok:
        raise typer.Exit(EXIT_PARTIAL)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
