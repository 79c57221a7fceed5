"""Calendar arithmetic for time expressions: pure functions of dates, no language.

A *lean* says which way an ambiguous expression points when the text does not tell: news
reports what happened, so a bare "vendredi" or "le 28 décembre" leans to the past; a verb in the
future tense makes it lean forward; "none" takes the nearest candidate either way.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Lean = Literal["past", "future", "none"]
Unit = Literal["day", "week", "month", "year"]

# A date on the disfavoured side of the reference must be this many times closer than the best
# date on the favoured side to win: "le 5 janvier" in a paper of 20 December (future, 16 days)
# beats 5 January of the same year (349 days ago), "le 28 décembre" on 2 January goes back.
_AGAINST_LEAN = 3.0


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: Unit) -> date:
    """``day`` moved by ``amount`` units (negative goes back)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    if unit == "month":
        return add_months(day, amount)
    return add_months(day, 12 * amount)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def cost(candidate: date, reference: date, lean: Lean) -> float:
    """Distance in days from ``reference``, weighted against dates on the wrong side."""
    delta = (candidate - reference).days
    if lean == "past" and delta > 0 or lean == "future" and delta < 0:
        return abs(delta) * _AGAINST_LEAN
    return float(abs(delta))


def pick_year(month: int, day: int | None, reference: date, lean: Lean,
              direction: int = 0) -> date | None:
    """The year of a day-month (or month, ``day=None``) seen from ``reference``.

    ``direction`` -1 ("dernier") keeps only dates up to the reference, +1 ("prochain") only
    dates after it. Returns None for an impossible date such as 30 February.
    """
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:
            continue
    if day is None:  # compare months by their first day against the reference's month
        reference = reference.replace(day=1)
    if direction < 0:
        candidates = [c for c in candidates if c <= reference]
    elif direction > 0:
        candidates = [c for c in candidates if c > reference]
    if not candidates:
        return None
    return min(candidates, key=lambda c: cost(c, reference, lean))


def pick_weekday(weekday: int, reference: date, lean: Lean, direction: int = 0) -> date:
    """The date of an ISO ``weekday`` (Monday = 1) near ``reference``.

    ``direction`` -1 ("lundi dernier"): strictly before; +1 ("lundi prochain"): strictly after.
    Otherwise news usage: "vendredi" in a Friday paper is that day; past lean looks back up to
    six days, future lean forward, no lean takes the nearest.
    """
    back = (reference.isoweekday() - weekday) % 7
    ahead = (weekday - reference.isoweekday()) % 7
    if direction < 0:
        return reference - timedelta(days=back or 7)
    if direction > 0:
        return reference + timedelta(days=ahead or 7)
    if lean == "future" or lean == "none" and ahead < back:
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=back)


def weekday_in_week(weekday: int, reference: date) -> date:
    """"ce vendredi": the weekday of the reference's own (Monday-first) week."""
    return reference + timedelta(days=weekday - reference.isoweekday())


def nearest_weekday(weekday: int, around: date) -> date:
    """The ``weekday`` closest to ``around`` ("trois jours plus tard, le lundi")."""
    ahead = (weekday - around.isoweekday()) % 7
    return around + timedelta(days=ahead) if ahead <= 3 else around - timedelta(days=7 - ahead)


def precise(day: date, unit: Unit) -> str:
    """The ISO value of ``day`` at the precision a deictic unit names."""
    if unit == "week":
        return iso_week(day)
    if unit == "month":
        return day.isoformat()[:7]
    if unit == "year":
        return str(day.year)
    return day.isoformat()
