"""Document metadata from plain text: title, dateline, publisher, language, reference date.

The dateline and publisher patterns are the language pack's ``clean/metadata.toml``; language
identification compares the stopword lists of the multilingual pack (``lang/xx/clean/``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from veille.clean.dates import full_date_pattern, latest_explicit_date, to_iso
from veille.lang.pack import LanguagePack, shared
from veille.model import Removed

PATTERNS = "clean/metadata.toml"
# Furniture in which sites name themselves, tried in this order (entries of PATTERNS).
_PUBLISHER_HINTS = ("follow_us", "cookie_banner")


def dateline(text: str, pack: LanguagePack, lines_to_scan: int = 6) -> str | None:
    """The ISO date of a dateline near the top of ``text``, if there is one."""
    patterns = [pack.regex(PATTERNS, key) for key in ("dateline_place", "dateline_dash")]
    for line in [line for line in text.splitlines() if line.strip()][:lines_to_scan]:
        for pattern in patterns:
            match = pattern.match(line)
            if not match:
                continue
            found = full_date_pattern(pack).fullmatch(match["date"].strip().rstrip("."))
            if found:
                return to_iso(found["day"], found["month"], found["year"], pack)
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


def publisher_from_boilerplate(removed: list[Removed], pack: LanguagePack) -> str | None:
    """Sites name themselves in their furniture: "Suivez RT en français sur Telegram"."""
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


def detect_language(text: str) -> str:
    """The language whose stopwords ``text`` uses most (``lang/xx/clean/languages.txt`` lists
    the candidates, ties going to the first), or 'und'; enough to route news."""
    xx = shared()
    words = xx.regex("clean/language_id.toml", "word").findall(text[:20000].lower())
    if not words:
        return "und"
    scores = {}
    for lang in xx.lines("clean/languages.txt"):
        stop = xx.words(f"stopwords-{lang}.txt")
        scores[lang] = sum(1 for w in words if w in stop)
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= max(3, len(words) // 50) else "und"


def latest_full_date(text: str, pack: LanguagePack) -> str | None:
    """The reference date to infer when nothing dates the text (see clean.dates)."""
    return latest_explicit_date(text, pack)
