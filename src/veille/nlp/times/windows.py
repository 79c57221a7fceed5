"""Where in a text a regex can match: around the rarest words every match holds.

A pattern that a text may match (:mod:`veille.prefilter`) still scans every
position of it, though its matches sit around a few words: "mai" for a day-month, "hier" for a
deictic phrase. Read from the parsed pattern, an :class:`Anchor` is one group of strings every
match holds (the rarest group of one part of the pattern), how far before such a string a match
may begin, and how far past its start the matcher may read (lookaheads included). Running the
pattern over the windows that reach spans around each string (merged where they meet) finds
exactly what a scan of the whole text finds: a match, or an attempt that reads a character,
lies in the window of the string it holds. Runs of whitespace (``\\s+``) are as long as the
text's longest; a pattern with another unbounded repeat, or a back-reference, has no anchor.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from veille.nlp.times.endings import follows
from veille.prefilter import (
    DIGIT,
    Need,
    Needs,
    branch_needs,
    charset_needs,
    filterable,
    literal_needs,
    rarity,
)

sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ONE_CHARACTER = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY)
# Written to open with a character class, not a repeat ("\s{2,}", "\d+"): re then skips in C
# to the characters the class holds, where before a repeat it starts a match at every position
# of the text (5-6 us of a 900-character article each, issue 15). The same matches.
_RUNS_OF_SPACE = re.compile(r"\s\s+")
_FIGURE = re.compile(r"\d")  # a string beginning with a figure begins in a run of digits
# An AT reads the character after it ("$" also the newline before the end): two, to be safe.
_AT_READS = 2


@dataclass(frozen=True)
class Linear:
    """``chars + runs * W`` characters, W the length of the text's longest run of whitespace."""

    chars: int
    runs: int = 0

    def __add__(self, other: Linear) -> Linear:
        return Linear(self.chars + other.chars, self.runs + other.runs)

    def most(self, other: Linear) -> Linear:
        """At least the larger of the two, whatever W (W >= 0)."""
        return Linear(max(self.chars, other.chars), max(self.runs, other.runs))

    def times(self, count: int) -> Linear:
        return Linear(self.chars * count, self.runs * count)

    def at(self, longest_space: int) -> int:
        return self.chars + self.runs * longest_space


_Span = tuple[Linear, Linear]  # (the most characters matched, the most read past the start)


@dataclass(frozen=True)
class Anchor:
    """Strings one of which every match holds, and the window each occurrence opens."""

    strings: Need
    before: Linear  # a match begins at most this far before the string
    reach: Linear  # an attempt reads at most this far past its start
    # Strings after a run of whitespace (" mai"): the characters one of which comes right
    # before that run in every match (DIGIT: a figure), or None. "le 3 mai" has a day there;
    # "a déclaré" and "en mars" have none, and open no window of "le 3 mars" (issue 15: half
    # of the months' windows in news).
    follows: Need | None = None

    def windows(self, occurrences: list[tuple[int, int]], size: int, longest_space: int
                ) -> list[tuple[int, int]]:
        """Merged ``(start, end)`` windows around ``occurrences`` (sorted ``(first, last)``
        offsets a string may begin at: one, or a run of digits) in a text of ``size``
        characters."""
        # a list, not a generator: a pattern has a window or two a text (issue 15)
        before, reach = self.before.at(longest_space), self.reach.at(longest_space)
        found: list[tuple[int, int]] = []
        start = end = -1
        for first, last in occurrences:
            low, high = max(0, first - before), min(size, last + reach)
            if low > end:
                if end >= 0:
                    found.append((start, end))
                start = low
            if high > end:
                end = high
        if end >= 0:
            found.append((start, end))
        return found


