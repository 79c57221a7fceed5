"""Stream a Wikidata JSON dump into knowledge-base entries.

The dump format (``latest-all.json.gz``/``.bz2``) is one JSON array with one entity per line::

    [
    {"type":"item","id":"Q23","labels":{...},"claims":{"P31":[...],"P39":[...]}},
    ...
    ]

Lines are parsed one at a time, so memory stays flat whatever the dump size. A file holding a
``wbgetentities`` API answer (``{"entities": {"Q7747": {...}}}``) is read too. Only entities whose
"instance of" (P31) is one of the asked types are kept; positions held (P39) keep their start
(P580) and end (P582) qualifiers, mapped to portable roles through the positions the bundled
knowledge base already knows (President of Russia -> head_of_state, RU).
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from veille.kb.base import KBEntry, KnowledgeBase, Position
from veille.model import EntityType

# P31 values per type name; a few common subclasses each, since dumps rarely state the base class.
TYPE_CLASSES: dict[str, frozenset[str]] = {
    "human": frozenset({"Q5"}),
    "country": frozenset({"Q6256", "Q3624078"}),
    "city": frozenset({"Q515", "Q5119", "Q1549591", "Q1637706", "Q200250"}),
    "organization": frozenset({"Q43229", "Q484652", "Q245065", "Q7210356", "Q1127126",
                               "Q7278", "Q11032", "Q1002697"}),
}
_ENTITY_TYPE: dict[str, EntityType] = {"human": "PER", "country": "LOC", "city": "LOC",
                                       "organization": "ORG"}
LANGS = ("fr", "en", "ru")
_PRECISION = {9: 4, 10: 7, 11: 10}  # Wikidata time precision -> ISO prefix length


def open_dump(path: Path) -> IO[str]:
    """The dump as text, decompressing ``.gz`` and ``.bz2`` on the fly."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_entities(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Entities of a dump, line by line (array brackets and trailing commas skipped)."""
    for number, line in enumerate(lines, 1):
        text = line.strip().rstrip(",")
        if text in ("", "[", "]"):
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"line {number}: not a Wikidata entity ({err.msg})") from err
        if isinstance(data, dict) and isinstance(data.get("entities"), dict):
            yield from data["entities"].values()  # a wbgetentities answer
        elif isinstance(data, dict):
            yield data


def kind_of(entity: dict[str, Any], kinds: Iterable[str]) -> str | None:
    """The first asked type name the entity is an instance of, or None."""
    classes = {_item_id(c) for c in entity.get("claims", {}).get("P31", [])}
    for kind in kinds:
        if classes & TYPE_CLASSES[kind]:
            return kind
    return None


def _item_id(claim: dict[str, Any]) -> str | None:
    value = claim.get("mainsnak", claim).get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _time(snaks: list[dict[str, Any]] | None) -> str | None:
    """An ISO date cut to its precision ("+2012-05-07T00:00:00Z", 11 -> "2012-05-07")."""
    for snak in snaks or []:
        value = snak.get("datavalue", {}).get("value")
        if isinstance(value, dict) and "time" in value:
            cut = _PRECISION.get(int(value.get("precision", 11)), 10)
            return str(value["time"]).lstrip("+")[:cut]
    return None


def _positions(claims: dict[str, Any], roles: dict[str, tuple[str, str | None]]
               ) -> list[Position]:
    positions = []
    for claim in claims.get("P39", []):
        qid = _item_id(claim)
        if qid is None:
            continue  # "no value" / "unknown value"
        role, country = roles.get(qid, (f"wd:{qid}", None))
        qualifiers = claim.get("qualifiers", {})
        positions.append(Position(role, country, _time(qualifiers.get("P580")),
                                  _time(qualifiers.get("P582")), None, qid))
    return positions


def _coords(claims: dict[str, Any]) -> tuple[float, float] | None:
    for claim in claims.get("P625", []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "latitude" in value:
            return (round(float(value["latitude"]), 5), round(float(value["longitude"]), 5))
    return None


def to_entry(entity: dict[str, Any], kind: str,
             roles: dict[str, tuple[str, str | None]] | None = None,
             countries: dict[str, str] | None = None) -> KBEntry:
    """A KB entry from one Wikidata entity of the given type name.

    ``roles`` maps position QIDs to (role, country) and ``countries`` country QIDs to ISO codes
    (see :func:`position_roles`, :func:`country_codes`); unknown positions keep ``wd:<QID>``.
    """
    roles, countries = roles or {}, countries or {}
    claims = entity.get("claims", {})
    country_qid = next((_item_id(c) for c in claims.get("P17", claims.get("P27", []))), None)
    return KBEntry(
        key=entity["id"], id=entity["id"], type=_ENTITY_TYPE[kind], kind=kind,
        labels={lang: v["value"] for lang, v in entity.get("labels", {}).items() if lang in LANGS},
        aliases={lang: [a["value"] for a in vs] for lang, vs in entity.get("aliases", {}).items()
                 if lang in LANGS and vs},
        description={lang: v["value"] for lang, v in entity.get("descriptions", {}).items()
                     if lang in ("fr", "en")},
        country=countries.get(country_qid or ""), coords=_coords(claims),
        positions=_positions(claims, roles), source="wikidata-dump",
    )


def position_roles(kb: KnowledgeBase) -> dict[str, tuple[str, str | None]]:
    """Position QID -> (role, country), from the positions the knowledge base knows."""
    return {p.id: (p.role, p.country) for e in kb for p in e.positions if p.id}


def country_codes(kb: KnowledgeBase) -> dict[str, str]:
    """Country QID -> ISO alpha-2, from the knowledge base's countries."""
    return {e.id: e.country for e in kb if e.kind == "country" and e.id and e.country}


def import_dump(path: Path, kinds: Iterable[str], kb: KnowledgeBase | None = None,
                min_sitelinks: int = 0) -> Iterator[KBEntry]:
    """Entries for the dump's entities of the asked types, streamed.

    ``min_sitelinks`` keeps only entities with at least that many Wikipedia (and sister) pages:
    a full dump holds millions of people, and the number of sitelinks is a cheap notability cut.
    """
    kinds = tuple(kinds)
    unknown = [k for k in kinds if k not in TYPE_CLASSES]
    if unknown:
        raise ValueError(f"unknown type {unknown[0]!r}; choose from {', '.join(TYPE_CLASSES)}")
    roles = position_roles(kb) if kb is not None else {}
    countries = country_codes(kb) if kb is not None else {}
    with open_dump(path) as fh:
        for entity in iter_entities(fh):
            kind = kind_of(entity, kinds)
            if len(entity.get("sitelinks") or {}) < min_sitelinks:
                continue
            if kind is not None and entity.get("type", "item") == "item":
                yield to_entry(entity, kind, roles, countries)
