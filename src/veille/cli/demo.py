"""``veille demo``: ingest the example articles into the store and show what was found."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veille.cli.common import DbOption, err, opened_store, out, progress_reporter, settings_for


def demo_cli(
    folder: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("examples"),
    db: DbOption = None,
) -> None:
    """Ingest FOLDER (idempotent: a second run reports duplicates) and print a summary."""
    from veille.ingest.files import expand_paths
    from veille.report import summary
    from veille.run import Sources, ingest

    settings = settings_for(db)
    err.print(f"store: {settings.db}", markup=False)
    total = sum(1 for _ in expand_paths([folder]))
    with opened_store(db) as store, progress_reporter("ingesting", total) as report:
        result = ingest(Sources(paths=[folder]), store, settings, on_result=report)
        lines = summary(store)
    err.print(result.line(), markup=False)
    for line in lines:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cli)
