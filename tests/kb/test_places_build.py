"""The KB build joins GeoNames cities to their Wikidata ids; the bundled KB is in step."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "veille" / "kb" / "data"
SHARED = REPO.parent / "shared"


def build_kb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_kb", REPO / "scripts" / "build_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def table() -> list[tuple[int, str]]:
    rows = [line.split("\t") for line in
            (DATA / "place-qids.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(int(r[0]), r[1]) for r in rows]


def test_the_table_gives_each_city_one_id_and_each_id_one_city() -> None:
    rows = table()
    assert len({g for g, _ in rows}) == len({q for _, q in rows}) == len(rows)
    assert all(q.startswith("Q") and q[1:].isdigit() for _, q in rows)


def test_the_bundled_kb_carries_every_id_of_the_table() -> None:
    cities = {}
    for line in (DATA / "kb.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["key"].startswith("geonames:"):
            cities[int(entry["key"].split(":")[1])] = entry.get("id")
    assert [(g, cities.get(g)) for g, q in table() if cities.get(g) != q] == []


def test_the_build_joins_the_dump_samples_geonames_ids() -> None:
    if not (SHARED / "kb" / "wikidata-dump-sample.json").is_file():
        pytest.skip(f"no {SHARED}/kb/wikidata-dump-sample.json (the shared data)")
    qids = build_kb().place_qids(SHARED)
    assert qids[524901] == "Q649"  # Moscow, from the table
    assert qids[2972191] == "Q288"  # Tours: only the sample's P1566 claim gives it
