"""Language resources as data files: ``resources/<lang>/<name>``, read once and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_lines(name: str, lang: str = "fr") -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``resources/<lang>/<name>``, stripped."""
    text = resources.files("veille.resources").joinpath(lang, name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def read_table(name: str, lang: str = "fr") -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of ``resources/<lang>/<name>``, comments and blanks skipped."""
    lines = read_lines(name, lang)
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines)
