"""Shared helpers of the quote tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.model import Quote


def _quote_in(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]


@pytest.fixture
def quote_in() -> Callable[[list[Quote], str], Quote]:
    """The first of ``quotes`` whose text holds ``words``; the test fails, listing the quotes,
    when there is none."""
    return _quote_in
