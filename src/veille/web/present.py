"""How the pages show dates, periods and event types: Jinja filters, and the timeline's lanes.

Words come from the interface's language pack (month names in ``months.tsv``, "sans date" in
``events/labels.tsv``) or from the templates; here is only the mechanism.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from markupsafe import Markup, escape

from veille.api.urls import page_url
from veille.taxonomy import LABELS, ui_pack, ui_taxonomy

PALETTE = 9  # colours tc-0 .. tc-8 in app.css
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@cache
def month_names() -> dict[int, str]:
    """Month number -> its full name (the first name of each number in ``months.tsv``)."""
    names: dict[int, str] = {}
    for row in _own_month_rows():
        names.setdefault(int(row[1]), row[0])
    return names


def _own_month_rows() -> list[tuple[str, ...]]:
    """The rows of ``months.tsv`` in the pack's own language: a third column marks a form of
    another language that dates are read in ("Sep" on a French page) but never written in."""
    pack = ui_pack()
    return [row for row in pack.table("months.tsv") if len(row) < 3 or row[2] == pack.code]


@cache
def month_abbreviations() -> dict[int, str]:
    """Month number -> its shortest name in ``months.tsv`` (the first of that length, which
    the file gives accented), with a full stop when it is cut: "déc.", "mars"."""
    short: dict[int, str] = {}
    for row in _own_month_rows():
        number = int(row[1])
        if number not in short or len(row[0]) < len(short[number]):
            short[number] = row[0]
    full = month_names()
    return {n: name if name == full[n] else name + "." for n, name in short.items()}


def undated_label() -> str:
    """What an event or a quote with no date is shown as ("sans date")."""
    return ui_pack().mapping(LABELS)["undated"]


def period_label(period: str | None, short: bool = False) -> str:
    """"2025-08" -> "août 2025" ("août 25" short); a year or a week stays as it is."""
    if not period:
        return undated_label()
    found = MONTH.match(period)
    if not found:
        return period
    year, number = found.group(1), int(found.group(2))
    if short:
        return f"{month_abbreviations().get(number, found.group(2))} {year[2:]}"
    return f"{month_names().get(number, found.group(2))} {year}"


def date_label(value: str | None) -> str:
    """A date at its precision: "2025-08-15" -> "15 août 2025", "2025-08" -> "août 2025"."""
    if not value:
        return undated_label()
    found = DAY.match(value)
    if not found:
        return period_label(value)
    month = month_names().get(int(found.group(2)), found.group(2))
    return f"{int(found.group(3))} {month} {found.group(1)}"


def type_colour(kind: str) -> str:
    """The CSS class of an event type's colour: its place in the taxonomy, so a new type
    gets a colour without a CSS change ("tc-x" for a type that is no row)."""
    order = [k.type for k in ui_taxonomy()]
    return f"tc-{order.index(kind) % PALETTE}" if kind in order else "tc-x"


def mark_trigger(sentence: str, trigger: str) -> Markup:
    """The sentence, escaped, with the first occurrence of the trigger in <mark>."""
    at = sentence.lower().find(trigger.lower()) if trigger else -1
    if at < 0:
        return Markup(escape(sentence))
    end = at + len(trigger)
    return Markup(f"{escape(sentence[:at])}<mark class=\"trigger\">"
                  f"{escape(sentence[at:end])}</mark>{escape(sentence[end:])}")


class Entry(Protocol):
    id: str
    type: str
    type_label: str
    date: str | None


@dataclass
class Lane:
    period: str | None  # "2025-08", "2025", or None for the undated
    entries: list[Entry]


def lanes(entries: Sequence[Entry]) -> list[Lane]:
    """The entries by month (a year-only date by year), in their order; undated last."""
    found: dict[str | None, Lane] = {}
    for entry in entries:
        key = entry.date[:7] if entry.date else None
        found.setdefault(key, Lane(key, [])).entries.append(entry)
    undated = found.pop(None, None)
    return [*found.values(), *([undated] if undated else [])]


@dataclass
class MonthChip:
    period: str
    count: int
    url: str
    current: bool


class HasDate(Protocol):
    @property
    def date(self) -> str | None: ...


def month_chips(entries: Sequence[HasDate], entity: str | None, since: str | None,
                until: str | None) -> list[MonthChip]:
    """One link a month the entries fall in: that month alone (since = until = the month)."""
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.date and len(entry.date) >= 7:
            counts[entry.date[:7]] = counts.get(entry.date[:7], 0) + 1
    return [MonthChip(m, n, page_url("/timeline", entity=entity, since=m, until=m),
                      since == until == m)
            for m, n in sorted(counts.items())]


@dataclass
class TypeKey:
    type: str
    label: str


def type_keys(entries: Sequence[Entry]) -> list[TypeKey]:
    """The legend: each event type on the page once, in taxonomy order."""
    seen = {e.type: e.type_label for e in entries}
    order = [k.type for k in ui_taxonomy()]
    return [TypeKey(t, seen[t])
            for t in sorted(seen, key=lambda t: order.index(t) if t in order else len(order))]
