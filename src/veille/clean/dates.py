"""Absolute dates in running text ("26 octobre 2025", "March 3, 2026") to ISO strings.

The patterns are the language pack's ``clean/dates.toml`` (the order of day, month and year is
the language's), the month names its ``months.tsv``; every function takes the pack of the
document's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from veille.lang.pack import LanguagePack, alternation

PATTERNS = "clean/dates.toml"


def month_numbers(pack: LanguagePack) -> dict[str, int]:
    """Month name or abbreviation (lowercase) -> month number."""
    return pack.cached(("clean.dates", "months"), lambda: {
        row[0].lower(): int(row[1]) for row in pack.table("months.tsv")})


def date_parts(pack: LanguagePack) -> dict[str, str]:
    """The alternations the patterns refer to: ``{{months}}`` and ``{{weekdays}}``."""
    return pack.cached(("clean.dates", "alternation"), lambda: {
        "months": alternation(month_numbers(pack)),
        "weekdays": alternation([row[0] for row in pack.table("weekdays.tsv")])})


def _pattern(pack: LanguagePack, key: str) -> re.Pattern[str]:
    return pack.regex(PATTERNS, key, re.IGNORECASE, **date_parts(pack))


def stamp_source(pack: LanguagePack) -> str:
    """The source of the pack's ``date_stamp``, a date as date lines write it (optional
    article, weekday and time), for other patterns to embed; read with :func:`stamp_value`."""
    return pack.cached(("clean.dates", "date_stamp"),
                       lambda: pack.regex_source(PATTERNS, "date_stamp", **date_parts(pack)))


def agency_source(pack: LanguagePack) -> str:
    """The source of the pack's ``agency``, a news agency's name in brackets ("(AFP)",
    "(Keystone-ATS)"), for the date line patterns to embed."""
    return pack.cached(("clean.dates", "agency"), lambda: pack.regex_source(PATTERNS, "agency"))


def stamp_value(match: re.Match[str], pack: LanguagePack, years: Iterable[int] = ()
                ) -> str | None:
    """The ISO date a match of :func:`stamp_source` names; None for an impossible date. A
    date without its year ("mardi 3 mars") takes the one year of ``years`` (those of the
    text's full dates) in which its weekday falls right, as :func:`weekday_date` reads "ce
    mardi 3 mars", else None: without a weekday, the years a text talks about do not tell
    the day it is written (an anniversary piece dated "11 septembre" talks of 2001)."""
    groups = match.groupdict()
    if groups.get("year"):
        return to_iso(match["day"], match["month"], match["year"], pack)
    if groups.get("ymonth"):
        if not groups.get("swd"):
            return None
        return weekday_date(match["yday"], match["ymonth"], None, match["swd"], list(years),
                            pack)
    year, month, day = (match["nyear"], match["nmonth"], match["nday"]) if groups.get("nyear") \
        else (match["iyear"], match["imonth"], match["iday"])
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


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


class TextYears:
    """The years of ``text``'s full dates (:func:`explicit_dates`), read on first use: only a
    date without its year needs them, and reading every date of the text for each date line
    tried cost more than the date lines (issue 15)."""

    __slots__ = ("_pack", "_text", "_years")

    def __init__(self, text: str, pack: LanguagePack) -> None:
        self._text, self._pack = text, pack
        self._years: list[int] | None = None

    def __iter__(self) -> Iterator[int]:
        if self._years is None:
            self._years = [int(value[:4]) for value in explicit_dates(self._text, self._pack)]
        return iter(self._years)


def weekday_date(day: str, month: str, year: str | None, weekday: str | None,
                 years: list[int], pack: LanguagePack) -> str | None:
    """The ISO date of "lundi 3 mars [2026]": with its year, if the weekday (when named) agrees;
    without, the one year of ``years`` in which it falls on that weekday. None otherwise."""
    weekdays = pack.cached(("clean.dates", "weekdays"), lambda: {
        row[0].lower(): int(row[1]) for row in pack.table("weekdays.tsv")})
    named = weekdays.get((weekday or "").lower())
    fits = set()
    for candidate in [year] if year else [str(y) for y in set(years)]:
        value = to_iso(day, month, candidate, pack)
        if value and (named is None or date.fromisoformat(value).isoweekday() == named):
            fits.add(value)
    return fits.pop() if len(fits) == 1 else None
