"""Language packs: every word list, table and pattern file of one language, loaded by name.

A pack is a folder ``lang/<code>/`` of data files and a ``pack.toml`` that says which spaCy
model, Snowball stemmer and PostgreSQL text-search configuration go with the language. The
mechanism (``nlp/``, ``clean/``, ``store/``) asks a pack for data by file name and never holds
a word of the language itself, so a new language is a new folder, not a copy of the code.

File kinds, all UTF-8, ``#`` lines and blank lines skipped:

- ``.txt``: one entry a line (:meth:`LanguagePack.lines`, :meth:`LanguagePack.words`);
- ``.tsv``: tab-separated rows (:meth:`LanguagePack.table`, :meth:`LanguagePack.mapping`);
- ``.toml``: named regular expressions (:meth:`LanguagePack.regex`), where ``{{name}}`` stands
  for another entry of the same file, or for an alternation the caller builds from a table;
- ``.jsonl``: spaCy ``Matcher`` / ``PhraseMatcher`` patterns (:meth:`LanguagePack.patterns`).

A pack must provide every file the mechanism reads (an empty file is a valid answer: "this
language has no such cue"); a missing file is an error that names the pack and the file.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar, cast

from veille.errors import VeilleError

T = TypeVar("T")
_REF = re.compile(r"\{\{(\w+)\}\}")
# The multilingual pack: data that holds for every language (name transliteration, the
# stopword lists language identification compares).
SHARED = "xx"


class PackError(VeilleError):
    """A language pack is missing or one of its files is malformed."""


@dataclass(frozen=True, eq=False)
class LanguagePack:
    """One language's data, read lazily and once per pack."""

    code: str
    root: Traversable
    meta: Mapping[str, Any]
    _memo: dict[object, object] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, code: str) -> LanguagePack:
        """The installed pack ``lang/<code>/``; raises :class:`PackError` when there is none."""
        return _load(code)

    @staticmethod
    def available() -> tuple[str, ...]:
        """Codes of the installed language packs (the multilingual ``xx`` pack excluded)."""
        root = resources.files("veille.lang")
        return tuple(sorted(p.name for p in root.iterdir()
                            if p.is_dir() and p.joinpath("pack.toml").is_file()))

    # -- metadata -------------------------------------------------------------------------
    @property
    def model(self) -> str:
        """The spaCy pipeline the pack was written against (``fr_core_news_md``)."""
        return str(self.meta.get("model", ""))

    @property
    def stemmer(self) -> str:
        """The Snowball stemmer's language name (``french``)."""
        return str(self.meta.get("stemmer", "porter"))

    @property
    def text_search(self) -> str:
        """The PostgreSQL text-search configuration (``french``; ``simple`` when none)."""
        return str(self.meta.get("text_search", "simple"))

    # -- files ----------------------------------------------------------------------------
    def text(self, name: str) -> str:
        path = self.root.joinpath(name)
        if not path.is_file():
            raise PackError(f"language pack '{self.code}' has no file {name}")
        return path.read_text(encoding="utf-8")

    def lines(self, name: str) -> tuple[str, ...]:
        """Non-empty, non-comment lines of ``name``, stripped."""
        return self.cached(("lines", name), lambda: tuple(
            line.strip() for line in self.text(name).splitlines()
            if line.strip() and not line.startswith("#")))

    def words(self, name: str) -> frozenset[str]:
        """The lines of ``name`` as a set (a word list)."""
        return self.cached(("words", name), lambda: frozenset(self.lines(name)))

    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Tab-separated rows of ``name``, cells stripped."""
        return self.cached(("table", name), lambda: tuple(
            tuple(cell.strip() for cell in line.split("\t")) for line in self.lines(name)))

    def mapping(self, name: str) -> dict[str, str]:
        """First column -> second column of a two-column table."""
        return self.cached(("mapping", name), lambda: {
            row[0]: row[1] for row in self.table(name) if len(row) >= 2})

    def patterns(self, name: str) -> tuple[dict[str, Any], ...]:
        """The JSON objects of a ``.jsonl`` file (one Matcher pattern entry a line)."""
        def read() -> tuple[dict[str, Any], ...]:
            out = []
            for number, line in enumerate(self.text(name).splitlines(), 1):
                if line.strip() and not line.lstrip().startswith("#"):
                    try:
                        out.append(cast(dict[str, Any], json.loads(line)))
                    except json.JSONDecodeError as err:
                        raise PackError(f"{self.code}/{name}:{number}: {err.msg}") from None
            return tuple(out)
        return self.cached(("patterns", name), read)

    def regexes(self, name: str) -> Mapping[str, str]:
        """The raw entries of a ``.toml`` file of named patterns (strings, or lists of strings
        joined as an alternation)."""
        def read() -> dict[str, str]:
            try:
                data = tomllib.loads(self.text(name))
            except tomllib.TOMLDecodeError as err:
                raise PackError(f"{self.code}/{name}: {err}") from None
            return {key: value if isinstance(value, str) else "|".join(value)
                    for key, value in data.items()}
        return self.cached(("regexes", name), read)

    def regex_source(self, name: str, key: str, **parts: str) -> str:
        """Entry ``key`` of ``name`` with every ``{{ref}}`` expanded, from ``parts`` first, then
        from the file's other entries."""
        entries = self.regexes(name)

        def expand(source: str, depth: int) -> str:
            if depth > 20:
                raise PackError(f"{self.code}/{name}: '{key}' refers to itself")

            def one(m: re.Match[str]) -> str:
                ref = m.group(1)
                if ref in parts:
                    return parts[ref]
                if ref not in entries:
                    raise PackError(f"{self.code}/{name}: unknown part {{{{{ref}}}}} in '{key}'")
                return expand(entries[ref], depth + 1)
            return _REF.sub(one, source)

        if key not in entries:
            raise PackError(f"language pack '{self.code}' has no pattern '{key}' in {name}")
        return expand(entries[key], 0)

    def regex(self, name: str, key: str, flags: int = 0, **parts: str) -> re.Pattern[str]:
        """Entry ``key`` of ``name`` compiled (cached per pack, parts and flags)."""
        memo_key = ("regex", name, key, flags, tuple(sorted(parts.items())))
        return self.cached(memo_key, lambda: re.compile(
            self.regex_source(name, key, **parts), flags))

    # -- derived structures ---------------------------------------------------------------
    def cached(self, key: object, build: Callable[[], T]) -> T:
        """``build()`` computed once per pack and ``key``: a table derived from the data."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            value = self._memo[key] = build()
            return value

    def derive(self, build: Callable[[LanguagePack], T]) -> T:
        """``build(self)`` once per pack: the loaders of a rule module take the pack."""
        # Read hundreds of times a document: no closure made per call, as ``cached`` would.
        try:
            return cast(T, self._memo[build])
        except KeyError:
            value = self._memo[build] = build(self)
            return value


@cache
def _load(code: str) -> LanguagePack:
    root = resources.files("veille.lang").joinpath(code)
    meta_file = root.joinpath("pack.toml")
    if code != SHARED and not meta_file.is_file():
        have = ", ".join(LanguagePack.available()) or "none"
        raise PackError(f"no language pack '{code}' (installed: {have})")
    meta = tomllib.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    return LanguagePack(code, root, meta)


def shared() -> LanguagePack:
    """The multilingual pack ``lang/xx/``."""
    return _load(SHARED)


def alternation(words: Any) -> str:
    """A regex alternation of literal words, longest first (so "juillet" wins over "juil");
    a space matches any run of whitespace and an apostrophe either apostrophe."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)

