"""Document metadata from plain text: title, dateline, publisher, language, reference date."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from veille.clean.dates import full_date_pattern, latest_explicit_date, to_iso
from veille.lang.pack import read_lines
from veille.model import Removed

# "Moscou, 26 octobre 2025" alone on a line, or "27 août 2012. -" opening a paragraph.
_DATELINE_CITY = re.compile(r"^\s*(?P<place>[A-ZÉÈÀÂ][\w'’ -]{1,40}),\s*(?P<date>.+?)\s*$")
_DATELINE_DASH = re.compile(r"^\s*(?P<date>.{6,30}?)\s*\.?\s*[-–—]\s")
_PUBLISHER_HINTS = (
    re.compile(r"^\s*suivez\s+(?P<name>.+?)\s+sur\s*\w+", re.IGNORECASE),
    re.compile(r"^\s*(?P<name>.+?)\s+utilise\s+des\s+cookies", re.IGNORECASE),
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def dateline(text: str, lines_to_scan: int = 6) -> str | None:
    """The ISO date of a dateline near the top of ``text``, if there is one."""
    for line in [line for line in text.splitlines() if line.strip()][:lines_to_scan]:
        for pattern in (_DATELINE_CITY, _DATELINE_DASH):
            match = pattern.match(line)
            if not match:
                continue
            found = full_date_pattern().fullmatch(match["date"].strip().rstrip("."))
            if found:
                return to_iso(found["day"], found["month"], found["year"])
    return None


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


def publisher_from_boilerplate(removed: list[Removed]) -> str | None:
    """Sites name themselves in their furniture: "Suivez RT en français sur Telegram"."""
    for item in removed:
        for pattern in _PUBLISHER_HINTS:
            match = pattern.match(item.text)
            if match:
                name = re.sub(r"\s*sur\w*$", "", match["name"]).strip()
                if 1 <= len(name.split()) <= 6:
                    return name
    return None


def detect_language(text: str) -> str:
    """'fr' or 'en' (or 'und') from function-word counts; enough to route French news."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return "und"
    scores = {}
    for lang in ("fr", "en"):
        stop = set(read_lines(f"stopwords-{lang}.txt", "xx"))
        scores[lang] = sum(1 for w in words if w in stop)
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= max(3, len(words) // 50) else "und"


def latest_full_date(text: str) -> str | None:
    """The reference date to infer when nothing dates the text (see clean.dates)."""
    return latest_explicit_date(text)
