"""Shared fixtures of the CLI tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from veille.cli.app import app

StoreOf = Callable[[dict[str, str]], str]


@pytest.fixture(scope="session")
def store_of(tmp_path_factory: pytest.TempPathFactory) -> StoreOf:
    """A function that writes articles (file name -> text) to a new folder, ingests them with
    ``veille ingest`` into a new SQLite store there and returns the store's path."""
    def ingested(articles: dict[str, str]) -> str:
        folder = tmp_path_factory.mktemp("articles")
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        path = str(folder / "store.sqlite")
        result = CliRunner().invoke(app, ["ingest", str(folder), "--db", path])
        assert result.exit_code == 0, result.output
        return path
    return ingested
