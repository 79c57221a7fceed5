"""``veille extract``: print extraction records without touching the store."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from veille.cli.common import EXIT_PARTIAL, err, settings_for
from veille.cli.ingest import split_inputs
from veille.errors import InputError


def extract_cli(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories or URLs.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (one record a line) or json.")
                   ] = "jsonl",
) -> None:
    """Print one extraction record per document (the public format) on standard output."""
    from veille.extract import extract_records
    from veille.run import read_sources

    if fmt not in ("jsonl", "json"):
        raise typer.BadParameter("--format must be jsonl or json")
    settings = settings_for(None)
    failed = 0
    records = []
    for outcome in extract_records(read_sources(split_inputs(inputs, []), settings), settings):
        if isinstance(outcome, InputError):
            failed += 1
            err.print(f"error: {outcome}", markup=False)
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
        else:
            records.append(outcome.to_dict())
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        err.print(f"{failed} input(s) failed", markup=False)
        raise typer.Exit(EXIT_PARTIAL)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cli)
