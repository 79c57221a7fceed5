"""The knowledge base: people, organisations and places with their names and positions held.

One JSON object per line (``kb/data/kb.jsonl``, built by ``scripts/build_kb.py``)::

    {"key": "Q58217", "id": "Q58217", "type": "PER", "kind": "human",
     "labels": {"fr": "Sergueï Lavrov", "en": "Sergey Lavrov", "ru": "Сергей Лавров"},
     "aliases": {"fr": ["Sergei Lavrov"]}, "description": {"fr": "..."},
     "country": "RU", "coords": null,
     "positions": [{"role": "foreign_minister", "country": "RU", "start": "2004-03-09",
                    "end": null, "label": "ministre des Affaires étrangères", "id": "Q1418873"}],
     "updated": "2026-11-22", "source": "curated"}

``id`` is a Wikidata id or null (never guessed); ``key`` is unique in the file (the id, or
``geonames:<n>`` / ``veille:<slug>``). The bundled file is read once per process, then the user
file written by ``veille kb add`` and ``settings.kb_path``; a later entry with the same key
replaces an earlier one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import platformdirs

from veille.kb.names import name_key, surname_key
from veille.model import EntityType

T = TypeVar("T")
_LANGS = ("fr", "en", "ru")
# Names a memo of look-ups holds before it starts again (a long run meets ever new names).
_MEMO_SIZE = 1 << 16
_MISSING: object = object()  # not remembered (None is an answer)


@dataclass(frozen=True)
class Position:
    """A position held: ``role`` is a portable key (head_of_state, foreign_minister ...)."""

    role: str
    country: str | None = None
    start: str | None = None
    end: str | None = None
    label: str | None = None
    id: str | None = None
    as_of: str | None = None

    def held_on(self, day: date) -> bool:
        """Whether the position was held on ``day`` (dates of any precision, open ends).

        An open-ended position from a dated source (``as_of``, the Wikidata dumps of 2022-23) is
        trusted for one year after that date only: later, the holder may have changed and a
        wrong holder is worse than none.
        """
        return self.held_on_iso(day.isoformat())

    def held_on_iso(self, iso: str) -> bool:
        """:meth:`held_on` of the day written ``YYYY-MM-DD`` (a caller asking of many
        positions writes the day once)."""
        started = self.start is None or self.start[: len(iso)] <= iso
        end = self.end
        if end is None and self.as_of:
            end = f"{int(self.as_of[:4]) + 1}{self.as_of[4:]}"
        ongoing = end is None or iso < _end_bound(end)
        return started and ongoing


def _end_bound(end: str) -> str:
    """An end date of year or month precision covers its whole year or month."""
    if len(end) == 4:
        return f"{end}-12-32"
    if len(end) == 7:
        return f"{end}-32"
    return end


@dataclass
class KBEntry:
    key: str
    type: EntityType
    id: str | None = None
    kind: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    coords: tuple[float, float] | None = None
    population: int | None = None
    positions: list[Position] = field(default_factory=list)
    updated: str | None = None
    source: str | None = None

    @property
    def label(self) -> str:
        """The French label, else English, else any, else the key."""
        for lang in _LANGS:
            if self.labels.get(lang):
                return self.labels[lang]
        return next(iter(self.labels.values()), self.key)

    def names(self) -> Iterator[str]:
        """Every label and alias, French first."""
        langs = list(_LANGS) + [lang for lang in self.labels if lang not in _LANGS]
        for lang in langs:
            if lang in self.labels:
                yield self.labels[lang]
            yield from self.aliases.get(lang, [])

    def positions_on(self, day: date) -> list[Position]:
        if not self.positions:  # most entries, places and bodies, hold none
            return []
        iso = day.isoformat()
        return [p for p in self.positions if p.held_on_iso(iso)]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key, "id": self.id, "type": self.type, "kind": self.kind,
            "labels": self.labels, "aliases": self.aliases, "description": self.description,
            "country": self.country, "coords": list(self.coords) if self.coords else None,
            "population": self.population,
            "positions": [{k: v for k, v in vars(p).items() if v is not None}
                          for p in self.positions],
            "updated": self.updated, "source": self.source,
        }
        return {k: v for k, v in data.items() if v not in (None, {}, [], "")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KBEntry:
        key = data.get("key") or data.get("id")
        if not key or data.get("type") not in ("PER", "ORG", "LOC", "MISC"):
            raise ValueError(f"a KB entry needs a key (or id) and a type: {str(data)[:80]}")
        coords = data.get("coords")
        return cls(
            key=str(key), type=data["type"], id=data.get("id"), kind=data.get("kind", ""),
            labels=dict(data.get("labels") or {}),
            aliases={k: list(v) for k, v in (data.get("aliases") or {}).items()},
            description=dict(data.get("description") or {}), country=data.get("country"),
            coords=(float(coords[0]), float(coords[1])) if coords else None,
            population=data.get("population"),
            positions=[Position(**p) for p in data.get("positions") or []],
            updated=data.get("updated"), source=data.get("source"),
        )


class KnowledgeBase:
    """Entries indexed by key, Wikidata id, name key and (for people) surname."""

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self._entries: dict[str, KBEntry] = {}
        self._by_name: dict[str, list[str]] = {}
        self._by_surname: dict[str, list[str]] = {}
        self._by_id: dict[str, str] = {}
        self._derived: dict[object, object] = {}
        self._memos: dict[Hashable, Memo] = {}
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self._entries.values())

    def derive(self, build: Callable[[KnowledgeBase], T]) -> T:
        """``build(self)`` computed once per KB (until an entry is added): a table the rules
        derive from the entries, such as country names by language."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return cast(T, self._derived[build])

    def memo(self, space: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` in ``space`` until an entry is added: for
        answers the rules ask of the KB again and again (a name's link, its type). A space
        holds at most ``_MEMO_SIZE`` answers, then starts again."""
        table = self.memo_space(space)
        try:
            return cast(T, table[key])
        except KeyError:
            return table.put(key, compute())

    def memo_space(self, space: Hashable) -> Memo:
        """The answers remembered in ``space`` (:meth:`memo`), for a caller that asks many
        of one document: it reads them directly, without a closure and a call a question
        (issue 15). Emptied, not replaced, when an entry is added."""
        table = self._memos.get(space)
        if table is None:
            table = self._memos[space] = Memo()
        return table

    def name_keys(self, entry: KBEntry) -> frozenset[str]:
        """The name keys of every label and alias of ``entry``: remembered for the KB's own
        entries, as a place carries hundreds of spellings and a linked place is met often."""
        if self._entries.get(entry.key) is not entry:
            return frozenset(name_key(n) for n in entry.names())
        memo = self.memo_space("name_keys")
        found: frozenset[str] | None = memo.get(entry.key)
        if found is None:  # read directly: a document links a dozen entries (issue 15)
            found = memo.put(entry.key, frozenset(name_key(n) for n in entry.names()))
        return found

    def add(self, entry: KBEntry) -> None:
        """Add or replace (same key) an entry."""
        self._derived.clear()
        for table in self._memos.values():
            table.clear()  # in place: a caller may hold a space for the document it reads
        if entry.key in self._entries:
            self._unindex(self._entries[entry.key])
        self._entries[entry.key] = entry
        if entry.id:
            self._by_id[entry.id] = entry.key
        for name in set(entry.names()):
            _push(self._by_name, name_key(name), entry.key)
            if entry.type == "PER" and len(name.split()) > 1:
                _push(self._by_surname, surname_key(name), entry.key)

    def _unindex(self, entry: KBEntry) -> None:
        for index in (self._by_name, self._by_surname):
            for keys in index.values():
                if entry.key in keys:
                    keys.remove(entry.key)

    def get(self, key: str) -> KBEntry | None:
        """The entry with this key or Wikidata id."""
        return self._entries.get(key) or self._entries.get(self._by_id.get(key, ""))

    def by_name(self, name: str, types: Iterable[str] = ("PER", "ORG", "LOC", "MISC")
                ) -> list[KBEntry]:
        """Entries with this exact name (label or alias), compared on :func:`name_key`."""
        wanted = set(types)
        keys = self._by_name.get(name_key(name), [])
        return [self._entries[k] for k in keys if self._entries[k].type in wanted]

    def by_surname(self, surname: str) -> list[KBEntry]:
        keys = self._by_surname.get(name_key(surname), [])
        return [self._entries[k] for k in keys]

    def link(self, name: str, etype: str | None = None, on: date | None = None
             ) -> KBEntry | None:
        """The one entry this name denotes, or None when unknown or ambiguous.

        A full name or alias links when exactly one entry of the type carries it (several: the
        one holding a position on ``on``, if only one does). A bare surname links only to a person
        who holds a position on ``on`` (today when None) and is the only such bearer: a surname
        alone is too weak to name someone out of office.
        """
        # The entity rules ask the same few names again and again, within a document and
        # across a run. Each document has its own date, so the answers are remembered by name
        # and only those that turn on the date by date too (a run of a hundred dates asked
        # every name anew).
        memo, key = self.memo_space("link"), (name, etype)
        found: KBEntry | tuple[KBEntry, ...] | None = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo.put(key, self._link_by_name(name, etype))
        if not isinstance(found, tuple):
            return found
        day = on or date.today()
        dated = self.memo_space("link_on")
        current: KBEntry | None = dated.get((name, etype, day), _MISSING)
        if current is _MISSING:
            current = dated.put((name, etype, day), _only_current(found, day))
        return current

    def _link_by_name(self, name: str, etype: str | None) -> KBEntry | tuple[KBEntry, ...] | None:
        """What :meth:`link` answers whatever the date: the one entry, or None; a tuple when
        the answer is the one of these entries holding a position on the day, if only one
        does (several bearers of the name, or a bare surname's bearers)."""
        types = (etype,) if etype and etype != "MISC" else ("PER", "ORG", "LOC", "MISC")
        found = self.by_name(name, types)
        if len(found) > 1:
            return tuple(found)  # several: the one in office on the day, if only one is
        if len(found) == 1:
            return found[0]
        if etype not in (None, "PER", "MISC") or len(name_key(name).split()) > 2:
            return None
        return tuple(self.by_surname(name)) or None

    def holders(self, role: str, country: str | None, on: date | None = None) -> list[KBEntry]:
        """People holding ``role`` (for ``country``) on ``on``, latest start first."""
        day = on or date.today()
        # Asked for every role description a document does not resolve itself; a role such
        # as head of state has hundreds of positions to date.
        return list(self.memo("holders", (role, country, day),
                              lambda: self._holders(role, country, day)))

    def _holders(self, role: str, country: str | None, day: date) -> list[KBEntry]:
        positions = self.derive(_positions_by_role).get((role, country), ())
        iso = day.isoformat()
        return [entry for pos, entry in positions if pos.held_on_iso(iso)]


class Memo(dict[Hashable, Any]):
    """One space of :meth:`KnowledgeBase.memo`: answers by key, at most ``_MEMO_SIZE``."""

    def put(self, key: Hashable, value: T) -> T:
        """Remember ``value`` under ``key`` (the space starts again when full); returns it."""
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[key] = value
        return value


def _only_current(entries: tuple[KBEntry, ...], day: date) -> KBEntry | None:
    """The one of ``entries`` holding a position on ``day``, if only one does."""
    current = [e for e in entries if e.positions_on(day)]
    return current[0] if len(current) == 1 else None


def _positions_by_role(kb: KnowledgeBase
                       ) -> dict[tuple[str, str | None], list[tuple[Position, KBEntry]]]:
    """Every position of every entry under its role and country, and under its role alone
    (country None), latest start first (ties: entry order): ``holders`` is asked once per
    role description and date, and scanning every position of a role cost 0.8 ms a call."""
    index: dict[tuple[str, str | None], list[tuple[Position, KBEntry]]] = {}
    for entry in kb:
        for pos in entry.positions:
            index.setdefault((pos.role, None), []).append((pos, entry))
            if pos.country is not None:
                index.setdefault((pos.role, pos.country), []).append((pos, entry))
    for positions in index.values():
        positions.sort(key=lambda item: item[0].start or "", reverse=True)  # stable
    return index


def _push(index: dict[str, list[str]], key: str, value: str) -> None:
    if key and value not in index.setdefault(key, []):
        index[key].append(value)


def read_entries(path: Path) -> Iterator[KBEntry]:
    """Entries of a JSON Lines file; a bad line raises ValueError naming the line."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                yield KBEntry.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as err:
                raise ValueError(f"{path}:{number}: {err}") from err


def write_entries(path: Path, entries: Iterable[KBEntry]) -> int:
    """Write entries as JSON Lines (sorted keys inside entries are not needed); returns count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def bundled_path() -> Path:
    return Path(str(resources.files("veille.kb").joinpath("data", "kb.jsonl")))


def user_kb_path() -> Path:
    """Where ``veille kb add`` and ``veille kb import-wikidata`` keep the user's entries."""
    return Path(platformdirs.user_data_dir("veille")) / "kb.jsonl"


def load_kb(paths: Iterable[Path]) -> KnowledgeBase:
    """A knowledge base from files in order (later keys replace earlier); missing files skipped."""
    kb = KnowledgeBase()
    for path in paths:
        if path.is_file():
            for entry in read_entries(path):
                kb.add(entry)
    return kb


def get_kb(extra: str | None = None) -> KnowledgeBase:
    """The knowledge base of this installation: bundled, then the user file, then ``extra``
    (``settings.kb_path``). Cached per ``extra``; callers at the edges (the CLI, the engines,
    the API) load it once and pass it in, so a per-document function never reads the machine."""
    return _default_kb(extra)


@lru_cache(maxsize=4)
def _default_kb(extra: str | None) -> KnowledgeBase:
    paths = [bundled_path(), user_kb_path()] + ([Path(extra)] if extra else [])
    return load_kb(paths)


def add_to_file(target: Path, entries: Iterable[KBEntry]) -> tuple[int, int]:
    """Merge entries into a KB file by key (a new entry replaces an old one with its key).

    Returns (added, replaced). New entries stream to a temporary file (only their keys stay in
    memory, so a dump import does not hold every entity), then the old entries they do not
    replace follow; the temporary file replaces the target at the end, so an interrupted run
    leaves the old file intact. The process-wide KB is reloaded on next use.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    seen: set[str] = set()
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for entry in entries:
                if entry.key not in seen:
                    seen.add(entry.key)
                    fh.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
            replaced = 0
            for old in read_entries(target) if target.is_file() else ():
                if old.key in seen:
                    replaced += 1
                else:
                    fh.write(json.dumps(old.to_dict(), ensure_ascii=False) + "\n")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(target)
    _default_kb.cache_clear()
    return len(seen) - replaced, replaced
