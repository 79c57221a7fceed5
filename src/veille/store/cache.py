"""Entity rows kept between reads of one SQLite file, dropped as soon as the file changes.

An entity's row (documents, mentions, the names it went by) is an aggregate over every
document that names it: a person met in 500 documents costs 500 rows read and 500 alias lists
merged, on every article page that names them (3.6 ms of a 5 ms page on the bench store). The
rows only change when a document is added, so the connections of one file (a server's reader
threads) share one cache of them.

Change is seen two ways: a connection's own writes clear the cache when they commit, and
``PRAGMA data_version`` tells a connection that *another* connection (another thread, a
``veille watch`` in another process) committed since it last looked. A read that began before
a change must not store what it read after the cache was cleared: :meth:`EntityCache.put`
takes the generation its reader saw first, and a stale one stores nothing.
"""

from __future__ import annotations

import threading

from veille.store.base import EntityRow

# Rows kept per file: the most read entities are few; a bound keeps a long-running server's
# memory flat whatever the store holds.
MAX_ROWS = 20_000


class EntityCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[int, EntityRow] = {}
        self.generation = 0

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self.generation += 1

    def get(self, ids: list[int]) -> dict[int, EntityRow]:
        with self._lock:
            return {i: self._rows[i] for i in ids if i in self._rows}

    def put(self, generation: int, rows: list[EntityRow]) -> None:
        with self._lock:
            if generation != self.generation:
                return  # read before a change another connection has seen since
            if len(self._rows) + len(rows) > MAX_ROWS:
                self._rows.clear()
            self._rows.update((row.id, row) for row in rows)


_BY_FILE: dict[str, EntityCache] = {}
_BY_FILE_LOCK = threading.Lock()


def cache_for(path: str) -> EntityCache:
    """The cache shared by every connection of this process to the file at ``path``."""
    with _BY_FILE_LOCK:
        return _BY_FILE.setdefault(path, EntityCache())
