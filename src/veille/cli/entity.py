"""``veille entity NAME``: an entity's card, the names it goes by, its quotes and events
(:func:`veille.views.entity.entity_view`, the same object as ``/api/entities/<id>``)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, fail, opened_store, out, print_json


def entity_cli(
    name: Annotated[str, typer.Argument(help="A name, alias or Wikidata id (Q7747).")],
    on: Annotated[str | None, typer.Option(help="Date of the card's roles (YYYY-MM-DD); "
                                           "default: the latest the entity was seen at.")
                  ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Quotes shown (newest first).")] = 20,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """Print an entity's context card, aliases seen, and its quotes and events from the store."""
    from veille.cli.text import entity_lines
    from veille.views.cards import installed_kb
    from veille.views.entity import entity_view, find_entity

    try:
        date.fromisoformat(on) if on else None
    except ValueError:
        fail(f"--on {on}: not a date (YYYY-MM-DD)")
    with opened_store(db) as store:
        kb = installed_kb()
        row = find_entity(store, name, kb)
        view = entity_view(store, row.id, limit=limit, kb=kb, on=on) if row else None
    if view is None:
        fail(f"{name}: no such entity in the store")
        return
    if fmt == "json":
        print_json(asdict(view))
        return
    for line in entity_lines(view):
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("entity")(entity_cli)
