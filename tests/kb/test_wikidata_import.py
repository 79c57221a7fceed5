"""Streaming a Wikidata JSON dump (our own small sample, written in the dump's exact format)."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from veille.kb.base import KBEntry, KnowledgeBase, Position
from veille.kb.wikidata import import_dump, iter_entities


def _item(qid: str) -> dict[str, Any]:
    return {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}


def _claim(prop: str, value: dict[str, Any] | None, qualifiers: dict[str, Any] | None = None,
           ) -> dict[str, Any]:
    snak: dict[str, Any] = {"snaktype": "value" if value else "novalue", "property": prop}
    if value:
        snak["datavalue"] = value
    claim: dict[str, Any] = {"mainsnak": snak, "type": "statement", "rank": "normal"}
    if qualifiers:
        claim["qualifiers"] = qualifiers
    return claim


def _time(prop: str, iso: str, precision: int = 11) -> dict[str, Any]:
    return {prop: [{"snaktype": "value", "property": prop, "datavalue": {
        "value": {"time": f"+{iso}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                  "precision": precision, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
        "type": "time"}}]}


def _labels(**names: str) -> dict[str, Any]:
    return {lang: {"language": lang, "value": v} for lang, v in names.items()}


ENTITIES = [
    {"type": "item", "id": "Q900001", "labels": _labels(fr="Irène Vasquez", en="Irene Vasquez",
                                                         de="Irene Vasquez"),
     "descriptions": _labels(fr="diplomate imaginaire"),
     "aliases": {"fr": [{"language": "fr", "value": "I. Vasquez"}]},
     "claims": {
         "P31": [_claim("P31", {"value": _item("Q5"), "type": "wikibase-entityid"})],
         "P27": [_claim("P27", {"value": _item("Q900003"), "type": "wikibase-entityid"})],
         "P39": [_claim("P39", {"value": _item("Q900009"), "type": "wikibase-entityid"},
                        {**_time("P580", "2021-03-01"), **_time("P582", "2024", 9)}),
                 _claim("P39", None)],
     }},
    {"type": "item", "id": "Q900002", "labels": _labels(fr="Port-Imaginaire"),
     "sitelinks": {"frwiki": {"site": "frwiki", "title": "Port-Imaginaire", "badges": []},
                   "enwiki": {"site": "enwiki", "title": "Port-Imaginaire", "badges": []}},
     "claims": {
         "P31": [_claim("P31", {"value": _item("Q515"), "type": "wikibase-entityid"})],
         "P625": [_claim("P625", {"value": {"latitude": 12.5, "longitude": -3.25,
                                            "precision": 0.01, "globe": "http://www.wikidata.org/entity/Q2"},
                                  "type": "globecoordinate"})],
     }},
    {"type": "item", "id": "Q900004", "labels": _labels(fr="pomme"),
     "claims": {"P31": [_claim("P31", {"value": _item("Q1364"), "type": "wikibase-entityid"})]}},
    {"type": "property", "id": "P999", "labels": _labels(en="some property"), "claims": {}},
]


def _write(path: Path, opener: Any = open) -> Path:
    lines = ["["] + [json.dumps(e, separators=(",", ":")) + "," for e in ENTITIES[:-1]]
    lines += [json.dumps(ENTITIES[-1], separators=(",", ":")), "]"]
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def _base() -> KnowledgeBase:
    return KnowledgeBase([
        KBEntry("Q900003", "LOC", id="Q900003", kind="country", country="XI",
                labels={"fr": "Imaginie"}),
        KBEntry("Q900010", "PER", id="Q900010",
                positions=[Position("foreign_minister", "XI", id="Q900009")]),
    ])


@pytest.mark.parametrize(("suffix", "opener"), [(".json", open), (".json.gz", gzip.open),
                                                (".json.bz2", bz2.open)])
def test_dump_is_streamed_in_every_compression(tmp_path: Path, suffix: str, opener: Any) -> None:
    path = _write(tmp_path / f"dump{suffix}", opener)
    entries = list(import_dump(path, ["human", "city"], _base()))
    assert [e.key for e in entries] == ["Q900001", "Q900002"]


def test_person_keeps_labels_aliases_country_and_dated_positions(tmp_path: Path) -> None:
    path = _write(tmp_path / "dump.json")
    [person] = import_dump(path, ["human"], _base())
    assert person.type == "PER" and person.labels == {"fr": "Irène Vasquez", "en": "Irene Vasquez"}
    assert person.aliases == {"fr": ["I. Vasquez"]} and person.country == "XI"
    assert person.description == {"fr": "diplomate imaginaire"}
    [pos] = person.positions  # the "no value" P39 is skipped
    assert (pos.role, pos.country, pos.start, pos.end) == ("foreign_minister", "XI",
                                                           "2021-03-01", "2024")


def test_place_keeps_coordinates_and_unasked_types_are_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path / "dump.json")
    [city] = import_dump(path, ["city"])
    assert city.type == "LOC" and city.coords == (12.5, -3.25)
    assert list(import_dump(path, ["organization"])) == []


def test_unknown_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown type 'planet'"):
        list(import_dump(_write(tmp_path / "dump.json"), ["planet"]))


def test_api_answer_shape_is_read_too() -> None:
    answer = json.dumps({"entities": {"Q900001": ENTITIES[0]}, "success": 1})
    assert [e["id"] for e in iter_entities([answer])] == ["Q900001"]


def test_real_dump_sample_parses(shared_dir: Path) -> None:
    entries = list(import_dump(shared_dir / "kb" / "wikidata-dump-sample.json",
                               ["human", "country"]))
    keys = {e.key for e in entries}
    assert {"Q23", "Q31", "Q142"} <= keys  # George Washington, Belgium, France
    assert "Q44" not in keys  # beer
    washington = next(e for e in entries if e.key == "Q23")
    assert any(p.start == "1789-04-30" for p in washington.positions)


def test_min_sitelinks_keeps_notable_entities_only(tmp_path: Path) -> None:
    path = _write(tmp_path / "dump.json")
    kept = list(import_dump(path, ["human", "city"], min_sitelinks=2))
    assert [e.key for e in kept] == ["Q900002"]
