"""A merged timeline as text lines, JSON-ready data, or an iCalendar file (RFC 5545).

The iCalendar writer is hand-made (a few lines, no dependency): one VEVENT per dated event,
an all-day ``DTSTART;VALUE=DATE`` for a day (a month spans the whole month), text escaped and
lines folded at 75 octets as the RFC asks. The words (event labels, "undated") are the pack's:
``events/taxonomy.tsv`` and ``events/labels.tsv``, the interface's pack by default.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from veille.datecalc import add_months
from veille.lang.pack import LanguagePack
from veille.resolve.timeline import TimelineEvent
from veille.taxonomy import event_taxonomy, ui_pack

_WORDS = "events/labels.tsv"
_BASES = "timeline/labels.tsv"


def timeline_json(events: list[TimelineEvent]) -> list[dict[str, Any]]:
    return [dict(asdict(e), source_count=len(e.sources)) for e in events]


def summary(event: TimelineEvent, pack: LanguagePack | None = None) -> str:
    """"sommet: Donald Trump, Vladimir Poutine": the type's label in ``pack``'s language."""
    label = event_taxonomy(pack or ui_pack()).label(event.type)
    status = "" if event.status == "happened" else f" ({event.status})"
    return f"{label}{status}: {', '.join(event.participants)}"


def timeline_text(events: list[TimelineEvent], quotes_per_event: int = 2,
                  pack: LanguagePack | None = None) -> list[str]:
    """One block per event: date, what, who, where, sources, conflicts, a few quotes."""
    pack = pack or ui_pack()
    words = pack.mapping(_WORDS)
    bases = pack.mapping(_BASES)  # a date lent otherwise than by a merge says how
    lines = []
    for e in events:
        where = f" — {e.place}" + (f" ({e.place_id})" if e.place_id else "") if e.place else ""
        count = len(e.sources)
        lines.append(f"{e.date or words['undated']:10}  {summary(e, pack)}{where}  "
                     f"[{count} source{'s' if count > 1 else ''}]")
        for s in e.sources:
            # a lent date names its lender: the reader can check the source that gave it
            lent = bases.get(s.date_basis, words["merged"])
            basis = f" ({lent}: {s.date_from})" if s.date_from else ""
            lines.append(f"            · {s.label}{basis}: « {s.trigger} »")
        lines.extend(f"            ! {c}" for c in e.conflicts)
        for q in e.quotes[:quotes_per_event]:
            lines.append(f"            « {_clip(q['text'] or '', 120)} » — {q['speaker']}")
    return lines


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Content lines longer than 75 octets continue on lines that start with a space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def _span(value: str) -> tuple[date, date]:
    """All-day start and exclusive end of a YYYY-MM-DD or YYYY-MM date."""
    if len(value) == 7:
        first = date.fromisoformat(value + "-01")
        return first, add_months(first, 1)
    day = date.fromisoformat(value)
    return day, day + timedelta(days=1)


def timeline_ics(events: list[TimelineEvent], stamp: datetime,
                 pack: LanguagePack | None = None) -> str:
    """An iCalendar document of the dated events; ``stamp`` is the DTSTAMP (UTC)."""
    pack = pack or ui_pack()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Veille//timeline//{pack.code.upper()}",
             "CALSCALE:GREGORIAN"]
    for e in events:
        if not e.date or len(e.date) not in (7, 10):
            continue
        start, end = _span(e.date)
        key = f"{e.date}|{e.type}|{'|'.join(sorted(e.participants))}"
        described = [f"{len(e.sources)} source(s)"] + [
            f"{s.label}: {s.sentence}" for s in e.sources] + e.conflicts
        lines += ["BEGIN:VEVENT",
                  f"UID:{hashlib.sha1(key.encode()).hexdigest()[:16]}@veille",
                  f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                  f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{_escape(summary(e, pack))}"]
        if e.place:
            lines.append(f"LOCATION:{_escape(e.place)}")
        if e.status == "cancelled":
            lines.append("STATUS:CANCELLED")
        lines += [f"DESCRIPTION:{_escape(chr(10).join(described))}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
