"""The README is the real entry point: every setting and every command must be in it."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from veille.cli.app import app
from veille.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_variable() -> None:
    missing = [name for name in Settings.model_fields
               if f"VEILLE_{name.upper()}" not in README]
    assert not missing, f"settings missing from README's configuration table: {missing}"


def test_every_setting_has_help_text() -> None:
    assert all(field.description for field in Settings.model_fields.values())


def test_every_command_is_in_the_cli_reference() -> None:
    group = typer.main.get_command(app)
    commands = sorted(getattr(group, "commands", {}))
    assert commands, "no commands registered"
    missing = [c for c in commands if not re.search(rf"veille {re.escape(c)}\b", README)]
    assert not missing, f"commands missing from README: {missing}"


def test_the_two_commands_are_given() -> None:
    assert "make demo" in README and "make test" in README
