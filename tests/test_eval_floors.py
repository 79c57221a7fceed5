"""Quote (and dev event) floors on every scored set: seeds, blind set, dev/wikinews and dev/html.

``make eval`` (scripts/evaluate.py) measures the same figures and writes them into the README;
this test fails when a change loses ground on any set, even when the seeds stay perfect. The
floors sit just under the figures measured when they were last raised (README, "Evaluation, as
measured"): raise them when a change moves a set up, never lower one to let a change through.
Skips without ../shared (the dev sets and the scorer live there).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from veille.settings import Settings

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "evaluate.py"

FLOORS: dict[str, dict[str, float]] = {
    "seeds": {"quote_precision": 0.95, "quote_recall": 0.95, "speaker_accuracy": 0.95,
              "attributed_quote_f1": 0.95, "indirect_recall": 0.95, "turn_recall": 0.95},
    "blind": {"quote_precision": 0.9, "speaker_accuracy": 0.9, "attributed_quote_f1": 0.9},
    "dev/wikinews": {"quote_precision": 0.95, "speaker_accuracy": 0.92,
                     "attributed_quote_f1": 0.92, "indirect_recall": 0.95,
                     "event_precision": 0.80, "event_recall": 0.80},
    "dev/html": {"quote_precision": 0.94, "speaker_accuracy": 0.90,
                 "attributed_quote_f1": 0.86, "indirect_recall": 0.94,
                 "turn_recall": 0.95, "event_precision": 0.80, "event_recall": 0.80},
    "wikinews/work": {"attributed_quote_f1": 0.97},
    "wikinews/aside": {"attributed_quote_f1": 0.90},
    "html/work": {"attributed_quote_f1": 0.94},
    "html/aside": {"attributed_quote_f1": 0.75},
}


def _evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("veille_evaluate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(shared_dir: Path, settings: Settings) -> dict[str, dict[str, float]]:
    if not (shared_dir / "corpus" / "dev").is_dir():
        pytest.skip("../shared has no corpus/dev (the dev sets are unavailable)")
    sets: dict[str, dict[str, float]] = _evaluate().score_all(shared_dir, settings)[0]
    return sets


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quote_metrics_stay_above_their_floors(scores: dict[str, dict[str, float]],
                                               name: str) -> None:
    assert name in scores, f"{name} was not scored"
    low = {metric: (scores[name][metric], floor) for metric, floor in FLOORS[name].items()
           if scores[name][metric] < floor}
    assert not low, f"{name}: below the floor (measured, floor): {low}"


def test_the_dev_halves_are_scored_apart(scores: dict[str, dict[str, float]]) -> None:
    for name in ("wikinews", "html"):
        assert {f"{name}/work", f"{name}/aside"} <= set(scores)
