"""``veille process``: extract many files on several processes or a Dask cluster."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veille.cli.common import (
    EXIT_PARTIAL,
    DbOption,
    err,
    opened_store,
    progress_reporter,
    settings_for,
)

if TYPE_CHECKING:
    from veille.engine.driver import Engine
    from veille.settings import Settings


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def make_engine(name: EngineName, workers: int, scheduler: str | None) -> Engine:
    """The engine function for a name; the Dask one is imported only when asked for."""
    if name is EngineName.dask:
        from veille.engine.dask import run_dask

        return lambda parts, settings: run_dask(parts, settings, scheduler, workers)
    if scheduler:
        raise typer.BadParameter("--scheduler needs --engine dask")
    from veille.engine.local import run_local

    return lambda parts, settings: run_local(parts, settings, workers)


def process_cli(
    inputs: Annotated[list[Path], typer.Argument(help="Files or directories (read by workers).")],
    engine: Annotated[EngineName, typer.Option(help="local: worker processes here; dask: a "
                                               "Dask cluster.")] = EngineName.local,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address "
                                                  "(tcp://host:8786); default: a local "
                                                  "cluster.")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes for the local "
                                                "engine or local cluster [env: "
                                                "VEILLE_WORKERS].")] = None,
    partition_size: Annotated[int | None, typer.Option(min=1, help="Files per task (default: "
                                                       "about four tasks per worker, at most "
                                                       "32).")] = None,
    db: DbOption = None,
) -> None:
    """Extract and store many files in parallel; a re-run skips what is already stored."""
    from veille.engine.driver import process

    settings: Settings = settings_for(db)
    count = workers or settings.workers
    run = make_engine(engine, count, scheduler)
    with opened_store(db) as store, progress_reporter("processing", None) as report:
        summary = process(inputs, store, settings, run, count, partition_size, report)
    err.print(summary.line(), markup=False)
    if not summary.ok:
        raise typer.Exit(EXIT_PARTIAL)


def register(app: typer.Typer) -> None:
    app.command("process")(process_cli)