class AnchorStrings:
    """The strings of many anchors found in one scan of a text, not one scan an anchor (the
    time patterns' anchors are a dozen groups of strings: months after a space, figures,
    weekdays, ...). The scan stops at each character a string begins with and reads, in a
    lookahead, the longest string beginning there; the groups holding a string it begins
    with (a prefix of it) begin there too, and the groups of the strings after a space
    (" mai") begin at the whitespace before it. A run of digits is one occurrence ``(first,
    last)`` of the groups of :data:`DIGIT` or of a string beginning with a figure, as in
    :func:`_finder`, found in a scan of its own."""

    def __init__(self, groups: Iterable[Need]) -> None:
        self.index: dict[Need, int] = {}
        for group in groups:
            self.index.setdefault(group, len(self.index))
        strings = {s for group in self.index for s in group
                   if s != DIGIT and not _FIGURE.match(s)}
        # the words to find: the strings, and the strings after a space without it
        words = sorted({s[1:] if s.startswith(" ") else s for s in strings})
        self.pattern = _first_letters(words)
        # the longest word found at a position -> the groups beginning there, and those
        # beginning at the whitespace before it
        self.plain = {w: self._beginning(w, "") for w in words}
        self.spaced = {w: self._beginning(w, " ") for w in words}
        self.figures = tuple(at for group, at in self.index.items()
                             if any(s == DIGIT or _FIGURE.match(s) for s in group))

    def _beginning(self, longest: str, space: str) -> tuple[int, ...]:
        """The groups holding a string ``space + longest`` begins with."""
        return tuple(at for group, at in self.index.items() if any(
            s != DIGIT and s.startswith(" ") == bool(space) and longest.startswith(s[len(space):])
            for s in group))

    def find(self, lowered: str) -> list[list[tuple[int, int]]]:
        """Each group's occurrences in ``lowered``: sorted ``(first, last)`` offsets one of its
        strings may begin at."""
        found: list[list[tuple[int, int]]] = [[] for _ in self.index]
        plain, spaced = self.plain, self.spaced
        if self.pattern is not None:
            for m in self.pattern.finditer(lowered):
                at = m.start()
                word = m.group() + m.group(m.lastindex or 0)  # its letter, then the rest
                for group in plain[word]:
                    found[group].append((at, at))
                if at and lowered[at - 1].isspace():  # "\s" is str.isspace
                    for group in spaced[word]:
                        found[group].append((at - 1, at - 1))
        if self.figures:
            runs = [(m.start(), m.end() - 1) for m in _DIGITS.finditer(lowered)]
            for group in self.figures if runs else ():
                found[group] = sorted(found[group] + runs) if found[group] else list(runs)
        return found


_DIGITS = re.compile(r"\d\d*")  # as _RUNS_OF_SPACE: a class first


