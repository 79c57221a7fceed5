"""The event rules' data, read from the current pack once per pack: named regexes and the
cue tables of ``events/`` (``cues.tsv``, ``frames.tsv``: a regex and the kind it marks)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from veille.lang.pack import LanguagePack
from veille.nlp.events.starts import by_first_char
from veille.nlp.scope import current_pack

PATTERNS = "events/patterns.toml"

# The table each caller asked for last, with the pack it was read from: the rules ask for
# their patterns at every step (hundreds of times a document), and a run reads one pack, so
# an identity check saves the pack's keyed lookup; another pack reads its own, as before.
_LAST: dict[int, tuple[LanguagePack, Mapping[str, re.Pattern[str]]]] = {}
_LAST_KINDS: dict[object, tuple[LanguagePack, dict[str, re.Pattern[str]]]] = {}


def patterns(flags: Mapping[str, int]) -> Mapping[str, re.Pattern[str]]:
    """The entries of ``events/patterns.toml`` a module names in ``flags`` (a module-level
    mapping: name -> re flags), compiled once per pack."""
    pack = current_pack()
    last = _LAST.get(id(flags))
    if last is not None and last[0] is pack:
        return last[1]
    found = _compiled(pack, flags)
    _LAST[id(flags)] = (pack, found)
    return found


def _compiled(pack: LanguagePack, flags: Mapping[str, int]) -> Mapping[str, re.Pattern[str]]:
    return pack.cached((PATTERNS, id(flags)), lambda: {
        key: pack.regex(PATTERNS, key, value) for key, value in flags.items()})


T = TypeVar("T")


def per_pack(read: Callable[[LanguagePack], T]) -> Callable[[], T]:
    """``read(pack)`` for the pack in scope, as a function of nothing a module asks at each
    step: the rules ask for their tables hundreds of times a document, and a run reads one
    pack, so the reader keeps what it read last with its pack (one identity check, not a
    keyed lookup per call); another pack is read again, as before."""
    last: list[tuple[LanguagePack, T]] = []  # the pack read last and its table, one pair

    def reader() -> T:
        pack = current_pack()
        try:
            seen, found = last[-1]  # one tuple, read at once: a thread sees a matching pair
            if seen is pack:
                return found
        except IndexError:  # nothing read yet
            pass
        found = read(pack)
        last[:] = [(pack, found)]
        return found
    return reader


def pattern_reader(flags: Mapping[str, int]) -> Callable[[], Mapping[str, re.Pattern[str]]]:
    """:func:`patterns` of ``flags`` for the pack in scope (see :func:`per_pack`)."""
    return per_pack(lambda pack: _compiled(pack, flags))


def kind_tests_reader(name: str) -> Callable[[], dict[str, re.Pattern[str]]]:
    """:func:`kind_tests` of table ``name`` for the pack in scope (see :func:`per_pack`)."""
    return per_pack(lambda pack: kind_tests(pack, name))


def kinds_reader(name: str) -> Callable[[], dict[str, re.Pattern[str]]]:
    """:func:`kinds` of table ``name`` for the pack in scope (see :func:`per_pack`)."""
    return per_pack(lambda pack: kinds(pack, name))


def _by_kind(pack: LanguagePack, name: str) -> dict[str, list[str]]:
    """The regexes of a regex<TAB>kind table, grouped by kind in the table's order."""
    grouped: dict[str, list[str]] = {}
    for pattern, kind in pack.table(name):
        grouped.setdefault(kind, []).append(pattern)
    return grouped


def kinds(pack: LanguagePack, name: str) -> dict[str, re.Pattern[str]]:
    """A table of regex<TAB>kind as one case-insensitive alternation per kind."""
    last = _LAST_KINDS.get(name)
    if last is not None and last[0] is pack:
        return last[1]

    def build() -> dict[str, re.Pattern[str]]:
        return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)
                for k, v in _by_kind(pack, name).items()}
    found = pack.cached(("kinds", name), build)
    _LAST_KINDS[name] = (pack, found)
    return found


def kind_tests(pack: LanguagePack, name: str) -> dict[str, re.Pattern[str]]:
    """:func:`kinds` for the rules that only ask whether a kind matches (``search(...) is not
    None``): each alternation tests first what its regexes can start with
    (:func:`~veille.nlp.events.starts.by_first_char`), so it finds the same places faster,
    though not always the same match there."""
    key = ("tests", name)
    last = _LAST_KINDS.get(key)
    if last is not None and last[0] is pack:
        return last[1]

    def build() -> dict[str, re.Pattern[str]]:
        return {k: re.compile(by_first_char(v, re.IGNORECASE))
                for k, v in _by_kind(pack, name).items()}
    found = pack.cached(("kind_tests", name), build)
    _LAST_KINDS[key] = (pack, found)
    return found
