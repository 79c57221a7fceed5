"""Many writers at once on one PostgreSQL store: each text ends up stored exactly once."""

from __future__ import annotations

import multiprocessing
import random
import threading
from typing import Any

import pytest

from veille.clean.dedup import doc_id_for, signature
from veille.model import Record, Source
from veille.store.postgres import PostgresStore, lock_keys

pytestmark = pytest.mark.postgres
THRESHOLD = 0.85


def story(n: int, footer: str = "") -> Record:
    text = " ".join(f"Dépêche {n}, paragraphe {i} : le ministre {n * 13 + i} a rencontré "
                    f"l'ambassadeur {i * 17 + n} à propos du traité {n}-{i}." for i in range(30))
    text += footer
    return Record(doc_id=doc_id_for(text), source=Source(title=f"Dépêche {n}"), text=text)


def add_all(url: str, records: list[Record], barrier: Any, out: Any) -> None:
    """One writer: wait for the others, then add every record; report the statuses."""
    store = PostgresStore(url)
    barrier.wait()
    statuses = [store.add(r, signature(r.text), THRESHOLD).status for r in records]
    store.close()
    out.put(statuses)


def test_threads_adding_overlapping_documents_store_each_once(fresh_postgres_url: str) -> None:
    import queue

    records = [story(n) for n in range(12)]
    writers = 4
    barrier, out = threading.Barrier(writers), queue.Queue[list[str]]()
    threads = []
    for seed in range(writers):
        mine = random.Random(seed).sample(records, k=9)  # overlapping, in different orders
        threads.append(threading.Thread(target=add_all,
                                        args=(fresh_postgres_url, mine, barrier, out)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    statuses = [s for _ in threads for s in out.get_nowait()]
    store = PostgresStore(fresh_postgres_url)
    stored = {r.doc_id for r in store.iter_records()}
    store.close()
    assert statuses.count("added") == len(stored)
    assert len(statuses) - statuses.count("added") == statuses.count("duplicate")
    assert stored <= {r.doc_id for r in records}


def test_processes_racing_on_near_copies_keep_one(fresh_postgres_url: str) -> None:
    # Every process adds its own near-copy of the same story (a different footer each), all
    # released at once by a barrier: the band locks must serialize them, so one wins.
    # fork: the children need this test module, which spawn could not import by name.
    ctx = multiprocessing.get_context("fork")
    writers = 3
    barrier, out = ctx.Barrier(writers), ctx.Queue()
    procs = [ctx.Process(target=add_all, args=(
        fresh_postgres_url, [story(1, f" Fin de la version {w}."), story(100 + w)], barrier, out))
        for w in range(writers)]
    for proc in procs:
        proc.start()
    results = [out.get(timeout=60) for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
        assert proc.exitcode == 0
    near_copy_statuses = sorted(r[0] for r in results)
    assert near_copy_statuses == ["added", "near-duplicate", "near-duplicate"]
    assert [r[1] for r in results] == ["added"] * writers
    store = PostgresStore(fresh_postgres_url)
    assert store.stats()["documents"] == 1 + writers
    store.close()


def test_lock_keys_are_sorted_and_cover_hash_and_bands() -> None:
    keys = lock_keys("abc", ["0:ff", "1:ee"])
    assert keys == sorted(keys) and len(keys) == 3
    assert all(-(2**63) <= k < 2**63 for k in keys)
