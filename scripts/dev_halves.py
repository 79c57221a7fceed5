"""Score the dev set in two halves: the half we work from, and the half kept aside.

Usage: ``.venv/bin/python scripts/dev_halves.py [--shared ../shared] [--json]``.

Each of ``corpus/dev/wikinews`` and ``corpus/dev/html`` is cut by sorted file name: even
positions are the *work* half (look at its errors, write rules from them), odd positions the
*aside* half (never read for rules, only scored). Extracts every dev document once, then scores
each half of each set with ``eval/score.py`` and prints the scorer's brief line per half, so a
change that helps the work half and not the aside half shows itself as tuning.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = (("wikinews", "*.txt"), ("html", "*.html"))


def halves(folder: Path, pattern: str) -> dict[str, list[Path]]:
    files = sorted(folder.glob(pattern))
    return {"work": files[0::2], "aside": files[1::2]}


def extract(paths: list[Path]) -> list[dict[str, object]]:
    cli = [sys.executable, "-c", "from veille.cli.app import main; main()"]
    done = subprocess.run([*cli, "extract", *map(str, paths), "--format", "jsonl"],
                          capture_output=True, text=True, check=False)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def score(shared: Path, records: list[dict[str, object]], gold: list[str], tmp: Path,
          as_json: bool, label: str) -> str:
    stem = label.replace("/", "-")
    pred, gold_file = tmp / f"{stem}.pred.jsonl", tmp / f"{stem}.gold.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    gold_file.write_text("".join(line + "\n" for line in gold), encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(pred),
                           str(gold_file), "--json"], capture_output=True, text=True,
                          check=False)
    if as_json:
        return f"{label} {done.stdout.strip()}"
    brief = subprocess.run([sys.executable, str(shared / "eval" / "brief.py"), label],
                           input=done.stdout, capture_output=True, text=True, check=False)
    return brief.stdout.rstrip() or done.stderr.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    dev = args.shared / "corpus" / "dev"
    if not dev.is_dir():
        print(f"dev_halves: no {dev}; nothing to score")
        return 0
    split = {name: halves(dev / name, pattern) for name, pattern in SETS}
    records = extract([p for parts in split.values() for ps in parts.values() for p in ps])
    by_name = {Path(str((r.get("source") or {}).get("path", ""))).name: r  # type: ignore[union-attr]
               for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        for name, parts in split.items():
            gold = {json.loads(line)["doc"]: line for line in
                    (dev / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip()}
            for half, paths in parts.items():
                names = [p.name for p in paths]
                print(score(args.shared, [by_name[n] for n in names if n in by_name],
                            [gold[n] for n in names if n in gold], Path(tmp), args.json,
                            f"{name}/{half}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
