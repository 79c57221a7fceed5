"""Context cards: what a reader needs to place an entity on the date of an article.

A card is a plain dict (JSON-ready): label, type, Wikidata id and URL, short description, the
role(s) held on the date, the country, and coordinates and population for places, worded in one
language pack (``entities/cards.tsv``, ``entities/role_labels.tsv``; by default the interface's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from veille.kb.base import KBEntry, KnowledgeBase, Position
from veille.lang.pack import LanguagePack, PackError
from veille.model import Entity
from veille.taxonomy import ui_pack

CARDS = "entities/cards.tsv"
_OPENERS = "entities/alias_openers.txt"
# Bracket and quotation-mark pairs: an alias with one side of a pair and not the other was cut
# out of a longer span ("Marco (Rubio").
_PAIRS = ("()", "[]", "{}", "«»", "“”", "‹›")
_WORD = re.compile(r"[^\W\d_]+(?:['’]|\b)")


def card_word(key: str, pack: LanguagePack) -> str:
    """Entry ``key`` of the pack's ``entities/cards.tsv`` ("type:PER", "cited_in"...)."""
    try:
        return pack.mapping(CARDS)[key]
    except KeyError:
        raise PackError(f"language pack '{pack.code}' has no '{key}' in {CARDS}") from None


def entry_label(entry: KBEntry, pack: LanguagePack) -> str:
    """The KB label in the pack's language, else the KB's own preferred one."""
    return entry.labels.get(pack.code) or entry.label


def country_label(code: str | None, kb: KnowledgeBase, pack: LanguagePack | None = None
                  ) -> str | None:
    """The name of a country code (or EU/UN/NATO) in the pack's language, from the knowledge
    base."""
    if not code:
        return None
    pack = pack or ui_pack()
    body = pack.mapping(CARDS).get(f"body:{code}")
    if body is not None:
        return body
    for entry in kb:
        if entry.kind == "country" and entry.country == code:
            return entry_label(entry, pack)
    return code


def role_label(position: Position, kb: KnowledgeBase, pack: LanguagePack | None = None) -> str:
    """A label for a position: its own when curated (written in the interface's language),
    else the role's in the pack's ``entities/role_labels.tsv``."""
    if position.label and position.as_of is None and position.id is None:
        return position.label
    pack = pack or ui_pack()
    template = pack.mapping("entities/role_labels.tsv").get(position.role)
    if template is None:
        return position.label or position.role
    return template.replace("{country}", country_label(position.country, kb, pack) or "?")


def card(item: KBEntry | Entity, on_date: date | None, kb: KnowledgeBase,
         pack: LanguagePack | None = None) -> dict[str, Any]:
    """The card of a KB entry, or of a document entity (linked through ``kb`` when possible),
    worded in ``pack`` (by default the interface's)."""
    pack = pack or ui_pack()
    day = on_date or date.today()
    entry = item if isinstance(item, KBEntry) else _entry_of(item, kb, day)
    if entry is None:
        assert isinstance(item, Entity)
        return {"label": item.name, "type": item.type, "linked": False,
                "description": item.description}
    roles = [role_label(p, kb, pack) for p in entry.positions_on(day)]
    data: dict[str, Any] = {
        "label": entry_label(entry, pack), "type": entry.type, "kind": entry.kind, "linked": True,
        "wikidata": entry.id,
        "url": f"https://www.wikidata.org/wiki/{entry.id}" if entry.id else None,
        "description": entry.description.get(pack.code) or entry.description.get("en"),
        "role": roles[0] if roles else None, "roles": roles,
        "on": day.isoformat(),
        "country": country_label(entry.country, kb, pack),
    }
    if entry.type == "LOC":
        data["coords"] = list(entry.coords) if entry.coords else None
        data["population"] = entry.population
    return data


def _entry_of(entity: Entity, kb: KnowledgeBase, day: date) -> KBEntry | None:
    if entity.kb_id:
        found = kb.get(entity.kb_id)
        if found is not None:
            return found
    return kb.link(entity.name, entity.type, day)


@cache
def _openers() -> frozenset[str]:
    # Every installed pack's: a store holds documents of any language.
    return frozenset().union(*(LanguagePack.load(code).words(_OPENERS)
                               for code in LanguagePack.available()))


def is_fragment(alias: str) -> bool:
    """Whether an alias is a piece of a sentence rather than a name: a bracket or quotation
    mark left open (or closed without opening), or a lower-case preposition or article
    followed by a lower-case word ("du chef de la diplomatie")."""
    for pair in _PAIRS:
        if alias.count(pair[0]) != alias.count(pair[1]):
            return True
    if alias.count('"') % 2:
        return True
    words = [w.rstrip("'’") for w in _WORD.findall(alias)]
    if len(words) < 2 or words[0] not in _openers():
        return False
    return bool(words[1][:1].islower())


def shown_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """The aliases worth showing beside ``name``: not the name itself, not a fragment."""
    return [a for a in aliases if a != name and not is_fragment(a)]
