from __future__ import annotations

import random

from veille.nlp.spans import Spans


def test_membership_matches_a_plain_scan_over_overlapping_ranges() -> None:
    rng = random.Random(3)
    ranges = [(a, a + rng.randint(0, 9)) for a in (rng.randint(0, 200) for _ in range(40))]
    spans = Spans(ranges)
    for pos in range(-2, 215):
        assert (pos in spans) == any(a <= pos < b for a, b in ranges), pos


def test_touching_ranges_merge_and_empty_ones_vanish() -> None:
    assert Spans([(5, 10), (1, 3), (10, 12), (20, 20)]).ranges == [(1, 3), (5, 12)]
    assert 20 not in Spans([(20, 20)])
