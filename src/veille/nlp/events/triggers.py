"""Event triggers: the words that name an event ("sommet", "s'est entretenu", "se rendra").

The pack's ``events/triggers.tsv`` holds one regex per trigger, with its type and CAMEO code.
Run one by one, those regexes read every sentence once per trigger (~50 passes). Here one
regex finds where any trigger starts, and only there the triggers that can start with that
character are matched: the same matches as running each trigger's regex over the sentence, in
one pass, so a document costs in proportion to its length. Both steps go by the characters a
trigger can start with (:mod:`veille.nlp.events.starts`): at a word, one character class is
tested per group of triggers that start alike, not every trigger. No spaCy here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from veille.lang.pack import LanguagePack
from veille.nlp.events.starts import by_first_char, first_chars
from veille.nlp.scope import current_pack

_STRAIGHT, _APOSTROPHES = "'", "['’]"


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    cameo: str


_Rule = tuple[re.Pattern[str], str, str]
_WORD_START = r"(?<!\w)"


@dataclass(frozen=True)
class _Scanner:
    """The trigger table as two regexes: ``any`` finds where some trigger starts (one pass
    over a sentence, instead of one per trigger); ``every`` reads at such a place which
    triggers match there, each in its named group ``t<i>``, whose number in the match's spans
    (``Match.regs``) is ``groups[i]``. ``starting``: for a character some trigger can start
    with, the triggers that can start with it (a character not in it is read by ``every``)."""

    rules: tuple[_Rule, ...]
    any: re.Pattern[str]
    every: re.Pattern[str]
    groups: tuple[int, ...]
    starting: dict[str, tuple[int, ...]]


def _read_triggers(pack: LanguagePack) -> _Scanner:
    # the table writes the straight apostrophe; news uses both
    table = [(p.replace(_STRAIGHT, _APOSTROPHES), t, c)
             for p, t, c in pack.table("events/triggers.tsv")]
    rules = tuple((re.compile(rf"{_WORD_START}{p}(?!\w)", re.IGNORECASE), t, c)
                  for p, t, c in table)
    # an empty branch after each lookahead: a trigger that does not match leaves its group unset
    every = re.compile("".join(f"(?:(?=(?P<t{i}>{r.pattern}))|)" for i, (r, _, _)
                               in enumerate(rules)), re.IGNORECASE)
    firsts = [first_chars(p, re.IGNORECASE) for p, _, _ in table]
    found = by_first_char([rf"{p}(?!\w)" for p, _, _ in table], re.IGNORECASE)
    return _Scanner(rules, re.compile(rf"{_WORD_START}(?:{found})"), every,
                    tuple(every.groupindex[f"t{i}"] for i in range(len(rules))),
                    _starting(firsts))


def _starting(firsts: list[frozenset[str] | None]) -> dict[str, tuple[int, ...]]:
    """Each first character of a trigger, and its other case, with every trigger that can start
    with it as ``re.IGNORECASE`` matches (asked of ``re`` itself, so a character that folds
    in an unusual way still finds its triggers); triggers whose first characters are unknown
    go with every character."""
    known = [chars for chars in firsts if chars is not None]
    keys = {case for chars in known for char in chars for case in (char, char.upper())
            if len(case) == 1}
    return {key: tuple(i for i, chars in enumerate(firsts) if chars is None or any(
        re.fullmatch(re.escape(char), key, re.IGNORECASE) for char in chars))
        for key in sorted(keys)}


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Event triggers inside ``text[start:end]``, longest first where they overlap."""
    return _sentence(current_pack().derive(_read_triggers), text, start, end)


def sentence_triggers(text: str, sentences: Sequence[tuple[int, int]]) -> list[list[Trigger]]:
    """The triggers of each of ``sentences`` (spans of ``text``), as :func:`find_triggers`."""
    scanner = current_pack().derive(_read_triggers)
    return [_sentence(scanner, text, s, e) for s, e in sentences]


def _sentence(scanner: _Scanner, text: str, start: int, end: int) -> list[Trigger]:
    """What running each trigger's regex over ``text[start:end]`` gives (``endpos`` cuts the
    lookaheads at the sentence's end as the slice would; a sentence starts after a blank, so
    the word-start lookbehind reads the same), in one pass."""
    places = scanner.any.finditer(text, start, end)
    first = next(places, None)
    if first is None:  # most sentences name no event: nothing to gather or sort
        return []
    # where each trigger's next match may start, for the triggers matched so far: a place
    # matches a few of the table's triggers
    free: dict[int, int] = {}
    found: list[tuple[int, Trigger]] = []
    for place in chain((first,), places):
        for i, s, e in _matches_at(scanner, text, place.start(), end):
            if s >= free.get(i, start):  # not inside its previous match, as finditer goes
                _, kind, cameo = scanner.rules[i]
                found.append((i, Trigger(s, e, text[s:e], kind, cameo)))
                free[i] = e
    if len(found) < 2:  # one trigger (or none): no overlap to settle
        return [t for _, t in found]
    return _longest_first([t for _, t in sorted(found, key=lambda f: (f[0], f[1].start))])


def _matches_at(scanner: _Scanner, text: str, at: int, end: int
                ) -> list[tuple[int, int, int]]:
    """The triggers that match at ``at``, as (trigger, start, end): only those that can
    start with its character, each its own regex; or all at once by ``every``."""
    among = scanner.starting.get(text[at])
    if among is not None:
        return [(i, m.start(), m.end()) for i in among
                for m in (scanner.rules[i][0].match(text, at, end),) if m is not None]
    every = scanner.every.match(text, at, end)
    spans = every.regs if every is not None else ()  # never None: each branch may match empty
    return [(i, spans[group][0], spans[group][1]) for i, group in enumerate(scanner.groups)
            if spans and spans[group][0] >= 0]


def _longest_first(found: list[Trigger]) -> list[Trigger]:
    kept: list[Trigger] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
