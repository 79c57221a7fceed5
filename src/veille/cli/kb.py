"""``veille kb``: extend the knowledge base with your own entries or a Wikidata dump."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veille.cli.common import fail, out

if TYPE_CHECKING:
    from veille.kb.base import KnowledgeBase
    from veille.settings import Settings

# kb.wikidata.TYPE_CLASSES' names, for the help text without importing the KB at start
# (tests/cli/test_kb_cli.py checks they agree).
TYPE_NAMES = ("human", "country", "city", "organization")


def get_settings_lazily() -> Settings:
    # Read when a command runs: pydantic-settings costs a tenth of a second at start.
    from veille.settings import get_settings

    return get_settings()

kb_app = typer.Typer(help="Extend the knowledge base (people, organisations, places).",
                     no_args_is_help=True)
ToOption = Annotated[
    Path | None,
    typer.Option("--to", help="KB file to write [default: kb.jsonl in the user data dir]."),
]


def add_cli(
    file: Annotated[Path, typer.Argument(help="JSON Lines file of KB entries.", exists=True,
                                         dir_okay=False)],
    to: ToOption = None,
) -> None:
    """Add (or replace, by key) entries from FILE in the user knowledge base.

    An entry with a Wikidata id merges with the one entry of its type that already bears one
    of its names without an id (it keeps that entry's key, so it replaces it).
    """
    from veille.kb.base import add_to_file, read_entries, user_kb_path
    from veille.kb.merge import merge_entries

    target = to or user_kb_path()
    try:
        merges = list(merge_entries(read_entries(file), _kb_with(target)))
        added, replaced = add_to_file(target, [m.entry for m in merges])
    except ValueError as error:
        fail(str(error))
        return
    for m in merges:
        if m.merged_with:
            out.print(f"{m.entry.id} merged with {m.merged_with} ({m.entry.label})",
                      markup=False)
    out.print(f"{added} added, {replaced} replaced -> {target}", markup=False)


def _kb_with(target: Path) -> KnowledgeBase:
    """The KB as it will read once ``target`` is written: bundled, user, settings, target."""
    from veille.kb.base import bundled_path, load_kb, user_kb_path

    extra = get_settings_lazily().kb_path
    paths = [bundled_path(), user_kb_path(), *([Path(extra)] if extra else []), target]
    return load_kb(dict.fromkeys(paths))


def import_wikidata_cli(
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON dump (.json, .json.gz, .json.bz2).",
                                         exists=True, dir_okay=False)],
    types: Annotated[str, typer.Option(
        "--types", help=f"Comma-separated: {', '.join(TYPE_NAMES)}.")] = ",".join(TYPE_NAMES),
    min_sitelinks: Annotated[int, typer.Option(
        min=0, help="Keep entities with at least this many sitelinks (notability).")] = 0,
    to: ToOption = None,
) -> None:
    """Stream a Wikidata dump and keep the entities of the asked types (by P31)."""
    from veille.kb.base import add_to_file, get_kb, user_kb_path
    from veille.kb.wikidata import import_dump

    target = to or user_kb_path()
    kinds = [t.strip() for t in types.split(",") if t.strip()]
    try:
        entries = import_dump(dump, kinds, get_kb(get_settings_lazily().kb_path), min_sitelinks)
        added, replaced = add_to_file(target, entries)
    except (ValueError, OSError, EOFError) as error:
        fail(f"{dump}: {error}")
        return
    out.print(f"{added} added, {replaced} replaced -> {target}", markup=False)


def register(app: typer.Typer) -> None:
    kb_app.command("add")(add_cli)
    kb_app.command("import-wikidata")(import_wikidata_cli)
    app.add_typer(kb_app, name="kb")
