"""`make eval`: extract every scored set, score it with ../shared/eval/score.py, report the table.

The sets: the seed corpus, the repository's blind set (``tests/data/blind``), the two dev sets
(``corpus/dev/wikinews`` and ``corpus/dev/html``, real French news with hand annotations) and
each dev set's two halves: the *work* half (even file positions by sorted name, the half whose
errors rules are written from) and the half kept *aside* (odd positions, only ever scored), as
``scripts/dev_halves.py`` cuts them. Each document is extracted once; a half is scored from its
set's records. Prints every metric the scorer reports and, when the README has the lines
``<!-- eval:start -->`` and ``<!-- eval:end -->``, rewrites the block between them with a
markdown table, one column per set. Exits cleanly with a message (status 0) when ../shared is
not beside the repo: the corpora and the scorer are not part of this repository.
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


def extract(paths: list[Path], out: Path, settings: Settings) -> int:
    """Write one extraction record per file of ``paths`` to ``out``; returns the count."""
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


def halves(paths: list[Path]) -> dict[str, list[Path]]:
    """The dev split: even sorted positions are the work half, odd ones the half kept aside."""
    ordered = sorted(paths)
    return {"work": ordered[0::2], "aside": ordered[1::2]}


def _subset(lines: list[str], names: set[str], key: str) -> str:
    """The JSONL lines whose document (gold ``doc`` / prediction source path) is in ``names``."""
    kept = []
    for line in lines:
        data = json.loads(line)
        name = data.get("doc") if key == "doc" else Path(
            str((data.get("source") or {}).get("path") or "")).name
        if name in names:
            kept.append(line + "\n")
    return "".join(kept)


def score_dev(shared: Path, tmp: Path, settings: Settings) -> dict[str, dict[str, float]]:
    """Metrics of each dev set and of each of its halves ("wikinews", "wikinews/work", ...);
    {} when ``corpus/dev`` is absent."""
    found: dict[str, dict[str, float]] = {}
    dev = shared / "corpus" / "dev"
    for name, pattern in DEV_SETS:
        folder, gold_file = dev / name, dev / f"{name}.gold.jsonl"
        if not folder.is_dir() or not gold_file.is_file():
            continue
        pred = tmp / f"{name}.jsonl"
        extract(sorted(folder.glob(pattern)), pred, settings)
        found[f"dev/{name}"] = score(shared, pred, gold_file)
        pred_lines = [x for x in pred.read_text(encoding="utf-8").splitlines() if x.strip()]
        gold_lines = [x for x in gold_file.read_text(encoding="utf-8").splitlines() if x.strip()]
        for half, paths in halves(list(folder.glob(pattern))).items():
            names = {p.name for p in paths}
            part_pred, part_gold = tmp / f"{name}-{half}.jsonl", tmp / f"{name}-{half}.gold.jsonl"
            part_pred.write_text(_subset(pred_lines, names, "path"), encoding="utf-8")
            part_gold.write_text(_subset(gold_lines, names, "doc"), encoding="utf-8")
            found[f"{name}/{half}"] = score(shared, part_pred, part_gold)
    return found


def score_all(shared: Path, settings: Settings) -> tuple[dict[str, dict[str, float]],
                                                          dict[str, int]]:
    """Metrics of every set by name (seeds, blind, dev/wikinews, wikinews/work, ...) and the
    document count of the seeds and the blind set."""
    with tempfile.TemporaryDirectory() as tmp:
        seed_pred, blind_pred = Path(tmp) / "seeds.jsonl", Path(tmp) / "blind.jsonl"
        counts = {"seeds": extract(sorted((shared / "corpus" / "seeds").glob("*.txt")),
                                   seed_pred, settings),
                  "blind": extract(sorted(BLIND.glob("*.txt")), blind_pred, settings)}
        sets = {"seeds": score(shared, seed_pred, shared / "corpus" / "seeds.gold.jsonl"),
                "blind": score(shared, blind_pred, BLIND / "gold.jsonl")}
        sets.update(score_dev(shared, Path(tmp), settings))
    return sets, counts


def markdown_table(sets: dict[str, dict[str, float]], counts: dict[str, int]) -> str:
    """One row per metric, one column per set (dev halves: work / aside)."""
    rows = [f"Scored by `../shared/eval/score.py`: the seed corpus ({counts['seeds']} documents), "
            f"the repository's blind set (`tests/data/blind/`, {counts['blind']} documents), the "
            "dev sets (`../shared/corpus/dev/`) and each dev set's halves: *work* (even "
            "positions by sorted file name, the half rules are written from) and *aside* (odd "
            "positions, only scored). Since the wikinews work half was exhausted, both wikinews "
            "halves are read for errors; html's aside half is still blind.", "",
            "| metric | " + " | ".join(sets) + " |", "|---|" + "---|" * len(sets)]
    metrics = list(sets["seeds"])
    for metric in metrics:
        rows.append(f"| {metric} | " + " | ".join(_shown(s.get(metric)) for s in sets.values())
                    + " |")
    return "\n".join(rows)


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
    sets, counts = score_all(shared, Settings())
    table = markdown_table(sets, counts)
    print(table)
    if args.readme is not None:
        if rewrite_readme(args.readme, table):
            print(f"evaluate: updated the eval block of {args.readme}")
        else:
            print(f"evaluate: {args.readme} has no {START} ... {END} block; printed only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
