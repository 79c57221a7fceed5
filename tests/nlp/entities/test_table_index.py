"""The entity table's fuzzy key index: its length screen keeps every key the ratio passes."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from veille.kb.names import SURNAME_MIN_RATIO
from veille.model import Entity
from veille.nlp.entities.index import Cluster, FuzzyKeys


def _keys(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    base = ["kallas", "lavrov", "le pen", "jean marie le pen", "sergei lavrov", "macron"]
    found = set(base)
    while len(found) < count:
        word = rng.choice(sorted(found))  # variants of variants: the keys drift apart
        if len(word) < 2:
            continue
        # Typos, cuts and growths: keys near a real name and keys far from it.
        i = rng.randrange(len(word))
        word = rng.choice([word[:i] + word[i + 1:], word[:i] + "x" + word[i:],
                           word + " " + rng.choice(base), word[: max(1, i)]])
        if word:
            found.add(word)
    return sorted(found)


def test_near_keeps_every_key_within_the_fuzzy_threshold() -> None:
    index = FuzzyKeys()
    cluster = Cluster(Entity(id="e1", name="x", type="PER"))
    keys = _keys(400, seed=7)
    for key in keys:
        index.push(key, cluster)
    screened = 0
    for probe in keys[::3] + ["kalas", "lavrof", "jean marie le penn", "m"]:
        near = set(index.near(probe))
        passing = {k for k in keys if fuzz.ratio(probe, k) >= SURNAME_MIN_RATIO}
        assert passing <= near, probe
        screened += len(keys) - len(near)
    assert screened > 0  # the screen drops keys, else it tests nothing


def test_a_small_index_hands_over_every_key() -> None:
    index = FuzzyKeys()
    cluster = Cluster(Entity(id="e1", name="x", type="PER"))
    for key in ["kallas", "jean marie le pen"]:
        index.push(key, cluster)
    assert sorted(index.near("kallas")) == ["jean marie le pen", "kallas"]
