"""``veille export``: the store as JSON Lines records or CSV tables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from veille.cli.common import DbOption, err, opened_store
from veille.export import TABLES, export_to_file, write_export


def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (full records) or csv.")
                   ] = "jsonl",
    table: Annotated[str, typer.Option(help=f"CSV table: {', '.join(TABLES)}.")] = "quotes",
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="File to write (atomically); default stdout.")
                      ] = None,
    db: DbOption = None,
) -> None:
    """Export everything stored, for scripts and spreadsheets."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    if table not in TABLES:
        raise typer.BadParameter(f"--table must be one of {', '.join(TABLES)}")
    with opened_store(db) as store:
        if output is None:
            count = write_export(store, fmt, table, sys.stdout)
        else:
            count = export_to_file(store, fmt, table, output)
    what = "records" if fmt == "jsonl" else f"{table} rows"
    err.print(f"exported {count} {what}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)
