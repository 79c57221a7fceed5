"""Commands that need no model start without it: neither spaCy nor the pipeline is imported by
``veille --help``, the read commands, or the server's start (issue 15: seconds at each run).

Each command runs in a fresh interpreter (this one has spaCy loaded by the test session) over
an empty store, then reports the modules it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "veille.nlp", "veille.extract", "veille.run", "trafilatura",
         "datasketch")
RUN = """
import json, sys
from veille.cli.app import app
try:
    app({args!r}, standalone_mode=False)
except SystemExit:
    pass
except Exception as error:  # an empty store makes some commands fail: imports are done
    print(type(error).__name__, file=sys.stderr)
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
SERVE = """
import json, sys
from veille.api.app import create_app
from veille.settings import Settings
create_app(Settings(db={db!r}))
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))


@pytest.mark.parametrize("args", [
    ["--help"], ["search", "sommet"], ["show", "abc"], ["stats"], ["quotes"],
    ["entity", "Odile Marchetti"], ["timeline"], ["export", "--format", "csv"],
    ["entities"], ["serve", "--help"], ["kb", "--help"],
])
def test_read_commands_import_no_model(args: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "empty.sqlite")
    full = args if "--help" in args else [*args, "--db", db]
    modules = imported(RUN.format(args=full))
    assert "veille.cli.app" in modules  # the probe ran
    assert heavy(modules) == []


def test_the_server_starts_without_the_model(tmp_path: Path) -> None:
    modules = imported(SERVE.format(db=str(tmp_path / "empty.sqlite")))
    assert "fastapi" in modules
    assert heavy(modules) == []


@pytest.mark.parametrize("args", [["--help"], ["search", "sommet"]])
def test_quick_commands_import_neither_rich_nor_the_name_matcher(args: list[str],
                                                                tmp_path: Path) -> None:
    # rich (printing plain lines needs none) and rapidfuzz (only writes match names) are
    # a good part of what these commands would spend starting (issue 15).
    full = args if "--help" in args else [*args, "--db", str(tmp_path / "empty.sqlite")]
    modules = imported(RUN.format(args=full))
    assert "veille.cli.app" in modules
    assert sorted(m for m in modules if m.split(".")[0] in ("rich", "rapidfuzz")) == []
