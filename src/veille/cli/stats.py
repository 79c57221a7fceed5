"""``veille stats``: counts, top entities, speakers and events of the store."""

from __future__ import annotations

import typer

from veille.cli.common import DbOption, FormatOption, opened_store, out, print_json


def stats_cli(db: DbOption = None, fmt: FormatOption = "text") -> None:
    """Print what the store holds."""
    from veille.report import summary

    with opened_store(db) as store:
        if fmt == "json":
            print_json(store.stats())
            return
        lines = summary(store)
    for line in lines:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_cli)
