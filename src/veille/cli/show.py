"""``veille show``: one stored document and everything extracted from it."""

from __future__ import annotations

from typing import Annotated

import typer

from veille.cli.common import DbOption, FormatOption, fail, opened_store, out, print_json


def show_cli(
    doc: Annotated[str, typer.Argument(help="A doc id (or unique prefix), path or URL.")],
    db: DbOption = None,
    fmt: FormatOption = "text",
    text: Annotated[bool, typer.Option("--text", help="Print the cleaned text too.")] = False,
) -> None:
    """Print a document's extraction record (--format json: the public record)."""
    from veille.report import render_record

    with opened_store(db) as store:
        doc_id = store.resolve_doc(doc)
        record = store.get(doc_id) if doc_id else None
    if record is None:
        fail(f"{doc}: no such document in the store")
        return
    if fmt == "json":
        print_json(record.to_dict())
        return
    for line in render_record(record):
        out.print(line, markup=False)
    if text:
        out.print("\n" + record.text, markup=False)


def register(app: typer.Typer) -> None:
    app.command("show")(show_cli)
