"""A regex behind a lookahead on the characters its matches can begin with.

Python's ``re`` tries a pattern at every position of the text, and under ``IGNORECASE`` it
tries every branch of an alternation of words there: the time patterns, each an optional
leading word ("le", "depuis", "début du mois de") then alternations of month or weekday names,
spent most of the times stage failing branch after branch (issue 15). ``(?=[ldacj])`` in front
rejects a position with one test. The class is read from the parsed pattern and holds every
character a match can begin with, so the guarded pattern matches exactly what the pattern does;
where that cannot be told (a negated class, a back-reference, a match that may be empty), the
pattern is left as it is.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# re's own parser (re._parser, re._constants since Python 3.11), which typeshed does not
# describe: the guard reads patterns exactly as re compiles them.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

# (class members, may match empty), or None when the first character cannot be told
_First = tuple[frozenset[str], bool] | None


def guarded(source: str, flags: int = re.IGNORECASE) -> str:
    """``source`` with a lookahead on its possible first characters, or unchanged."""
    try:
        first = _sequence(list(sre_parse.parse(source, flags)))
    except re.error:
        return source  # a part that refers to a group of the pattern around it

    if first is None or first[1] or not first[0]:
        return source
    return f"(?=[{''.join(sorted(first[0]))}])(?:{source})"


def _sequence(items: list[Any]) -> _First:
    members: set[str] = set()
    for op, av in items:
        found = _item(op, av)
        if found is None:
            return None
        members |= found[0]
        if not found[1]:
            return frozenset(members), False
    return frozenset(members), True


def _item(op: Any, av: Any) -> _First:
    if op is sre.LITERAL:
        return frozenset({re.escape(chr(av))}), False
    if op is sre.IN:
        return _charset(av)
    if op in _ZERO_WIDTH:
        return frozenset(), True  # no character; what it asserts only narrows the matches
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return None if add_flags or del_flags else _sequence(list(pattern))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        return _branch(av[1])
    if op in _REPEATS:
        low, _high, pattern = av
        found = _sequence(list(pattern))
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # ANY, a back-reference, a conditional: any character may come first


def _branch(alternatives: list[Any]) -> _First:
    members: set[str] = set()
    empty = False
    for alternative in alternatives:
        found = _sequence(list(alternative))
        if found is None:
            return None
        members |= found[0]
        empty = empty or found[1]
    return frozenset(members), empty


def _charset(items: list[Any]) -> _First:
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            members.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            members.add(_CATEGORIES[av])
        else:
            return None  # a negated class or category: anything but, so no guard
    return frozenset(members), False
