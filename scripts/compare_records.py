"""Compare Veille's extraction records before and after a change that should change no output.

Usage::

    git worktree add /tmp/old HEAD~1
    PYTHONPATH=/tmp/old/src .venv/bin/python scripts/compare_records.py --save /tmp/before.jsonl
    .venv/bin/python scripts/compare_records.py --against /tmp/before.jsonl

Runs ``veille extract`` over the seeds and ``corpus/dev`` of ``../shared`` (when present), the
repository's ``examples/`` and blind set, ``--generated`` articles built by ``make bench``'s
generator and one ``--long`` text of generated articles joined, and reports, per document,
which parts of the record differ (entities, quotes, times, events, text...). Exit status 1
when anything differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def inputs(shared: Path) -> list[str]:
    files = sorted(str(p) for p in (REPO / "examples").iterdir() if p.suffix in
                   (".txt", ".html", ".jsonl"))
    files += sorted(str(p) for p in (REPO / "tests" / "data" / "blind").glob("*.txt"))
    if shared.is_dir():
        corpus = shared / "corpus"
        for pattern in ("seeds/*.txt", "dev/wikinews/*.txt", "dev/html/*.html"):
            files += sorted(str(p) for p in corpus.glob(pattern))
    return files


def generated(folder: Path, count: int, long_chars: int) -> list[str]:
    """``count`` generated articles and one ``long_chars`` text of them, written to ``folder``
    (the generator is seeded: the same articles on both sides)."""
    sys.path.insert(0, str(REPO / "scripts"))
    from bench_corpus import build_corpus
    files = []
    for i, raw in enumerate(build_corpus(REPO / "examples", count, seed=5)):
        path = folder / f"generated-{i:04d}.txt"
        path.write_text(raw.text, encoding="utf-8")
        files.append(str(path))
    if long_chars:
        parts, total = [], 0
        for raw in build_corpus(REPO / "examples", max(50, long_chars // 900), seed=13):
            parts.append(raw.text)
            total += len(raw.text) + 2
            if total >= long_chars:
                break
        path = folder / "generated-long.txt"
        path.write_text("\n\n".join(parts)[:long_chars], encoding="utf-8")
        files.append(str(path))
    return files


def run(shared: Path, count: int, long_chars: int) -> list[dict[str, object]]:
    # The interpreter running this script, so PYTHONPATH can point it at another checkout
    # (a `git worktree` of the old code) for the "before" side.
    cli = [sys.executable, "-c", "from veille.cli.app import main; main()"]
    with tempfile.TemporaryDirectory() as folder:
        files = inputs(shared) + generated(Path(folder), count, long_chars)
        done = subprocess.run([*cli, "extract", *files, "--format", "jsonl"],
                              capture_output=True, text=True, check=False)
    # Some inputs fail on purpose (the blind set's bad files), so the status alone says
    # nothing; a traceback or no record at all means the extraction itself broke, which
    # would otherwise read as every record differing.
    if "Traceback (most recent call last)" in done.stderr or not done.stdout.strip():
        tail = "\n".join(done.stderr.splitlines()[-15:])
        raise SystemExit(f"veille extract broke (exit status {done.returncode}):\n{tail}")
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
    parser.add_argument("--generated", type=int, default=150, help="generated articles")
    parser.add_argument("--long", type=int, default=200_000,
                        help="characters of the long generated text (0 for none)")
    args = parser.parse_args()
    records = run(args.shared, args.generated, args.long)
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
