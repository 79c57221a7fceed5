"""Scaling benchmark: extraction throughput on 1 and 2 worker processes, store ingest rates.

Run with ``make bench-scale``. It generates a corpus from the paragraphs of ``examples/`` (each
article four paragraphs, with its people and places renamed so that articles differ the way
real ones do), then:

1. extracts it on a Dask LocalCluster of 1, then 2, single-threaded worker processes. The
   clock starts once every worker has loaded the spaCy model (the preload plugin has run),
   so the figure is steady-state throughput; model loading is reported apart;
2. reads each worker's peak resident memory (``ru_maxrss``);
3. adds the extracted records to a fresh SQLite file and a fresh PostgreSQL database, timing
   ``store.add`` only (MinHash signatures are computed beforehand). Without ``--postgres``
   a throwaway server is started with Debian's defaults (fsync on, as in production).

Not a test: the figures depend on the machine and on whatever else it runs (the load
average is printed with them). They are reported in the README (Beyond one machine).
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import random
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from veille.clean.dedup import signature, similarity
from veille.engine.partition import partition
from veille.model import Record
from veille.settings import Settings
from veille.store import open_store

REPO = Path(__file__).resolve().parents[1]
# Example paragraphs per generated article, plus one paragraph of template sentences: about
# 2 kB, a short agency dispatch. More shared paragraphs would make every article a MinHash
# candidate of every other, which real news is not.
PER_ARTICLE = 6
EXAMPLES = REPO / "examples"
NAMES = [
    "Claire Dubois", "Jean Martin", "Amina Diallo", "Pedro Alves", "Ingrid Larsen",
    "Youssef Amrani", "Sofia Rossi", "Kenji Sato", "Olena Kovalenko", "Marc Lefèvre",
    "Nadia Benali", "Tomas Novak",
    "Lucia Fernández", "Hans Becker", "Fatou Ndiaye", "Ahmed Karim", "Maria Costa", "Erik Nilsson",
]
PLACES = [
    "Lisbonne", "Nairobi", "Varsovie", "Dakar", "Ottawa", "Hanoï", "Lima", "Tunis", "Oslo",
    "Bogota", "Abidjan", "Séoul", "Athènes", "Manille", "Quito", "Rabat", "Prague", "Santiago",
]


def paragraphs() -> list[str]:
    """Distinct body paragraphs of the examples (a rewrite's paragraphs are dropped)."""
    kept: list[tuple[str, list[int]]] = []
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for line in (x.strip() for t in texts for x in t.splitlines()):
        if len(line) > 120:
            sig = signature(line)
            if all(similarity(sig, other) < 0.3 for _, other in kept):
                kept.append((line, sig))
    return [text for text, _ in kept]


def rename(text: str, rng: random.Random) -> str:
    """Swap capitalised names (not sentence starts) for names drawn for this article."""
    chosen: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        word = match.group(2)
        if word not in chosen:
            chosen[word] = rng.choice(NAMES if " " in word else PLACES)
        return match.group(1) + chosen[word]

    return re.sub(r"([a-zé,] )([A-Z][a-zéèï]+(?: [A-Z][a-zéèï]+)?)", swap, text)


TEMPLATES = [
    "Selon un communiqué publié {day} {month}, {person} doit se rendre à {place} pour "
    "s'entretenir avec {other} de la sécurité régionale.",
    "« Nous attendons des gestes concrets », a déclaré {person} devant la presse à {place}, "
    "ajoutant que les discussions reprendraient {day} {month}.",
    "D'après un diplomate cité par l'agence, {other} a rencontré {person} à {place} pour "
    "préparer le sommet prévu le {day} {month}.",
    "{person} a estimé que la conférence de {place} avait permis « des avancées réelles » "
    "sur le dossier énergétique.",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre"]


def template_paragraph(rng: random.Random) -> str:
    """Four sentences from the templates, with people, places and dates drawn at random."""
    return " ".join(t.format(person=rng.choice(NAMES), other=rng.choice(NAMES),
                             place=rng.choice(PLACES), day=rng.randint(1, 28),
                             month=rng.choice(MONTHS))
                    for t in rng.sample(TEMPLATES, 4))


def generate_corpus(directory: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles of PER_ARTICLE distinct paragraphs, no two with the same set."""
    paras = paragraphs()
    rng = random.Random(seed)
    combos: set[tuple[int, ...]] = set()
    while len(combos) < count:
        combos.add(tuple(sorted(rng.sample(range(len(paras)), PER_ARTICLE))))
    picked = sorted(combos, key=lambda _: rng.random())
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, combo in enumerate(picked):
        body = "\n\n".join([*(rename(paras[i], rng) for i in combo), template_paragraph(rng)])
        path = directory / f"a{number:05d}.txt"
        path.write_text(f"Dépêche numéro {number} de la rédaction\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def cpu_seconds() -> float:
    """User + system CPU time of the calling process (run on each worker)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    """Peak resident memory of the calling process, in MiB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extraction_run(paths: list[Path], workers: int, settings: Settings) -> dict[str, object]:
    """Extract ``paths`` on a fresh LocalCluster of ``workers`` processes; timings, memory."""
    from distributed import Client, LocalCluster

    from veille.engine.dask import PreloadModel, run_dask

    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        client.register_plugin(PreloadModel(settings.model))  # returns once every worker ran it
        cpu_before = client.run(cpu_seconds)
        ready = time.perf_counter()
        parts = partition([str(p) for p in paths], workers)
        records: list[Record] = []
        errors = 0
        for _part, results in run_dask(parts, settings, scheduler=cluster.scheduler_address):
            records += [r for r in results if isinstance(r, Record)]
            errors += sum(1 for r in results if isinstance(r, str))
        done = time.perf_counter()
        cpu_after = client.run(cpu_seconds)
        peaks = sorted(client.run(peak_rss_mb).values())
    seconds = done - ready
    cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
    return {"workers": workers, "articles": len(records), "errors": errors,
            "startup_s": round(ready - started, 1), "seconds": round(seconds, 1),
            "articles_per_s": round(len(records) / seconds, 2),
            # Per CPU-second of the workers: what one core does, whatever else the machine runs.
            "articles_per_cpu_s": round(len(records) / cpu, 2),
            # Cores the workers kept busy on average: 2 workers on a loaded 2-core machine
            # get fewer than 2, which the wall-clock scaling alone hides.
            "cores_used": round(cpu / seconds, 2),
            "peak_rss_mb_per_worker": [round(p) for p in peaks], "records": records}


def ingest_rate(records: list[Record], url: str, settings: Settings) -> dict[str, object]:
    signatures = [signature(r.text) for r in records]
    store = open_store(url)
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    for record, sig in zip(records, signatures, strict=True):
        status = store.add(record, sig, settings.near_duplicate_threshold).status
        statuses[status] = statuses.get(status, 0) + 1
    seconds = time.perf_counter() - started
    store.close()
    return {"seconds": round(seconds, 2), "records_per_s": round(len(records) / seconds, 1),
            "statuses": statuses}


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A temporary PostgreSQL cluster (Debian's server binaries) on a free port; its URL."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise SystemExit("no PostgreSQL server: apt-get install postgresql, or pass --postgres")
    bindir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="veille-bench-pg-"))
    (root / "sock").mkdir()
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(root, "postgres")
        shutil.chown(root / "sock", "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = [*prefix, str(bindir / "pg_ctl"), "-D", str(root / "data")]
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True)
    subprocess.run([*run, "-l", str(root / "log"), "-w", "start", "-o",
                    f"-p {port} -k {root / 'sock'} -c listen_addresses=127.0.0.1"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run, "-m", "fast", "-w", "stop"], check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--postgres", help="an empty database's URL (default: a throwaway one)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    args = parser.parse_args()
    settings = Settings(db=":memory:")
    work = Path(tempfile.mkdtemp(prefix="veille-bench-"))
    try:
        paths = generate_corpus(work / "corpus", args.articles)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} articles, {size / len(paths):.0f} bytes each on average; "
              f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        runs = []
        for workers in (1, 2):
            run = extraction_run(paths, workers, settings)
            runs.append(run)
            shown = {k: v for k, v in run.items() if k != "records"}
            print(f"extraction: {json.dumps(shown)}; load average {os.getloadavg()[0]:.2f}",
                  flush=True)
        ratio = float(runs[1]["articles_per_s"]) / float(runs[0]["articles_per_s"])  # type: ignore[arg-type]
        cpu_ratio = (float(runs[1]["articles_per_cpu_s"])  # type: ignore[arg-type]
                     / float(runs[0]["articles_per_cpu_s"]))  # type: ignore[arg-type]
        print(f"scaling 1 -> 2 workers: {ratio:.2f}x wall-clock; per CPU-second of the workers "
              f"{cpu_ratio:.2f}x (1.00: a worker does as much as one alone); cores used "
              f"{runs[0]['cores_used']} -> {runs[1]['cores_used']}", flush=True)
        records: list[Record] = runs[1]["records"]  # type: ignore[assignment]
        ingest = {"sqlite": ingest_rate(records, str(work / "bench.sqlite"), settings)}
        print(f"ingest sqlite: {json.dumps(ingest['sqlite'])}", flush=True)
        with contextlib.ExitStack() as stack:
            url = args.postgres or stack.enter_context(throwaway_postgres())
            ingest["postgres"] = ingest_rate(records, url, settings)
        print(f"ingest postgres: {json.dumps(ingest['postgres'])}", flush=True)
        if args.out:
            args.out.write_text(json.dumps({
                "articles": len(paths), "cpu_count": os.cpu_count(), "scaling": round(ratio, 2),
                "scaling_per_cpu_s": round(cpu_ratio, 2),
                "extraction": [{k: v for k, v in r.items() if k != "records"} for r in runs],
                "ingest": ingest}, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
