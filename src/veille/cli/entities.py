"""``veille entities``: the store's entities, most mentioned first."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, opened_store, out, print_json
from veille.report import render_entities


def entities_cli(
    type: Annotated[str | None, typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    name: Annotated[str | None, typer.Option(help="Name or alias contains this.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """List entities merged across documents, with their aliases and counts."""
    with opened_store(db) as store:
        rows = store.entities(type=type.upper() if type else None, name=name, limit=limit)
    if fmt == "json":
        print_json([asdict(r) for r in rows])
        return
    for line in render_entities(rows) or ["no entities"]:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("entities")(entities_cli)
