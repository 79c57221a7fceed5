"""`make bench`: Veille's end-to-end extraction throughput against bare spaCy, in one run.

Both sides process the same texts with the same model and batch size. Bare spaCy is the model
exactly as shipped, loaded on its own (:func:`bare_model`): its own lemmatizer and attribute
ruler, not Veille's faster equivalents, which Veille's side runs and its ratio includes, and its
own vocabulary and tokenizer cache, so neither side runs on words the other one cached (spaCy
caches no tokenization inside the memory zones Veille parses in; see
:mod:`veille.nlp.vocabulary`). Both are loaded and warmed up before either clock starts. The
texts are cut into chunks run in ABBA order (bare spaCy then Veille, then Veille then bare
spaCy, ...), so a neighbour's load and any drift (caches, memory) fall on both sides alike.
Both are timed in CPU time of this process (Veille's extraction runs in it, one thread), so the
ratio does not depend on how busy the machine is; wall-clock ratios are printed beside them with
the load average they were measured under. The series' ratio is its two sums; each chunk's own
ratio (its least, median and greatest) is printed too, to show how much a burst on the host
that lands on one side of one chunk moves a figure.

Series, each a ratio measured in this run:

- ``generated``: articles built from the example paragraphs (dense in names and quotes), with
  the per-stage breakdown of Veille's own work (cleaning, each component, the record);
- ``real``: the texts of ``../shared/corpus/dev/wikinews`` and the seeds (skipped, with a message,
  when ``--shared`` is absent);
- ``long``: one document each of 60,000 to 1,000,000 characters (generated articles joined),
  each in its own process, with its CPU time and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import build_corpus  # noqa: E402

from veille import extract as extract_module  # noqa: E402
from veille.clean.document import clean_document  # noqa: E402
from veille.extract import extract_records  # noqa: E402
from veille.ingest.files import expand_paths, read_path  # noqa: E402
from veille.model import RawDocument  # noqa: E402
from veille.nlp import pipeline as pipeline_module  # noqa: E402
from veille.nlp.factories import COMPONENTS, VeilleComponent  # noqa: E402
from veille.nlp.model import load_pipeline  # noqa: E402
from veille.settings import Settings  # noqa: E402

LONG_SIZES = (60_000, 125_000, 250_000, 500_000, 1_000_000)


class Clock:
    """CPU and wall seconds of the two sides, and of Veille's stages."""

    def __init__(self) -> None:
        self.cpu = {"bare": 0.0, "veille": 0.0}
        self.wall = {"bare": 0.0, "veille": 0.0}
        self.stages: dict[str, float] = {}

    def run(self, side: str, work: Callable[[], object]) -> float:
        """``work()`` timed for ``side``; its CPU seconds."""
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        spent = time.process_time() - cpu
        self.cpu[side] += spent
        self.wall[side] += time.perf_counter() - wall
        return spent

    def timed(self, stage: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return step(*args, **kwargs)
            finally:
                self.stages[stage] = self.stages.get(stage, 0.0) + time.process_time() - start
        return wrapper


def instrument(clock: Clock, settings: Settings) -> None:
    """Time Veille's stages inside the runs: cleaning, each component's rules, the record."""
    nlp = load_pipeline(settings.model, None, settings.kb_path)
    for name in COMPONENTS:
        component = nlp.get_pipe(name)
        assert isinstance(component, VeilleComponent)
        component.step = clock.timed(name.removeprefix("veille_"), component.step)
    # The names the run looks up at call time, replaced by timed wrappers for this process.
    setattr(extract_module, "clean_document", clock.timed("cleaning", clean_document))  # noqa: B010
    setattr(pipeline_module, "analysis_of",  # noqa: B010
            clock.timed("record", getattr(pipeline_module, "analysis_of")))  # noqa: B009


@lru_cache(maxsize=1)
def bare_model(name: str) -> Language:
    """The spaCy pipeline ``name`` as installed, a second copy beside Veille's: what a user of
    bare spaCy runs."""
    return spacy.load(name)


def warm_up(raws: list[RawDocument], settings: Settings) -> None:
    """Both sides once over ``raws`` before any clock: the models, pack and KB loaded, and each
    side's caches holding the same words. Bare spaCy's model is loaded first, so the garbage
    collector's freeze at the load of Veille's (:func:`~veille.nlp.model.load_pipeline`) takes
    it in too: else Veille's side would pay for walking a model that is not its own."""
    bare = bare_model(settings.model)
    list(extract_records(raws, settings))
    list(bare.pipe(clean_document(r, settings).text for r in raws))


def chunks(items: list[RawDocument], count: int) -> Iterator[tuple[int, list[RawDocument]]]:
    size = max(1, -(-len(items) // count))
    for i in range(0, len(items), size):
        yield i // size, items[i:i + size]


def compare(raws: list[RawDocument], settings: Settings, count: int, clock: Clock
            ) -> dict[str, Any]:
    """Bare spaCy and Veille over ``raws`` in ABBA chunks; the ratios and rates."""
    # Bare spaCy gets the cleaned texts Veille would analyse, so both parse the same words.
    texts = {id(r): clean_document(r, settings).text for r in raws}
    words = sum(len(t.split()) for t in texts.values())
    nlp = bare_model(settings.model)
    failures = 0

    def bare(part: list[RawDocument]) -> None:
        for _ in nlp.pipe((texts[id(r)] for r in part), batch_size=settings.batch_size):
            pass

    def veille(part: list[RawDocument]) -> None:
        nonlocal failures
        failures += sum(1 for r in extract_records(part, settings) if isinstance(r, Exception))

    sides: dict[str, Callable[[list[RawDocument]], None]] = {"bare": bare, "veille": veille}
    load = os.getloadavg()
    per_chunk: list[float] = []
    for i, part in chunks(raws, count):
        spent = {side: clock.run(side, lambda: sides[side](part))  # noqa: B023 (called at once)
                 for side in (("bare", "veille") if i % 2 == 0 else ("veille", "bare"))}
        per_chunk.append(spent["bare"] / spent["veille"])
    cpu, wall = clock.cpu, clock.wall
    return {
        "documents": len(raws), "words": words, "failures": failures, "chunks": count,
        "load_average": [round(x, 2) for x in (*load, *os.getloadavg())],
        "bare_spacy_docs_per_cpu_s": round(len(raws) / cpu["bare"], 2),
        "veille_docs_per_cpu_s": round(len(raws) / cpu["veille"], 2),
        "bare_spacy_words_per_cpu_s": round(words / cpu["bare"]),
        "veille_words_per_cpu_s": round(words / cpu["veille"]),
        "ratio_cpu": round(cpu["bare"] / cpu["veille"], 3),
        "ratio_wall": round(wall["bare"] / wall["veille"], 3),
        "chunk_ratios_cpu": spread(per_chunk),
        "veille_own_ms_per_doc": round((cpu["veille"] - cpu["bare"]) * 1000 / len(raws), 2),
    }


def spread(ratios: list[float]) -> dict[str, float]:
    """The CPU ratio of each chunk (bare spaCy and Veille on the same texts, one after the
    other): how far a neighbour's burst that lands on one side moves one chunk's figure."""
    ordered = sorted(ratios)
    return {"min": round(ordered[0], 3), "median": round(statistics.median(ordered), 3),
            "max": round(ordered[-1], 3)}


def stage_breakdown(clock: Clock, documents: int) -> dict[str, float]:
    return {stage: round(seconds * 1000 / documents, 2)
            for stage, seconds in sorted(clock.stages.items())}


def real_texts(shared: Path, settings: Settings) -> list[RawDocument]:
    folders = [shared / "corpus" / "dev" / "wikinews", shared / "corpus" / "seeds"]
    found: list[RawDocument] = []
    for path in expand_paths([f for f in folders if f.is_dir()]):
        if isinstance(path, Path):
            found += [r for r in read_path(path, settings.max_bytes) if isinstance(r, RawDocument)]
    return found


def long_document(examples: Path, size: int) -> RawDocument:
    """Generated articles joined into one text of exactly ``size`` characters."""
    parts: list[str] = []
    total = 0
    for raw in build_corpus(examples, max(50, size // 900), seed=11):
        parts.append(raw.text)
        total += len(raw.text) + 2
        if total >= size:
            break
    return RawDocument(text="\n\n".join(parts)[:size], origin=f"long-{size}", id=f"long-{size}")


def long_one(examples: Path, size: int) -> dict[str, Any]:
    """One long document in this process: Veille first (its peak memory, before bare spaCy's
    copy of the model is loaded), then bare spaCy."""
    settings = Settings(db=":memory:", max_chars=max(size, Settings().max_chars))
    raw = long_document(examples, size)
    text = clean_document(raw, settings).text
    warm = build_corpus(examples, 5)
    list(extract_records(warm, settings))
    warm_rss = peak_rss_mb()
    clock = Clock()
    outcome: list[object] = []
    clock.run("veille", lambda: outcome.extend(extract_records([raw], settings)))
    veille_rss = peak_rss_mb()
    nlp = bare_model(settings.model)
    list(nlp.pipe(clean_document(r, settings).text for r in warm))
    clock.run("bare", lambda: nlp(text))
    return {"chars": len(text), "failed": isinstance(outcome[0], Exception),
            "veille_cpu_s": round(clock.cpu["veille"], 2),
            "bare_cpu_s": round(clock.cpu["bare"], 2),
            "ratio_cpu": round(clock.cpu["bare"] / clock.cpu["veille"], 3),
            "veille_peak_rss_mb": round(veille_rss), "rss_before_mb": round(warm_rss),
            "load_average": round(os.getloadavg()[0], 2)}


def long_series(examples: Path, sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--long-one", str(size),
                              "--examples", str(examples)],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            rows.append({"chars": size, "error": out.stderr.strip().splitlines()[-1:]})
        else:
            rows.append(json.loads(out.stdout))
        print(f"  long {size:>9,}: {rows[-1]}", flush=True)
    return rows


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's ``VmHWM`` where there is one: the
    ``ru_maxrss`` of a process started by another is at least its parent's at the fork (Linux
    keeps it across ``execve``), so every long-document process would report the bench's own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--chunks", type=int, default=16, help="ABBA chunks per series")
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--long", default=",".join(str(s) for s in LONG_SIZES),
                        help="sizes of the long-document series in characters ('' for none)")
    parser.add_argument("--long-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.long_one:
        print(json.dumps(long_one(args.examples, args.long_one)))
        return
    settings = Settings(db=":memory:")
    warm_up(build_corpus(args.examples, 20, seed=3), settings)
    clock = Clock()
    instrument(clock, settings)
    raws = build_corpus(args.examples, args.docs)
    figures: dict[str, Any] = {"generated": compare(raws, settings, args.chunks, clock)}
    figures["generated"]["stage_ms_per_doc"] = stage_breakdown(clock, len(raws))
    report("generated", figures["generated"])
    real = real_texts(args.shared, settings) * 3  # three passes: enough time to measure
    if real:
        figures["real"] = compare(real, settings, args.chunks, Clock())
        report("real (dev/wikinews + seeds)", figures["real"])
    else:
        print(f"real texts: skipped ({args.shared}/corpus absent)")
    sizes = [int(s) for s in args.long.split(",") if s.strip()]
    if sizes:
        print("long documents (one process each):")
        figures["long"] = long_series(args.examples, sizes)
    figures["peak_rss_mb"] = round(peak_rss_mb())
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def report(title: str, figures: dict[str, Any]) -> None:
    print(f"{title}:")
    for key, value in figures.items():
        print(f"  {key:28} {value}")


if __name__ == "__main__":
    main()
