"""Floors under the seed timeline's merge scores (``make eval``'s second half).

The seeds are ingested into a store of their own, merged, and scored by
``../shared/eval/score_timeline.py`` against ``corpus/seeds.timeline.gold.json``. The floors sit
just under the figures in the README ("Timelines across sources"): raise them when a change
moves the timeline up, never lower one to let a change through. Skips without ../shared.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "eval_timeline.py"

FLOORS = {"pair_precision": 0.95, "pair_f1": 0.92, "event_exact": 0.88,
          "date_accuracy": 0.94, "place_accuracy": 0.94, "participant_precision": 0.95}


def test_the_seed_timeline_stays_above_its_floors(shared_dir: Path, tmp_path: Path) -> None:
    gold = shared_dir / "corpus" / "seeds.timeline.gold.json"
    scorer = shared_dir / "eval" / "score_timeline.py"
    if not gold.is_file() or not scorer.is_file():
        pytest.skip("../shared has no seed timeline gold or scorer")
    spec = importlib.util.spec_from_file_location("veille_eval_timeline", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    timeline = module.seed_timeline(shared_dir, tmp_path)
    done = subprocess.run([sys.executable, str(scorer), str(timeline), str(gold), "--json"],
                          capture_output=True, text=True, check=True)
    scores = json.loads(done.stdout)
    low = {k: (scores[k], floor) for k, floor in FLOORS.items() if scores[k] < floor}
    assert not low, f"seed timeline below its floors (measured, floor): {low}"
