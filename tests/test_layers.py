"""The package's layers only point down, and the French stays in the language packs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "veille"
REPO = SRC.parents[1]


def imports_of(package: str) -> dict[str, set[str]]:
    """Module path -> every ``veille.*`` module it imports (at any depth of the file)."""
    found: dict[str, set[str]] = {}
    for path in sorted((SRC / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(SRC))] = {n for n in names if n.startswith("veille")}
    return found


@pytest.mark.parametrize(("package", "forbidden"), [
    ("nlp", ("veille.resolve", "veille.settings", "veille.store", "veille.api")),
    ("resolve", ("veille.nlp", "veille.settings")),
    ("kb", ("veille.nlp", "veille.resolve")),
    ("lang", ("veille.nlp", "veille.resolve", "veille.kb", "veille.settings")),
    ("clean", ("veille.nlp", "veille.resolve", "veille.store", "veille.api")),
])
def test_layers_point_down(package: str, forbidden: tuple[str, ...]) -> None:
    crossing = {module: sorted(n for n in names if n.startswith(forbidden))
                for module, names in imports_of(package).items()}
    assert not {m: n for m, n in crossing.items() if n}


def test_at_most_25_literals_outside_the_packs_carry_french() -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "french_literals.py"),
                           "--max", "25"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_literal_counter_sees_french_and_ignores_code() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from french_literals import carries_french, french_words
    finally:
        sys.path.pop(0)
    vocabulary = french_words()
    assert carries_french("a déclaré", vocabulary)
    assert carries_french(r"\b(?:dans|pour)\s+", vocabulary)
    assert not carries_french("veille.cli.", vocabulary)
    assert not carries_french("SELECT de.doc_id FROM doc_entities de", vocabulary)
    assert not carries_french("utf-16-le", vocabulary)
    assert not carries_french("press_conference", vocabulary)
