"""Score the seed timeline: ingest the seeds into a fresh store, merge, compare with the gold.

Usage: ``.venv/bin/python scripts/eval_timeline.py [--shared ../shared] [--json]`` (run by
``make eval``). Ingests ``corpus/seeds/*.txt`` into a temporary SQLite store, writes ``veille
timeline --format json`` (every entry: the CLI does not page) and scores it with
``eval/score_timeline.py`` against ``corpus/seeds.timeline.gold.json``: merge pairs
precision/recall/F1, events exactly right, and place, date and participant accuracy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_CLI = [sys.executable, "-c", "from veille.cli.app import main; main()"]


def seed_timeline(shared: Path, tmp: Path) -> Path:
    """The seeds' merged timeline as JSON, from a store of their own."""
    db, out = tmp / "seeds.sqlite", tmp / "timeline.json"
    seeds = sorted(str(p) for p in (shared / "corpus" / "seeds").glob("*.txt"))
    subprocess.run([*_CLI, "ingest", *seeds, "--db", str(db)], check=True,
                   capture_output=True)
    done = subprocess.run([*_CLI, "timeline", "--db", str(db), "--format", "json"], check=True,
                          capture_output=True, text=True)
    out.write_text(done.stdout, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    gold = args.shared / "corpus" / "seeds.timeline.gold.json"
    scorer = args.shared / "eval" / "score_timeline.py"
    if not gold.is_file() or not scorer.is_file():
        print(f"eval_timeline: no {gold} or {scorer}; nothing to score")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        timeline = seed_timeline(args.shared, Path(tmp))
        done = subprocess.run([sys.executable, str(scorer), str(timeline), str(gold),
                               *(["--json"] if args.json else [])],
                              capture_output=True, text=True, check=False)
    print(done.stdout.rstrip() or done.stderr.strip())
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
