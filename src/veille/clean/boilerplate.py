"""Remove page furniture from plain text, listing every removal with its reason.

Works line by line on text (HTML has first been reduced to text by :mod:`veille.clean.html`):
cookie and consent banners, share prompts, photo credits, image placeholders, advertising labels
and a headline repeated as a footer. Patterns live in the language pack of the document
(``lang/<code>/clean/boilerplate.tsv``); the caller picks the pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.lang.pack import LanguagePack
from veille.model import Removed

# An inline credit glued to a caption: "Sergueï Lavrov© RIA Novosti".
_INLINE_CREDIT = re.compile(r"\s*©\s*[\w .'’/-]{2,60}$")
# UI words left between two banner lines ("OK", "Réseaux sociaux") belong to the banner.
_MAX_SANDWICH_WORDS = 3


@dataclass
class Line:
    start: int
    end: int
    text: str
    reason: str | None = None


Rules = tuple[tuple[str, re.Pattern[str]], ...]


def _rules(pack: LanguagePack) -> Rules:
    """(reason, pattern) rows of the pack's ``clean/boilerplate.tsv``, compiled once per pack."""
    table = pack.table("clean/boilerplate.tsv")
    return tuple((reason, re.compile(rx, re.IGNORECASE)) for reason, rx in table)


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


def classify(line: str, pack: LanguagePack) -> str | None:
    """The boilerplate reason for one line in ``pack``'s language, or None when it is article
    text."""
    if not line.strip():
        return None
    for reason, pattern in pack.derive(_rules):
        if pattern.search(line):
            return reason
    return None


def strip_boilerplate(text: str, pack: LanguagePack, title: str | None = None
                      ) -> tuple[str, list[Removed]]:
    """Return the cleaned text and what was removed (offsets into ``text``), with the furniture
    patterns of ``pack`` (the document's language)."""
    lines = split_lines(text)
    for line in lines:
        line.reason = classify(line.text, pack)
    _absorb_banner_labels(lines)
    _mark_repeated_headline(lines, title)
    removed: list[Removed] = []
    kept: list[str] = []
    for line in lines:
        if line.reason:
            removed.append(Removed(line.start, line.end, line.reason, line.text))
            continue
        credit = _INLINE_CREDIT.search(line.text)
        if credit and len(line.text) - len(credit.group()) > 3:
            cut = line.start + credit.start()
            removed.append(Removed(cut, line.end, "photo-credit", credit.group().strip()))
            kept.append(line.text[: credit.start()])
            continue
        kept.append(line.text)
    return _join(kept), removed


def _absorb_banner_labels(lines: list[Line]) -> None:
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    for pos, index in enumerate(content):
        line = lines[index]
        if line.reason or len(line.text.split()) > _MAX_SANDWICH_WORDS:
            continue
        before = lines[content[pos - 1]].reason if pos > 0 else None
        after = lines[content[pos + 1]].reason if pos + 1 < len(content) else None
        if before == "cookie-banner" and after in ("cookie-banner", None):
            line.reason = "cookie-banner"


def _mark_repeated_headline(lines: list[Line], title: str | None) -> None:
    content = [line for line in lines if line.text.strip() and not line.reason]
    if len(content) < 3:
        return
    head = (title or content[0].text).strip().casefold()
    last = content[-1]
    if head and last.text.strip().casefold() == head:
        last.reason = "repeated-headline"


def _join(kept: list[str]) -> str:
    text = "\n".join(kept)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
