"""``veille timeline``: the events of the store, merged across sources, in date order."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from veille.cli.common import DbOption, fail, opened_store, out, print_json
from veille.resolve.timeline import TimelineEvent, filter_timeline, merge_events
from veille.resolve.timeline_formats import timeline_ics, timeline_json, timeline_text


def timeline(db: str | None, entity: str | None = None, since: str | None = None,
             until: str | None = None) -> list[TimelineEvent]:
    """The merged timeline of every stored record, filtered."""
    with opened_store(db) as store:
        events = merge_events(store.iter_records())
    return filter_timeline(events, entity, since, until)


def timeline_cli(
    entity: Annotated[str | None, typer.Option(help="Only events this person, organisation "
                                               "or state took part in (any name form).")
                      ] = None,
    since: Annotated[str | None, typer.Option(
        help="Events on/after YYYY-MM-DD, YYYY-MM or YYYY (a month from its first day).")] = None,
    until: Annotated[str | None, typer.Option(
        help="Events on/before YYYY-MM-DD, YYYY-MM or YYYY (a month to its last day).")] = None,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or ics.")] = "text",
) -> None:
    """Print the timeline: date, event, participants, place, sources, conflicts, quotes."""
    if fmt not in ("text", "json", "ics"):
        fail(f"unknown format {fmt!r}: use text, json or ics")
    for bound in (since, until):
        if bound is not None and not _is_date(bound):
            fail(f"not a date: {bound!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    events = timeline(db, entity, since, until)
    if fmt == "json":
        print_json(timeline_json(events))
    elif fmt == "ics":
        sys.stdout.write(timeline_ics(events, datetime.now(UTC)))
    else:
        for line in timeline_text(events) or ["no events"]:
            out.print(line, markup=False)


def _is_date(text: str) -> bool:
    for form in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(text, form)
            return True
        except ValueError:
            continue
    return False


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cli)
