"""Merging a new knowledge-base entry with the one that already stands for the same entity.

A person the KB holds under its own key (``veille:<slug>``, no Wikidata id), added again with
a Wikidata id, would be two entries carrying one name: :meth:`KnowledgeBase.link` finds the
name ambiguous and links neither. So an entry with an id merges with the one entry of its type
that bears one of its names (label or alias) and has no id or the same one: the old key is
kept (the new entry replaces the old one wherever it was read from), the id is the new one,
names and positions are the union, and the new entry's facts win where both give one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from veille.kb.base import KBEntry, KnowledgeBase, Position


@dataclass
class Merge:
    entry: KBEntry  # what to write
    merged_with: str | None = None  # the key of the entry it joined, if any


def candidates(new: KBEntry, kb: KnowledgeBase) -> list[KBEntry]:
    """The entries of ``new``'s type, other than itself, that it may be: its id's, else those
    without an id (or with the same) bearing one of its names."""
    if not new.id:
        return []
    by_id = kb.get(new.id)
    if by_id is not None and by_id.key != new.key:
        return [by_id]
    found: dict[str, KBEntry] = {}
    for name in new.names():
        for old in kb.by_name(name, (new.type,)):
            if old.key != new.key and old.id in (None, new.id):
                found.setdefault(old.key, old)
    return list(found.values())


def merge_entry(new: KBEntry, kb: KnowledgeBase) -> Merge:
    """``new`` merged with the one entry it stands for; unchanged when there is none, or when
    several could be it (merging with the wrong one would be worse than a duplicate)."""
    found = candidates(new, kb)
    if len(found) != 1:
        return Merge(new)
    return Merge(combine(found[0], new), found[0].key)


def combine(old: KBEntry, new: KBEntry) -> KBEntry:
    """One entry from two: ``old``'s key, ``new``'s id and facts first, every name kept (an
    old label the new one replaces stays an alias)."""
    labels = {**old.labels, **new.labels}
    aliases: dict[str, list[str]] = {}
    for lang in {*old.labels, *old.aliases, *new.aliases}:
        names = [*new.aliases.get(lang, []), *old.aliases.get(lang, [])]
        if old.labels.get(lang) and old.labels[lang] != labels.get(lang):
            names.append(old.labels[lang])
        kept = list(dict.fromkeys(n for n in names if n != labels.get(lang)))
        if kept:
            aliases[lang] = kept
    return KBEntry(
        key=old.key, type=new.type, id=new.id, kind=new.kind or old.kind, labels=labels,
        aliases=aliases, description={**old.description, **new.description},
        country=new.country or old.country, coords=new.coords or old.coords,
        population=new.population if new.population is not None else old.population,
        positions=_positions(old.positions, new.positions),
        updated=new.updated or old.updated, source=new.source or old.source,
    )


def _positions(old: list[Position], new: list[Position]) -> list[Position]:
    return list(dict.fromkeys([*new, *old]))


def merge_entries(entries: Iterable[KBEntry], kb: KnowledgeBase) -> Iterator[Merge]:
    """Each entry merged against ``kb``, which learns it at once (a file may hold both)."""
    for entry in entries:
        merge = merge_entry(entry, kb)
        kb.add(merge.entry)
        yield merge
