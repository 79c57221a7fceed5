"""Search as the server runs it: the two shapes of the SQLite query give the same page, an
untitled document's opening is read without its record, and query words are stemmed safely
from many threads at once."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import snowballstemmer

from veille.clean.dedup import signature
from veille.model import Record, Source
from veille.store import Store, open_store, rows
from veille.store.base import OPENING_CHARS, SearchFilters

# Our own sentences; several documents say the same about the same word, so their scores tie
# and the order of ties is tested too.
SENTENCES = [
    "Le ministre des Finances a présenté le budget devant les députés mardi.",
    "La ministre de la Santé a visité un hôpital de Lyon jeudi matin.",
    "Le sommet sur le climat s'est ouvert à Nairobi en présence de vingt ministres.",
    "Les syndicats ont rencontré le ministre du Travail pendant trois heures.",
    "Un accord commercial a été signé entre les deux pays après dix ans de discussions.",
]


def record(doc_id: str, text: str, title: str | None = None, published: str | None = None
           ) -> Record:
    return Record(doc_id=doc_id, source=Source(title=title, published=published), text=text)


def add(store: Store, rec: Record) -> None:
    assert store.add(rec, signature(rec.text), 0.99).status == "added"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "s.sqlite") if request.param == "sqlite" else str(
        request.getfixturevalue("fresh_postgres_url"))
    opened = open_store(url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "s.sqlite"))
    for n in range(40):
        # Each text is one sentence, numbered apart so that none is a near-copy of another.
        text = f"{SENTENCES[n % len(SENTENCES)]} Dépêche numéro {n} de la série {n * 7 + 3}."
        add(opened, record(f"doc{n:02d}", text, title=f"Titre {n}", published="2025-03-01"))
    yield opened
    opened.close()


@pytest.mark.parametrize("query", ["ministre", "accord", "ministre mardi", '"le ministre"'])
@pytest.mark.parametrize(("limit", "offset"), [(21, 0), (5, 3), (10, 30)])
def test_a_filter_that_keeps_everything_gives_the_unfiltered_page(
        sqlite_store: Store, query: str, limit: int, offset: int) -> None:
    # Without filters the store ranks over the index alone and joins the page afterwards;
    # with one it ranks the joined rows: the hits, their order, scores and snippets agree.
    plain = sqlite_store.search(query, SearchFilters(), limit=limit, offset=offset)
    filtered = sqlite_store.search(query, SearchFilters(since="2000"), limit=limit,
                                   offset=offset)
    assert plain == filtered
    assert plain or offset >= 8  # the query matches: the comparison is not of two empties
    scores = [hit.score for hit in plain]
    assert scores == sorted(scores, reverse=True)


def test_tied_scores_come_in_the_order_of_the_index(sqlite_store: Store) -> None:
    hits = sqlite_store.search("accord", SearchFilters(), limit=50)
    # The eight "accord" documents are the same sentence but for their numbers: one score.
    assert len(hits) == 8 and len({round(h.score, 6) for h in hits}) == 1
    by_score: dict[float, list[str]] = {}
    for hit in hits:
        by_score.setdefault(round(hit.score, 6), []).append(hit.doc_id)
    for ids in by_score.values():
        assert ids == sorted(ids)  # added in this order, so indexed in it


def test_openings_give_title_path_url_and_the_start_of_the_text(store: Store) -> None:
    long_text = ("Mot " * 400).strip()  # 1,599 characters
    add(store, record("long1", long_text))
    add(store, Record(doc_id="short", source=Source(title="Un titre", path="/tmp/a.txt",
                                                    url="https://example.org/a"),
                      text="Le conseil se réunit demain."))
    found = store.openings(["long1", "short", "absent"])
    assert set(found) == {"long1", "short"}
    assert found["long1"].opening == long_text[:OPENING_CHARS + 1]
    short = found["short"]
    assert (short.title, short.path, short.url, short.opening) == (
        "Un titre", "/tmp/a.txt", "https://example.org/a", "Le conseil se réunit demain.")
    assert store.openings([]) == {}


def test_query_words_stem_alike_from_many_threads() -> None:
    # A Snowball stemmer keeps its word in itself: unguarded, threads stemming at once read
    # each other's (wrong stems, or an IndexError that was a 500 on /api/search).
    bases = ("négoci", "présid", "ministr", "déclar", "rencontr", "accord", "visit")
    endings = ("ations", "ement", "erions", "ent", "eraient", "ances", "ités", "ateurs")
    words = [[f"{chr(97 + t)}{b}{e}" for b in bases for e in endings] * 3 for t in range(8)]
    fresh = snowballstemmer.stemmer("french")
    expected = {w: fresh.stemWord(w) for group in words for w in group}
    wrong: list[str] = []
    rows.stem_word.cache_clear()

    def stem_all(group: list[str]) -> None:
        for word in group:
            rows.stem_word.cache_clear()  # every call stems, none is answered by the cache
            try:
                if rows.stem_word(word, "fr") != expected[word]:
                    wrong.append(word)
            except Exception as err:  # noqa: BLE001 - what the race raised, as a failure
                wrong.append(f"{word}: {err!r}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=stem_all, args=(g,)) for g in words]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
        rows.stem_word.cache_clear()
    assert wrong == []
