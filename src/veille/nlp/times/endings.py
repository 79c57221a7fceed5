"""The characters a regex's matches end with, read from the parsed pattern.

A time pattern's anchor after a run of whitespace (" mai", :mod:`veille.nlp.times.windows`)
holds, right before that run, what the pattern's part before it ends with: a day's figure
("le 3 mai"), the "r" of "1er". An occurrence after anything else ("a déclaré", "en mars")
holds no match of it. Characters as the lowercase text holds them (the scanner's), DIGIT for
a figure; pure ``re``, like :mod:`veille.prefilter`.
"""

from __future__ import annotations

import importlib
from typing import Any

from veille.prefilter import DIGIT, Need, filterable

sre: Any = importlib.import_module("re._constants")

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def follows(items: list[Any], flags: int) -> Need | None:
    """The characters (lowercase; DIGIT for a figure) one of which ends every match of
    ``items``, or None where they cannot be told, where ``items`` may match nothing, or where
    one may be a whitespace (the run of whitespace after ``items`` would not begin there)."""
    found = _ending(items, flags)
    if found is None or found[1] or any(c != DIGIT and c.isspace() for c in found[0]):
        return None
    return found[0]


def _ending(items: list[Any], flags: int) -> tuple[Need, bool] | None:
    """(the characters a match of ``items`` may end with, whether it may be empty)."""
    chars: set[str] = set()
    for op, av in reversed(items):
        found = _item_ending(op, av, flags)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _item_ending(op: Any, av: Any, flags: int) -> tuple[Need, bool] | None:
    if op is sre.LITERAL:
        found = _lowered(chr(av))
        return (found, False) if found is not None else None
    if op is sre.IN:
        members = _class_members(av)
        return (members, False) if members is not None else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # reads, consumes nothing: what ends the match is before
    if op is sre.SUBPATTERN:
        return None if av[1] or av[2] else _ending(list(av[3]), flags)
    if op is sre.ATOMIC_GROUP:
        return _ending(list(av), flags)
    if op is sre.BRANCH:
        endings = [_ending(list(a), flags) for a in av[1]]
        if any(e is None for e in endings):
            return None
        return (frozenset().union(*(e[0] for e in endings if e)),
                any(e[1] for e in endings if e))
    if op in _REPEATS:
        inner = _ending(list(av[2]), flags)
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    return None  # any character, a back-reference, a conditional


# A class of letters as wide as this is not worth listing.
_MAX_CLASS = 256


def _class_members(items: list[Any]) -> Need | None:
    """A class's characters as the lowercase text holds them; DIGIT for ``\\d``."""
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            found = _lowered(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            found = _class_members([(sre.LITERAL, c) for c in range(av[0], av[1] + 1)])
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            found = frozenset({DIGIT})
        else:
            return None  # a negated class, another category, a wide range
        if found is None:
            return None
        members |= found
    return frozenset(members)


def _lowered(char: str) -> Need | None:
    """``char`` as the lowercase text holds it: under IGNORECASE the text's character
    matching it lowers to the same one; without, lowering can only widen the test. None for
    a character that ``str.lower`` and ``re`` do not fold alike (:func:`filterable`)."""
    lower = char.lower()
    return frozenset({lower}) if len(lower) == 1 and filterable(char + lower) else None
