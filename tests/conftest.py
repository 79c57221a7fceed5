"""Shared fixtures: the spaCy model once per session, ../shared when present, temp stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from spacy.language import Language

from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.context import DocContext
from veille.nlp.model import load_pipeline
from veille.nlp.pipeline import Analysis, analyze
from veille.nlp.scope import scope
from veille.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"

# Property tests check what a function returns, never how fast: Hypothesis's default 200 ms
# deadline per example fails them on a loaded shared machine (a flaky test, not a finding).
hypothesis_settings.register_profile("veille", deadline=None)
hypothesis_settings.load_profile("veille")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(db=":memory:")


@pytest.fixture(scope="session", autouse=True)
def french_rules() -> Iterator[None]:
    """Tests that call a rule module directly run it as the French components do."""
    with scope(LanguagePack.load("fr"), get_kb()):
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repo; tests that need it skip cleanly without it."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not beside the repo (seed corpus and scorer unavailable)")
    return SHARED


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """Veille's French pipeline (the model and its components), loaded once."""
    return load_pipeline(settings.model, None, settings.kb_path)


@pytest.fixture(scope="session")
def analyze_text(settings: Settings) -> Callable[..., Analysis]:
    """Run the NLP stage on one text, with an optional ISO reference date."""

    def run(text: str, reference: str | None = None) -> Analysis:
        ctx = DocContext.from_iso(reference, "published" if reference else "none")
        return next(iter(analyze([(text, ctx)], settings.model)))

    return run


@pytest.fixture(scope="session")
def seed_scores(shared_dir: Path, settings: Settings, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, float]:
    """Extract the seed corpus once and score it with ../shared/eval/score.py (--json)."""
    import json
    import subprocess
    import sys

    from veille.extract import extract_records
    from veille.ingest.files import read_path

    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    paths = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    items = [item for p in paths for item in read_path(p, settings.max_bytes)]
    with out.open("w", encoding="utf-8") as fh:
        for record in extract_records(items, settings):
            assert not isinstance(record, Exception), record
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(out),
         str(shared_dir / "corpus" / "seeds.gold.jsonl"), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return scores
