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
from dataclasses import dataclass
from datetime import date, timedelta

from veille.lang.pack import LanguagePack
from veille.model import Entity, TimeExpr
from veille.nlp.scope import current_pack

_DATED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class ContextWords:
    """The word lists of ``said_on`` and ``medium``, for one language pack."""

    weekdays: dict[str, int]  # weekday name -> ISO weekday
    not_when: frozenset[str]  # before a weekday: the bound of something else ("depuis")
    media_nouns: frozenset[str]  # make an organisation of the clause the medium ("interview")
    medium_prep: re.Pattern[str]  # the preposition before the medium's name ("à l'AFP")


def _words() -> ContextWords:
    return current_pack().derive(_build_words)


def _build_words(pack: LanguagePack) -> ContextWords:
    return ContextWords(
        weekdays={row[0]: int(row[1]) for row in pack.table("weekdays.tsv") if len(row) >= 2},
        not_when=pack.words("quotes/context_not_when.txt"),
        media_nouns=pack.words("quotes/context_media_nouns.txt"),
        medium_prep=pack.regex("quotes/context.toml", "medium_prep"),
    )


def _inside(start: int, end: int, clause: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in clause)


def said_on(text: str, clause: list[tuple[int, int]], times: list[TimeExpr],
            reference: date | None) -> str | None:
    """The date the clause gives for the statement, or None."""
    lists = _words()
    for t in times:
        if not _inside(t.start, t.end, clause):
            continue  # cheap test first: a long document has hundreds of times
        before = re.findall(r"\w+", text[max(0, t.start - 12) : t.start].casefold())[-1:]
        first = re.findall(r"\w+", t.text.casefold())[:1]
        bound = bool(set(before + first) & lists.not_when)
        if t.value and _DATED.match(t.value) and not bound:
            return t.value
    if reference is None:
        return None
    for a, b in clause:
        words = re.findall(r"\w+", text[a:b].casefold())
        for k, word in enumerate(words):
            day = lists.weekdays.get(word)
            # "bloquée depuis mercredi" dates something else than the statement
            if day is not None and (k == 0 or words[k - 1] not in lists.not_when):
                back = (reference.isoweekday() - day) % 7
                return (reference - timedelta(days=back)).isoformat()
    return None


def medium(text: str, clause: list[tuple[int, int]], entities: list[Entity],
           cue_end: int | None) -> str | None:
    """The organisation the words were said to or on, or None."""
    lists = _words()
    words = {w for a, b in clause for w in re.findall(r"\w+", text[a:b].casefold())}
    has_noun = bool(words & lists.media_nouns)
    for entity in entities:
        if entity.type != "ORG":
            continue
        for m in entity.mentions:
            if not _inside(m.start, m.end, clause):
                continue
            before = text[max(0, m.start - 12) : m.start].casefold()
            prep = lists.medium_prep.search(before)
            if prep is None:
                continue
            right_after = cue_end is not None and 0 <= m.start - cue_end <= 8
            if has_noun or right_after:
                return entity.name
    return None
