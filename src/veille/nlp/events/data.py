"""The event rules' data, read from the current pack once per pack: named regexes and the
cue tables of ``events/`` (``cues.tsv``, ``frames.tsv``: a regex and the kind it marks)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_pack

PATTERNS = "events/patterns.toml"


def patterns(flags: Mapping[str, int]) -> Mapping[str, re.Pattern[str]]:
    """The entries of ``events/patterns.toml`` a module names in ``flags`` (a module-level
    mapping: name -> re flags), compiled once per pack."""
    pack = current_pack()
    return pack.cached((PATTERNS, id(flags)), lambda: {
        key: pack.regex(PATTERNS, key, value) for key, value in flags.items()})


def kinds(pack: LanguagePack, name: str) -> dict[str, re.Pattern[str]]:
    """A table of regex<TAB>kind as one case-insensitive alternation per kind."""
    def build() -> dict[str, re.Pattern[str]]:
        grouped: dict[str, list[str]] = {}
        for pattern, kind in pack.table(name):
            grouped.setdefault(kind, []).append(pattern)
        return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)
                for k, v in grouped.items()}
    return pack.cached(("kinds", name), build)
