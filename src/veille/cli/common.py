"""What every command shares: options, the store, output and exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veille.errors import VeilleError

if TYPE_CHECKING:
    from rich.console import Console

    from veille.settings import Settings
    from veille.store import Store

# Commands import what they need when they run, not at start: `veille --help`, `search` or
# `show` must not pay for the pipeline (spaCy, trafilatura, datasketch: seconds). A test
# (tests/cli/test_lazy_imports.py) keeps it so.

# Exit statuses: 0 all went well, 1 some input failed, 2 the command could not run at all.
EXIT_PARTIAL = 1
EXIT_FATAL = 2

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store: a SQLite path or postgresql:// URL [env: VEILLE_DB]."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="text or json.")]

class LazyConsole:
    """A rich Console made when first printed to: importing rich is a tenth of a quick
    command's start, and ``--help`` or ``--format json`` prints nothing through it."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, soft_wrap=True, highlight=False)
        return self._console

    def print(self, *objects: Any, **options: Any) -> None:
        if options == {"markup": False} and len(objects) == 1 and isinstance(objects[0], str):
            # A plain line (nearly every one): printed as is, without importing rich.
            print(objects[0], file=sys.stderr if self._stderr else sys.stdout)
            return
        self.console.print(*objects, **options)

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal


out = LazyConsole()
err = LazyConsole(stderr=True)


def settings_for(db: str | None) -> Settings:
    from veille.settings import get_settings

    settings = get_settings()
    return settings.model_copy(update={"db": db}) if db else settings


@contextmanager
def opened_store(db: str | None) -> Iterator[Store]:
    """The store named by ``--db`` or the settings; a store error ends the command cleanly."""
    from veille.store import open_store

    # A --db given needs no settings object: pydantic-settings alone is a good part of a
    # quick command's start.
    url = db or settings_for(None).db
    try:
        store = open_store(url)
    except VeilleError as error:
        fail(str(error))
    try:
        yield store
    except VeilleError as error:
        fail(str(error))
    finally:
        store.close()


def fail(message: str, code: int = EXIT_FATAL) -> None:
    err.print(f"veille: {message}", markup=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@contextmanager
def progress_reporter(label: str, total: int | None) -> Iterator[Callable[[str], None]]:
    """A callback taking one result line: a progress bar on a terminal, log lines otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    if not err.is_terminal:
        yield lambda line: err.print(line, markup=False)
        return
    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[last]}")]
    with Progress(*columns, console=err.console, transient=False) as progress:
        task = progress.add_task(label, total=total, last="")

        def advance(line: str) -> None:
            if line.startswith("error:") or "skipped" in line:
                progress.console.print(line, markup=False)
            progress.update(task, advance=1, last=line[-60:])

        yield advance
