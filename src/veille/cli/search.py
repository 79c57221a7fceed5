"""``veille search``: full-text search, accent- and inflection-insensitive."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, opened_store, out, print_json


def search_cli(
    query: Annotated[str, typer.Argument(help='Words to find; "a phrase" in double quotes.')],
    speaker: Annotated[str | None, typer.Option(help="Only documents quoting this speaker.")
                       ] = None,
    entity: Annotated[str | None, typer.Option(help="Only documents mentioning this entity.")
                      ] = None,
    publisher: Annotated[str | None, typer.Option(help="Exact publisher name.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code, e.g. fr.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """Find documents; each hit shows a snippet with the match in [brackets]."""
    from veille.report import render_hits
    from veille.store import SearchFilters
    from veille.views.labels import labels

    filters = SearchFilters(speaker, entity, publisher, language, since, until)
    with opened_store(db) as store:
        hits = store.search(query, filters, limit=limit)
        named = labels(store, ((h.doc_id, h.title) for h in hits))
    if fmt == "json":
        print_json([dict(asdict(h), label=named[h.doc_id]) for h in hits])
        return
    for line in render_hits(hits, named) or ["no match"]:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("search")(search_cli)
