"""`make eval`: extract the seed corpus, score it with ../shared/eval/score.py, report the table.

Prints every metric the scorer reports and, when the README has the lines
``<!-- eval:start -->`` and ``<!-- eval:end -->``, rewrites the block between them with a
markdown table, followed by the time figures per set: the seeds, the blind set and each half of
the dev set (``corpus/dev``: the *work* half, even file positions by sorted name, and the half
kept *aside*, odd positions, as ``scripts/dev_halves.py`` cuts them). Exits cleanly with a
message (status 0) when ../shared is not beside the repo: the seed corpus and the scorer are
not part of this repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from veille.extract import extract_records
from veille.ingest.files import read_path
from veille.settings import Settings

START, END = "<!-- eval:start -->", "<!-- eval:end -->"


BLIND = Path(__file__).resolve().parents[1] / "tests" / "data" / "blind"


DEV_SETS = (("wikinews", "*.txt"), ("html", "*.html"))


def extract_seeds(folder: Path, out: Path, settings: Settings,
                  paths: list[Path] | None = None) -> int:
    """Write one extraction record per article of ``folder`` (or per file of ``paths``) to
    ``out``; returns the count."""
    paths = sorted(folder.glob("*.txt")) if paths is None else paths
    items = [item for p in paths for item in read_path(p, settings.max_bytes)]
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for record in extract_records(items, settings):
            if isinstance(record, Exception):
                print(f"evaluate: skipped an input: {record}", file=sys.stderr)
                continue
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def score(shared: Path, predictions: Path, gold: Path) -> dict[str, float]:
    """The scorer's metrics as a dict (it prints them as one JSON line with --json)."""
    done = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(predictions), str(gold),
         "--json"],
        capture_output=True, text=True, check=True,
    )
    metrics: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return metrics


def markdown_table(seeds: dict[str, float], blind: dict[str, float], counts: tuple[int, int]
                   ) -> str:
    rows = [f"Scored by `../shared/eval/score.py`: the seed corpus ({counts[0]} documents) and "
            f"the repository's blind set (`tests/data/blind/`, {counts[1]} documents).", "",
            "| metric | seeds | blind set |", "|---|---|---|"]
    for name, value in seeds.items():
        rows.append(f"| {name} | {_shown(value)} | {_shown(blind.get(name))} |")
    return "\n".join(rows)


def dev_times(shared: Path, tmp: Path, settings: Settings) -> dict[str, float]:
    """time_value_accuracy of each half of each dev set ("wikinews/work", ...); {} without one."""
    found: dict[str, float] = {}
    for name, pattern in DEV_SETS:
        dev = shared / "corpus" / "dev"
        folder, gold_file = dev / name, dev / f"{name}.gold.jsonl"
        if not folder.is_dir() or not gold_file.is_file():
            continue
        gold = {json.loads(line)["doc"]: line for line in
                gold_file.read_text(encoding="utf-8").splitlines() if line.strip()}
        files = sorted(folder.glob(pattern))
        for half, paths in (("work", files[0::2]), ("aside", files[1::2])):
            pred, part = tmp / f"{name}-{half}.jsonl", tmp / f"{name}-{half}.gold.jsonl"
            extract_seeds(folder, pred, settings, paths)
            part.write_text("".join(gold[p.name] + "\n" for p in paths if p.name in gold),
                            encoding="utf-8")
            found[f"{name}/{half}"] = score(shared, pred, part)["time_value_accuracy"]
    return found


def times_table(seeds: dict[str, float], blind: dict[str, float], dev: dict[str, float]) -> str:
    sets = {"seeds": seeds["time_value_accuracy"],
            "blind set": blind.get("time_value_accuracy", 0.0), **dev}
    return "\n".join(["", "", "time_value_accuracy per set (dev: work half / half kept aside):", "",
                      "| " + " | ".join(sets) + " |", "|" + "---|" * len(sets),
                      "| " + " | ".join(_shown(v) for v in sets.values()) + " |"])


def _shown(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def rewrite_readme(readme: Path, table: str) -> bool:
    """Replace the block between the eval markers; False when the markers are absent."""
    if not readme.is_file():
        return False
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text or text.index(START) > text.index(END):
        return False
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="directory holding corpus/seeds, corpus/seeds.gold.jsonl, eval/")
    parser.add_argument("--readme", type=Path, default=None,
                        help="README whose eval block to rewrite (optional)")
    args = parser.parse_args(argv)
    shared: Path = args.shared
    if not (shared / "corpus" / "seeds").is_dir() or not (shared / "eval" / "score.py").is_file():
        print(f"evaluate: {shared} has no seed corpus or scorer; nothing to evaluate.")
        return 0
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        seed_pred, blind_pred = Path(tmp) / "seeds.jsonl", Path(tmp) / "blind.jsonl"
        counts = (extract_seeds(shared / "corpus" / "seeds", seed_pred, settings),
                  extract_seeds(BLIND, blind_pred, settings))
        seeds = score(shared, seed_pred, shared / "corpus" / "seeds.gold.jsonl")
        blind = score(shared, blind_pred, BLIND / "gold.jsonl")
        dev = dev_times(shared, Path(tmp), settings)
    table = markdown_table(seeds, blind, counts) + times_table(seeds, blind, dev)
    print(table)
    if args.readme is not None:
        if rewrite_readme(args.readme, table):
            print(f"evaluate: updated the eval block of {args.readme}")
        else:
            print(f"evaluate: {args.readme} has no {START} ... {END} block; printed only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
