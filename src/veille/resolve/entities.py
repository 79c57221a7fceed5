"""Cross-document entity identity (first pass; issue #4 brings the knowledge base and fuzzy
matching with guards).

``global_key(entity)`` is what the store uses to decide which store-wide entity a document's
entity belongs to.
"""

from __future__ import annotations

import re
import unicodedata

from veille.model import Entity


def fold_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.]", " ", text).split())


def global_key(entity: Entity) -> str:
    """The knowledge-base id when linked, else the type and folded name."""
    if entity.kb_id:
        return entity.kb_id
    return f"{entity.type}:{fold_name(entity.name)}"
