"""A case-insensitive regex as a case-sensitive one over the lowercase text, where both
find the same.

Case-insensitive matching lowers each character of the text and compares it, alternative
after alternative: the time patterns, alternations of month and weekday names, spent a third
of their scans so (issue 15). The scanner lowers its text once
(:class:`veille.nlp.times.windows.Scanner`); the pattern without IGNORECASE over it finds the
same spans where every character the pattern names is its own lowercase. Pure ``re``.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from veille.prefilter import filterable

sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# str.lower tells a final sigma from another, by its place; re's IGNORECASE folds both alike.
_SIGMAS = frozenset("σς")
# A class's range wider than this is not read character by character (no twin).
_MAX_RANGE = 4096


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (IGNORECASE) without IGNORECASE, for the lowercase text, where both find
    the same spans (and groups' spans); None otherwise. re compares a character's lowercase
    with the pattern's; the lowercase text holds exactly that lowercase where the text is
    :func:`filterable` (the scanner's condition for lowering it: no character re folds
    beyond ``str.lower``) and has no sigma. So they agree when every character the pattern
    names is its own lowercase: ``\\d``, ``\\s``, ``\\w`` and ``\\b`` tell a character and
    its lowercase alike (tested over every character, tests/nlp/times/test_prefilter.py)."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.LOCALE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    if not _lowercase_only(list(parsed)):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _lowercase_only(items: list[Any]) -> bool:
    """Whether every character ``items`` name is its own lowercase (see lowercase_twin)."""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            found = _lowercase(av)
        elif op is sre.IN:
            found = all(_lowercase(a) if o in (sre.LITERAL, sre.NOT_LITERAL)
                        else a[1] - a[0] < _MAX_RANGE
                        and all(map(_lowercase, range(a[0], a[1] + 1))) if o is sre.RANGE
                        else o in (sre.CATEGORY, sre.NEGATE) for o, a in av)
        elif op is sre.SUBPATTERN:
            found = not (av[1] or av[2]) and _lowercase_only(list(av[3]))
        elif op is sre.BRANCH:
            found = all(_lowercase_only(list(a)) for a in av[1])
        elif op in _REPEATS:
            found = _lowercase_only(list(av[2]))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found = _lowercase_only(list(av[1]))
        elif op is sre.ATOMIC_GROUP:
            found = _lowercase_only(list(av))
        else:  # a position, any character, a back-reference: the same; anything else: no
            found = op in (sre.AT, sre.ANY, sre.GROUPREF)
        if not found:
            return False
    return True


def _lowercase(code: int) -> bool:
    char = chr(code)
    return char.lower() == char and char not in _SIGMAS and filterable(char)
