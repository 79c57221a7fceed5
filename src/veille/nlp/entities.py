"""Document-local entities: spaCy NER, cleaned, with mentions grouped into entities.

:class:`EntityTable` is the contract other NLP components use: quotes resolve speakers with
:meth:`EntityTable.resolve` and :meth:`EntityTable.last_before`, events read participants with
:meth:`EntityTable.lookup`. Only plain records leave this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from veille.model import Entity, EntityType, Mention, MentionVia
from veille.nlp.context import DocContext
from veille.resources import read_lines

_TYPES: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted(read_lines("titles.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _noise() -> frozenset[str]:
    return frozenset(read_lines("ner_noise.txt"))


def fold(text: str) -> str:
    """Lower-case, accents off, hyphens and apostrophes as spaces: the key names compare on."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.]", " ", text).split())


def split_title(text: str) -> tuple[str | None, str]:
    """``"Président Poutine" -> ("président", "Poutine")``; no title gives ``(None, text)``."""
    lowered = text.casefold()
    for title in _titles():
        if lowered.startswith(title + " ") and len(text) > len(title) + 1:
            return title, text[len(title) + 1 :].strip()
    return None, text


@dataclass
class _Cluster:
    entity: Entity
    keys: set[str] = field(default_factory=set)


class EntityTable:
    """Entities of one document, their mentions, and lookups by offset or by name."""

    def __init__(self) -> None:
        self._clusters: list[_Cluster] = []

    def entities(self) -> list[Entity]:
        for cluster in self._clusters:
            cluster.entity.mentions.sort(key=lambda m: m.start)
        return [c.entity for c in self._clusters if c.entity.mentions]

    def add(self, name: str, etype: EntityType, start: int, end: int, text: str,
            via: MentionVia = "name") -> Entity:
        """Add a mention of ``name``, merging it into an existing entity it names."""
        entity = self.find_by_name(name, (etype,)) or self._new(name, etype)
        self.add_mention(entity, start, end, text, via)
        if etype == "PER" and len(fold(name).split()) > len(fold(entity.name).split()):
            entity.name = name  # the canonical name is the fullest form found
        self._cluster(entity).keys.add(fold(name))
        return entity

    def add_mention(self, entity: Entity, start: int, end: int, text: str, via: MentionVia) -> None:
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(Mention(start, end, text, via))

    def find_by_name(self, name: str, types: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
                     ) -> Entity | None:
        """The entity this name refers to: same folded name, or a surname of a fuller name."""
        key = fold(split_title(name)[1])
        if not key:
            return None
        for cluster in reversed(self._clusters):
            if cluster.entity.type not in types:
                continue
            if key in cluster.keys:
                return cluster.entity
            if cluster.entity.type == "PER" and _same_person(key, cluster.keys):
                return cluster.entity
        return None

    def lookup(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``."""
        for cluster in self._clusters:
            for m in cluster.entity.mentions:
                if m.start < end and start < m.end:
                    return cluster.entity
        return None

    def resolve(self, text: str, start: int, end: int,
                types: tuple[str, ...] = ("PER", "ORG")) -> Entity | None:
        """Resolve a span naming a speaker (a name, a titled name) and record the mention."""
        entity = self.lookup(start, end)
        if entity is None or entity.type not in types:
            entity = self.find_by_name(text, types)
        if entity is not None:
            via: MentionVia = "title" if split_title(text)[0] else "alias"
            if fold(text) == fold(entity.name):
                via = "name"
            self.add_mention(entity, start, end, text, via)
        return entity

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

    def _new(self, name: str, etype: EntityType) -> Entity:
        entity = Entity(id=f"e{len(self._clusters) + 1}", name=name, type=etype)
        self._clusters.append(_Cluster(entity, {fold(name)}))
        return entity

    def _cluster(self, entity: Entity) -> _Cluster:
        return next(c for c in self._clusters if c.entity is entity)


def _same_person(key: str, keys: set[str]) -> bool:
    """A bare surname (or initial + surname) names the person whose full name ends with it."""
    words = key.split()
    for known in keys:
        known_words = known.split()
        if len(words) < len(known_words) and known_words[-len(words):] == words:
            return True
        if len(words) == 2 and len(words[0]) == 1 and known_words[-1] == words[-1] and (
            known_words[0].startswith(words[0])
        ):
            return True
    return False


def is_noise(span: Span) -> bool:
    text = _PUNCT.sub("", span.text).casefold()
    if not text or text in _noise() or "\n" in span.text or ":" in span.text:
        return True
    return not any(ch.isupper() for ch in span.text[:2])


def build_entity_table(doc: Doc, ctx: DocContext) -> EntityTable:
    """Group the document's named-entity spans into entities."""
    table = EntityTable()
    for span in doc.ents:
        etype = _TYPES.get(span.label_)
        if etype is None or is_noise(span):
            continue
        title, name = split_title(span.text)
        via: MentionVia = "title" if title else "name"
        table.add(name, etype, span.start_char, span.end_char, span.text, via)
    return table
