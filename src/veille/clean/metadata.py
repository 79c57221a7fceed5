"""Document metadata from plain text: title, dateline, publisher, reference date.

The dateline and publisher patterns are the language pack's ``clean/metadata.toml``; the
language is told by :mod:`veille.clean.language`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from veille.clean.dates import (
    TextYears,
    agency_source,
    date_parts,
    stamp_source,
    stamp_value,
    weekday_date,
)
from veille.lang.pack import LanguagePack
from veille.model import Removed
from veille.prefilter import Needs, filterable, needs

PATTERNS = "clean/metadata.toml"
# Furniture in which sites name themselves, tried in this order (entries of PATTERNS).
_PUBLISHER_HINTS = ("follow_us", "cookie_banner")


# Date lines tried on each of the first lines, in this order (entries of PATTERNS, matched at
# the line's start), then the publication lines searched in them (a publication beats an update).
_DATELINES = ("dateline_place", "dateline_dash", "byline")
_STAMPS = ("published_stamp", "updated_stamp")


def dateline(text: str, pack: LanguagePack, lines_to_scan: int = 8) -> str | None:
    """The ISO date of a date line near the top of ``text`` ("ROME, 3 mars 2026 (AFP) -",
    "Paris, le 3 mars 2026.", "Par Marie Durand, le 3 mars 2026", "Publié le 03/03/2026 à
    14h05"), if there is one; a line under the headline or the standfirst counts."""
    lines = [line for line in text.splitlines() if line.strip()][:lines_to_scan]
    years = TextYears(text, pack)  # for a date without one
    for line in lines:
        for key in _DATELINES:
            match = _dateline_pattern(pack, key).match(line)
            found = stamp_value(match, pack, years) if match else None
            if found:
                return found
    # A stamp is searched anywhere in a line, each of its positions tried (issue 15): lines
    # that together lack the words it needs (veille.prefilter: "publié", a figure) have none,
    # as each line is a part of them.
    block = "\n".join(lines)
    lowered = block.lower() if filterable(block) else None
    for key in _STAMPS:
        pattern, need = _stamp_test(pack, key)
        if lowered is not None and need.absent_from(block, lowered, {}):
            continue
        for line in lines:
            for match in pattern.finditer(line):
                found = stamp_value(match, pack, years)
                if found:
                    return found
    return None


def _dateline_pattern(pack: LanguagePack, key: str) -> re.Pattern[str]:
    # Cached under the key alone: expanding the parts to look the compiled pattern up cost
    # more than the match (issue 15).
    return pack.cached(("clean.metadata", key), lambda: pack.regex(
        PATTERNS, key, re.IGNORECASE, stamp=stamp_source(pack), agency=agency_source(pack)))


def _stamp_test(pack: LanguagePack, key: str) -> tuple[re.Pattern[str], Needs]:
    """A stamp's pattern and what a line must hold for it to match (read once per pack)."""
    def read() -> tuple[re.Pattern[str], Needs]:
        pattern = _dateline_pattern(pack, key)
        return pattern, needs(pattern.pattern, pattern.flags)
    return pack.cached(("clean.metadata.needs", key), read)


def guess_title(text: str) -> str | None:
    """The first line when it reads like a headline: short, not ending a sentence."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= 200 and not line.endswith((".", ":", ",")):
            return line
        return None
    return None


def publisher_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def publisher_from_boilerplate(removed: list[Removed], pack: LanguagePack) -> str | None:
    """Sites name themselves in their furniture: "Suivez RT en français sur Telegram"."""
    if not removed:  # most texts: no pattern to look up
        return None
    hints = [pack.regex(PATTERNS, key, re.IGNORECASE) for key in _PUBLISHER_HINTS]
    tail = pack.regex(PATTERNS, "name_tail")
    for item in removed:
        for pattern in hints:
            match = pattern.match(item.text)
            if match:
                name = tail.sub("", match["name"]).strip()
                if 1 <= len(name.split()) <= 6:
                    return name
    return None


def dated_today(text: str, pack: LanguagePack) -> str | None:
    """The day the text says it is written ("ce lundi 3 mars 2026", "ce mardi 4 mars" in a
    text whose full dates are of 2026), the only evidence in running text strong enough to
    infer a reference date from: the latest or a future date of a text is not (an article
    announces meetings to come and recalls old ones). Of several, the earliest: "ce jeudi 5
    mars" may name a day to come of the week the text is written in."""
    years = TextYears(text, pack)
    found = []
    for m in pack.regex(PATTERNS, "today_stamp", re.IGNORECASE, **date_parts(pack)).finditer(text):
        day = weekday_date(m["day"], m["month"], m["year"], m["wd"], list(years), pack)
        if day and (m["year"] or m["wd"]):
            found.append(day)
    return min(found, default=None)
