"""``veille kb add`` and ``veille kb import-wikidata`` against a temporary KB file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from veille.cli.app import app
from veille.kb.base import read_entries

runner = CliRunner()


def test_kb_add_then_replace(tmp_path: Path) -> None:
    source, target = tmp_path / "mine.jsonl", tmp_path / "kb.jsonl"
    source.write_text(json.dumps({"key": "veille:jeanne-durand", "type": "PER",
                                  "labels": {"fr": "Jeanne Durand"}}) + "\n", encoding="utf-8")
    first = runner.invoke(app, ["kb", "add", str(source), "--to", str(target)])
    assert first.exit_code == 0, first.output
    assert "1 added, 0 replaced" in first.output
    again = runner.invoke(app, ["kb", "add", str(source), "--to", str(target)])
    assert "0 added, 1 replaced" in again.output
    assert [e.label for e in read_entries(target)] == ["Jeanne Durand"]


def test_kb_add_bad_file_fails_with_the_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"key": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["kb", "add", str(source), "--to", str(tmp_path / "kb.jsonl")])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output
    assert not (tmp_path / "kb.jsonl").exists()


def test_kb_import_wikidata_keeps_asked_types(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json.gz"
    human = {"type": "item", "id": "Q900001",
             "labels": {"fr": {"language": "fr", "value": "Irène Vasquez"}},
             "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
                 "value": {"entity-type": "item", "numeric-id": 5, "id": "Q5"},
                 "type": "wikibase-entityid"}}, "type": "statement", "rank": "normal"}]}}
    other = {**human, "id": "Q900002", "claims": {}}
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.write("[\n" + json.dumps(human) + ",\n" + json.dumps(other) + "\n]\n")
    target = tmp_path / "kb.jsonl"
    result = runner.invoke(app, ["kb", "import-wikidata", str(dump), "--types", "human",
                                 "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert [e.key for e in read_entries(target)] == ["Q900001"]
    bad = runner.invoke(app, ["kb", "import-wikidata", str(dump), "--types", "planet",
                              "--to", str(target)])
    assert bad.exit_code == 2 and "unknown type" in bad.output


def test_kb_add_with_a_wikidata_id_merges_with_the_entry_of_that_name(tmp_path: Path) -> None:
    target = tmp_path / "kb.jsonl"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"key": "veille:odile-marchetti", "type": "PER",
                                 "labels": {"fr": "Odile Marchetti"}}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"key": "Q990001", "id": "Q990001", "type": "PER",
                                  "labels": {"fr": "Odile Marchetti"}}) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["kb", "add", str(first), "--to", str(target)]).exit_code == 0
    result = runner.invoke(app, ["kb", "add", str(second), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "Q990001 merged with veille:odile-marchetti" in result.output
    assert "0 added, 1 replaced" in result.output
    entries = list(read_entries(target))
    assert [(e.key, e.id) for e in entries] == [("veille:odile-marchetti", "Q990001")]


def test_the_help_lists_the_dump_importers_types() -> None:
    from veille.cli.kb import TYPE_NAMES
    from veille.kb.wikidata import TYPE_CLASSES

    assert tuple(TYPE_CLASSES) == TYPE_NAMES
