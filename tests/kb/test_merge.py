"""kb/merge.py: an entry added with a Wikidata id joins the entry already holding its name."""

from __future__ import annotations

from veille.kb.base import KBEntry, KnowledgeBase, Position
from veille.kb.merge import merge_entries, merge_entry


def curated() -> KBEntry:
    return KBEntry(key="veille:odile-marchetti", type="PER", labels={"fr": "Odile Marchetti"},
                   aliases={"fr": ["O. Marchetti"]},
                   positions=[Position(role="mayor", country="FR", start="2020-07-01")])


def with_id(**extra: object) -> KBEntry:
    fields: dict[str, object] = {"key": "Q990001", "type": "PER", "id": "Q990001",
                                 "labels": {"fr": "Odile Marchetti", "en": "Odile Marchetti"},
                                 "description": {"fr": "femme politique inventée"}}
    fields.update(extra)
    return KBEntry(**fields)  # type: ignore[arg-type]


def test_an_entry_with_an_id_merges_with_the_one_bearing_its_label() -> None:
    kb = KnowledgeBase([curated()])
    merge = merge_entry(with_id(), kb)
    assert merge.merged_with == "veille:odile-marchetti"
    entry = merge.entry
    assert (entry.key, entry.id) == ("veille:odile-marchetti", "Q990001")
    assert entry.aliases["fr"] == ["O. Marchetti"]
    assert entry.positions and entry.positions[0].role == "mayor"
    assert entry.description["fr"] == "femme politique inventée"
    kb.add(entry)
    linked = kb.link("Odile Marchetti", "PER")
    assert linked is not None and linked.id == "Q990001"


def test_it_merges_through_an_alias_and_keeps_the_old_label_as_one() -> None:
    kb = KnowledgeBase([curated()])
    merge = merge_entry(with_id(labels={"fr": "Odile Marchetti-Roux"},
                                aliases={"fr": ["O. Marchetti"]}), kb)
    assert merge.merged_with == "veille:odile-marchetti"
    assert merge.entry.labels["fr"] == "Odile Marchetti-Roux"
    assert set(merge.entry.aliases["fr"]) == {"O. Marchetti", "Odile Marchetti"}


def test_no_merge_across_types_ids_or_between_two_candidates() -> None:
    other_type = KnowledgeBase([KBEntry(key="veille:marchetti-sa", type="ORG",
                                        labels={"fr": "Odile Marchetti"})])
    assert merge_entry(with_id(), other_type).merged_with is None
    other_id = KnowledgeBase([KBEntry(key="Q5", type="PER", id="Q5",
                                      labels={"fr": "Odile Marchetti"})])
    assert merge_entry(with_id(), other_id).merged_with is None
    twins = KnowledgeBase([curated(), KBEntry(key="veille:odile-marchetti-2", type="PER",
                                              labels={"fr": "Odile Marchetti"})])
    assert merge_entry(with_id(), twins).merged_with is None
    assert merge_entry(KBEntry(key="veille:x", type="PER", labels={"fr": "Odile Marchetti"}),
                       KnowledgeBase([curated()])).merged_with is None


def test_entries_of_one_file_merge_with_each_other() -> None:
    merges = list(merge_entries([curated(), with_id()], KnowledgeBase()))
    assert [m.merged_with for m in merges] == [None, "veille:odile-marchetti"]
