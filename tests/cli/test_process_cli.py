"""``veille process``: parallel extraction that a re-run, even after a kill, finishes cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli.app import app
from veille.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VEILLE = str(Path(sys.executable).with_name("veille"))
runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    copied = tmp_path / "in"
    # One document per file and no near-copy: then a complete re-run has nothing to send and
    # starts no worker (JSON Lines files and near-copies are always sent again).
    shutil.copytree(EXAMPLES, copied,
                    ignore=shutil.ignore_patterns("NOTICE", "*.json*", "*reprise*"))
    return copied


def test_scheduler_needs_the_dask_engine(inputs: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["process", str(inputs), "--scheduler", "tcp://127.0.0.1:1",
                                 "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2
    assert "--engine dask" in result.stderr


def test_a_run_killed_midway_is_finished_by_the_next_without_duplicates(
        inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    command = [VEILLE, "process", str(inputs), "--workers", "1", "--partition-size", "1",
               "--db", db]
    # A session of its own, so the kill reaches the pool's worker process as well.
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert run.stderr is not None
    deadline = time.monotonic() + 120
    for line in run.stderr:
        if line.startswith("added ") or time.monotonic() > deadline:
            break
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    store = open_store(db)
    partial = store.stats()["documents"]
    store.close()
    assert partial >= 1
    rest = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert rest.returncode == 0, rest.stderr
    assert rest.stderr.count("already stored as") >= 1
    store = open_store(db)
    paths_and_ids = [(r.source.path, r.doc_id) for r in store.iter_records()]
    store.close()
    assert len(paths_and_ids) == len(set(paths_and_ids)) == len({i for _, i in paths_and_ids})
    complete = runner.invoke(app, ["process", str(inputs), "--db", db])
    assert complete.exit_code == 0, complete.stderr
    assert "0 added" in complete.stderr  # nothing was left undone
    assert complete.stderr.count("already stored as") == len(list(inputs.iterdir()))
