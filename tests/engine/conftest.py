"""A Dask LocalCluster (two single-threaded worker processes) once per session, and a corpus."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_paragraphs() -> list[str]:
    """Distinct body paragraphs of the example articles (headlines and datelines left out).

    A paragraph close to one already kept (the examples include a syndicated rewrite) is
    dropped, or two generated articles could be near-copies of each other.
    """
    from veille.clean.dedup import signature, similarity

    kept: list[tuple[str, list[int]]] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.strip()) <= 120:
                continue
            sig = signature(line)
            if all(similarity(sig, other) < 0.3 for _, other in kept):
                kept.append((line.strip(), sig))
    return [text for text, _ in kept]


def write_corpus(directory: Path, count: int) -> list[Path]:
    """``count`` distinct articles, each two example paragraphs no other article pairs."""
    paragraphs = example_paragraphs()
    pairs = itertools.combinations(range(len(paragraphs)), 2)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (a, b) in zip(range(count), pairs, strict=False):
        path = directory / f"article-{number:03d}.txt"
        path.write_text(f"Dépêche {number}\n\n{paragraphs[a]}\n\n{paragraphs[b]}\n",
                        encoding="utf-8")
        paths.append(path)
    assert len(paths) == count, "not enough example paragraphs for this corpus"
    return paths


@pytest.fixture(scope="session")
def corpus_writer() -> Callable[[Path, int], list[Path]]:
    """:func:`write_corpus`, as a fixture (test modules cannot import a conftest)."""
    return write_corpus


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a LocalCluster shared by every Dask test."""
    distributed = pytest.importorskip("distributed")
    # A free port for the dashboard: with None the scheduler still tries 8787 and warns (an
    # error here) when another cluster on the machine holds it.
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address
