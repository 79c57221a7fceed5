"""``/api/timeline`` bounds given as a month or a year (issue 12): inclusive, the whole period.

The Lisbon meeting of tests/data/web/articles.jsonl (read by hand) is on Tuesday 2026-05-05.
"""

from __future__ import annotations

import httpx
import pytest


def meeting_dates(client: httpx.Client, **bounds: str) -> list[str | None]:
    response = client.get("/api/timeline", params={"entity": "Paulo Rangel", **bounds})
    assert response.status_code == 200, response.text
    return [e["date"] for e in response.json()["entries"] if e["type"] == "meeting"]


@pytest.mark.parametrize("bounds", [{"since": "2026-05", "until": "2026-05"},
                                    {"since": "2026", "until": "2026"},
                                    {"until": "2026-05"}, {"since": "2026-05"}])
def test_a_month_or_a_year_holds_the_meeting_of_one_of_its_days(
        client: httpx.Client, bounds: dict[str, str]) -> None:
    assert meeting_dates(client, **bounds) == ["2026-05-05"]


@pytest.mark.parametrize("bounds", [{"since": "2026-06"}, {"until": "2026-04"},
                                    {"since": "2027", "until": "2027"}])
def test_a_period_without_its_day_leaves_the_meeting_out(
        client: httpx.Client, bounds: dict[str, str]) -> None:
    assert meeting_dates(client, **bounds) == []


def test_a_bound_that_is_no_month_is_a_client_error(client: httpx.Client) -> None:
    response = client.get("/api/timeline", params={"since": "2026-13"})
    assert 400 <= response.status_code < 500
