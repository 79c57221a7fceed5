"""The characters a regex's match can start with, read from its parsed form. No spaCy here.

Python's ``re`` tries every branch of an alternation at every place it scans; an
alternation of the trigger table's ~60 regexes costs ~150 character tests at each word of a
text. Knowing which characters each regex can start with, a scan tests one character class
per first character and only the few regexes that can start there
(:mod:`veille.nlp.events.triggers`).

The parse is the standard library's own (``re._parser``, what ``re.compile`` reads). It is
private, so anything it gives that is not understood here counts as "any character": a regex
is then tried everywhere, as before, and never missed.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

_parser: Any
_c: Any
try:  # typeshed knows no re._parser: the modules are read untyped
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python whose re keeps its parser elsewhere
    _parser = _c = None

# a character range wider than this (a-z is 26) is read as "any character"
_WIDEST_RANGE = 400


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (as written: with
    ``re.IGNORECASE`` the other case matches too), or None when it may start with any (or
    match empty)."""
    if _parser is None:
        return None
    try:
        chars, nullable = _sequence(list(_parser.parse(pattern, flags)))
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    return None if nullable or chars is None else frozenset(chars)


_Chars = set[str] | None  # None: any character


def _sequence(items: list[Any]) -> tuple[_Chars, bool]:
    """The first characters of a sequence of parsed items, and whether it can match empty:
    each item's, up to the first that cannot match empty."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op: Any, av: Any) -> tuple[_Chars, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _charset(av), False
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: the next item starts the match
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.BRANCH:
        return _branch(av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        chars, nullable = _sequence(list(av[2]))
        return chars, nullable or av[0] == 0
    return None, False


def _branch(branches: list[Any]) -> tuple[_Chars, bool]:
    found: set[str] = set()
    empty = False
    for branch in branches:
        chars, nullable = _sequence(list(branch))
        if chars is None:
            return None, False
        found |= chars
        empty = empty or nullable
    return found, empty


def _charset(items: list[Any]) -> _Chars:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            found.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            found.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a category (\w), a negated set: any character
            return None
    return found


def by_first_char(patterns: Sequence[str], firsts: Sequence[frozenset[str] | None]) -> str:
    """An alternation of ``patterns`` (``firsts``: their :func:`first_chars`) that tests, at
    a place, one character class for the patterns that can start with the same characters,
    then only those: it matches at the places the plain alternation matches, at a fraction of
    the character tests (which pattern matches there may differ: for whether and where, not
    for what). A pattern whose first characters are unknown is tried everywhere."""
    starts: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for i, chars in enumerate(firsts):
        for char in sorted(chars) if chars is not None else ():
            starts.setdefault(char, []).append(i)
        if chars is None:
            anywhere.append(i)
    # the characters that start the same patterns share one class
    classes: dict[tuple[int, ...], list[str]] = {}
    for char, among in starts.items():
        classes.setdefault(tuple(among), []).append(char)

    def alternation(among: Sequence[int]) -> str:
        return "|".join(f"(?:{patterns[i]})" for i in among)
    branches = [f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{alternation(among)})"
                for among, chars in classes.items()]
    return "|".join(branches + ([alternation(anywhere)] if anywhere else []))
