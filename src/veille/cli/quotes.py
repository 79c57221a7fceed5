"""``veille quotes``: who said what, newest first."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, opened_store, out, print_json
from veille.report import render_quotes


def quotes_cli(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias (any form).")] = None,
    since: Annotated[str | None, typer.Option(help="Said or published on/after YYYY-MM-DD.")
                     ] = None,
    until: Annotated[str | None, typer.Option(help="Said or published on/before YYYY-MM-DD.")
                     ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """List quotes with their speaker, date, medium and source document."""
    with opened_store(db) as store:
        rows = store.quotes(speaker=speaker, since=since, until=until, limit=limit)
    if fmt == "json":
        print_json([asdict(r) for r in rows])
        return
    for line in render_quotes(rows) or ["no quotes"]:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cli)
