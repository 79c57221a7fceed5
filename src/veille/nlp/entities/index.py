"""The indexes behind :class:`~veille.nlp.entities.table.EntityTable`: its clusters and their
mentions by name, word, KB entry, role and offset.

Every answer is filtered for live clusters and ordered by rank where order matters, so the
table answers as its scans over all clusters did, in time that does not grow with the number
of entities (a 1 MB transcript holds thousands).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from veille.kb.base import KBEntry
from veille.kb.names import SURNAME_MIN_RATIO, name_key, surname_of_key
from veille.model import Entity, Mention


class Cluster:
    """One entity of the table: its name keys, KB entry, rank and mention offsets.

    A plain slotted class, not a dataclass: the table makes one for every new name, and a
    dataclass's default factories cost a call each (issue 15). Compared by identity.
    """

    __slots__ = ("alive", "entity", "entry", "keys", "rank", "spans", "starts")

    def __init__(self, entity: Entity, rank: int = 0) -> None:
        self.entity = entity
        self.keys: set[str] = set()
        self.entry: KBEntry | None = None
        # Position in the table's order (creation, then first mention after renumber): the
        # lookups answered from the index break ties as the scans over the cluster list did.
        self.rank = rank
        self.alive = True
        self.starts: list[int] = []  # mention starts, sorted
        self.spans: set[tuple[int, int]] = set()


class TableIndex:
    """The table's clusters and mentions indexed by name, word, KB entry, role and offset."""

    def __init__(self) -> None:
        self._of: dict[int, Cluster] = {}
        self._named: dict[str, list[Cluster]] = {}
        self._last_word: dict[str, list[Cluster]] = {}
        self._first_word: dict[str, list[Cluster]] = {}
        self._full = FuzzyKeys()  # name_key of multi-word keys
        self._surnames = FuzzyKeys()
        self._linked: dict[str, list[Cluster]] = {}
        self._holding: dict[str, list[Cluster]] = {}
        # Mentions sorted by offsets; ``seq`` keeps tuples from comparing mentions.
        self._mentions: list[tuple[int, int, int, Mention, Cluster]] = []
        self.longest = 0
        self._on = date.min

    # -- clusters and keys -----------------------------------------------------------------
    def add_cluster(self, cluster: Cluster) -> None:
        self._of[id(cluster.entity)] = cluster

    def cluster_of(self, entity: Entity) -> Cluster:
        return self._of[id(entity)]

    def forget(self, cluster: Cluster) -> None:
        del self._of[id(cluster.entity)]

    def add_keys(self, cluster: Cluster, keys: Iterable[str]) -> None:
        """Give ``cluster`` the keys it does not have yet, indexed under each key, its last
        word and, for a key of several words, its first word, name key and surname. One loop
        for every key of a KB entry: each key cost four calls when added one at a time."""
        own, named, last_words = cluster.keys, self._named, self._last_word
        for key in keys:
            if key in own:
                continue
            own.add(key)
            last, first, full, surname = _key_words(key)
            bearers = named.get(key)
            if bearers is None:
                named[key] = [cluster]
            else:  # a key new to the cluster: it is not under the key yet
                bearers.append(cluster)
            if last is not None:
                _push(last_words, last, cluster)
            if first is not None and full is not None and surname is not None:
                _push(self._first_word, first, cluster)
                self._full.push(full, cluster)
                self._surnames.push(surname, cluster)

    def named(self, key: str) -> list[Cluster]:
        return _live(self._named.get(key, ()))

    def by_first_word(self, word: str) -> list[Cluster]:
        return _live(self._first_word.get(word, ()))

    def loose_candidates(self, key: str) -> list[Cluster]:
        """Clusters that may loosely bear ``key``: a key ending with the same word (surname,
        initial + surname), or a multi-word key whose whole or surname is within the fuzzy
        threshold of ``same_entity`` (a superset: the caller applies the exact test), in no
        particular order (the caller orders the few that pass)."""
        words = key.split()
        found = list(self._last_word.get(words[-1], ()))
        # No full name yet (both indexes fill together): extract costs a few microseconds
        # even on none.
        if len(words) > 1 and self._full:
            found += self._full.get(key, ())
            for index, probe in ((self._full, key), (self._surnames, surname_of_key(key))):
                for choice, _, _ in process.extract(
                        probe, index.near(probe), scorer=fuzz.ratio, processor=None,
                        score_cutoff=SURNAME_MIN_RATIO, limit=None):
                    found += index[choice]
        return list({id(c): c for c in found if c.alive}.values()) if found else found

    # -- KB entries and roles --------------------------------------------------------------
    def link(self, cluster: Cluster, entry: KBEntry, on: date) -> None:
        self._on = on
        _push(self._linked, entry.key, cluster)
        if entry.positions:  # most entries, places and bodies, hold none
            for position in entry.positions_on(on):
                _push(self._holding, position.role, cluster)

    def linked_to(self, key: str) -> Cluster | None:
        bucket = self._linked.get(key)
        if not bucket:  # most entries are linked once a document, if at all
            return None
        for c in _live(bucket):
            if c.entry is not None and c.entry.key == key:
                return c
        return None

    def holding(self, role: str) -> list[Cluster]:
        """Live linked clusters whose entry held ``role`` on the day given to :meth:`link`."""
        return [c for c in _live(self._holding.get(role, ())) if c.entry is not None and any(
            p.role == role for p in c.entry.positions_on(self._on))]

    # -- mentions --------------------------------------------------------------------------
    def add_mention(self, mention: Mention, cluster: Cluster) -> None:
        insort(self._mentions, (mention.start, mention.end, len(self._mentions), mention,
                                cluster))
        if mention.end - mention.start > self.longest:
            self.longest = mention.end - mention.start

    def mention_count(self) -> int:
        """Mentions indexed so far, of live clusters or not (each mention's ``seq``)."""
        return len(self._mentions)

    def overlaps(self, start: int, end: int, before: int) -> bool:
        """Whether a live mention among the first ``before`` indexed overlaps ``[start, end)``."""
        at = bisect_left(self._mentions, (start - self.longest,))
        stop = bisect_left(self._mentions, (end,))
        for _, last, seq, _, cluster in self._mentions[at:stop]:
            if last > start and seq < before and cluster.alive:
                return True
        return False

    def starting_in(self, first: int, last: int) -> list[tuple[Mention, Cluster]]:
        """Live mentions starting in ``[first, last]``, in offset order (a list: most windows
        hold one mention or none, and a generator cost more than the list)."""
        at = bisect_left(self._mentions, (first,))
        stop = bisect_right(self._mentions, (last, 1 << 62))
        return [(mention, cluster) for _, _, _, mention, cluster in self._mentions[at:stop]
                if cluster.alive]

    def backwards_from(self, last: int) -> Iterator[tuple[Mention, Cluster]]:
        """Live mentions starting at or before ``last``, latest first."""
        at = bisect_right(self._mentions, (last, 1 << 62))
        for i in range(at - 1, -1, -1):
            _, _, _, mention, cluster = self._mentions[i]
            if cluster.alive:
                yield mention, cluster


