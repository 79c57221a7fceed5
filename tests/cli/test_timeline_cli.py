"""``veille timeline`` end to end over a temporary store holding two short articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli.app import app

runner = CliRunner()
ARTICLES = {
    "a.txt": ("Moscou, 16 août 2025\nLe président américain Donald Trump et le président russe "
              "Vladimir Poutine ont tenu un sommet à Anchorage le 15 août 2025.\n"),
    "b.txt": ("Paris, 17 août 2025\nDonald Trump et Vladimir Poutine se sont rencontrés "
              "vendredi à Anchorage, en Alaska, pour un sommet.\n"),
}


@pytest.fixture(scope="module")
def db(store_of: Callable[[dict[str, str]], str]) -> str:
    return store_of(ARTICLES)


def test_json_merges_the_two_reports(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    events = [e for e in json.loads(result.stdout)["entries"] if e["date"] == "2025-08-15"]
    assert len(events) == 1
    assert events[0]["source_count"] == 2
    assert events[0]["place"] == "Anchorage"


def test_text_filters_by_entity_and_period(db: str) -> None:
    shown = runner.invoke(app, ["timeline", "--db", db, "--entity", "Poutine",
                                "--since", "2025-08-01", "--until", "2025-08-31"])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("2025-08-15")
    assert "[2 sources]" in shown.stdout
    none = runner.invoke(app, ["timeline", "--db", db, "--entity", "Zelensky"])
    assert none.stdout.strip() == "no events"


def test_ics_output(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "-f", "ics"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")  # .stdout folds CRLF
    assert "DTSTART;VALUE=DATE:20250815" in result.stdout


def test_bad_date_and_format_are_refused(db: str) -> None:
    assert runner.invoke(app, ["timeline", "--db", db, "--since", "hier"]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--db", db, "-f", "xml"]).exit_code == 2


def test_timeline_needs_no_network(db: str, tmp_path: Path) -> None:
    empty = str(tmp_path / "empty.sqlite")
    result = runner.invoke(app, ["timeline", "--db", empty])
    assert result.exit_code == 0
    assert result.stdout.strip() == "no events"
