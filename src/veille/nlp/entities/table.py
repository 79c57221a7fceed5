"""The entities of one document and the lookups other components use (a contract).

Quotes call :meth:`EntityTable.resolve` on a speaker span and :meth:`EntityTable.last_before`
for pronouns; events call :meth:`EntityTable.lookup`, :meth:`EntityTable.find_by_name` and
:meth:`EntityTable.entities`. Only plain records (``Entity``, ``Mention``) leave this module.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from datetime import date
from operator import attrgetter

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.names import fold, name_key, same_entity
from veille.model import Entity, EntityType, Mention, MentionVia
from veille.nlp.entities.index import Cluster, TableIndex, in_rank_order
from veille.nlp.entities.roles import RoleMatch, find_roles
from veille.nlp.entities.text import trim_span
from veille.nlp.scope import current_kb, current_pack

ALL_TYPES = ("PER", "ORG", "LOC", "MISC")
RoleKey = tuple[str, str | None]


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
        self._clusters: list[Cluster] = []
        self._roles: dict[RoleKey, Entity] = {}
        self._index = TableIndex()
        self._next_rank = 1
        # Mentions arrive out of order; sort them when read after a change, not on every read
        # (the quote and event stages read the table thousands of times in a long text), and
        # only the clusters that changed.
        self._unsorted: dict[int, Cluster] = {}

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
        best: Cluster | None = None
        for m, cluster in self._index.backwards_from(pos - 1):
            if latest is not None and m.start < latest:
                break
            if cluster.entity.type in types and (best is None or cluster.rank < best.rank):
                latest, best = m.start, cluster
        return best.entity if best else None

    def mentions_starting_in(self, first: int, last: int) -> list[tuple[Mention, Entity]]:
        """Mentions starting at an offset in ``[first, last]``, with their entities, in text
        order (ties: table order)."""
        return [(m, cluster.entity) for m, cluster in self._index.starting_in(first, last)]

    def mention_mark(self) -> int:
        """A mark of the mentions taken so far, for :meth:`overlaps_mention`."""
        return self._index.mention_count()

    def overlaps_mention(self, start: int, end: int, mark: int | None = None) -> bool:
        """Whether a mention overlaps ``[start, end)``: any mention, or one taken before
        ``mark`` (:meth:`mention_mark`)."""
        return self._index.overlaps(start, end, self._index.mention_count() if mark is None
                                    else mark)

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
                  ) -> Cluster | None:
        """:meth:`find_by_name`'s cluster."""
        key = name_key(name)
        if not key:
            return None
        # Most names are met for the first time: no bearer, no candidate, nothing to filter.
        named = self._index.named(key)
        exact = [c for c in named if _types_match(c.entity.type, types)] if named else named
        candidates = [] if exact else self._index.loose_candidates(key)
        loose = in_rank_order([
            c for c in candidates
            if _types_match(c.entity.type, types) and key not in c.keys
            and self._loosely_names(name, key, c)]) if candidates else candidates
        found = exact or loose or self._by_first_name(key, types)
        if not found:
            return None
        return found[0] if len(found) == 1 else self._latest(found, before)

    @staticmethod
    def _loosely_names(name: str, key: str, cluster: Cluster) -> bool:
        """Surname, initial + surname, or a transliteration variant of a full name."""
        etype = cluster.entity.type
        if etype in ("PER", "MISC") and _same_person(key, cluster.keys):
            return True
        return len(key.split()) > 1 and any(
            same_entity(name, etype, k, etype) for k in cluster.keys if len(k.split()) > 1
        )

    def _by_first_name(self, key: str, types: tuple[str, ...]) -> list[Cluster]:
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
        cluster = self._named_by(name, _MERGE_TYPES[etype], start)
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
        self._index.add_keys(cluster, (key,))
        self._add_mention(cluster, start, end, text, via)
        return entity

    def add_mention(self, entity: Entity, start: int, end: int, text: str,
                    via: MentionVia) -> None:
        self._add_mention(self._cluster(entity), start, end, text, via)

    def _add_mention(self, cluster: Cluster, start: int, end: int, text: str,
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
        self._index.add_keys(target, cluster.keys)
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
        other = self._index.linked_to(entry.key)
        if other is not None and other.entity is not entity:
            return self.merge(entity, other.entity)
        cluster = self._cluster(entity)
        cluster.entry = entry
        self._index.link(cluster, entry, self.reference)
        self._index.add_keys(cluster, self.kb.name_keys(entry))
        # The KB's label in the document's language names the entity; without one, the
        # document's own form stays ("Abou Dhabi" rather than the English "Abu Dhabi").
        own = entity.name if entity.mentions else ""
        label = entry.label
        entity.name = entry.labels.get(self.language) or (
            own if len(own.split()) >= len(label.split()) else label)
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
        def first(c: Cluster) -> int:  # ``starts``: the mentions' starts, kept sorted
            return c.starts[0] if c.starts else 1 << 60
        self._clusters.sort(key=first)
        for i, cluster in enumerate(self._clusters, 1):
            cluster.entity.id = f"e{i}"
            cluster.rank = i
        self._next_rank = len(self._clusters) + 1

    def _new(self, name: str, etype: EntityType) -> Entity:
        return self._new_cluster(name, etype, name_key(name)).entity

    def _new_cluster(self, name: str, etype: EntityType, key: str) -> Cluster:
        entity = Entity(id=f"e{len(self._clusters) + 1}", name=name, type=etype)
        cluster = Cluster(entity, rank=self._next_rank)
        self._next_rank += 1
        self._clusters.append(cluster)
        self._index.add_cluster(cluster)
        self._index.add_keys(cluster, (key,))
        return cluster

    def _cluster(self, entity: Entity) -> Cluster:
        return self._index.cluster_of(entity)

    @staticmethod
    def _latest(clusters: list[Cluster], before: int | None) -> Cluster:
        def last(c: Cluster) -> int:
            if before is None:
                return c.starts[-1] if c.starts else -1
            at = bisect_left(c.starts, before)
            return c.starts[at - 1] if at else -1
        return max(clusters, key=last)


def _merge_types(etype: str) -> tuple[str, ...]:
    """Types a new mention may merge with: its own, and MISC (spaCy's catch-all) both ways."""
    return ALL_TYPES if etype == "MISC" else (etype, "MISC")


_MERGE_TYPES = {etype: _merge_types(etype) for etype in ALL_TYPES}


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


_TEXT_ORDER = attrgetter("start", "end")
