"""Person entities on the seed corpus, before and after resolution, and the share linked to the KB.

Before: spaCy's PER spans, one entity per distinct surface string (what a naive pipeline shows).
After: Veille's PER entities, per document and across the corpus (merged with
``veille.resolve.entities.global_key``, then ``same_entity`` as the store does).
Linked: the share of PER mentions whose entity carries a Wikidata id.

Usage: ``python scripts/entity_stats.py [--shared ../shared] [--json]``; exits 0 with a note when
the seed corpus is absent. The true counts are in the README (Entities, measured; counted by hand).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def stats(seeds: Path, gold: Path | None) -> dict[str, Any]:
    from veille.kb.names import same_entity
    from veille.model import Entity
    from veille.nlp.context import DocContext
    from veille.nlp.model import load_pipeline
    from veille.nlp.pipeline import analyze
    from veille.resolve.entities import global_key
    from veille.settings import get_settings

    dates = {}
    if gold is not None and gold.is_file():
        for line in gold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            dates[row["doc"]] = row.get("published")
    paths = sorted(seeds.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    model = get_settings().model
    nlp = load_pipeline(model)
    before = [sorted({e.text for e in nlp(t).ents if e.label_ == "PER"}) for t in texts]
    items = [(t, DocContext.from_iso(dates.get(p.name))) for p, t in zip(paths, texts, strict=True)]
    after: list[list[Entity]] = [[e for e in a.entities if e.type == "PER"]
                                 for a in analyze(items, model)]
    corpus: list[Entity] = []
    for entity in (e for doc in after for e in doc):
        if not any(global_key(entity) == global_key(g) or
                   same_entity(entity.name, "PER", g.name, "PER") for g in corpus):
            corpus.append(entity)
    mentions = [e for doc in after for e in doc for _ in e.mentions]
    return {
        "documents": len(paths),
        "per_doc": [{"doc": p.name, "before": len(b), "after": len(a),
                     "after_names": sorted(e.name for e in a)}
                    for p, b, a in zip(paths, before, after, strict=True)],
        "before_total": sum(len(b) for b in before),
        "before_corpus": len({name for b in before for name in b}),
        "after_total": sum(len(a) for a in after),
        "after_corpus": len(corpus),
        "corpus_names": sorted(e.name for e in corpus),
        "per_mentions": len(mentions),
        "per_mentions_linked": sum(1 for e in mentions if e.kb_id),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    seeds = args.shared / "corpus" / "seeds"
    if not seeds.is_dir():
        print(f"no seed corpus at {seeds}; nothing to measure", file=sys.stderr)
        return
    result = stats(seeds, args.shared / "corpus" / "seeds.gold.jsonl")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for row in result["per_doc"]:
        print(f"{row['doc']}: {row['before']} PER strings -> {row['after']} persons: "
              f"{', '.join(row['after_names'])}")
    share = result["per_mentions_linked"] / max(1, result["per_mentions"])
    print(f"per document, summed: {result['before_total']} -> {result['after_total']}")
    print(f"across the corpus: {result['before_corpus']} -> {result['after_corpus']}")
    print(f"PER mentions linked to a Wikidata id: {result['per_mentions_linked']}/"
          f"{result['per_mentions']} = {share:.1%}")


if __name__ == "__main__":
    main()
