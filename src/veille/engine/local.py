"""The local engine: a pool of worker processes on this machine.

Workers are started with ``spawn``: each imports Veille and loads the spaCy model once, in its
initializer, and nothing inherits a half-initialised parent (threads, open connections).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed

from veille.engine.driver import Finished, failed_partition
from veille.engine.partition import PartitionItem, PartitionResult, preload_model, process_partition
from veille.settings import Settings


def run_local(partitions: list[list[PartitionItem]], settings: Settings, workers: int = 1
              ) -> Iterator[Finished]:
    """``(partition, results)`` pairs as ``workers`` processes finish them."""
    if not partitions:
        return
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(partitions))),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=preload_model, initargs=(settings.model, settings.kb_path),
    )
    try:
        futures: dict[Future[list[PartitionResult]], list[PartitionItem]] = {
            pool.submit(process_partition, part, settings): part for part in partitions
        }
        for future in as_completed(futures):
            part = futures.pop(future)
            try:
                results = future.result()
            except Exception as error:  # a crashed worker fails its partition, not the run
                results = failed_partition(part, error)
            yield part, results
    finally:
        # On an error or Ctrl-C in the driver, queued partitions are dropped, not run.
        pool.shutdown(wait=True, cancel_futures=True)
