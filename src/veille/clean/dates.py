"""Absolute French dates in running text ("26 octobre 2025", "1er août 2025") to ISO strings."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from veille.resources import read_table


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
