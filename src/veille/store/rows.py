"""Pure helpers shared by the store back-ends: what to index for a record, how to query it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from veille.clean.dedup import normalize
from veille.model import Entity, Record
from veille.resolve.entities import global_key


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("french")


def stems(text: str) -> str:
    """Snowball stems of every word, accents kept (the FTS tokenizer folds them)."""
    words = re.findall(r"\w+", text.casefold())
    return " ".join(_stemmer().stemWords(words))


@dataclass
class EntityLink:
    local_id: str
    key: str
    name: str
    type: str
    kb_id: str | None
    mentions: int
    aliases: list[str]


def entity_links(record: Record) -> list[EntityLink]:
    """One row per document entity, with the key that ties it to the store-wide entity."""
    links = []
    for entity in record.entities:
        aliases = sorted({m.text for m in entity.mentions})
        links.append(EntityLink(
            entity.id, entity_key(entity), entity.name, entity.type, entity.kb_id,
            len(entity.mentions), aliases,
        ))
    return links


def entity_key(entity: Entity) -> str:
    return global_key(entity)


def fts_query(query: str) -> str:
    """A user's words to an FTS5 MATCH expression: every word must match, in any form.

    A word matches as typed (accents folded), as a spaCy lemma, or by its Snowball stem;
    a double-quoted part is kept as a phrase over the body text.
    """
    clauses = [f'body : "{p}"' for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    for word in re.findall(r"\w+", rest.casefold()):
        stem = _stemmer().stemWord(word)
        clauses.append(f'({{title body lemmas}} : "{word}" OR stems : "{stem}")')
    return " AND ".join(clauses)


def content_key(record: Record) -> str:
    from veille.clean.dedup import content_hash

    return content_hash(record.text)


def fold_like(text: str) -> str:
    """A LIKE pattern that matches ``text`` anywhere, case-insensitively after normalizing."""
    return f"%{normalize(text)}%"
