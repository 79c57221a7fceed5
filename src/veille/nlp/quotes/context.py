"""When and where words were said: ``said_on`` and ``medium`` from the attribution clause.

Only the clause around the cue counts (the sentence minus the quoted or reported content): a date
inside the content is what the speaker talks about, not when they spoke. ``said_on`` is a time
expression of the clause (from ``times``), else a bare weekday ("diffusée dimanche") resolved to
the latest such day on or before the reference date. ``medium`` is an organisation named in the
clause next to a medium noun ("interview", "antenne": ``quotes/context_media_nouns.txt``) or right
after the verb ("déclare à l'AFP"), after a preposition (``quotes/context.toml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from veille.lang.pack import LanguagePack
from veille.model import Entity, Mention, TimeExpr
from veille.nlp.entities.component import EntityTable
from veille.nlp.scope import current_pack

_DATED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class ContextWords:
    """The word lists of ``said_on`` and ``medium``, for one language pack."""

    weekdays: dict[str, int]  # weekday name -> ISO weekday
    weekday_letters: re.Pattern[str]  # any weekday name, inside a word or not
    not_when: frozenset[str]  # before a weekday: the bound of something else ("depuis")
    media_nouns: frozenset[str]  # make an organisation of the clause the medium ("interview")
    medium_prep: re.Pattern[str]  # the preposition before the medium's name ("à l'AFP")


def _words() -> ContextWords:
    return current_pack().derive(_build_words)


def _build_words(pack: LanguagePack) -> ContextWords:
    weekdays = {row[0]: int(row[1]) for row in pack.table("weekdays.tsv") if len(row) >= 2}
    return ContextWords(
        weekdays=weekdays,
        # one search of a clause for the names' letters ("(?!)": no name, nothing found)
        weekday_letters=re.compile("|".join(map(re.escape, weekdays)) or "(?!)"),
        not_when=pack.words("quotes/context_not_when.txt"),
        media_nouns=pack.words("quotes/context_media_nouns.txt"),
        medium_prep=pack.regex("quotes/context.toml", "medium_prep"),
    )


class TimesByStart:
    """A document's time expressions indexed by start, so that each statement's clause reads
    only the times inside it (a long document has thousands of both)."""

    def __init__(self, times: list[TimeExpr]) -> None:
        self.times = times
        self.order = sorted(range(len(times)), key=lambda k: times[k].start)
        self.starts = [times[k].start for k in self.order]

    def inside(self, clause: list[tuple[int, int]]) -> list[TimeExpr]:
        """The times inside one of the clause's ranges, in the order they were given."""
        found: set[int] = set()
        for a, b in clause:
            low, high = bisect_left(self.starts, a), bisect_right(self.starts, b)
            if low < high:  # (most clauses hold no time)
                found.update(k for k in self.order[low:high] if self.times[k].end <= b)
        return [self.times[k] for k in sorted(found)] if found else []


def said_on(text: str, clause: list[tuple[int, int]], times: list[TimeExpr] | TimesByStart,
            reference: date | None) -> str | None:
    """The date the clause gives for the statement, or None."""
    lists = _words()
    indexed = times if isinstance(times, TimesByStart) else TimesByStart(times)
    for t in indexed.inside(clause):
        before = re.findall(r"\w+", text[max(0, t.start - 12) : t.start].casefold())[-1:]
        first = re.findall(r"\w+", t.text.casefold())[:1]
        bound = bool(set(before + first) & lists.not_when)
        if t.value and _DATED.match(t.value) and not bound:
            return t.value
    if reference is None:
        return None
    for a, b in clause:
        part = text[a:b].casefold()
        if lists.weekday_letters.search(part) is None:
            continue  # no weekday's letters: no word to read (most clauses)
        words = re.findall(r"\w+", part)
        for k, word in enumerate(words):
            day = lists.weekdays.get(word)
            # "bloquée depuis mercredi" dates something else than the statement
            if day is not None and (k == 0 or words[k - 1] not in lists.not_when):
                back = (reference.isoweekday() - day) % 7
                return (reference - timedelta(days=back)).isoformat()
    return None


def medium(text: str, clause: list[tuple[int, int]], entities: list[Entity] | EntityTable,
           cue_end: int | None) -> str | None:
    """The organisation the words were said to or on, or None (the first in table order).
    ``entities``: the table, whose offset index gives the mentions inside the clause, or its
    entities in table order, their mentions in text order (each clause range is found in
    them by bisection)."""
    lists = _words()
    if cue_end is None and not _has_media_noun(text, clause, lists.media_nouns):
        return None  # no medium noun and no verb to follow: no mention can be the medium
    best: tuple[int, Entity] | None = None
    for order, m, entity in _organisations_inside(entities, clause):
        if best is not None and order >= best[0]:
            continue
        before = text[max(0, m.start - 12) : m.start].casefold()
        prep = lists.medium_prep.search(before)
        if prep is None:
            continue
        right_after = cue_end is not None and 0 <= m.start - cue_end <= 8
        # the clause's words read only here: few clauses have such a mention
        if right_after or _has_media_noun(text, clause, lists.media_nouns):
            best = (order, entity)
    return best[1].name if best else None


def _organisations_inside(entities: list[Entity] | EntityTable, clause: list[tuple[int, int]]
                          ) -> Iterator[tuple[int, Mention, Entity]]:
    """The organisations' mentions inside the clause's ranges, with the entity's place in
    table order: from the table's offset index, not a look at every entity for every quote."""
    if isinstance(entities, EntityTable):
        for a, b in clause:
            for m, entity in entities.mentions_starting_in(a, b):
                if entity.type == "ORG" and m.end <= b:
                    yield entities.rank(entity), m, entity
        return
    for order, entity in enumerate(entities):
        if entity.type == "ORG":
            for m in _mentions_inside(entity, clause):
                yield order, m, entity


def _has_media_noun(text: str, clause: list[tuple[int, int]], nouns: frozenset[str]) -> bool:
    return any(w in nouns for a, b in clause for w in re.findall(r"\w+", text[a:b].casefold()))


def _mentions_inside(entity: Entity, clause: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for a, b in clause:
        k = bisect_left(entity.mentions, a, key=_START)
        while k < len(entity.mentions) and entity.mentions[k].start <= b:
            if entity.mentions[k].end <= b:
                found.append(entity.mentions[k])
            k += 1
    return found


_START = attrgetter("start")
