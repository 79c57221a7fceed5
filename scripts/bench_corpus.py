"""Build a varied benchmark corpus from the example articles (shared by the bench scripts).

Each generated article is a new headline and dateline over 3 to 7 paragraphs drawn at random
from the pool of all example paragraphs, in a random order: the texts differ (no two are
copies) while keeping the language and structure of real reports.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from veille.clean.document import clean_document
from veille.ingest.files import expand_paths, read_path
from veille.model import RawDocument
from veille.settings import Settings

CITIES = ("Paris", "Bruxelles", "Berlin", "Genève", "Rome", "Varsovie", "Pékin", "Kiev",
          "Moscou", "Washington", "Madrid", "Ankara")


def paragraphs(folder: Path, settings: Settings) -> list[str]:
    """Every non-trivial paragraph of the example articles, cleaned."""
    pool: list[str] = []
    for path in expand_paths([folder]):
        if not isinstance(path, Path):
            continue
        for item in read_path(path, settings.max_bytes):
            if isinstance(item, RawDocument):
                text = clean_document(item, settings).text
                pool += [p.strip() for p in text.split("\n") if len(p.split()) >= 8]
    return pool


def build_corpus(folder: Path, count: int, seed: int = 7) -> list[RawDocument]:
    settings = Settings(db=":memory:")
    pool = paragraphs(folder, settings)
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        body = rng.sample(pool, k=min(len(pool), rng.randint(3, 7)))
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(700))
        headline = " ".join(body[0].split()[:rng.randint(6, 11)]).rstrip(",;:")
        text = f"{headline}\n{rng.choice(CITIES)}, {day.day} {_month(day)} {day.year}\n" + (
            "\n\n".join(body))
        docs.append(RawDocument(text=text, origin=f"bench-{i:05d}", id=f"bench-{i:05d}"))
    return docs


def _month(day: date) -> str:
    return ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre")[day.month - 1]
