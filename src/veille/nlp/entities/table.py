"""The entities of one document and the lookups other components use (a contract).

Quotes call :meth:`EntityTable.resolve` on a speaker span and :meth:`EntityTable.last_before`
for pronouns; events call :meth:`EntityTable.lookup`, :meth:`EntityTable.find_by_name` and
:meth:`EntityTable.entities`. Only plain records (``Entity``, ``Mention``) leave this module.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.names import SURNAME_MIN_RATIO, fold, name_key, same_entity, surname_of_key
from veille.model import Entity, EntityType, Mention, MentionVia
from veille.nlp.entities.roles import RoleMatch, find_roles
from veille.nlp.entities.text import trim_span
from veille.nlp.scope import current_kb, current_pack

ALL_TYPES = ("PER", "ORG", "LOC", "MISC")
RoleKey = tuple[str, str | None]


@dataclass(eq=False, slots=True)
class _Cluster:
    entity: Entity
    keys: set[str] = field(default_factory=set)
    entry: KBEntry | None = None
    # Position in the table's order (creation, then first mention after renumber): lookups
    # answered from the indexes below break ties as the scans over the cluster list did.
    rank: int = 0
    alive: bool = True
    starts: list[int] = field(default_factory=list)  # mention starts, sorted
    spans: set[tuple[int, int]] = field(default_factory=set)


def _types_match(etype: str, types: tuple[str, ...]) -> bool:
    return etype in types or (etype == "MISC" and bool(types))


class EntityTable:
    """Entities of one document, their mentions, and lookups by offset, name or role."""

    def __init__(self, text: str = "", reference: date | None = None,
                 kb: KnowledgeBase | None = None, language: str | None = None) -> None:
        self.text = text
        # Out of scope here, noted: without a reference date the table (and so the record)
        # depends on the day it runs.
        self.reference = reference or date.today()
        self.kb = kb if kb is not None else current_kb()
        # The language of the KB labels and descriptions that name linked entities.
        self.language = language or current_pack().code
        self._clusters: list[_Cluster] = []
        self._roles: dict[RoleKey, Entity] = {}
        self._index = _Index()
        self._next_rank = 1
        # Mentions arrive out of order; sort them when read after a change, not on every read
        # (the quote and event stages read the table thousands of times in a long text), and
        # only the clusters that changed.
        self._unsorted: dict[int, _Cluster] = {}

    # -- reading ---------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        """Entities with at least one mention, mentions in text order."""
        for cluster in self._unsorted.values():
            cluster.entity.mentions.sort(key=_TEXT_ORDER)
        self._unsorted.clear()
        return [c.entity for c in self._clusters if c.entity.mentions]

    def lookup(self, start: int, end: int, types: tuple[str, ...] = ALL_TYPES) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` the most (ties: the earliest)."""
        best: tuple[int, int, Entity] | None = None
        for m, cluster in self._index.starting_in(start - self._index.longest, end - 1):
            if cluster.entity.type not in types:
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or (-overlap, cluster.rank) < best[:2]):
                best = (-overlap, cluster.rank, cluster.entity)
        return best[2] if best else None

    def last_before(self, pos: int, types: tuple[str, ...] = ("PER",)) -> Entity | None:
        """The entity of the latest mention starting before ``pos`` (for pronouns)."""
        latest: int | None = None
        best: _Cluster | None = None
        for m, cluster in self._index.backwards_from(pos - 1):
            if latest is not None and m.start < latest:
                break
            if cluster.entity.type in types and (best is None or cluster.rank < best.rank):
                latest, best = m.start, cluster
        return best.entity if best else None

    def mentions_starting_in(self, first: int, last: int) -> Iterator[tuple[Mention, Entity]]:
        """Mentions starting at an offset in ``[first, last]``, with their entities, in text
        order (ties: table order)."""
        for m, cluster in self._index.starting_in(first, last):
            yield m, cluster.entity

    def longest_mention(self) -> int:
        """The length of the longest mention yet (a bound for offset queries)."""
        return self._index.longest

    def rank(self, entity: Entity) -> int:
        """The entity's place in the table's order (the order of :meth:`entities`)."""
        return self._cluster(entity).rank

    def find_by_name(self, name: str, types: tuple[str, ...] = ALL_TYPES,
                     before: int | None = None) -> Entity | None:
        """The entity this name refers to, or None.

        Same name key (titles, accents and transliteration aside), a surname or initial + surname
        of a fuller name, or a near-equal spelling with agreeing first names. When several
        people fit (two Le Pen), the one mentioned last before ``before`` wins.
        """
        found = self._named_by(name, types, before)
        return found.entity if found is not None else None

    def _named_by(self, name: str, types: tuple[str, ...], before: int | None
                  ) -> _Cluster | None:
        """:meth:`find_by_name`'s cluster."""
        key = name_key(name)
        if not key:
            return None
        # Most names are met for the first time: no bearer, no candidate, nothing to filter.
        named = self._index.named(key)
        exact = [c for c in named if _types_match(c.entity.type, types)] if named else named
        candidates = [] if exact else self._index.loose_candidates(key)
        loose = _in_rank_order([
            c for c in candidates
            if _types_match(c.entity.type, types) and key not in c.keys
            and self._loosely_names(name, key, c)]) if candidates else candidates
        found = exact or loose or self._by_first_name(key, types)
        if not found:
            return None
        return found[0] if len(found) == 1 else self._latest(found, before)

    @staticmethod
    def _loosely_names(name: str, key: str, cluster: _Cluster) -> bool:
        """Surname, initial + surname, or a transliteration variant of a full name."""
        etype = cluster.entity.type
        if etype in ("PER", "MISC") and _same_person(key, cluster.keys):
            return True
        return len(key.split()) > 1 and any(
            same_entity(name, etype, k, etype) for k in cluster.keys if len(k.split()) > 1
        )

    def _by_first_name(self, key: str, types: tuple[str, ...]) -> list[_Cluster]:
        """A lone first name ("Steve") names the one person of the document who bears it."""
        if " " in key or "PER" not in types:
            return []
        found = [c for c in self._index.by_first_word(key) if c.entity.type == "PER"]
        return found if len(found) == 1 else []

    def holder(self, role: str, country: str | None) -> Entity | None:
        """The entity the document says holds ``role`` (for ``country``), if known."""
        return self._roles.get((role, country))

    # -- writing ---------------------------------------------------------------------------
    def add(self, name: str, etype: EntityType, start: int, end: int, text: str,
            via: MentionVia = "name") -> Entity:
        """Add a mention of ``name``, merging it into an existing entity it names."""
        cluster = self._named_by(name, _merge_types(etype), start)
        if cluster is None:  # a new entity: its name and key are this mention's
            cluster = self._new_cluster(name, etype, name_key(name))
            self._add_mention(cluster, start, end, text, via)
            return cluster.entity
        key = name_key(name)
        entity = cluster.entity
        if entity.type == "MISC" and etype != "MISC":
            entity.type = etype
        if cluster.entry is None and len(key.split()) > len(name_key(entity.name).split()):
            entity.name = name  # the canonical name is the fullest form found
        self._add_key(cluster, key)
        self._add_mention(cluster, start, end, text, via)
        return entity

    def add_mention(self, entity: Entity, start: int, end: int, text: str,
                    via: MentionVia) -> None:
        self._add_mention(self._cluster(entity), start, end, text, via)

    def _add_mention(self, cluster: _Cluster, start: int, end: int, text: str,
                     via: MentionVia) -> None:
        entity = cluster.entity
        if (start, end) in cluster.spans:
            return
        mention = Mention(start, end, text, via)
        entity.mentions.append(mention)
        cluster.spans.add((start, end))
        insort(cluster.starts, start)
        self._index.add_mention(mention, cluster)
        self._unsorted[id(cluster)] = cluster

    def merge(self, entity: Entity, into: Entity) -> Entity:
        """Move ``entity``'s names and mentions into ``into`` and forget ``entity``."""
        cluster, target = self._cluster(entity), self._cluster(into)
        self._add_keys(target, cluster.keys)
        for m in entity.mentions:
            self.add_mention(into, m.start, m.end, m.text, m.via)
        entity.mentions.clear()
        cluster.starts.clear()
        cluster.spans.clear()
        cluster.alive = False
        self._clusters.remove(cluster)
        self._index.forget(cluster)
        self._roles = {k: (into if v is entity else v) for k, v in self._roles.items()}
        return into

    def link(self, entity: Entity, entry: KBEntry) -> Entity:
        """Tie an entity to a KB entry: its id, label and description in the table's language;
        merge duplicates."""
        other = self.by_entry(entry)
        cluster = self._cluster(entity)
        if other is not None and other is not entity:
            return self.merge(entity, other)
        cluster.entry = entry
        self._index.link(cluster, entry, self.reference)
        self._add_keys(cluster, self.kb.name_keys(entry))
        # The KB's label in the document's language names the entity; without one, the
        # document's own form stays ("Abou Dhabi" rather than the English "Abu Dhabi").
        own = entity.name if entity.mentions else ""
        fuller = len(own.split()) >= len(entry.label.split())
        entity.name = entry.labels.get(self.language) or (own if fuller else entry.label)
        entity.kb_id, entity.type = entry.id, entry.type
        entity.description = (entry.description.get(self.language)
                              or entry.description.get("en"))
        return entity

    def by_entry(self, entry: KBEntry) -> Entity | None:
        found = self._index.linked_to(entry.key)
        return found.entity if found is not None else None

    def set_holder(self, role: RoleMatch, entity: Entity) -> None:
        if role.current:
            self._roles.setdefault(role.key, entity)

    def entity_for_entry(self, entry: KBEntry) -> Entity:
        """The document entity linked to ``entry``, created (without mentions) if needed."""
        found = self.by_entry(entry)
        if found is not None:
            return found
        return self.link(self._new(entry.label, entry.type), entry)

    # -- resolution ------------------------------------------------------------------------
    def resolve_role(self, role: RoleMatch) -> Entity | None:
        """The holder of a role: named in the document, else the KB holder at the reference date.

        A former or future holder ("l'ancien président finlandais") is resolved only by the
        document (apposition), never from the KB's holder on the date.
        """
        if not role.current:
            return None
        entity = self._roles.get(role.key)
        if entity is None and role.country is None:
            entity = self._single_holder(role.role)
        if entity is None and role.country is not None:
            holders = self.kb.holders(role.role, role.country, self.reference)
            if holders:
                entity = self.entity_for_entry(holders[0])
        return entity

    def _single_holder(self, role: str) -> Entity | None:
        """The only entity of the document known (in text or KB) to hold ``role``.

        "Le ministre des Affaires étrangères" in a text naming both Lavrov and Rubio stays
        unresolved rather than guessed.
        """
        holders = {id(e): e for (r, _), e in self._roles.items() if r == role}
        for c in self._index.holding(role):
            if c.entity.mentions:
                holders[id(c.entity)] = c.entity
        return next(iter(holders.values())) if len(holders) == 1 else None

    def resolve(self, text: str, start: int, end: int,
                types: tuple[str, ...] = ("PER", "ORG")) -> Entity | None:
        """Resolve a span naming someone and record the mention; None when it names no one.

        The span may hold a name ("M. Lavrov"), a role description ("le chef de la diplomatie
        russe"), or an organisation ("la Maison Blanche", "le Kremlin"), known to the document or
        to the knowledge base (then an entity is created).
        """
        entity = self.lookup(start, end, types)
        if entity is not None:
            return entity
        roles = [r for r in find_roles(text) if (r.end - r.start) * 2 >= len(text.strip())]
        if roles and "PER" in types:
            entity = self.resolve_role(roles[0])
            if entity is not None:
                self.add_mention(entity, start + roles[0].start, start + roles[0].end,
                                 roles[0].text, "title")
                return entity
        trimmed = trim_span(text, 0, len(text))
        if trimmed is None:
            return None
        entity = self.find_by_name(trimmed.name, types, before=start)
        if entity is None:
            entry = self.kb.link(trimmed.name, None, self.reference)
            if entry is None or entry.type not in types:
                return None
            entity = self.entity_for_entry(entry)
        via: MentionVia = "title" if trimmed.title else "alias"
        if name_key(trimmed.name) == name_key(entity.name) and not trimmed.title:
            via = "name"
        self.add_mention(entity, start + trimmed.start, start + trimmed.end,
                         text[trimmed.start:trimmed.end], via)
        return entity

    # -- internals -------------------------------------------------------------------------
    def clusters(self) -> list[tuple[Entity, KBEntry | None, set[str]]]:
        return [(c.entity, c.entry, c.keys) for c in self._clusters]

    def settle_via(self) -> None:
        """A mention by another form than the canonical name ("Lavrov", "Sergey Lavrov") is an
        alias; the canonical form itself is a name."""
        for cluster in self._clusters:
            key = fold(cluster.entity.name)  # not name_key: "Sergey" is an alias of "Sergueï"
            for m in cluster.entity.mentions:
                if m.via in ("name", "alias"):
                    m.via = "name" if fold(m.text) == key else "alias"

    def renumber(self) -> None:
        """Ids in order of first mention (e1, e2 ...), entities without mentions last."""
        def first(c: _Cluster) -> int:
            return min((m.start for m in c.entity.mentions), default=1 << 60)
        self._clusters.sort(key=first)
        for i, cluster in enumerate(self._clusters, 1):
            cluster.entity.id = f"e{i}"
            cluster.rank = i
        self._next_rank = len(self._clusters) + 1

    def _new(self, name: str, etype: EntityType) -> Entity:
        return self._new_cluster(name, etype, name_key(name)).entity

    def _new_cluster(self, name: str, etype: EntityType, key: str) -> _Cluster:
        entity = Entity(id=f"e{len(self._clusters) + 1}", name=name, type=etype)
        cluster = _Cluster(entity, rank=self._next_rank)
        self._next_rank += 1
        self._clusters.append(cluster)
        self._index.add_cluster(cluster)
        self._add_key(cluster, key)
        return cluster

    def _cluster(self, entity: Entity) -> _Cluster:
        return self._index.cluster_of(entity)

    def _add_keys(self, cluster: _Cluster, keys: AbstractSet[str]) -> None:
        for key in keys - cluster.keys:
            cluster.keys.add(key)
            self._index.add_key(cluster, key)

    def _add_key(self, cluster: _Cluster, key: str) -> None:
        if key not in cluster.keys:
            cluster.keys.add(key)
            self._index.add_key(cluster, key)

    @staticmethod
    def _latest(clusters: list[_Cluster], before: int | None) -> _Cluster:
        def last(c: _Cluster) -> int:
            if before is None:
                return c.starts[-1] if c.starts else -1
            at = bisect_left(c.starts, before)
            return c.starts[at - 1] if at else -1
        return max(clusters, key=last)


