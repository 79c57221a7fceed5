"""``veille timeline --since 2025-08 --until 2025-08`` means all of August (issue 12)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from veille.cli.app import app

runner = CliRunner()
# our own two reports: a summit on 15 August, a call on 2 September
ARTICLES = {
    "sommet.txt": ("Paris, 16 août 2025\nLe président américain Donald Trump et le président "
                   "russe Vladimir Poutine ont tenu un sommet à Anchorage le 15 août 2025.\n"),
    "appel.txt": ("Paris, 3 septembre 2025\nDonald Trump a appelé Vladimir Poutine le "
                  "2 septembre 2025.\n"),
}


@pytest.fixture(scope="module")
def db(store_of: Callable[[dict[str, str]], str]) -> str:
    return store_of(ARTICLES)


def dates(db: str, *bounds: str) -> list[str]:
    shown = runner.invoke(app, ["timeline", "--db", db, *bounds])
    assert shown.exit_code == 0, shown.output
    return [line.split()[0] for line in shown.stdout.splitlines()
            if line[:1].isdigit()]


def test_since_and_until_one_month_keep_that_whole_month(db: str) -> None:
    assert dates(db, "--since", "2025-08", "--until", "2025-08") == ["2025-08-15"]
    assert dates(db, "--since", "2025-09", "--until", "2025-09") == ["2025-09-02"]


def test_a_year_and_open_bounds_are_inclusive(db: str) -> None:
    assert dates(db, "--since", "2025", "--until", "2025") == ["2025-08-15", "2025-09-02"]
    assert dates(db, "--until", "2025-08") == ["2025-08-15"]
    assert dates(db, "--since", "2025-09") == ["2025-09-02"]


def test_a_month_with_no_event_shows_none(db: str) -> None:
    shown = runner.invoke(app, ["timeline", "--db", db, "--since", "2025-07", "--until", "2025-07"])
    assert shown.exit_code == 0
    assert shown.stdout.strip() == "no events"


def test_a_thirteenth_month_is_refused(db: str) -> None:
    assert runner.invoke(app, ["timeline", "--db", db, "--since", "2025-13"]).exit_code == 2