# The same names are keys of a table after another: their words are read once.
@lru_cache(maxsize=65536)
def _key_words(key: str) -> tuple[str | None, str | None, str | None, str | None]:
    """What a key is indexed under: its last word; for a key of several words, its first
    word, its name key and that key's surname (None for a key of one word or none)."""
    words = key.split()
    if len(words) < 2:
        return (words[-1] if words else None), None, None, None
    full = name_key(key)
    return words[-1], words[0], full, surname_of_key(full)


class FuzzyKeys(dict[str, list[Cluster]]):
    """Keys -> clusters, the keys also by length: a fuzzy look-up in a long document's
    thousands of names reads only the keys long enough, and short enough, to pass."""

    def __init__(self) -> None:
        super().__init__()
        self._by_length: dict[int, list[str]] = {}

    def push(self, key: str, cluster: Cluster) -> None:
        bucket = self.get(key)
        if bucket is None:
            self[key] = [cluster]
            self._by_length.setdefault(len(key), []).append(key)
        elif bucket[-1] is not cluster:
            bucket.append(cluster)

    def near(self, probe: str) -> list[str]:
        """The keys ``fuzz.ratio(probe, key) >= SURNAME_MIN_RATIO`` may hold for (a superset;
        every key of a small index). The ratio is ``100 * (1 - d / (m + n))`` for lengths m
        and n, and the distance d is at least ``|m - n|``: m lies within a factor of n."""
        if len(self) <= _SCAN_ALL:
            return list(self)
        n, slack = len(probe), (100 - SURNAME_MIN_RATIO) / 100
        # One character more either side: the bounds are rounded, never the test.
        lo = max(0, int(n * (1 - slack) / (1 + slack)) - 1)
        hi = int(n * (1 + slack) / (1 - slack)) + 1
        return [k for m in range(lo, hi + 1) for k in self._by_length.get(m, ())]


_SCAN_ALL = 64  # keys an index hands over whole (the length buckets cost more for a few)


def _push(index: dict[str, list[Cluster]], key: str, cluster: Cluster) -> None:
    bucket = index.get(key)
    if bucket is None:
        index[key] = [cluster]
    elif bucket[-1] is not cluster:
        bucket.append(cluster)


def _live(clusters: Sequence[Cluster]) -> list[Cluster]:
    """Distinct live clusters in table order."""
    if len(clusters) <= 1:  # most names have one bearer or none: no dict, no order to keep
        return [clusters[0]] if clusters and clusters[0].alive else []
    return in_rank_order(list({id(c): c for c in clusters if c.alive}.values()))


def in_rank_order(clusters: list[Cluster]) -> list[Cluster]:
    """``clusters`` by rank (most lists hold one cluster: no sort to make for them)."""
    return sorted(clusters, key=_RANK) if len(clusters) > 1 else clusters


_RANK = attrgetter("rank")
