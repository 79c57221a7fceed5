"""When an entity was in the news: documents that mention it and quotes it gave, per week or
month, with what has no date at that precision counted apart."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from veille.datecalc import add_months
from veille.store.base import QuoteRow, Store
from veille.taxonomy import ui_pack

_ALL = 1_000_000
# Weeks while the dated items span no more than this: beyond, a bar per week gets too thin.
WEEKS_UP_TO = 12


@dataclass
class PeriodCount:
    period: str  # "2025-08" (month) or "2025-W33" (ISO week)
    documents: int
    quotes: int


@dataclass
class Activity:
    unit: str  # "month" or "week"
    periods: list[PeriodCount] = field(default_factory=list)  # contiguous, gaps at 0
    undated: PeriodCount | None = None  # "sans date": no date at the unit's precision


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _unit(dates: list[str]) -> str:
    days = [_day(d) for d in dates]
    if not days or any(d is None for d in days):
        return "month"
    known = [d for d in days if d is not None]
    return "week" if (max(known) - min(known)).days <= WEEKS_UP_TO * 7 else "month"


def _periods(first: str, last: str, unit: str) -> list[str]:
    """Every period from the first to the last, so that a quiet one shows as a gap."""
    out: list[str] = []
    if unit == "week":
        day = date.fromisoformat(first)
        day -= timedelta(days=day.weekday())
        while not out or out[-1] < last:
            out.append(_week(day))
            day += timedelta(days=7)
        return out
    month = date.fromisoformat(first + "-01")
    while month.isoformat()[:7] <= last:
        out.append(month.isoformat()[:7])
        month = add_months(month, 1)
    return out


def _period_of(value: str | None, unit: str) -> str | None:
    if not value:
        return None
    if unit == "week":
        day = _day(value)
        return _week(day) if day else None
    return value[:7] if len(value) >= 7 else None


def activity(store: Store, entity_id: int, quotes: list[QuoteRow]) -> Activity:
    """Documents mentioning the entity and its quotes, per period."""
    published = {d.doc_id: d.published for d in store.documents(limit=_ALL)}
    doc_dates = [published.get(d) for d in store.entity_documents(entity_id, limit=_ALL)]
    quote_dates = [q.said_on or q.published for q in quotes]
    unit = _unit([d for d in (*doc_dates, *quote_dates) if d])
    docs = Counter(_period_of(d, unit) for d in doc_dates)
    said = Counter(_period_of(d, unit) for d in quote_dates)
    dated = sorted(p for p in {*docs, *said} if p)
    periods = _periods(_first_day(dated[0], unit), dated[-1], unit) if dated else []
    undated = PeriodCount(ui_pack().mapping("views/words.tsv")["undated"], docs[None],
                          said[None])
    return Activity(unit, [PeriodCount(p, docs[p], said[p]) for p in periods],
                    undated if undated.documents or undated.quotes else None)


def _first_day(period: str, unit: str) -> str:
    if unit == "month":
        return period
    return date.fromisocalendar(int(period[:4]), int(period[6:]), 1).isoformat()
