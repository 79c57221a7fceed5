"""Shared fixtures: the spaCy model once per session, ../shared when present, temp stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from veille.nlp.context import DocContext
from veille.nlp.pipeline import Analysis, analyze
from veille.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(db=":memory:")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repo; tests that need it skip cleanly without it."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not beside the repo (seed corpus and scorer unavailable)")
    return SHARED


@pytest.fixture(scope="session")
def analyze_text(settings: Settings) -> Callable[..., Analysis]:
    """Run the NLP stage on one text, with an optional ISO reference date."""

    def run(text: str, reference: str | None = None) -> Analysis:
        ctx = DocContext.from_iso(reference, "published" if reference else "none")
        return next(iter(analyze([(text, ctx)], settings.model)))

    return run
