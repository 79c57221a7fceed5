"""Offset queries over one document's text, in time that does not grow with the text.

The entity rules ask, for every name or role they meet, whether another span overlaps or
contains it and where a surname recurs; scanning every span or the whole text for each made a
long transcript quadratic (82 s for 1 MB). These answer by bisection or in one pass, with the
same results as the scans.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

_WORD_RUN = re.compile(r"[\w-]+")
_NAME_CHAR = re.compile(r"[\w-]")
_FIND_LIMIT = 24  # runs searched one by one (see _run_starts)


def standalone_hits(text: str, surnames: list[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Where each surname stands alone in ``text`` (not inside a longer word or a hyphenated
    name), as ``re.finditer`` on ``(?<![\w-])surname(?![\w-])`` finds it, in one pass over
    the text for all of them: a hit begins a run of word characters equal to the surname's
    first run, so the runs of the text, grouped, give every candidate start."""
    firsts = {s: _WORD_RUN.match(s) for s in surnames}
    wanted = {m.group() for m in firsts.values() if m is not None and m.start() == 0}
    starts = _run_starts(text, wanted)
    hits: dict[str, list[tuple[int, int]]] = {}
    for surname, first in firsts.items():
        if first is None or first.start() != 0:  # not a word first: the plain search
            pattern = rf"(?<![\w-]){re.escape(surname)}(?![\w-])"
            hits[surname] = [m.span() for m in re.finditer(pattern, text)]
            continue
        found: list[tuple[int, int]] = []
        for start in starts.get(first.group(), ()):
            end = start + len(surname)
            if (not found or start >= found[-1][1]) and text.startswith(surname, start) and not (
                    end < len(text) and _NAME_CHAR.match(text, end)):
                found.append((start, end))
        hits[surname] = found
    return hits


def _run_starts(text: str, wanted: set[str]) -> dict[str, list[int]]:
    """Where each wanted run stands in ``text``, as a stretch of word characters with none on
    either side, in text order. A few runs are each searched with ``str.find``; many, with one
    alternation (compiling it cost 0.3 ms a document, more than a few searches of the text;
    past ``_FIND_LIMIT`` runs, searching the text once for each would grow with the text
    times its names)."""
    starts: dict[str, list[int]] = {}
    if len(wanted) <= _FIND_LIMIT:
        for run in wanted:
            at = text.find(run)
            while at >= 0:
                end = at + len(run)
                if (not at or not _NAME_CHAR.match(text, at - 1)) and not _NAME_CHAR.match(
                        text, end):
                    starts.setdefault(run, []).append(at)
                at = text.find(run, at + 1)
        return starts
    # The pattern opens on the words (a look-behind first would be tried at every offset);
    # a match with a word character before it is no run, and overlaps none.
    runs = "|".join(re.escape(w) for w in sorted(wanted))
    for match in re.finditer(rf"(?:{runs})(?![\w-])", text):
        at = match.start()
        if not at or not _NAME_CHAR.match(text, at - 1):
            starts.setdefault(match.group(), []).append(at)
    return starts


def skip_spaces_back(text: str, pos: int) -> int:
    """The start of the run of white space ending at ``pos`` (``str.isspace`` is ``\\s``)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


class Spans:
    """Character spans, sorted, answering "does anything overlap [start, end)?" by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._longest = max((e - s for s, e in spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self._spans, (start - self._longest,))
        hi = bisect_left(self._spans, (end,))
        return any(s < end and start < e for s, e in self._spans[lo:hi])


class Containment:
    """Whether one of fixed spans contains [start, end): bisection over the starts and the
    running maximum of the ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def __call__(self, start: int, end: int) -> bool:
        at = bisect_right(self._starts, start)
        return at > 0 and self._reach[at - 1] >= end
