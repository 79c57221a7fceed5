"""``veille watch``: poll feeds on a schedule and ingest what is new, until stopped."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from veille.cli.common import EXIT_PARTIAL, DbOption, err, opened_store
from veille.cli.ingest import AllowPrivateOption, fetch_settings


def _duration(text: str) -> float:
    from veille.watch import parse_duration

    try:
        return parse_duration(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def watch_cli(
    feed: Annotated[list[str], typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")],
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 15m, 2h ...")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once, then exit (for "
                                       "cron or a systemd timer).")] = False,
    max_backoff: Annotated[str, typer.Option(help="Longest wait before retrying a failing "
                                             "feed.")] = "6h",
    state: Annotated[Path | None, typer.Option(help="State file (validators and seen "
                                               "entries); default: beside the SQLite store.")
                     ] = None,
    db: DbOption = None,
    allow_private_urls: AllowPrivateOption = False,
) -> None:
    """Ingest new feed entries every interval; SIGTERM or Ctrl-C stops after the current article."""
    from veille.watch import default_state_path, watch

    interval, cap = _duration(every), _duration(max_backoff)
    settings = fetch_settings(db, allow_private_urls)
    stop = threading.Event()
    received: list[str] = []

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        # No printing here: a handler that writes to stderr while the interrupted code is
        # writing to it raises "reentrant call". The loop notices the event and we report after.
        received.append(signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        with opened_store(db) as store:
            polls = watch(feed, store, settings, interval, state or default_state_path(settings.db),
                          once=once, max_backoff=cap, stop=stop,
                          on_result=lambda line: err.print(line, markup=False))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if received:
        err.print(f"veille watch: {received[0]}, stopped after the current article", markup=False)
    if once and any(p.status == "failed" or not p.summary.ok for p in polls):
        raise typer.Exit(EXIT_PARTIAL)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cli)
