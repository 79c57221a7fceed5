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
from collections.abc import Iterable, Sequence
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
# a match width beyond this is read as unbounded
_LONGEST = 10_000


def widest_match(pattern: str, flags: int = 0) -> int | None:
    """The most characters a match of ``pattern`` can span, or None when it is unbounded (or
    the parse is not understood)."""
    if _parser is None:
        return None
    try:
        widest = int(_parser.parse(pattern, flags).getwidth()[1])
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return None
    return widest if widest <= _LONGEST else None


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


# how many distinct two-character beginnings a pattern may have before they are read as "any"
_MOST_PREFIXES = 4096
# a prefix: its characters, and whether what follows them is unknown (any character)
_Prefix = tuple[str, bool]


def second_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters the second character of a match of ``pattern`` can be (as written,
    as :func:`first_chars`), or None when it may be any, or a match may be shorter than two
    characters."""
    if _parser is None:
        return None
    try:
        found = _prefixes(list(_parser.parse(pattern, flags)))
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    if found is None or any(len(chars) < 2 for chars, _ in found):
        return None
    return frozenset(chars[1] for chars, _ in found)


def _prefixes(items: list[Any]) -> set[_Prefix] | None:
    """The first two characters a sequence of parsed items can match, each with whether what
    follows is unknown; a prefix shorter than two that is not open ends the match. None when
    there are too many to list."""
    found: set[_Prefix] = {("", False)}
    for op, av in items:
        ahead = _item_prefixes(op, av)
        if ahead is None:
            return None
        joined = _joined(found, ahead)
        if joined is None:
            return None
        found = joined
    return found


def _joined(heads: set[_Prefix], tails: set[_Prefix]) -> set[_Prefix] | None:
    joined: set[_Prefix] = set()
    for head, open_ in heads:
        if open_ or len(head) >= 2:
            joined.add((head, open_))
            continue
        for tail, tail_open in tails:
            chars = head + tail
            joined.add((chars[:2], tail_open and len(chars) < 2))
    return joined if len(joined) <= _MOST_PREFIXES else None


def _item_prefixes(op: Any, av: Any) -> set[_Prefix] | None:
    if op is _c.LITERAL:
        return {(chr(av), False)}
    if op is _c.IN:
        chars = _charset(av)
        return {("", True)} if chars is None else {(char, False) for char in chars}
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {("", False)}  # zero width (what it asserts only narrows the matches)
    if op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]))
    if op is _c.BRANCH:
        found: set[_Prefix] = set()
        for branch in av[1]:
            prefixes = _prefixes(list(branch))
            if prefixes is None:
                return None
            found |= prefixes
        return found
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _repeated(av[0], av[1], list(av[2]))
    return {("", True)}  # anything else: any character from here


def _repeated(least: int, most: int, items: list[Any]) -> set[_Prefix] | None:
    """The prefixes of ``least`` to ``most`` copies of ``items``: two copies give two
    characters at least, unless a copy can match empty, so up to two are enough."""
    once = _prefixes(items)
    if once is None:
        return None
    empty = any(not chars and not open_ for chars, open_ in once)
    found: set[_Prefix] = set()
    copies: set[_Prefix] = {("", False)}
    for count in range(min(most, 2) + 1):
        if count >= min(least, 2) or empty:
            found |= copies
        joined = _joined(copies, once)
        if joined is None:
            return None
        copies = joined
    return found


def by_first_char(patterns: Sequence[str], flags: int = 0) -> str:
    """An alternation of ``patterns`` that matches at the places where one of them matches
    (compiled with ``flags``), at a fraction of the cost: for whether and where, not for
    what (its match is the character it starts at). Compile it with ``flags`` less
    ``re.IGNORECASE``, which it applies itself.

    ``re`` tests a branch that opens on a character class without entering it, and a
    lookahead class per group of patterns (or a case-insensitive class) costs a sub-match at
    every place. So each branch opens on the characters, in every case ``re`` folds them to,
    that start the same patterns, then matches only those from there (a lookbehind one
    character wide holding the lookahead). A pattern whose first characters are unknown is
    tried everywhere, as it is; a character beyond the Basic Multilingual Plane, whose folds
    are not listed, by every other pattern."""
    firsts = [first_chars(p, flags) for p in patterns]
    fold = flags & re.IGNORECASE
    # the characters any of them starts with, folds included: one pass over the characters
    candidates = _folded(frozenset().union(*(c for c in firsts if c is not None)), fold)
    starting: dict[str, list[int]] = {}
    for i, chars in enumerate(firsts):
        if chars is None:
            continue
        opening = re.compile(f"[{_class(chars)}]", fold)
        for char in sorted(c for c in candidates if opening.fullmatch(c)):
            starting.setdefault(char, []).append(i)
    anywhere = [i for i, chars in enumerate(firsts) if chars is None]
    # the characters that start the same patterns share one class
    classes: dict[tuple[int, ...], list[str]] = {}
    for char, among in starting.items():
        classes.setdefault(tuple(among), []).append(char)
    case = "(?i:" if fold else "(?:"

    def alternation(among: Sequence[int]) -> str:
        return case + "|".join(f"(?:{patterns[i]})" for i in among) + ")"

    def branch(opening: str, among: Sequence[int]) -> str:
        return rf"{opening}{_second_screen(patterns, among, flags)}" \
            rf"(?<=(?={alternation(among)})(?s:.))"
    branches = [branch(f"[{_class(chars)}]", among) for among, chars in classes.items()]
    known = [i for i, chars in enumerate(firsts) if chars is not None]
    if known:  # beyond the Basic Multilingual Plane no fold is listed: every known pattern
        branches.append(branch("[\U00010000-\U0010ffff]", known))
    if anywhere:  # what may start with any character, or match empty, is tried everywhere
        branches.append(alternation(anywhere))
    found = "|".join(branches)
    # Most places a clause is scanned at are inside a word: when every pattern opens on the
    # word-start test, the alternation opens on it too and refuses them at once, before its
    # branches. No match is lost: a pattern matches only where its own first test holds.
    # The test costs a sub-match at every place: it pays where it saves testing several
    # classes (patterns that all start alike, as a lone one, keep theirs in front).
    if len(classes) > 1 and all(opens_on_word_start(p, flags) for p in patterns):
        found = f"{_WORD_START}(?:{found})"
    if anywhere or not known:
        return found
    # Every branch then takes one character, one of those the classes open on: a class of
    # them all in front, read again by the alternation in a lookbehind one character wide,
    # finds the same places, and ``re`` skips in C to the characters it holds (it skips to
    # the opening of a lone class, never to the openings of several branches).
    return f"[{_class(candidates)}\U00010000-\U0010ffff](?<={found})"


_WORD_START = r"(?<!\w)"


def opens_on_word_start(pattern: str, flags: int = 0) -> bool:
    r"""Whether every match of ``pattern`` opens with the test ``(?<!\w)`` (no word character
    before it): the first item of its top level, not of one branch of a top-level ``|``."""
    if _parser is None:
        return False
    try:
        items = _parser.parse(pattern, flags)
        test = _parser.parse(_WORD_START, flags)[0]
        # the parsed items hold no equality of their own: compared as the parser writes them
        return len(items) > 0 and repr(items[0]) == repr(test)
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return False


def _second_screen(patterns: Sequence[str], among: Sequence[int], flags: int) -> str:
    """A lookahead on the character after the first that every match of the patterns
    ``among`` has (folds included), or nothing when one of them may have any there: most
    words start with a letter some pattern starts with, far fewer with two (the words "de",
    "la", "et" open no alternation)."""
    seconds = [second_chars(patterns[i], flags) for i in among]
    if any(chars is None for chars in seconds):
        return ""
    chars = _folded(frozenset().union(*(c for c in seconds if c is not None)),
                    flags & re.IGNORECASE)
    # beyond the Basic Multilingual Plane no fold is listed: any such character passes
    return f"(?=[{_class(chars)}\U00010000-\U0010ffff])"


def _class(chars: Iterable[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))


_BMP: list[str] = []  # every character of the Basic Multilingual Plane, made once


def _folded(chars: frozenset[str], fold: int) -> frozenset[str]:
    """The characters of the Basic Multilingual Plane a class of ``chars`` matches, with
    ``re.IGNORECASE`` if ``fold`` (asked of ``re`` itself: "ſ" for "s", "K" for "k")."""
    if not fold or not chars:
        return chars
    if not _BMP:
        _BMP.append("".join(map(chr, range(0x10000))))
    return frozenset(re.findall(f"[{_class(chars)}]", _BMP[0], re.IGNORECASE))
