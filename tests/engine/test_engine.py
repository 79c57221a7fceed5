"""Engines: the partition function, the local process pool and Dask, all writing idempotently."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from veille.engine.driver import Finished, plan_inputs, process
from veille.engine.local import run_local
from veille.engine.partition import PartitionItem, partition, process_partition
from veille.model import Record
from veille.settings import Settings
from veille.store import open_store

Writer = Callable[[Path, int], list[Path]]


def test_partitions_are_contiguous_balanced_and_capped() -> None:
    items = [str(n) for n in range(10)]
    assert partition(items, workers=2) == [["0", "1"], ["2", "3"], ["4", "5"], ["6", "7"],
                                           ["8", "9"]]
    assert partition(items, workers=1, size=4) == [items[:4], items[4:8], items[8:]]
    assert [len(p) for p in partition([str(n) for n in range(1000)], workers=2)] == [32] * 31 + [8]
    assert partition([], workers=2) == []


def test_partition_function_reads_files_and_returns_records_or_error_lines(
        tmp_path: Path, settings: Settings, corpus_writer: Writer) -> None:
    (good,) = corpus_writer(tmp_path, 1)
    (tmp_path / "empty.txt").write_bytes(b"")
    results = process_partition([str(good), str(tmp_path / "empty.txt"),
                                 str(tmp_path / "missing.txt")], settings)
    assert isinstance(results[0], Record)
    assert results[0].source.path == str(good)
    assert results[0].entities, "the spaCy pipeline ran"
    assert [type(r) for r in results[1:]] == [str, str]
    assert results[1].startswith(f"{tmp_path / 'empty.txt'}: ")
    assert results[2].startswith(f"{tmp_path / 'missing.txt'}: cannot read")


def test_local_engine_stores_everything_once_and_a_rerun_does_nothing(
        tmp_path: Path, settings: Settings, corpus_writer: Writer) -> None:
    corpus = corpus_writer(tmp_path / "in", 12)
    store = open_store(str(tmp_path / "s.sqlite"))
    first = process([tmp_path / "in"], store, settings,
                    lambda parts, s: run_local(parts, s, workers=2), workers=2)
    assert (len(first.added), first.failures) == (12, [])
    again = process([tmp_path / "in"], store, settings, lambda parts, s: iter(parts), workers=2)
    assert (again.added, len(again.duplicates)) == ([], 12)
    assert "already stored as" in again.duplicates[0]
    assert {r.source.path for r in store.iter_records()} == {str(p.resolve()) for p in corpus}
    store.close()


def test_dask_run_after_a_partial_one_finishes_the_rest_without_duplicates(
        tmp_path: Path, settings: Settings, dask_scheduler: str, corpus_writer: Writer
) -> None:
    from veille.engine.dask import run_dask

    corpus = corpus_writer(tmp_path / "in", 16)
    store = open_store(str(tmp_path / "s.sqlite"))

    sent: list[PartitionItem] = []

    def engine(parts: list[list[PartitionItem]], s: Settings) -> Iterator[Finished]:
        sent.extend(item for part in parts for item in part)
        return run_dask(parts, s, scheduler=dask_scheduler)

    # The "crashed" run got through the first half only.
    half = process(corpus[:8], store, settings, engine, workers=2)
    assert len(half.added) == 8
    sent.clear()
    rest = process([tmp_path / "in"], store, settings, engine, workers=2)
    assert sorted(map(str, sent)) == sorted(str(p.resolve()) for p in corpus[8:])
    assert (len(rest.added), len(rest.duplicates), rest.failures) == (8, 8, [])
    assert store.stats()["documents"] == 16
    store.close()


def test_dask_workers_load_the_model_once_each(tmp_path: Path, settings: Settings,
                                               dask_scheduler: str, corpus_writer: Writer
                                               ) -> None:
    from distributed import Client

    from veille.engine.dask import run_dask

    corpus = corpus_writer(tmp_path, 12)
    parts = partition([str(p) for p in corpus], workers=2, size=2)
    finished = list(run_dask(parts, settings, scheduler=dask_scheduler))
    assert sorted(len(results) for _, results in finished) == [2] * 6

    def model_loads() -> tuple[int, int]:
        from veille.nlp.model import load_pipeline

        info = load_pipeline.cache_info()
        return info.misses, info.hits

    with Client(dask_scheduler) as client:
        per_worker = client.run(model_loads)
    assert len(per_worker) == 2
    assert all(misses == 1 for misses, _ in per_worker.values()), per_worker
    assert sum(hits for _, hits in per_worker.values()) >= len(parts)


def test_plan_skips_stored_files_and_reports_missing_ones(tmp_path: Path) -> None:
    store = open_store(":memory:")
    plan = plan_inputs([tmp_path / "nope.txt"], store)
    assert plan.pending == [] and plan.missing[0].endswith("nope.txt: no such file or directory")
    store.close()


def test_a_bad_date_in_a_partition_fails_that_item_not_the_partition(
        tmp_path: Path, settings: Settings, corpus_writer: Writer) -> None:
    # Before input validation, "2026-13-45" raised ValueError in the NLP stage and the whole
    # partition (up to 32 files) failed.
    good = corpus_writer(tmp_path, 2)
    batch = tmp_path / "items.jsonl"
    batch.write_text(
        '{"id": "b1", "text": "Le préfet a reçu lundi les maires du département.",'
        ' "published": "2026-13-45"}\n'
        '{"id": "b2", "text": "La ministre a visité mardi le port de Marseille.",'
        ' "published": 12345}\n', encoding="utf-8")
    results = process_partition([str(good[0]), str(batch), str(good[1])], settings)
    assert [type(r) for r in results] == [Record, str, str, Record]
    assert results[1].startswith(f"{batch}:1: field 'published'")
    assert results[2].startswith(f"{batch}:2: field 'published'")
