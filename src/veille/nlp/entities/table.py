"""The entities of one document and the lookups other components use (a contract).

Quotes call :meth:`EntityTable.resolve` on a speaker span and :meth:`EntityTable.last_before`
for pronouns; events call :meth:`EntityTable.lookup`, :meth:`EntityTable.find_by_name` and
:meth:`EntityTable.entities`. Only plain records (``Entity``, ``Mention``) leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.names import fold, name_key, same_entity
from veille.model import Entity, EntityType, Mention, MentionVia
from veille.nlp.entities.roles import RoleMatch, find_roles
from veille.nlp.entities.text import trim_span
from veille.nlp.scope import current_kb, current_pack

ALL_TYPES = ("PER", "ORG", "LOC", "MISC")
RoleKey = tuple[str, str | None]


@dataclass
class _Cluster:
    entity: Entity
    keys: set[str] = field(default_factory=set)
    entry: KBEntry | None = None


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
        # Mentions arrive out of order; sort them when read after a change, not on every read
        # (the quote and event stages read the table thousands of times in a long text).
        self._unsorted = False

    # -- reading ---------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        """Entities with at least one mention, mentions in text order."""
        if self._unsorted:
            for cluster in self._clusters:
                cluster.entity.mentions.sort(key=lambda m: (m.start, m.end))
            self._unsorted = False
        return [c.entity for c in self._clusters if c.entity.mentions]

    def lookup(self, start: int, end: int, types: tuple[str, ...] = ALL_TYPES) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` the most (ties: the earliest)."""
        best: tuple[int, Entity] | None = None
        for cluster in self._clusters:
            if cluster.entity.type not in types:
                continue
            for m in cluster.entity.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, cluster.entity)
        return best[1] if best else None

    def last_before(self, pos: int, types: tuple[str, ...] = ("PER",)) -> Entity | None:
        """The entity of the latest mention starting before ``pos`` (for pronouns)."""
        best: tuple[int, Entity] | None = None
        for cluster in self._clusters:
            if cluster.entity.type not in types:
                continue
            for m in cluster.entity.mentions:
                if m.start < pos and (best is None or m.start > best[0]):
                    best = (m.start, cluster.entity)
        return best[1] if best else None

    def find_by_name(self, name: str, types: tuple[str, ...] = ALL_TYPES,
                     before: int | None = None) -> Entity | None:
        """The entity this name refers to, or None.

        Same name key (titles, accents and transliteration aside), a surname or initial + surname
        of a fuller name, or a near-equal spelling with agreeing first names. When several
        people fit (two Le Pen), the one mentioned last before ``before`` wins.
        """
        key = name_key(name)
        if not key:
            return None
        exact, loose = [], []
        for cluster in self._clusters:
            if not _types_match(cluster.entity.type, types):
                continue
            if key in cluster.keys:
                exact.append(cluster)
            elif self._loosely_names(name, key, cluster):
                loose.append(cluster)
        found = exact or loose or self._by_first_name(key, types)
        if not found:
            return None
        return self._latest(found, before).entity

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
        found = [c for c in self._clusters if c.entity.type == "PER"
                 and any(len(k.split()) > 1 and k.split()[0] == key for k in c.keys)]
        return found if len(found) == 1 else []

    def holder(self, role: str, country: str | None) -> Entity | None:
        """The entity the document says holds ``role`` (for ``country``), if known."""
        return self._roles.get((role, country))

    # -- writing ---------------------------------------------------------------------------
    def add(self, name: str, etype: EntityType, start: int, end: int, text: str,
            via: MentionVia = "name") -> Entity:
        """Add a mention of ``name``, merging it into an existing entity it names."""
        entity = self.find_by_name(name, _merge_types(etype), before=start)
        if entity is None:
            entity = self._new(name, etype)
        cluster = self._cluster(entity)
        if entity.type == "MISC" and etype != "MISC":
            entity.type = etype
        longer = len(name_key(name).split()) > len(name_key(entity.name).split())
        if cluster.entry is None and longer:
            entity.name = name  # the canonical name is the fullest form found
        cluster.keys.add(name_key(name))
        self.add_mention(entity, start, end, text, via)
        return entity

    def add_mention(self, entity: Entity, start: int, end: int, text: str,
                    via: MentionVia) -> None:
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(Mention(start, end, text, via))
            self._unsorted = True

    def merge(self, entity: Entity, into: Entity) -> Entity:
        """Move ``entity``'s names and mentions into ``into`` and forget ``entity``."""
        cluster, target = self._cluster(entity), self._cluster(into)
        target.keys |= cluster.keys
        for m in entity.mentions:
            self.add_mention(into, m.start, m.end, m.text, m.via)
        entity.mentions.clear()
        self._clusters.remove(cluster)
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
        cluster.keys |= {name_key(n) for n in entry.names()}
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
        return next((c.entity for c in self._clusters if c.entry is entry
                     or (c.entry is not None and c.entry.key == entry.key)), None)

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
        for c in self._clusters:
            if c.entry is not None and c.entity.mentions and any(
                p.role == role for p in c.entry.positions_on(self.reference)
            ):
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

    def _new(self, name: str, etype: EntityType) -> Entity:
        entity = Entity(id=f"e{len(self._clusters) + 1}", name=name, type=etype)
        self._clusters.append(_Cluster(entity, {name_key(name)}))
        return entity

    def _cluster(self, entity: Entity) -> _Cluster:
        return next(c for c in self._clusters if c.entity is entity)

    def _latest(self, clusters: list[_Cluster], before: int | None) -> _Cluster:
        def last(c: _Cluster) -> int:
            starts = [m.start for m in c.entity.mentions if before is None or m.start < before]
            return max(starts, default=-1)
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
