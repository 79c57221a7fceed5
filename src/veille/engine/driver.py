"""What every engine shares: plan the partitions, run them somewhere, store what comes back.

An engine is only a function from partitions to ``(partition, results)`` pairs, yielded as they
finish. The driver is the single writer: it skips inputs already in the store before sending
anything (so a re-run after a crash does only the rest), and ``store.add`` skips duplicates, so
even an input sent twice ends up stored once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from veille.engine.partition import PartitionItem, PartitionResult, partition
from veille.errors import InputError
from veille.ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES, expand_paths
from veille.model import Record
from veille.run import Summary, store_outcomes
from veille.settings import Settings
from veille.store.base import Store

Finished = tuple[list[PartitionItem], list[PartitionResult]]
Engine = Callable[[list[list[PartitionItem]], Settings], Iterable[Finished]]
Reporter = Callable[[str], None]

# One file, one document: a stored path proves the whole file is done. A JSON Lines file may
# have been cut short by a crash, so it is sent again and store.add skips what is there.
_SINGLE_DOCUMENT = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass
class Plan:
    pending: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def plan_inputs(paths: Sequence[Path], store: Store) -> Plan:
    """Absolute paths still to process; the ones already stored; the ones that do not exist.

    Paths are made absolute because workers may run in another directory (or machine, over a
    shared filesystem), and so that a re-run recognises what an earlier one stored.
    """
    plan = Plan()
    for path in expand_paths(list(paths)):
        if isinstance(path, InputError):
            plan.missing.append(str(path))
            continue
        absolute = str(path.resolve())
        stored = store.resolve_doc(absolute) if path.suffix in _SINGLE_DOCUMENT else None
        if stored:
            plan.already.append(f"{absolute}: already stored as {stored}, skipped")
        else:
            plan.pending.append(absolute)
    return plan


def failed_partition(items: Sequence[PartitionItem], error: BaseException) -> list[PartitionResult]:
    """Every input of a partition whose worker failed, as error strings (the run goes on)."""
    reason = f"worker failed: {type(error).__name__}: {error}".splitlines()[0]
    return [f"{item if isinstance(item, str) else item.origin}: {reason}" for item in items]


def process(paths: Sequence[Path], store: Store, settings: Settings, engine: Engine,
            workers: int, partition_size: int | None = None,
            on_result: Reporter | None = None) -> Summary:
    """Extract every input not yet stored, on ``engine``, and store the records."""
    plan = plan_inputs(paths, store)
    summary = Summary(duplicates=list(plan.already), failures=list(plan.missing))
    for line in [*plan.already, *(f"error: {m}" for m in plan.missing)]:
        _say(on_result, line)
    parts = partition(plan.pending, workers, partition_size)
    for _items, results in engine(parts, settings):
        store_results(results, store, settings, summary, on_result)
    return summary


def store_results(results: Sequence[PartitionResult], store: Store, settings: Settings,
                  summary: Summary, on_result: Reporter | None = None) -> None:
    """Add one partition's records to the store and its errors to the summary."""
    for error in (r for r in results if isinstance(r, str)):
        summary.failures.append(error)
        _say(on_result, f"error: {error}")
    done = store_outcomes([r for r in results if isinstance(r, Record)], store, settings,
                          on_result)
    summary.added += done.added
    summary.duplicates += done.duplicates
    summary.failures += done.failures


def _say(callback: Reporter | None, line: str) -> None:
    if callback:
        callback(line)
