"""The ``veille`` command: a Typer app whose verbs live one per module in this package.

Each module defines ``register(app)`` and thin commands that parse arguments and call a plain
function elsewhere in the package.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="veille",
    help="Veille: who said what, who met whom, where and when, in French news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Verb modules, in the order `veille --help` lists them.
VERB_MODULES = (
    "ingest", "extract", "search", "show", "quotes", "entities", "export", "stats", "demo",
    "kb", "entity", "timeline", "serve", "process", "watch",
)


def _register_all() -> None:
    for name in VERB_MODULES:
        try:
            module = importlib.import_module(f"veille.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"veille.cli.{name}":
                raise
            continue  # a verb whose module is not written yet
        module.register(app)


_register_all()


def main() -> None:
    app()