def _merge_types(etype: str) -> tuple[str, ...]:
    """Types a new mention may merge with: its own, and MISC (spaCy's catch-all) both ways."""
    return ALL_TYPES if etype == "MISC" else (etype, "MISC")


def _same_person(key: str, keys: set[str]) -> bool:
    """A bare surname (or initial + surname) names the person whose full name ends with it."""
    words = key.split()
    for known in keys:
        known_words = known.split()
        if len(words) < len(known_words) and known_words[-len(words):] == words:
            return True
        if len(words) == 2 and len(words[0]) == 1 and len(known_words) > 1 and (
            known_words[-1] == words[-1] and known_words[0].startswith(words[0])
        ):
            return True
    return False


class _Index:
    """The table's clusters and mentions indexed by name, word, KB entry, role and offset.

    Every answer is filtered for live clusters and ordered by rank where order matters, so the
    table answers as its scans over all clusters did, in time that does not grow with the
    number of entities (a 1 MB transcript holds thousands).
    """

    def __init__(self) -> None:
        self._of: dict[int, _Cluster] = {}
        self._named: dict[str, list[_Cluster]] = {}
        self._last_word: dict[str, list[_Cluster]] = {}
        self._first_word: dict[str, list[_Cluster]] = {}
        self._full = _FuzzyKeys()  # name_key of multi-word keys
        self._surnames = _FuzzyKeys()
        self._linked: dict[str, list[_Cluster]] = {}
        self._holding: dict[str, list[_Cluster]] = {}
        # Mentions sorted by offsets; ``seq`` keeps tuples from comparing mentions.
        self._mentions: list[tuple[int, int, int, Mention, _Cluster]] = []
        self.longest = 0
        self._on = date.min

    # -- clusters and keys -----------------------------------------------------------------
    def add_cluster(self, cluster: _Cluster) -> None:
        self._of[id(cluster.entity)] = cluster

    def cluster_of(self, entity: Entity) -> _Cluster:
        return self._of[id(entity)]

    def forget(self, cluster: _Cluster) -> None:
        del self._of[id(cluster.entity)]

    def add_key(self, cluster: _Cluster, key: str) -> None:
        last, first, full, surname = _key_words(key)
        _push(self._named, key, cluster)
        if last is not None:
            _push(self._last_word, last, cluster)
        if first is not None and full is not None and surname is not None:
            _push(self._first_word, first, cluster)
            self._full.push(full, cluster)
            self._surnames.push(surname, cluster)

    def named(self, key: str) -> list[_Cluster]:
        return _live(self._named.get(key, ()))

    def by_first_word(self, word: str) -> list[_Cluster]:
        return _live(self._first_word.get(word, ()))

    def loose_candidates(self, key: str) -> list[_Cluster]:
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
    def link(self, cluster: _Cluster, entry: KBEntry, on: date) -> None:
        self._on = on
        _push(self._linked, entry.key, cluster)
        for position in entry.positions_on(on):
            _push(self._holding, position.role, cluster)

    def linked_to(self, key: str) -> _Cluster | None:
        found = [c for c in _live(self._linked.get(key, ()))
                 if c.entry is not None and c.entry.key == key]
        return found[0] if found else None

    def holding(self, role: str) -> list[_Cluster]:
        """Live linked clusters whose entry held ``role`` on the day given to :meth:`link`."""
        return [c for c in _live(self._holding.get(role, ())) if c.entry is not None and any(
            p.role == role for p in c.entry.positions_on(self._on))]

    # -- mentions --------------------------------------------------------------------------
    def add_mention(self, mention: Mention, cluster: _Cluster) -> None:
        insort(self._mentions, (mention.start, mention.end, len(self._mentions), mention,
                                cluster))
        self.longest = max(self.longest, mention.end - mention.start)

    def starting_in(self, first: int, last: int) -> Iterator[tuple[Mention, _Cluster]]:
        """Live mentions starting in ``[first, last]``, in offset order."""
        at = bisect_left(self._mentions, (first,))
        stop = bisect_right(self._mentions, (last, 1 << 62))
        for _, _, _, mention, cluster in self._mentions[at:stop]:
            if cluster.alive:
                yield mention, cluster

    def backwards_from(self, last: int) -> Iterator[tuple[Mention, _Cluster]]:
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


class _FuzzyKeys(dict[str, list[_Cluster]]):
    """Keys -> clusters, the keys also by length: a fuzzy look-up in a long document's
    thousands of names reads only the keys long enough, and short enough, to pass."""

    def __init__(self) -> None:
        super().__init__()
        self._by_length: dict[int, list[str]] = {}

    def push(self, key: str, cluster: _Cluster) -> None:
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


def _push(index: dict[str, list[_Cluster]], key: str, cluster: _Cluster) -> None:
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] is not cluster:
        bucket.append(cluster)


def _live(clusters: Sequence[_Cluster]) -> list[_Cluster]:
    """Distinct live clusters in table order."""
    if len(clusters) <= 1:  # most names have one bearer or none: no dict, no order to keep
        return [clusters[0]] if clusters and clusters[0].alive else []
    return _in_rank_order(list({id(c): c for c in clusters if c.alive}.values()))


def _in_rank_order(clusters: list[_Cluster]) -> list[_Cluster]:
    # Most lists hold one cluster: no sort to make for them.
    return sorted(clusters, key=_RANK) if len(clusters) > 1 else clusters


_RANK = attrgetter("rank")
_TEXT_ORDER = attrgetter("start", "end")
