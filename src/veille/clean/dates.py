"""Absolute dates in running text ("26 octobre 2025", "March 3, 2026") to ISO strings.

The patterns are the language pack's ``clean/dates.toml`` (the order of day, month and year is
the language's), the month names its ``months.tsv``; every function takes the pack of the
document's language.
"""

from __future__ import annotations

import re
from datetime import date

from veille.lang.pack import LanguagePack, alternation

PATTERNS = "clean/dates.toml"


def month_numbers(pack: LanguagePack) -> dict[str, int]:
    """Month name or abbreviation (lowercase) -> month number."""
    return pack.cached(("clean.dates", "months"), lambda: {
        row[0].lower(): int(row[1]) for row in pack.table("months.tsv")})


def _pattern(pack: LanguagePack, key: str) -> re.Pattern[str]:
    months = pack.cached(("clean.dates", "alternation"), lambda: alternation(month_numbers(pack)))
    return pack.regex(PATTERNS, key, re.IGNORECASE, months=months)


def full_date_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """A date in words with its year; groups ``day``, ``month``, ``year``."""
    return _pattern(pack, "full_date")


def to_iso(day: str, month: str, year: str, pack: LanguagePack) -> str | None:
    """``("26", "octobre", "2025") -> "2025-10-26"``; None for an impossible date."""
    number = month_numbers(pack).get(month.lower().rstrip("."))
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def full_dates(text: str, pack: LanguagePack) -> list[tuple[int, int, str]]:
    """Every "day month year" date in ``text`` as (start, end, ISO value)."""
    found = []
    for match in full_date_pattern(pack).finditer(text):
        value = to_iso(match["day"], match["month"], match["year"], pack)
        if value:
            found.append((match.start(), match.end(), value))
    return found


def explicit_dates(text: str, pack: LanguagePack) -> list[str]:
    """ISO values of every full date of ``text``, in words or in figures ("15/08/2025",
    ISO "2025-08-15"; the pack's ``numeric_date`` says which of day and month comes first)."""
    found = [value for _, _, value in full_dates(text, pack)]
    for m in _pattern(pack, "numeric_date").finditer(text):
        year, month, day = (m["year"], m["month"], m["day"]) if m["year"] else \
            (m["iyear"], m["imonth"], m["iday"])
        try:
            found.append(date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return found


def latest_explicit_date(text: str, pack: LanguagePack) -> str | None:
    """The latest date the text gives, the best guess of when it was written.

    Full dates count first; a day-month date ("le 21 octobre") counts too when it falls later
    in the year of the latest full date, since an article dated by "le 15 août 2025" and
    speaking of "le 21 octobre" was written on 21 October at the earliest.
    """
    full = explicit_dates(text, pack)
    if not full:
        return None
    latest = max(full)
    year = latest[:4]
    for m in _pattern(pack, "day_month").finditer(text):
        value = to_iso(m["day"], m["month"], year, pack)
        if value and value > latest:
            latest = value
    return latest
