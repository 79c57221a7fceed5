"""``veille entities``: the store's entities, most mentioned first."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, opened_store, out, print_json


def entities_cli(
    type: Annotated[str | None, typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    name: Annotated[str | None, typer.Option(help="Name or alias contains this.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """List entities merged across documents, with their aliases and counts."""
    from veille.views.entity import entities_view

    with opened_store(db) as store:
        page = entities_view(store, type=type.upper() if type else None, name=name, limit=limit)
    if fmt == "json":
        print_json([asdict(e) for e in page.entities])
        return
    for e in page.entities:
        kb = f" {e.kb_id}" if e.kb_id else ""
        alias = f"  aka {', '.join(e.aliases[:5])}" if e.aliases else ""
        out.print(f"{e.type:4} {e.name}{kb}  {e.mentions} mentions in {e.documents} doc(s)"
                  f"{alias}", markup=False)
    if not page.entities:
        out.print("no entities", markup=False)


def register(app: typer.Typer) -> None:
    app.command("entities")(entities_cli)
