"""What a text must contain for a regex to match in it: patterns whose words are absent are
not run at all.

The times stage runs some twenty patterns over each text (issue 15), and a news article names
few kinds of expression: most of them cannot match ("semestre", a season, a figure); the
cleaning's furniture rows likewise ("soutenez notre rédaction"). Pure ``re``, like
:mod:`veille.lookahead`, so that both stages read it. Read from
the parsed pattern, as :mod:`veille.lookahead` reads its first characters, a pattern's
*needs* are groups of strings: every match holds one string of each group, so a text without
any string of one group has no match, and the pattern need not be tried. Literal runs are
needed as written (lowercase; each word of a run with spaces), a digit class as
:data:`DIGIT`; an alternation needs one of
the strings its branches need. Under ``IGNORECASE`` the lowercase text holds every string a
match holds, except for the few characters ``re`` folds together beyond ``str.lower`` ("ı"
and "i", "ſ" and "s"): a text with one of them is not filtered (:func:`Needs.absent_from`).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Any

sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
# The characters re's IGNORECASE matches with others that str.lower does not map them to.
_EXTRA_CASES: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES

DIGIT = "\x00digit"  # a need met by any character of ``\d``
_UNUSUAL = "".join(sorted(
    {chr(c) for c in _EXTRA_CASES} | {chr(c) for cs in _EXTRA_CASES.values() for c in cs}
    | {"\u0130"}))  # "İ", whose lowercase is two characters
_UNUSUAL_CASE = re.compile("[" + "".join(c for c in _UNUSUAL if not c.isascii()) + "]")
_DIGIT = re.compile(r"\d")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Need = frozenset[str]  # one of these strings is in every match


@dataclass(frozen=True)
class Needs:
    """The needs of one pattern: every match holds one string of each group."""

    groups: tuple[Need, ...]
    # Each group's strings but DIGIT, and whether it holds DIGIT, tested in C with ``map``
    # rather than a generator step a string (issue 15). The rarest group comes first (the
    # likeliest to be absent, which settles the answer) and short strings first in a group
    # (the likeliest to be present, which settles the group).
    _tests: tuple[tuple[Need, tuple[str, ...], bool], ...] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tests", tuple(
            (group, tuple(sorted((s for s in group if s != DIGIT), key=lambda s: (len(s), s))),
             DIGIT in group)
            for group in sorted(self.groups, key=rarity, reverse=True)))

    def absent_from(self, text: str, lowered: str, seen: dict[Need, bool]) -> bool:
        """Whether ``text`` (``lowered``: its ``str.lower()``) lacks every string of a group,
        so that the pattern cannot match in it; ``seen`` keeps the answers for one text."""
        for group, strings, digit in self._tests:
            found = seen.get(group)
            if found is None:
                found = seen[group] = any(map(lowered.__contains__, strings)) or (
                    digit and _DIGIT.search(text) is not None)
            if not found:
                return True
        return False

    def beyond(self, strings: Need) -> Needs:
        """The groups an occurrence of one of ``strings`` (a pattern's anchor) does not meet
        already: once the anchor is found, only these are left to test."""
        return Needs(tuple(group for group in self.groups if not _met_by(strings, group)))


def _met_by(strings: Need, group: Need) -> bool:
    """Whether each of ``strings``, found, holds one of ``group``'s. A string beginning with a
    figure is found as the run of digits it begins in (:mod:`veille.nlp.times.windows`), which
    holds a figure and no more."""
    def holds(found: str) -> bool:
        if found == DIGIT or _DIGIT.match(found):
            return DIGIT in group
        return any(s != DIGIT and s in found for s in group) \
            or (DIGIT in group and _DIGIT.search(found) is not None)
    return all(holds(found) for found in strings)


def filterable(text: str) -> bool:
    """Whether ``str.lower`` of ``text`` holds what ``IGNORECASE`` matches in it."""
    return _UNUSUAL_CASE.search(text) is None


def needs(source: str, flags: int = re.IGNORECASE) -> Needs:
    """The needs of ``source``; none (a pattern always tried) where they cannot be told."""
    try:
        return Needs(tuple(_sequence(list(sre_parse.parse(source, flags)), flags)))
    except re.error:
        return Needs(())


def _sequence(items: list[Any], flags: int) -> list[Need]:
    found: list[Need] = []
    run = ""
    for op, av in items + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            found += [need for word in run.split() for need in literal_needs(word, flags)]
            run = ""
        found += _item(op, av, flags)
    return found


def literal_needs(run: str, flags: int) -> list[Need]:
    """The run as the lowercase text holds it (texts are searched lowercase)."""
    lowered = run.lower()
    if any(c.isspace() for c in run):
        return []  # a leading space stands for any whitespace (windows._finder)
    if flags & re.IGNORECASE and (len(lowered) != len(run) or any(
            c in _UNUSUAL for c in lowered if not c.isascii())):
        return []
    return [frozenset({lowered})]


def _item(op: Any, av: Any, flags: int) -> list[Need]:
    if op is sre.IN:
        return charset_needs(av, flags)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return [] if add_flags or del_flags else _sequence(list(pattern), flags)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), flags)
    if op is sre.BRANCH:
        return branch_needs(av[1], flags)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]), flags)
    return []  # zero-width, optional, any character: nothing a match must hold


def branch_needs(alternatives: list[Any], flags: int) -> list[Need]:
    """One of the strings each alternative needs most (its rarest group)."""
    union: set[str] = set()
    for alternative in alternatives:
        groups = _sequence(list(alternative), flags)
        if not groups:
            return []
        rarest: Need = max(groups, key=rarity)
        union |= rarest
    return [frozenset(union)]


# How rare a figure is, as the length of a word as rare: news prose holds a run of digits
# about as often as a three-letter word, far less often than "le" or "du" (over the generated
# articles, 3.5 runs of digits where "le", "du" and "au" were 15); a string of digits counts as
# a figure. Only the speed depends on it: the anchor's windows of "le 23" were 14 an article
# around "le", 2 around its day.
_FIGURE_RARITY = 3


def rarity(group: Need) -> tuple[int, int]:
    """Longer strings are rarer in a text."""
    return min(_FIGURE_RARITY if s == DIGIT or s.isdigit() else len(s) for s in group), \
        -len(group)


def charset_needs(items: list[Any], flags: int) -> list[Need]:
    if all(op is sre.LITERAL for op, _ in items):
        chars = [literal_needs(chr(av), flags) for _, av in items]
        if all(chars):
            return [frozenset(s for need in chars for s in need[0])]
    if all(_digits(op, av) for op, av in items):  # "\d", "[1-9]": a figure
        return [frozenset({DIGIT})]
    return []


def _digits(op: Any, av: Any) -> bool:
    if op is sre.CATEGORY:
        return bool(av is sre.CATEGORY_DIGIT)
    if op is sre.RANGE:
        return bool(ord("0") <= av[0] <= av[1] <= ord("9"))
    return bool(op is sre.LITERAL and ord("0") <= av <= ord("9"))
