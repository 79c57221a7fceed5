"""Our own annotated articles (tests/data/quotes, invented text) scored like the seed corpus.

The matcher follows ../shared/eval/score.py so the repository stands alone: quotes compare as
bags of words; a prediction counts when 80% of its words lie in one gold quote (ignored when that
quote is minor); a gold quote is found when predictions inside it cover half its words; the
speaker is right when the last name word matches (accents and case aside).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from veille.extract import extract_records
from veille.ingest.files import read_path
from veille.model import Quote, Record
from veille.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "data" / "quotes"


def _words(text: str | None) -> Counter[str]:
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return Counter(re.findall(r"\w+", folded))


def _same_speaker(got: str | None, want: str | None) -> bool:
    if want is None:
        return not got
    return bool(got) and list(_words(got))[-1:] == list(_words(want))[-1:]


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right_speaker: int = 0
    predicted: int = 0
    false: int = 0


def _inside(bag: Counter[str], gold_bag: Counter[str]) -> float:
    return sum((bag & gold_bag).values()) / max(1, sum(bag.values()))


def _score(record: Record, gold: dict[str, Any], tally: Tally) -> None:
    golds: list[dict[str, Any]] = [dict(g, bag=_words(g["text"])) for g in gold["quotes"]]
    hits: dict[int, list[tuple[int, Quote, Counter[str]]]] = {}
    for quote in record.quotes:
        bag = _words(quote.text)
        best = max(range(len(golds)), key=lambda i: _inside(bag, golds[i]["bag"]), default=None)
        if best is None or _inside(bag, golds[best]["bag"]) < 0.8:
            tally.predicted += 1
            tally.false += 1
            continue
        hits.setdefault(best, []).append((sum((bag & golds[best]["bag"]).values()), quote, bag))
        tally.predicted += 0 if golds[best]["minor"] else 1
    for i, g in enumerate(golds):
        if g["minor"]:
            continue
        tally.gold += 1
        mine = hits.get(i, [])
        covered = sum((sum((b for _, _, b in mine), Counter()) & g["bag"]).values())
        if covered * 2 < sum(g["bag"].values()):
            continue
        tally.found += 1
        top = max(mine, key=lambda h: h[0])[1]
        tally.right_speaker += _same_speaker(top.speaker, g["speaker"])


@pytest.fixture(scope="module")
def tally(settings: Settings) -> Tally:
    golds = {g["doc"]: g for g in map(json.loads, (DATA / "gold.jsonl").read_text().splitlines())}
    items = [item for name in golds for item in read_path(DATA / name, settings.max_bytes)]
    result = Tally()
    for record in extract_records(items, settings):
        assert isinstance(record, Record), record
        _score(record, golds[Path(record.source.path or "").name], result)
    return result


def test_own_articles_quote_recall(tally: Tally) -> None:
    assert tally.gold >= 30
    assert tally.found / tally.gold >= 0.95


def test_own_articles_quote_precision(tally: Tally) -> None:
    assert tally.false / max(1, tally.predicted) <= 0.05


def test_own_articles_speaker_accuracy(tally: Tally) -> None:
    assert tally.right_speaker / max(1, tally.found) >= 0.95
