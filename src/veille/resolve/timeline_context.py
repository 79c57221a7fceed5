"""What a document itself says around one of its events, for the timeline merge.

Two questions a report's own document answers before any other document is asked: which day
an undated event was, when another sentence of the same text gives it (a photo caption "X à
Washington, le 18 août 2025" dates the meeting the article only calls "la rencontre à
Washington"), and how late the event can be (a document reports as done only what happened
by its own date). Pure functions over :class:`veille.model.Record`.
"""

from __future__ import annotations

import re
import unicodedata

from veille.model import Event, Record

_STOPS = (". ", "\n", "? ", "! ")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence around ``text[start:end]``: from the last sentence end before
    it to the next one (its stop included)."""
    left = max(text.rfind(stop, 0, start) for stop in _STOPS)
    ends = [i for i in (text.find(stop, end) for stop in _STOPS) if i >= 0]
    return (left + 1 if left >= 0 else 0), (min(ends) + 1 if ends else len(text))


def _plain(text: str) -> str:
    """Lower case without accents, one character for one (offsets are kept)."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text).lower()


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """A name's words in order, joined by spaces or hyphens ("Maison-Blanche")."""
    words = re.findall(r"\w+", _plain(name))
    if not words:
        return None
    return re.compile(r"\b" + r"[\s\-]+".join(map(re.escape, words)) + r"\b")


def _surname(name: str) -> str | None:
    # the last word names a person or a body in running text ("Zelensky", "Kremlin")
    words = re.findall(r"\w+", _plain(name))
    return words[-1] if words and len(words[-1]) > 3 else None


# A day written right after a place ("à Washington, DC, le 18 août 2025", "à Anchorage, en
# Alaska, le 15 août": the caption convention) dates what happened there. The gap may hold
# short words and names (capitalised), nothing that could start another clause.
_GAP = 30


def context_date(record: Record, event: Event) -> str | None:
    """The day another sentence of ``record`` gives an undated ``event``, or None.

    That sentence must name the event's place and one of its participants, the place followed
    at once by a day ("à Washington, le 18 août": only punctuation or an abbreviation between
    them); the event's own sentence must hold no time expression (one it has but could not
    read, "en février" with no year, is its date, not the caption's). Several days found:
    none is sure, None.
    """
    if event.date or not event.place or not event.participants:
        return None
    place = _name_pattern(event.place)
    names = [n for n in map(_surname, event.participants) if n]
    if place is None or not names:
        return None
    text, plain = record.text, _plain(record.text)
    own = sentence_bounds(text, event.start, event.end)
    if any(own[0] <= t.start < own[1] for t in record.times):
        return None
    days = {t.value for t in record.times
            if t.value and len(t.value) == 10 and _follows_place(text, plain, t.start, place)
            and _names_one(plain, sentence_bounds(text, t.start, t.end), names)}
    return days.pop() if len(days) == 1 else None


def _follows_place(text: str, plain: str, start: int, place: re.Pattern[str]) -> bool:
    """Whether the place ends just before ``start``, a short gap of names between."""
    low = max(0, start - _GAP - 60)
    for hit in place.finditer(plain, low, start):
        gap = text[hit.end():start]
        if len(gap) <= _GAP and all(len(w) <= 3 or w[0].isupper() for w in re.findall(r"\w+", gap)):
            return True
    return False


def _names_one(plain: str, bounds: tuple[int, int], names: list[str]) -> bool:
    sentence = plain[bounds[0]:bounds[1]]
    return any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names)


def after_reference(date: str | None, reference: str | None) -> bool:
    """Whether an event of ``date`` (any precision) begins after a document's own date: such
    a document can report it only as planned."""
    if not date or not reference:
        return False
    return date[:len(reference)] > reference[:len(date)]
