"""The read commands' text over the invented store of tests/views/conftest.py: counts say how
many of how many, quotes come newest first, documents by their titles, never a bare id."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.clean.dedup import signature
from veille.cli.app import app
from veille.store import open_store

runner = CliRunner()
_FIXTURES = Path(__file__).resolve().parents[1] / "views" / "conftest.py"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = importlib.util.spec_from_file_location("workbench_records", _FIXTURES)
    assert spec and spec.loader
    records = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(records)
    path = str(tmp_path_factory.mktemp("cli-workbench") / "veille.sqlite")
    store = open_store(path)
    for build in records.RECORDS:
        record = build()
        store.add(record, signature(record.text), 0.9)
    store.close()
    return path


def run(db: str, *args: str) -> str:
    done = runner.invoke(app, [*args, "--db", db])
    assert done.exit_code == 0, done.output
    return done.stdout


def test_entity_counts_say_how_many_of_how_many(db: str) -> None:
    text = run(db, "entity", "Odile Marchetti")
    assert "quotes (20 of 25):" in text
    assert "events (3):" in text
    assert "aliases" not in text  # her only other names are fragments
    assert "rencontre (a eu lieu): Odile Marchetti, Piet Janssen — Varsovie  [2 sources]" in text
    assert "quotes (5 of 25):" in run(db, "entity", "Odile Marchetti", "--limit", "5")


def test_quotes_newest_first_by_speaker_and_month(db: str) -> None:
    lines = run(db, "quotes", "--limit", "100").splitlines()
    days = [line.split()[0] for line in lines]
    assert days == sorted(days, reverse=True) and len(lines) == 26
    luca = run(db, "quotes", "--speaker", "Luca").splitlines()
    assert len(luca) == 1 and luca[0].startswith("2025-08-19  Luca Marchetti")
    august = run(db, "quotes", "--since", "2025-08", "--until", "2025-08", "--limit", "100")
    assert len(august.splitlines()) == 21
    assert len(run(db, "quotes", "--limit", "3").splitlines()) == 3
    bad = runner.invoke(app, ["quotes", "--since", "2025-13", "--db", db])
    assert bad.exit_code == 2 and "not a month" in bad.stderr


def test_documents_are_shown_by_title_or_first_words(db: str) -> None:
    timeline = run(db, "timeline")
    assert "· Varsovie : Odile Marchetti rencontre Piet Janssen: « a rencontré »" in timeline
    assert "· Odile Marchetti et Piet Janssen se sont vus à Varsovie le 14…" in timeline
    assert "0f1e2d3c4b5a6978:" not in timeline  # no bare id where a label exists
    shown = run(db, "show", "0f1e")
    assert shown.startswith("0f1e2d3c4b5a6978: Odile Marchetti et Piet Janssen se sont vus")
    assert "Odile Marchetti (via subject) [direct" in run(db, "show", "a1b2")
    listed = run(db, "quotes", "--limit", "30")
    assert "Odile Marchetti [via subject] (direct)" in listed
    assert "— Varsovie : Odile Marchetti rencontre Piet Janssen" in listed
