"""`make bench`: Veille's end-to-end extraction throughput against bare spaCy, in one run.

Both sides process the same generated texts with the same model and batch size; the model is
loaded and warmed up before either clock starts. The corpus is cut into rounds and each round
runs bare spaCy then Veille, so a neighbour's load on a shared machine falls on both sides
alike; both are timed in CPU time of this process (Veille's extraction runs in it, one
thread), so the ratio does not depend on how busy the machine is. Reports documents per
second, words per second, the ratio Veille / bare spaCy, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import build_corpus  # noqa: E402

from veille.clean.document import clean_document  # noqa: E402
from veille.extract import extract_records  # noqa: E402
from veille.model import RawDocument  # noqa: E402
from veille.nlp.model import load_pipeline, spacy_pipes  # noqa: E402
from veille.settings import Settings  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rounds(items: list[RawDocument], count: int) -> list[list[RawDocument]]:
    size = max(1, -(-len(items) // count))
    return [items[i:i + size] for i in range(0, len(items), size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    settings = Settings(db=":memory:")
    raws = build_corpus(args.examples, args.docs)
    # Bare spaCy gets the cleaned texts Veille would analyse, so both parse the same words.
    texts = {id(r): clean_document(r, settings).text for r in raws}
    words = sum(len(t.split()) for t in texts.values())
    nlp = load_pipeline(settings.model, None, settings.kb_path)
    bare_pipes = spacy_pipes(nlp)
    list(extract_records(raws[:20], settings))  # warm-up: model, pack, KB
    bare = veille = 0.0
    failures = 0
    for part in rounds(raws, args.rounds):
        start = time.process_time()
        with nlp.select_pipes(enable=bare_pipes):
            for _ in nlp.pipe((texts[id(r)] for r in part), batch_size=settings.batch_size):
                pass
        bare += time.process_time() - start
        start = time.process_time()
        failures += sum(1 for r in extract_records(part, settings) if isinstance(r, Exception))
        veille += time.process_time() - start

    figures = {
        "documents": len(raws), "words": words, "failures": failures, "rounds": args.rounds,
        "bare_spacy_docs_per_cpu_s": round(len(raws) / bare, 2),
        "veille_docs_per_cpu_s": round(len(raws) / veille, 2),
        "bare_spacy_words_per_cpu_s": round(words / bare),
        "veille_words_per_cpu_s": round(words / veille),
        "ratio_veille_to_bare": round(bare / veille, 3),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    for key, value in figures.items():
        print(f"{key:28} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
