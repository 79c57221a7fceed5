"""Sets of character ranges with a binary-search membership test.

Quote extraction asks "is this position inside a quote?" for every token and every candidate
antecedent; a linear scan per question made long transcripts quadratic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

_MAX = 1 << 62


class Spans:
    """The union of ``[start, end)`` ranges, merged and sorted once."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.ranges = merged

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.ranges, (pos, _MAX)) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]
