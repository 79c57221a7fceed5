"""Compare Veille's extraction records before and after a change that should change no output.

Usage::

    git worktree add /tmp/old HEAD~1
    PYTHONPATH=/tmp/old/src .venv/bin/python scripts/compare_records.py --save /tmp/before.jsonl
    .venv/bin/python scripts/compare_records.py --against /tmp/before.jsonl

Runs ``veille extract`` over the seeds and ``corpus/dev`` of ``../shared`` (when present) and the
repository's ``examples/``, and reports, per document, which parts of the record differ
(entities, quotes, times, events, text...). Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def inputs(shared: Path) -> list[str]:
    files = sorted(str(p) for p in (REPO / "examples").iterdir() if p.suffix in
                   (".txt", ".html", ".jsonl"))
    if shared.is_dir():
        corpus = shared / "corpus"
        for pattern in ("seeds/*.txt", "dev/wikinews/*.txt", "dev/html/*.html"):
            files += sorted(str(p) for p in corpus.glob(pattern))
    return files


def run(shared: Path) -> list[dict[str, object]]:
    # The interpreter running this script, so PYTHONPATH can point it at another checkout
    # (a `git worktree` of the old code) for the "before" side.
    cli = [sys.executable, "-c", "from veille.cli.app import main; main()"]
    done = subprocess.run([*cli, "extract", *inputs(shared), "--format", "jsonl"],
                          capture_output=True, text=True, check=False)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _comparable(record: dict[str, object]) -> dict[str, object]:
    """The record without its input path (relative or absolute, as the caller wrote it)."""
    source = record.get("source")
    if isinstance(source, dict):
        record = {**record, "source": {k: v for k, v in source.items() if k != "path"}}
    return record


def differences(before: list[dict[str, object]], after: list[dict[str, object]]) -> list[str]:
    old = {str(r.get("doc_id")): _comparable(r) for r in before}
    new = {str(r.get("doc_id")): _comparable(r) for r in after}
    out = [f"only before: {d}" for d in sorted(old.keys() - new.keys())]
    out += [f"only after: {d}" for d in sorted(new.keys() - old.keys())]
    for doc_id in sorted(old.keys() & new.keys()):
        a, b = old[doc_id], new[doc_id]
        parts = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        if parts:
            out.append(f"{doc_id}: {', '.join(parts)} differ")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the current records here")
    group.add_argument("--against", type=Path, help="compare the current records with these")
    args = parser.parse_args()
    records = run(args.shared)
    if args.save:
        args.save.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                                     for r in records), encoding="utf-8")
        print(f"{len(records)} records saved to {args.save}")
        return 0
    before = [json.loads(line) for line in args.against.read_text(encoding="utf-8").splitlines()]
    found = differences(before, records)
    print("\n".join(found) if found else f"identical: {len(records)} records")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