def _first_letters(words: list[str]) -> re.Pattern[str] | None:
    """One alternative a first letter of ``words``: the letter, then the longest rest in a
    lookahead (its group). A match takes one character, so the scan tries every position,
    and, every alternative opening with its letter, re skips in C the characters no word
    begins with (a lookahead first would be tried at each)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    if not by_first:
        return None
    return re.compile("|".join(f"{re.escape(first)}(?=({_trie(rests)}))"
                               for first, rests in sorted(by_first.items())))


class Scanner:
    """One text's scans: a pattern over the windows of its anchor, over none where the text
    lacks what it needs, or over the whole text. ``strings`` finds the strings of the anchors
    it holds in one scan; another anchor's are found with a scan of their own."""

    def __init__(self, text: str, strings: AnchorStrings | None = None) -> None:
        self.text = text
        # None: a text str.lower does not fold as IGNORECASE does; every pattern scans it all
        self.lowered = text.lower() if filterable(text) else None
        self.longest_space = max(map(len, _RUNS_OF_SPACE.findall(text)), default=1)
        self._seen: dict[Need, bool] = {}
        self._found: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        self._strings = strings
        self._all_found: list[list[tuple[int, int]]] | None = None
        self._following: dict[tuple[Need, Need], list[tuple[int, int]]] = {}

    def finditer(self, pattern: re.Pattern[str], needs: Needs, anchor: Anchor | None
                 ) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text)`` gives, from the parts of the text it can match."""
        if self.lowered is None:
            yield from pattern.finditer(self.text)
            return
        for start, end in self._spans(needs, anchor):
            yield from pattern.finditer(self.text, start, end)

    def matches(self, pattern: re.Pattern[str], twin: re.Pattern[str] | None, needs: Needs,
                anchor: Anchor | None) -> list[tuple[re.Match[str], dict[str, str | None]]]:
        """:meth:`finditer`'s matches and their ``groupdict()``. ``twin`` (``pattern``'s
        :func:`veille.nlp.times.twins.lowercase_twin`) runs over the lowercase text instead
        where the text has one: the same spans, so the groups are read from the text."""
        lowered = self.lowered
        if twin is None or lowered is None:
            return [(m, m.groupdict()) for m in self.finditer(pattern, needs, anchor)]
        # a list from plain loops, not generators in generators: some twenty patterns a text,
        # most with no match (issue 15)
        text, names = self.text, pattern.groupindex
        found = []
        for start, end in self._spans(needs, anchor):
            for m in twin.finditer(lowered, start, end):
                spans = m.regs
                found.append((m, {name: text[spans[at][0]:spans[at][1]] if spans[at][0] >= 0
                                  else None for name, at in names.items()}))
        return found

    def _spans(self, needs: Needs, anchor: Anchor | None) -> list[tuple[int, int]]:
        """The ``(start, end)`` parts of the text to run a pattern over: the windows of
        ``anchor``, or all of it, none where the text lacks what the pattern ``needs``.
        (``finditer(s, 0, len(s))`` is ``finditer(s)``.) Only for a text with ``lowered``."""
        text, lowered = self.text, cast(str, self.lowered)
        if anchor is None:
            return [] if needs.absent_from(text, lowered, self._seen) else [(0, len(text))]
        # the occurrences first: one scan found them all, where needs test each group
        occurrences = self._occurrences(anchor.strings, lowered)
        if occurrences and anchor.follows is not None:
            occurrences = self._after(anchor.strings, anchor.follows, occurrences, lowered)
        if not occurrences or needs.absent_from(text, lowered, self._seen):
            return []
        return anchor.windows(occurrences, len(text), self.longest_space)

    def _after(self, strings: Need, follows: Need, occurrences: list[tuple[int, int]],
               lowered: str) -> list[tuple[int, int]]:
        """The occurrences of spaced ``strings`` whose run of whitespace comes after one of
        ``follows`` (:attr:`Anchor.follows`); a match holds no other."""
        found = self._following.get((strings, follows))
        if found is None:
            figure = DIGIT in follows
            found = self._following[strings, follows] = []
            for first, last in occurrences:
                at = first  # the whitespace before the string: back to its run's start
                while at > 0 and lowered[at - 1].isspace():
                    at -= 1
                before = lowered[at - 1] if at > 0 else ""
                if before and (before in follows or figure and before.isdecimal()):
                    found.append((first, last))
        return found

    def _occurrences(self, strings: Need, lowered: str) -> list[tuple[int, int]]:
        every = self._strings
        at = every.index.get(strings) if every is not None else None
        if every is not None and at is not None:
            if self._all_found is None:
                self._all_found = every.find(lowered)
            return self._all_found[at]
        finder = _finder(strings)  # kept by finder: {DIGIT, "1er"} and {DIGIT} are one scan
        found = self._found.get(finder)
        if found is None:
            found = self._found[finder] = [
                (m.start(), m.end() - 1) for m in finder.finditer(lowered)]
        return found


@cache
def _finder(strings: Need) -> re.Pattern[str]:
    """One scan for the strings: where one begins inside another's occurrence ("mars" in
    "mars"), the pair (first, last) of the occurrence found covers it. A string beginning with a
    space stands for any whitespace then the rest; :data:`DIGIT` for a run of digits. The
    strings are a trie ("ju(?:in|illet)"), so a position is tried once, not once a string."""
    # a string beginning with a figure begins in a run of digits: that run's occurrence holds it
    words = [s for s in strings if s != DIGIT and not (DIGIT in strings and s[:1].isdigit())]
    spaced = [w[1:] for w in words if w.startswith(" ")]
    parts = [_trie(w for w in words if not w.startswith(" "))]
    parts += [r"\s(?:" + _trie(spaced) + ")"] if spaced else []
    return re.compile("|".join([p for p in parts if p] + ([r"\d+"] if DIGIT in strings else [])))


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, their common beginnings written once."""
    by_first: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(first) + _trie(rests) for first, rests in sorted(by_first.items())]
    if not branches:
        return ""
    body = "|".join(branches)
    # one atom: what follows a letter in the trie is all of its alternatives, or none
    return f"(?:{body})?" if ends else f"(?:{body})" if len(branches) > 1 else body


