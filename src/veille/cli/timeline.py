"""``veille timeline``: the events of the store, merged across sources, in date order
(:func:`veille.views.timeline.timeline_view`, the same object as ``/api/timeline``)."""

from __future__ import annotations

import sys
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated

import typer

from veille.cli.common import DbOption, fail, opened_store, out, print_json

EVERY = 1_000_000  # the CLI lists every event unless asked for a page


def timeline_cli(
    entity: Annotated[str | None, typer.Option(help="Only events this person, organisation "
                                               "or state took part in (any name form).")
                      ] = None,
    since: Annotated[str | None, typer.Option(
        help="Events on/after YYYY-MM-DD, YYYY-MM or YYYY (a month from its first day).")] = None,
    until: Annotated[str | None, typer.Option(
        help="Events on/before YYYY-MM-DD, YYYY-MM or YYYY (a month to its last day).")] = None,
    limit: Annotated[int, typer.Option(min=1, show_default=False,
                                       help="Events shown [default: all].")] = EVERY,
    offset: Annotated[int, typer.Option(min=0, help="Events skipped (paging).")] = 0,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or ics.")] = "text",
) -> None:
    """Print the timeline: date, event, participants, place, sources, conflicts, quotes."""
    from veille.resolve.timeline import filter_timeline, period_bounds
    from veille.resolve.timeline_formats import timeline_ics
    from veille.views.timeline import CACHE, timeline_view

    if fmt not in ("text", "json", "ics"):
        fail(f"unknown format {fmt!r}: use text, json or ics")
    try:
        period_bounds(since, until)
    except ValueError as error:
        fail(str(error))
    with opened_store(db) as store:
        if fmt == "ics":
            events = filter_timeline(CACHE.merged(store).events, entity, since, until)
            sys.stdout.write(timeline_ics(events[offset:offset + limit], datetime.now(UTC)))
            return
        view = timeline_view(store, entity, since, until, limit, offset)
    if fmt == "json":
        print_json(asdict(view))
        return
    from veille.cli.text import timeline_lines

    for line in timeline_lines(view) or ["no events"]:
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cli)
