"""views/quotes.py: newest first, by speaker and period at any precision."""

from __future__ import annotations

import pytest

from veille.store import Store
from veille.views.quotes import quotes_view


def test_newest_first_with_the_article_date_for_undated_quotes(store: Store) -> None:
    page = quotes_view(store, limit=100)
    dates = [q.date for q in page.quotes]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert dates[:5] == ["2025-09-02"] * 5 and dates[-1] == "2025-08-14"
    assert "2025-08-20" in dates  # the untitled note's quotes take its date


def test_speaker_period_and_limit(store: Store) -> None:
    assert [q.speaker for q in quotes_view(store, speaker="Luca").quotes] == ["Luca Marchetti"]
    august = quotes_view(store, since="2025-08", until="2025-08", limit=100)
    assert len(august.quotes) == 12 + 8 + 1
    assert len(quotes_view(store, since="2025-09", limit=100).quotes) == 5
    first = quotes_view(store, limit=3)
    assert len(first.quotes) == 3
    assert first.paging is not None and first.paging.next == "/quotes?limit=3&offset=3"


def test_a_bound_that_is_no_date_is_a_value_error(store: Store) -> None:
    with pytest.raises(ValueError, match="not a month"):
        quotes_view(store, since="2025-13")


def test_every_quote_names_its_article_by_label(store: Store) -> None:
    labels = {q.label for q in quotes_view(store, limit=100).quotes}
    assert "Varsovie : Odile Marchetti rencontre Piet Janssen" in labels
    assert any(label.startswith("Odile Marchetti et Piet Janssen se sont vus") for label in labels)
    assert not any(label in ("0f1e2d3c4b5a6978", "?") for label in labels)


def test_each_quote_says_how_its_speaker_was_found_when_known(store: Store) -> None:
    vias = {(q.label[:8], q.speaker_via) for q in quotes_view(store, limit=100).quotes}
    # The Varsovie article's quotes were found by their subject; the note's carry no via.
    assert ("Varsovie", "subject") in vias
    assert ("Odile Ma", None) in vias