def anchor(source: str, flags: int = re.IGNORECASE) -> Anchor | None:
    """The anchor of ``source``, or None where none can be told."""
    try:
        parsed = sre_parse.parse(source, flags)
    except re.error:
        return None
    items = _references_read(list(parsed), parsed.state.groupwidths)
    span = _span(items)
    best = _best(items, flags)
    if span is None or best is None:
        return None
    return Anchor(best[0], best[1], span[1], best[2])


def _references_read(items: list[Any], widths: list[Any]) -> list[Any]:
    """``items`` with each back-reference ("\\2") as the characters its group matches (any
    characters, as many as the group's most): the same width and reach."""
    def read(op: Any, av: Any) -> tuple[Any, Any]:
        if op is sre.GROUPREF:
            low, high = widths[av] or (0, sre.MAXREPEAT)
            return sre.MAX_REPEAT, (low, high, [(sre.ANY, None)])
        if op is sre.SUBPATTERN:
            return op, (*av[:3], _references_read(list(av[3]), widths))
        if op is sre.BRANCH:
            return op, (av[0], [_references_read(list(a), widths) for a in av[1]])
        if op in _REPEATS:
            return op, (av[0], av[1], _references_read(list(av[2]), widths))
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            return op, (av[0], _references_read(list(av[1]), widths))
        if op is sre.ATOMIC_GROUP:
            return op, _references_read(list(av), widths)
        return op, av
    return [read(op, av) for op, av in items]


def _span(items: list[Any]) -> _Span | None:
    width = reach = Linear(0)
    for op, av in items:
        found = _item_span(op, av)
        if found is None:
            return None
        reach = reach.most(width + found[1])
        width = width + found[0]
    return width, reach.most(width)


def _item_span(op: Any, av: Any) -> _Span | None:
    if op in _ONE_CHARACTER:
        return Linear(1), Linear(1)
    if op is sre.AT:
        return Linear(0), Linear(_AT_READS)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, pattern = av
        inner = _span(list(pattern))
        if inner is None:
            return None
        return Linear(0), (inner[1] + Linear(1) if direction == 1 else Linear(1))
    if op is sre.SUBPATTERN:
        return _span(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _span(list(av))
    if op is sre.BRANCH:
        return _branch_span(av[1])
    if op in _REPEATS:
        return _repeat_span(av)
    return None  # a back-reference, a conditional


def _branch_span(alternatives: list[Any]) -> _Span | None:
    width = reach = Linear(0)
    for alternative in alternatives:
        found = _span(list(alternative))
        if found is None:
            return None
        width, reach = width.most(found[0]), reach.most(found[1])
    return width, reach


def _repeat_span(av: Any) -> _Span | None:
    _low, high, pattern = av
    inner = _span(list(pattern))
    if inner is None:
        return None
    if high is not sre.MAXREPEAT:
        return inner[0].times(high), inner[1].times(high)
    if _is_space(list(pattern)):  # "\s+": at most the text's longest run, then one more read
        return Linear(0, 1), Linear(1, 1)
    return None


def _is_space(items: list[Any]) -> bool:
    return items == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]


