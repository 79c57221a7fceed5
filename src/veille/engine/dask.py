"""The distributed engine: partitions as Dask tasks, on a local or a remote cluster.

Only file paths (or raw documents) and the settings travel to workers; the spaCy model is
loaded by each worker process through a worker plugin, once, and stays cached there
(``load_pipeline`` is an lru_cache) for every later task on that worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from veille.engine.driver import Finished, failed_partition
from veille.engine.partition import PartitionItem, preload_model, process_partition
from veille.settings import Settings


class PreloadModel(WorkerPlugin):
    """Load the spaCy pipeline when a worker joins, before it takes any task."""

    name = "veille-preload-model"

    def __init__(self, model: str, kb_path: str | None = None) -> None:
        self.model = model
        self.kb_path = kb_path

    def setup(self, worker: Any) -> None:
        preload_model(self.model, self.kb_path)


def run_dask(partitions: list[list[PartitionItem]], settings: Settings,
             scheduler: str | None = None, workers: int = 2) -> Iterator[Finished]:
    """``(partition, results)`` pairs as the cluster finishes them.

    With ``scheduler`` (``tcp://host:8786``) the run joins an existing cluster, whose workers
    need Veille, the spaCy model and the input files; without it, a LocalCluster of ``workers``
    single-threaded processes is started for the run and stopped after.
    """
    if not partitions:
        return
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))  # type: ignore[no-untyped-call]
        else:
            # The dashboard on a free port: with None the scheduler still tries 8787, and
            # warns when another cluster holds it.
            cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address="127.0.0.1:0"))
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        client.register_plugin(PreloadModel(settings.model, settings.kb_path))
        # The settings go once to the cluster, not once per task.
        [shared] = client.scatter([settings], broadcast=True)
        futures: dict[Future[Any], list[PartitionItem]] = {
            client.submit(process_partition, part, shared, pure=False): part
            for part in partitions
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            part = futures.pop(future)
            try:
                results = future.result()
            except Exception as error:  # a lost or failing task fails its partition only
                results = failed_partition(part, error)
            future.release()
            yield part, results
