"""Places of the knowledge base: their Wikidata id, how specific they are, what holds them.

The timeline names an event's place by its most specific name (a venue or a city over a region,
a region over a country) and links it to Wikidata the way people are linked. Everything here
is read from the KB (``kb.jsonl``: countries, GeoNames cities joined to their Wikidata ids,
curated regions and venues) and from ``kb/data/place-within.tsv`` (a venue in its city, a city
in its region: what a country code cannot say). Pure lookups; no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from veille.kb.base import KBEntry, KnowledgeBase, get_kb

_WITHIN = "place-within.tsv"
# KB kinds from the most specific to the least; a name the KB does not know ranks as a city
# (news names a venue or a town far more often than an unknown region).
_SPECIFICITY = {"building": 4, "venue": 4, "city": 3, "capital": 3, "state": 2, "region": 2,
                "country": 1, "continent": 0}
UNKNOWN_SPECIFICITY = 3
# A venue such as the White House is an ORG entry too (the presidency speaks through it).
_PLACE_KINDS = frozenset(k for k, v in _SPECIFICITY.items() if v >= 4)


@dataclass(frozen=True)
class Place:
    """A KB place: its Wikidata id (None when the KB has none), kind, country and holders."""

    key: str
    kb_id: str | None
    kind: str
    country: str | None
    within: frozenset[str]

    @property
    def specificity(self) -> int:
        return _SPECIFICITY.get(self.kind, UNKNOWN_SPECIFICITY)


class PlaceIndex:
    """Place names of one knowledge base, resolved to :class:`Place`."""

    def __init__(self, kb: KnowledgeBase, within: dict[str, frozenset[str]] | None = None):
        self._kb = kb
        self._within = read_within() if within is None else within
        self._cache: dict[str, Place | None] = {}

    def place(self, *names: str) -> Place | None:
        """The one place the first of ``names`` that the KB knows denotes (None if unknown or
        ambiguous); pass a name and its variants (articles off) in order of preference."""
        for name in names:
            if name not in self._cache:
                self._cache[name] = self._lookup(name)
            if self._cache[name] is not None:
                return self._cache[name]
        return None

    def _lookup(self, name: str) -> Place | None:
        found = [e for e in self._kb.by_name(name, ("LOC", "ORG"))
                 if e.type == "LOC" or e.kind in _PLACE_KINDS]
        countries = [e for e in found if e.kind == "country"]
        if len(found) > 1 and len(countries) == 1:
            found = countries  # "Mexico", "Luxembourg": the country, as news means it
        if len(found) > 1:  # several cities of one name: the most populous, if it dwarfs them
            found.sort(key=lambda e: -(e.population or 0))
            if (found[0].population or 0) < 10 * (found[1].population or 0):
                return None
        return self._place(found[0]) if found else None

    def _place(self, entry: KBEntry) -> Place:
        holders = set(self._within.get(entry.id or entry.key, frozenset()))
        for holder in list(holders):  # a venue in a city in a region
            holders |= self._within.get(holder, frozenset())
        return Place(entry.key, entry.id, entry.kind, entry.country, frozenset(holders))

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether ``inner`` lies in ``outer`` (a city in its country, a venue in its city)."""
        if outer.key == inner.key or (outer.kb_id and outer.kb_id in inner.within):
            return True
        return outer.kind == "country" and bool(outer.country) and \
            inner.country == outer.country and inner.key != outer.key


def read_within() -> dict[str, frozenset[str]]:
    """QID -> the QIDs of the places that directly hold it, from ``place-within.tsv``."""
    text = resources.files("veille.kb").joinpath("data", _WITHIN).read_text(encoding="utf-8")
    within: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            inner, outer = line.split("\t")[:2]
            within.setdefault(inner, set()).add(outer)
    return {k: frozenset(v) for k, v in within.items()}


@cache
def bundled_places() -> PlaceIndex:
    """The places of this installation's KB, for callers that pass no index."""
    return PlaceIndex(get_kb())