_Best = tuple[Need, Linear, Need | None]  # (strings, before, follows) as in Anchor


def _best(items: list[Any], flags: int) -> _Best | None:
    """The rarest group of strings a match of ``items`` holds, how far past the start of
    the match one of them may begin, and what the run of whitespace before them follows;
    items after an unbounded one are not candidates."""
    best: _Best | None = None

    def consider(group: Need | None, before: Linear, follows: Need | None = None) -> None:
        nonlocal best
        if group and (best is None or rarity(group) > rarity(best[0])):
            best = group, before, follows

    offset, run, run_start, run_at = Linear(0), "", Linear(0), 0
    after_space = False  # the item before is a run of whitespace ("\s+")
    for at, (op, av) in enumerate(items + [(None, None)]):
        if op is sre.LITERAL:
            if not run:
                run_start, run_after_space, run_at = offset, after_space, at
            run, offset, after_space = run + chr(av), offset + Linear(1), False
            continue
        if run:
            group = next(iter(literal_needs(run, flags)), None)
            consider(group, run_start)
            if run_after_space:
                consider(_spaced(group), run_start, follows(items[:run_at - 1], flags))
            run = ""
        span = _item_span(op, av) if op is not None else None
        if span is None:
            break
        consider(*_candidate(op, av, flags, offset, span[0]))
        if after_space:  # " mai": the space before a word is rarer than the word
            consider(_spaced(_leading(op, av, flags)), offset, follows(items[:at - 1], flags))
        after_space = op in _REPEATS and av[0] >= 1 and _is_space(list(av[2]))
        offset = offset + span[0]
    return best


def _spaced(group: Need | None) -> Need | None:
    """``group``'s strings after a whitespace (" mai": :func:`_finder`)."""
    return frozenset(" " + s for s in group) if group and DIGIT not in group else None


def _leading(op: Any, av: Any, flags: int) -> Need | None:
    """Strings one of which every match of the item begins with."""
    if op is sre.IN:
        return next(iter(charset_needs(av, flags)), None)
    if op is sre.SUBPATTERN and not (av[1] or av[2]):
        return _leading_sequence(list(av[3]), flags)
    if op is sre.ATOMIC_GROUP:
        return _leading_sequence(list(av), flags)
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _leading_sequence(list(alternative), flags)
            if not found:
                return None
            union |= found
        return frozenset(union)
    return None


def _leading_sequence(items: list[Any], flags: int) -> Need | None:
    while items and items[0][0] in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        items = items[1:]  # nothing read: the match begins with what follows
    run = ""
    for op, av in items:
        if op is not sre.LITERAL:
            break
        run += chr(av)
    if run:
        return next(iter(literal_needs(run, flags)), None)
    return _leading(items[0][0], items[0][1], flags) if items else None


def _candidate(op: Any, av: Any, flags: int, offset: Linear, width: Linear
               ) -> tuple[Need | None, Linear] | tuple[Need, Linear, Need | None]:
    """The group an item holds in every match, how far into the match it may begin (and
    what its run of whitespace follows, as :func:`_best` tells)."""
    if op is sre.IN:
        return next(iter(charset_needs(av, flags)), None), offset
    if op is sre.SUBPATTERN and not (av[1] or av[2]) or op is sre.ATOMIC_GROUP:
        inner = _best(list(av[3] if op is sre.SUBPATTERN else av), flags)
        return (inner[0], offset + inner[1], inner[2]) if inner else (None, offset)
    if op is sre.BRANCH:
        return next(iter(branch_needs(av[1], flags)), None), offset + width
    return None, offset
