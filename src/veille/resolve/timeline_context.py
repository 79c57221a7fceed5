"""What a document itself says around one of its events, for the timeline merge.

Two questions a report's own document answers before any other document is asked: which day
an undated event was, when another sentence of the same text gives it (a photo caption "X à
Washington, le 18 août 2025" dates the meeting the article only calls "la rencontre à
Washington"), and how late the event can be (a document reports as done only what happened
by its own date), and, for a text with no date of its own, which week it was written in when a
sure merge dates one of its events that it names by a weekday alone. Pure functions over
:class:`veille.model.Record`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

from veille.lang.pack import LanguagePack
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
    text = record.text
    own = sentence_bounds(text, event.start, event.end)
    if any(own[0] <= t.start < own[1] for t in record.times):
        return None
    # only the text around each dated expression is folded: a long text has many events
    days = {t.value for t in record.times
            if t.value and len(t.value) == 10 and _follows_place(text, t.start, place)
            and _names_one(text, sentence_bounds(text, t.start, t.end), names)}
    return days.pop() if len(days) == 1 else None


def _follows_place(text: str, start: int, place: re.Pattern[str]) -> bool:
    """Whether the place ends just before ``start``, a short gap of names between."""
    window = text[max(0, start - _GAP - 60):start]
    for hit in place.finditer(_plain(window)):
        gap = window[hit.end():]
        if len(gap) <= _GAP and all(len(w) <= 3 or w[0].isupper()
                                    for w in re.findall(r"\w+", gap)):
            return True
    return False


def _names_one(text: str, bounds: tuple[int, int], names: list[str]) -> bool:
    sentence = _plain(text[bounds[0]:bounds[1]])
    return any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names)


def after_reference(date: str | None, reference: str | None) -> bool:
    """Whether an event of ``date`` (any precision) begins after a document's own date: such
    a document can report it only as planned."""
    if not date or not reference:
        return False
    return date[:len(reference)] > reference[:len(date)]


@cache
def _calendar_words() -> tuple[dict[str, int], dict[str, int]]:
    """Weekday and month names of every installed pack (folded) -> ISO weekday, month."""
    days: dict[str, int] = {}
    months: dict[str, int] = {}
    for code in LanguagePack.available():
        pack = LanguagePack.load(code)
        for table, into in (("weekdays.tsv", days), ("months.tsv", months)):
            for row in pack.table(table):
                if len(row) >= 2 and row[1].isdigit():
                    into[_plain(row[0])] = int(row[1])
    return days, months


def _unread_in(record: Record, sentence: str) -> list[list[str]]:
    """The words of each time expression with no value in the sentence ``sentence`` (as the
    timeline keeps it: spaces collapsed) of ``record``."""
    found = []
    for t in record.times:
        if t.value is None:
            left, right = sentence_bounds(record.text, t.start, t.end)
            if " ".join(record.text[left:right].split()) == sentence:
                found.append(re.findall(r"\w+", _plain(t.text)))
    return found


def week_of(record: Record, sentence: str, day: str) -> bool:
    """Whether ``record``, naming an event in ``sentence`` by a weekday alone ("vendredi"),
    names the weekday of ``day``, the date a sure merge lent that event: a weekday alone is a
    day of the week a text is written in, so the text is of that week."""
    weekdays = _calendar_words()[0]
    try:
        iso = date.fromisoformat(day).isoweekday()
    except ValueError:
        return False  # a malformed date in an imported record dates nothing
    named = {weekdays[w] for words in _unread_in(record, sentence) for w in words
             if w in weekdays}
    return named == {iso}


def month_in_frame(record: Record, sentence: str, frame: str) -> str | None:
    """The month an unread month name of ``sentence`` ("en février", no year) is, in a text
    written in the week of ``frame``: the latest such month not after it. None when the
    sentence holds no such name, or several, or a number (a day or a year it could not read)."""
    months = _calendar_words()[1]
    named = set()
    for words in _unread_in(record, sentence):
        if any(w.isdigit() for w in words):
            return None
        named |= {months[w] for w in words if w in months}
    if len(named) != 1:
        return None
    month, year = named.pop(), int(frame[:4])
    return f"{year if month <= int(frame[5:7]) else year - 1}-{month:02d}"
