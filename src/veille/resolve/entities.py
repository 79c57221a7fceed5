"""Cross-document entity identity: which global entity a document's entity belongs to.

Pure functions over plain records; the stores call them. Names compare through
:mod:`veille.kb.names`, the same keys the NLP stage uses inside a document.

- ``global_key(entity) -> str``: the store's key for an entity: its Wikidata id (``"Q58217"``)
  when linked, else ``"<TYPE>:<name_key>"`` (``"PER:serguei lavrov"`` -> after folding
  ``"PER:sergei lavrov"``).
- ``entity_key(entity, kb) -> str``: like ``global_key`` but links through the knowledge base
  first, so an unlinked "Sergey Lavrov" still gets Lavrov's Wikidata key.
- ``match(entity, candidates, kb=None) -> int | None``: index of the candidate ``(name, type,
  kb_id)`` the entity belongs to, or None.

A store that wants fuzzy merging beyond the keys: for an unlinked PER entity whose
``global_key`` is new, fetch stored PER entities with the same ``surname_key`` and call
``match``; take the match's key, else create the entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.kb.names import is_bare_surname, name_key, same_entity, surname_key
from veille.model import Entity

if TYPE_CHECKING:
    from veille.kb.base import KnowledgeBase

__all__ = ["entity_key", "global_key", "is_bare_surname", "match", "surname_key"]


def global_key(entity: Entity) -> str:
    """The Wikidata id for a linked entity, else ``<TYPE>:<name key>``."""
    if entity.kb_id:
        return entity.kb_id
    return f"{entity.type}:{name_key(entity.name)}"


def entity_key(entity: Entity, kb: KnowledgeBase | None = None) -> str:
    """Like :func:`global_key`, linking through ``kb`` when the entity is not linked yet."""
    if not entity.kb_id and kb is not None:
        entry = kb.link(entity.name, entity.type)
        if entry is not None and entry.id:
            return entry.id
    return global_key(entity)


def match(entity: Entity, candidates: Sequence[tuple[str, str, str | None]],
          kb: KnowledgeBase | None = None) -> int | None:
    """Index of the candidate ``(name, type, kb_id)`` this entity belongs to, or None.

    A shared Wikidata id decides; two different ids never merge; otherwise
    :func:`veille.kb.names.same_entity`.
    """
    key = entity_key(entity, kb)
    qid = key if ":" not in key else None
    for i, (name, etype, cand_qid) in enumerate(candidates):
        if qid and cand_qid:
            if qid == cand_qid:
                return i
            continue
        if same_entity(entity.name, entity.type, name, etype):
            return i
    return None
