"""The CLI verbs end to end, in process, over a temporary SQLite store."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli.app import app

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "store.sqlite"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return str(path)


def test_ingest_reports_the_near_copy_and_counts(db: str) -> None:
    again = runner.invoke(app, ["ingest", str(EXAMPLES / "05-visite-pekin.txt"), "--db", db])
    assert again.exit_code == 0
    assert "duplicate of" in again.stderr
    assert "0 added, 1 duplicate(s) skipped, 0 failed" in again.stderr


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(DATA / "cp1252.txt", tmp_path / "legacy.txt")
    shutil.copy(DATA / "batch.jsonl", tmp_path / "batch.jsonl")
    db = str(tmp_path / "s.sqlite")
    result = runner.invoke(app, ["ingest", str(tmp_path), str(tmp_path / "missing.txt"),
                                 "--db", db])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 5, result.stderr
    assert any("empty.txt: empty input" in line for line in lines)
    assert any("binary.txt: binary content" in line for line in lines)
    assert any("batch.jsonl:2:" in line for line in lines)
    assert any("batch.jsonl:4:" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    assert "3 added, 0 duplicate(s) skipped, 5 failed" in result.stderr
    shown = runner.invoke(app, ["search", "écoles rurales", "--db", db, "--format", "json"])
    (hit,) = json.loads(shown.stdout)
    assert "précédent" in hit["snippet"]  # the cp1252 file was decoded, not mangled


def test_extract_prints_one_public_record_per_line_without_a_store() -> None:
    result = runner.invoke(app, ["extract", str(DATA / "banner.txt"), "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["schema"] == "veille.extraction/1"
    assert record["source"]["path"].endswith("banner.txt")
    assert {r["reason"] for r in record["removed"]} >= {"cookie-banner", "share-prompt"}
    for quote in record["quotes"]:
        assert record["text"][quote["start"]:quote["end"]] == quote["text"]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert record["text"][m["start"]:m["end"]] == m["text"]


def test_search_is_accent_and_inflection_insensitive(db: str) -> None:
    # Example 01 says "les négociations" and "un financement commun", never these forms.
    for query in ("negociation", "NÉGOCIER", "financer"):
        result = runner.invoke(app, ["search", query, "--db", db, "--format", "json"])
        titles = [h["title"] for h in json.loads(result.stdout)]
        assert any("Vingt-Sept" in (t or "") for t in titles), (query, titles)
    nothing = runner.invoke(app, ["search", "cornemuse", "--db", db, "--format", "json"])
    assert json.loads(nothing.stdout) == []


def test_search_filters_by_publisher(db: str) -> None:
    result = runner.invoke(app, ["search", "Soudan", "--publisher", "Agence Veille", "--db", db,
                                 "--format", "json"])
    hits = json.loads(result.stdout)
    assert {h["doc_id"] for h in hits} == {"depeche-0412", "depeche-0413"}
    none = runner.invoke(app, ["search", "Soudan", "--publisher", "Autre", "--db", db,
                               "--format", "json"])
    assert json.loads(none.stdout) == []


def test_show_by_id_prefix_and_unknown_doc(db: str) -> None:
    shown = runner.invoke(app, ["show", "depeche-0412", "--db", db, "--format", "json"])
    assert json.loads(shown.stdout)["source"]["publisher"] == "Agence Veille"
    missing = runner.invoke(app, ["show", "nope", "--db", db])
    assert missing.exit_code == 2 and "no such document" in missing.stderr


def test_quotes_filter_by_speaker_alias(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "Guterres", "--db", db, "--format",
                                 "json"])
    rows = json.loads(result.stdout)["quotes"]
    assert rows and all("Guterres" in (r["speaker"] or "") for r in rows)


def test_export_csv_table_and_jsonl_file(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--table", "documents",
                                 "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7 and "depeche-0413" in {r["doc_id"] for r in rows}
    out = tmp_path / "all.jsonl"
    done = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", db])
    assert done.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7
    assert not list(tmp_path.glob(".all.jsonl.*"))  # no temp file left behind


def test_stats_counts_documents(db: str) -> None:
    result = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)["documents"] == 7


def test_unopenable_store_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = runner.invoke(app, ["stats", "--db", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("veille: ") and "\n" not in result.stderr.strip()
