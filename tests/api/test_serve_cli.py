"""`veille serve` parses its options into settings and hands them to the server."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from veille.api import app as api_app
from veille.cli.app import app
from veille.settings import Settings


def test_serve_options_override_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Settings, int]] = []
    monkeypatch.setattr(api_app, "serve", lambda settings, workers: seen.append((settings,
                                                                                  workers)))
    result = CliRunner().invoke(app, ["serve", "--db", "/tmp/x.sqlite", "--port", "9123",
                                      "--workers", "3"])
    assert result.exit_code == 0, result.output
    ((settings, workers),) = seen
    assert (settings.db, settings.port, settings.host) == ("/tmp/x.sqlite", 9123, "127.0.0.1")
    assert workers == 3
    assert "http://127.0.0.1:9123/" in result.stderr


def test_serve_rejects_a_bad_port() -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "eighty"])
    assert result.exit_code == 2
