"""`make bench`: Veille's end-to-end extraction throughput against bare spaCy, in one run.

Both sides process the same generated texts with the same model and batch size; the model is
loaded and warmed up before either clock starts. Reports documents per second, words per
second, the ratio Veille / bare spaCy, and the process's peak resident memory.
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
from veille.nlp.model import load_pipeline  # noqa: E402
from veille.settings import Settings  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    settings = Settings(db=":memory:")
    raws = build_corpus(args.examples, args.docs)
    # Bare spaCy gets the cleaned texts Veille would analyse, so both parse the same words.
    texts = [clean_document(r, settings).text for r in raws]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(settings.model)
    list(nlp.pipe(texts[:20], batch_size=settings.batch_size))  # warm-up

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    failures = sum(1 for r in extract_records(raws, settings) if isinstance(r, Exception))
    veille = time.perf_counter() - start

    figures = {
        "documents": len(texts), "words": words, "failures": failures,
        "bare_spacy_docs_per_s": round(len(texts) / bare, 2),
        "veille_docs_per_s": round(len(texts) / veille, 2),
        "bare_spacy_words_per_s": round(words / bare),
        "veille_words_per_s": round(words / veille),
        "ratio_veille_to_bare": round(bare / veille, 3),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    for key, value in figures.items():
        print(f"{key:24} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
