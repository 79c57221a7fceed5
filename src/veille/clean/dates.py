"""Absolute French dates in running text ("26 octobre 2025", "1er août 2025") to ISO strings."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from veille.lang.pack import read_table


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    return {name: int(number) for name, number in read_table("months.tsv")}


@lru_cache(maxsize=1)
def full_date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{months})\.?\s+(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    )


def to_iso(day: str, month: str, year: str) -> str | None:
    """``("26", "octobre", "2025") -> "2025-10-26"``; None for an impossible date."""
    number = month_numbers().get(month.lower().rstrip("."))
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[int, int, str]]:
    """Every "day month year" date in ``text`` as (start, end, ISO value)."""
    found = []
    for match in full_date_pattern().finditer(text):
        value = to_iso(match["day"], match["month"], match["year"])
        if value:
            found.append((match.start(), match.end(), value))
    return found


@lru_cache(maxsize=1)
def _numeric_pattern() -> re.Pattern[str]:
    """"15/08/2025", "15.08.2025" and ISO "2025-08-15": explicit full dates in figures."""
    return re.compile(r"(?<![\d/.-])(?:(?P<day>[0-3]?\d)([/.])(?P<month>[01]?\d)\2"
                      r"(?P<year>(?:19|20)\d\d)|(?P<iyear>(?:19|20)\d\d)-(?P<imonth>[01]\d)-"
                      r"(?P<iday>[0-3]\d))(?![\d/-])")


@lru_cache(maxsize=1)
def _day_month_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))
    return re.compile(rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{months})\b(?!\.?\s+\d)",
                      re.IGNORECASE)


def explicit_dates(text: str) -> list[str]:
    """ISO values of every full date of ``text``, in words or in figures."""
    found = [value for _, _, value in full_dates(text)]
    for m in _numeric_pattern().finditer(text):
        year, month, day = (m["year"], m["month"], m["day"]) if m["year"] else \
            (m["iyear"], m["imonth"], m["iday"])
        try:
            found.append(date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return found


def latest_explicit_date(text: str) -> str | None:
    """The latest date the text gives, the best guess of when it was written.

    Full dates count first; a day-month date ("le 21 octobre") counts too when it falls later
    in the year of the latest full date, since an article dated by "le 15 août 2025" and
    speaking of "le 21 octobre" was written on 21 October at the earliest.
    """
    full = explicit_dates(text)
    if not full:
        return None
    latest = max(full)
    year = latest[:4]
    for m in _day_month_pattern().finditer(text):
        value = to_iso(m["day"], m["month"], year)
        if value and value > latest:
            latest = value
    return latest
