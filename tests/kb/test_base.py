"""The knowledge base: loading, linking, positions over time, the bundled data."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from veille.kb.base import (
    KBEntry,
    KnowledgeBase,
    Position,
    add_to_file,
    bundled_path,
    get_kb,
    load_kb,
    read_entries,
)
from veille.resolve.cards import card


def test_bundled_kb_is_small_and_well_formed() -> None:
    path = bundled_path()
    assert path.stat().st_size < 5_000_000
    entries = list(read_entries(path))
    assert len(entries) > 1000
    assert len({e.key for e in entries}) == len(entries)
    assert all(e.id is None or (e.id.startswith("Q") and e.id[1:].isdigit()) for e in entries)


def test_curated_ids_agree_with_the_shared_wikidata_lists(shared_dir: Path) -> None:
    """Where a curated person appears in ../shared/kb, the QIDs must be the same."""
    names: dict[str, str] = {}
    kb_dir = shared_dir / "kb"
    with (kb_dir / "foreign-ministers.2023-01.csv").open(encoding="utf-8") as fh:
        names.update({r["name"]: r["person"] for r in csv.DictReader(fh) if r["person"]})
    with (kb_dir / "heads-of-state-and-government.2022-10.csv").open(encoding="utf-8") as fh:
        names.update({r["officeholderLabel"]: r["officeholder"] for r in csv.DictReader(fh)})
    curated = Path(bundled_path()).with_name("kb-curated.jsonl").read_text(encoding="utf-8")
    checked = 0
    for line in curated.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        entry = json.loads(line)
        english = entry["labels"].get("en")
        if english in names:
            assert entry["id"] == names[english], english
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize(("day", "holder"), [(date(2025, 4, 11), "Marco Rubio"),
                                             (date(2023, 4, 11), "Antony Blinken")])
def test_holder_of_a_position_depends_on_the_date(day: date, holder: str) -> None:
    assert [e.label for e in get_kb().holders("foreign_minister", "US", day)] == [holder]


def test_russian_foreign_minister_in_2025_is_lavrov() -> None:
    found = get_kb().holders("foreign_minister", "RU", date(2025, 10, 26))
    assert [e.id for e in found] == ["Q58217"]


def test_open_position_from_a_dated_source_expires() -> None:
    pos = Position("head_of_state", "FI", start="2012", as_of="2022-10")
    assert pos.held_on(date(2023, 6, 1))
    assert not pos.held_on(date(2025, 6, 1))
    assert Position("head_of_state", "RU", start="2012-05-07").held_on(date(2030, 1, 1))


def test_end_of_month_precision_covers_the_month() -> None:
    pos = Position("national_security_advisor", "US", start="2025-01-20", end="2025-05")
    assert pos.held_on(date(2025, 5, 20)) and not pos.held_on(date(2025, 6, 1))


def _people() -> KnowledgeBase:
    return KnowledgeBase([
        KBEntry("a", "PER", labels={"fr": "Jean Dupont"},
                positions=[Position("head_of_state", "XX", start="2020")]),
        KBEntry("b", "PER", labels={"fr": "Paul Dupont"}),
        KBEntry("c", "PER", labels={"fr": "Anne Martel"},
                positions=[Position("foreign_minister", "XX", start="2020")]),
        KBEntry("d", "LOC", labels={"fr": "Martelville"}),
    ])


def test_link_by_full_name_alias_and_surname() -> None:
    kb = _people()
    assert kb.link("Jean Dupont", "PER") is kb.get("a")
    assert kb.link("Martel", "PER", date(2024, 1, 1)) is kb.get("c")
    assert kb.link("Martel", "PER", date(2019, 1, 1)) is None  # not in office yet
    assert kb.link("Dupont", "PER", date(2024, 1, 1)) is kb.get("a")  # the only one in office
    assert kb.link("Martelville", "PER") is None


def test_holders_are_latest_start_first_and_per_country_or_all() -> None:
    kb = KnowledgeBase([
        KBEntry("a", "PER", labels={"fr": "Ancien Chef"},
                positions=[Position("head_of_state", "XX", start="2010")]),
        KBEntry("b", "PER", labels={"fr": "Nouveau Chef"},
                positions=[Position("head_of_state", "YY", start="2021")]),
        KBEntry("c", "PER", labels={"fr": "Autre Chef"},
                positions=[Position("head_of_state", "XX", start="2015", end="2016")]),
    ])
    day = date(2024, 1, 1)
    assert [e.key for e in kb.holders("head_of_state", None, day)] == ["b", "a"]
    assert [e.key for e in kb.holders("head_of_state", "XX", day)] == ["a"]
    assert [e.key for e in kb.holders("head_of_state", "XX", date(2015, 6, 1))] == ["c", "a"]
    assert kb.holders("head_of_state", "ZZ", day) == []


def test_later_files_replace_entries_by_key(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"key": "x", "type": "PER", "labels": {"fr": "Ancien Nom"}})
                     + "\n", encoding="utf-8")
    second.write_text(json.dumps({"key": "x", "type": "PER", "labels": {"fr": "Nouveau Nom"}})
                      + "\n", encoding="utf-8")
    kb = load_kb([first, second, tmp_path / "missing.jsonl"])
    assert len(kb) == 1 and kb.link("Nouveau Nom") is not None and kb.link("Ancien Nom") is None


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"key": "x", "type": "PER"}\n{"key": "y"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        list(read_entries(path))


def test_add_to_file_counts_added_and_replaced(tmp_path: Path) -> None:
    target = tmp_path / "user" / "kb.jsonl"
    assert add_to_file(target, [KBEntry("x", "ORG", labels={"fr": "Un"})]) == (1, 0)
    assert add_to_file(target, [KBEntry("x", "ORG", labels={"fr": "Deux"}),
                                KBEntry("y", "ORG")]) == (1, 1)
    assert [e.label for e in read_entries(target)] == ["Deux", "y"]


def test_card_gives_role_at_date_and_coordinates() -> None:
    kb = get_kb()
    lavrov = kb.get("Q58217")
    assert lavrov is not None
    data = card(lavrov, date(2025, 10, 26), kb)
    assert data["label"] == "Sergueï Lavrov" and data["wikidata"] == "Q58217"
    assert "Affaires étrangères" in data["role"] and data["country"] == "Russie"
    moscow = kb.link("Moscou", "LOC")
    assert moscow is not None
    place = card(moscow, date(2025, 1, 1), kb)
    lat, lon = place["coords"]
    assert 55 < lat < 56.5 and 37 < lon < 38.5


def test_card_of_a_former_holder_has_no_current_role() -> None:
    kb = get_kb()
    biden = kb.get("Q6279")
    assert biden is not None
    assert card(biden, date(2025, 6, 1), kb)["role"] is None
    assert card(biden, date(2022, 6, 1), kb)["role"] is not None


def test_process_kb_layers_bundled_user_and_settings_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from veille.kb import base as kb_module

    user, extra = tmp_path / "user.jsonl", tmp_path / "extra.jsonl"
    add_to_file(user, [KBEntry("veille:x", "PER", labels={"fr": "Hélène Imaginaire"})])
    add_to_file(extra, [KBEntry("veille:x", "PER", labels={"fr": "Hélène Remplacée"}),
                        KBEntry("Q58217", "PER", id="Q58217", labels={"fr": "Lavrov Test"})])
    monkeypatch.setattr(kb_module, "user_kb_path", lambda: user)
    kb_module._default_kb.cache_clear()
    try:
        kb = get_kb(str(extra))
        assert kb is get_kb(str(extra))  # loaded once per process
        assert kb.link("Hélène Remplacée") is not None and kb.link("Hélène Imaginaire") is None
        lavrov = kb.get("Q58217")
        assert lavrov is not None and lavrov.label == "Lavrov Test"
        assert kb.link("Moscou", "LOC") is not None  # the bundled file is still there
    finally:
        monkeypatch.undo()
        kb_module._default_kb.cache_clear()


def test_memo_answers_from_memory_until_an_entry_is_added() -> None:
    kb = KnowledgeBase([KBEntry(key="veille:a", type="ORG", labels={"fr": "Agence Alpha"})])
    calls: list[str] = []

    def compute() -> int:
        calls.append("x")
        return len(calls)

    assert kb.memo("test", "k", compute) == 1
    assert kb.memo("test", "k", compute) == 1  # remembered, not computed again
    assert kb.memo("other", "k", compute) == 2  # spaces are apart
    kb.add(KBEntry(key="veille:b", type="ORG", labels={"fr": "Bureau Beta"}))
    assert kb.memo("test", "k", compute) == 3  # an add forgets every answer


def test_link_sees_an_entry_added_after_a_first_answer() -> None:
    kb = KnowledgeBase([KBEntry(key="veille:a", type="ORG", labels={"fr": "Agence Alpha"})])
    assert kb.link("Bureau Beta", "ORG") is None
    kb.add(KBEntry(key="veille:b", type="ORG", labels={"fr": "Bureau Beta"}))
    found = kb.link("Bureau Beta", "ORG")
    assert found is not None and found.key == "veille:b"


def test_name_keys_of_an_entry_cover_labels_and_aliases() -> None:
    entry = KBEntry(key="veille:c", type="LOC", labels={"fr": "Sainte-Hélène", "en": "St Helena"},
                    aliases={"fr": ["Île Sainte-Hélène"]})
    kb = KnowledgeBase([entry])
    assert kb.name_keys(entry) == {"sainte helene", "st helena", "ile sainte helene"}
    stranger = KBEntry(key="veille:c", type="LOC", labels={"fr": "Autre Lieu"})
    assert kb.name_keys(stranger) == {"autre lieu"}  # not the KB's entry of that key
