"""``veille entity``: card, aliases and quotes of a stored entity, found by any of its names."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from veille.cli.app import app

runner = CliRunner()
ARTICLE = """Ankara : Lavrov reçu par son homologue turc

Ankara, 3 juin 2025

Le chef de la diplomatie russe, Sergey Lavrov, est arrivé mardi à Ankara pour des entretiens.
« Nous voulons avancer sur le dossier des céréales », a déclaré M. Lavrov devant la presse.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("entity")
    (folder / "ankara.txt").write_text(ARTICLE, encoding="utf-8")
    path = str(folder / "store.sqlite")
    result = runner.invoke(app, ["ingest", str(folder / "ankara.txt"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("name", ["Sergueï Lavrov", "Sergei Lavrov", "Lavrov", "Q58217"])
def test_entity_is_found_by_any_name(db: str, name: str) -> None:
    result = runner.invoke(app, ["entity", name, "--db", db, "--format", "json",
                                 "--on", "2025-06-03"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["card"]["kb_id"] == "Q58217"
    assert "Affaires étrangères" in report["card"]["role"]
    assert "Sergey Lavrov" in report["entity"]["aliases"]


def test_entity_text_lists_quotes(db: str) -> None:
    result = runner.invoke(app, ["entity", "Lavrov", "--db", db])
    assert result.exit_code == 0, result.output
    assert "https://www.wikidata.org/wiki/Q58217" in result.stdout
    assert "céréales" in result.stdout


def test_unknown_entity_fails_cleanly(db: str) -> None:
    result = runner.invoke(app, ["entity", "Personne Inconnue", "--db", db])
    assert result.exit_code == 2
    assert "no such entity" in result.output
