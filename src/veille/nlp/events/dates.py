"""The dates of one event from the times of its sentence. No spaCy here.

A date belongs to the nearest trigger of the sentence; a list ("les 16 mai, 2 juin et 23
juillet") dates one event each, a run of days of one month ("les 9 et 10 juillet") one event
from its first day; a date fronted before every trigger frames them all; a bound ("depuis
octobre") dates nothing, nor a time that dates a saying. A planned event on a bare weekday is on
the coming one. The words are the pack's (``events/patterns.toml``, ``weekdays.tsv``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from veille.lang.pack import LanguagePack
from veille.model import TimeExpr
from veille.nlp.events.data import pattern_reader
from veille.nlp.events.frames import dates_the_saying
from veille.nlp.events.triggers import Trigger
from veille.nlp.scope import current_pack

_DAY_OR_MONTH = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")
# a day number with no month of its own ("9" in "les 9 et 10 juillet", "1er"; an ordinal's
# ending is letters of any language)
_BARE_DAY = re.compile(r"^\d{1,2}[^\W\d_]{0,3}$")
_FLAGS = {"list_gap": 0, "bound": re.IGNORECASE}


_re = pattern_reader(_FLAGS)


def nearest(position: int, triggers: list[Trigger]) -> Trigger:
    if len(triggers) == 1:  # most sentences: nothing to measure
        return triggers[0]
    return min(triggers, key=lambda t: min(abs(position - t.start), abs(position - t.end)))


def _list_head(time: TimeExpr, times: list[TimeExpr], text: str) -> int:
    """Where the list a time belongs to starts: "les 16 mai, 2 juin et 23 juillet" is placed
    as a whole, so its last date does not stray to a trigger after the list."""
    head = time
    for before in sorted((t for t in times if t.end <= time.start), key=lambda t: -t.start):
        if not _re()["list_gap"].match(text[before.end:head.start]):
            break
        head = before
    return head.start


def _day_ranges(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """``times`` without the days that only end a run of days of one month: "les 9 et 10
    juillet" is one event from the 9th (the first day names no month of its own), while "les
    16 mai, 2 juin et 23 juillet" are three."""
    kept: list[TimeExpr] = []
    for time in sorted(times, key=lambda t: t.start):
        head = kept[-1] if kept else None
        if head is not None and _BARE_DAY.match(head.text) and head.value and time.value \
                and head.value[:7] == time.value[:7] \
                and _re()["list_gap"].match(text[head.end:time.start]):
            continue
        kept.append(time)
    return kept


def event_dates(text: str, trigger: Trigger, triggers: list[Trigger], times: list[TimeExpr],
                speak: bool = False) -> list[str | None]:
    """The dates of the event: its own times (several for "les 16 mai, 2 juin et 23 juillet"),
    else a time fronted before every trigger of the sentence, else none. ``speak``: the event
    is one where someone speaks (a press conference, an interview), which a time right after a
    verb of saying may date."""
    bound = _re()["bound"]
    usable = _day_ranges(text, [t for t in times if t.value and _DAY_OR_MONTH.match(t.value)
                                and not bound.search(text[max(0, t.start - 12):t.start]
                                                     + t.text[:8] + " ")
                                and (speak or not dates_the_saying(text, t.start))])
    # a sentence's only trigger owns all its times: no list to place
    own = usable if triggers == [trigger] else [
        t for t in usable if nearest(_list_head(t, usable, text), triggers) == trigger]
    if own:
        after = [t for t in own if t.start > trigger.end]
        # one list of dates, not two dates of different clauses
        listed = [t for t in after if _list_head(t, usable, text) == _list_head(
            after[0], usable, text)] if after else []
        if len(listed) > 1 and len({t.value for t in listed}) == len(listed):
            return [t.value for t in listed]
        return [min(own, key=lambda t: abs(t.start - trigger.start)).value]
    fronted = [t for t in usable if t.end <= triggers[0].start]
    return [fronted[0].value] if fronted else [None]


def _weekdays(pack: LanguagePack) -> frozenset[str]:
    return frozenset(row[0].casefold() for row in pack.table("weekdays.tsv"))


def weekday_ahead(when: str | None, times: list[TimeExpr], reference: date | None
                   ) -> str | None:
    """The date of a planned event named by a bare weekday ("est attendu mardi"): the coming
    such day, though the times stage, reading a present tense, took the last one. What is
    planned lies ahead of the day it is written about."""
    if when is None or reference is None or len(when) != 10:
        return when
    day = date.fromisoformat(when)
    names = current_pack().derive(_weekdays)
    bare = any(t.value == when and t.anchor == "published" and not any(c.isdigit() for c in t.text)
               and t.text.split()[0].casefold() in names for t in times)
    if bare and 0 < (reference - day).days < 7:
        return (day + timedelta(days=7)).isoformat()
    return when
