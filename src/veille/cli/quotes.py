"""``veille quotes``: who said what, newest first (:func:`veille.views.quotes.quotes_view`,
the same object as ``/api/quotes``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, fail, opened_store, out, print_json

PERIOD = "YYYY, YYYY-MM or YYYY-MM-DD, inclusive at its precision"


def quotes_cli(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias (any form).")] = None,
    since: Annotated[str | None, typer.Option(help=f"Said (or published) from: {PERIOD}.")
                     ] = None,
    until: Annotated[str | None, typer.Option(help=f"Said (or published) up to: {PERIOD}.")
                     ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Quotes shown.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Quotes skipped (paging).")] = 0,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """List quotes newest first, with their speaker, date, medium and article."""
    from veille.cli.text import quote_lines
    from veille.views.quotes import quotes_view

    with opened_store(db) as store:
        try:
            page = quotes_view(store, speaker, since, until, limit, offset)
        except ValueError as error:
            fail(str(error))
            return
    if fmt == "json":
        print_json(asdict(page))
        return
    for line in quote_lines(page) or ["no quotes"]:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cli)
