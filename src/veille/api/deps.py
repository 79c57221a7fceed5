"""What every route needs: the store, the settings, the ingest token, paging.

Readers never wait on each other: a route reads in a worker thread (:meth:`StoreHandle.read`,
or FastAPI's thread pool for a plain ``def`` route), and :meth:`StoreHandle.use` gives each
thread a read-only connection of its own (SQLite in WAL mode serves them beside the writer).
Only writes (:meth:`StoreHandle.write`) share the main connection, under a lock. A store that
cannot open a second connection (``:memory:``) falls back to that lock for everything. Every
use runs within ``settings.query_timeout``.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from veille.resolve.timeline import date_span
from veille.settings import Settings
from veille.store.base import Store

# A date of year, month or day precision, as the store keeps them ("2025", "2025-08", "2025-08-15").
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT = 200
# Store ids are SQLite/PostgreSQL 64-bit integers: a larger path parameter is a 422, not a 500.
MAX_ID = 2**63 - 1
T = TypeVar("T")


class StoreHandle:
    def __init__(self, store: Store, query_timeout: float | None = None) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._shared = False  # set once the store says it cannot open readers
        self.query_timeout = query_timeout
        # One extraction at a time: a spaCy pipeline is not safe to run from two threads.
        self.extract_lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        """A store to read from, this thread's own; queries past the budget raise QueryTimeout."""
        reader = None if self._shared else self._reader()
        if reader is None:
            with self.write() as store, store.budget(self.query_timeout):
                yield store
            return
        with reader.budget(self.query_timeout):
            yield reader

    async def read(self, view: Callable[..., T], *args: Any) -> T:
        """``view(store, *args)`` in a worker thread, with that thread's reader.

        For ``async def`` routes: a plain ``def`` route, its plain ``def`` dependencies and
        the check of its response each cost FastAPI a trip to the thread pool, about 0.2 ms
        of CPU apiece and a wait behind the other requests' work; a route that reads here
        makes one trip (issue 15).
        """
        def in_thread() -> T:
            with self.use() as store:
                return view(store, *args)

        return await run_in_threadpool(in_thread)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The main store, one writer at a time (no budget: a write is never cut short)."""
        with self._lock:
            yield self._store

    def _reader(self) -> Store | None:
        reader: Store | None = getattr(self._local, "store", None)
        if reader is None:
            reader = self._store.reader()
            if reader is None:
                self._shared = True
                return None
            self._local.store = reader
            with self._lock:
                self._readers.append(reader)
        return reader

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._store.close()


# The dependencies below are ``async def`` because they never block: FastAPI runs a plain
# ``def`` dependency in the thread pool (see :meth:`StoreHandle.read`).
async def get_handle(request: Request) -> StoreHandle:
    handle: StoreHandle = request.app.state.handle
    return handle


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# auto_error=False: the answer depends on the server's settings too (403 vs 401), decided below.
bearer = HTTPBearer(auto_error=False, description="settings.api_token (VEILLE_API_TOKEN)")


async def require_token(
    settings: Annotated[Settings, Depends(get_settings_dep)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """403 when the server has no token (read-only), 401 when the caller's token is wrong."""
    if not settings.api_token:
        raise HTTPException(403, "this server is read-only: set VEILLE_API_TOKEN to enable ingest")
    given = credentials.credentials if credentials else ""
    # compare_digest: the time taken must not tell how much of the token was right.
    if not hmac.compare_digest(given.encode(), settings.api_token.encode()):
        raise HTTPException(401, "missing or wrong token (send Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})


@dataclass
class Paging:
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


Handle = Annotated[StoreHandle, Depends(get_handle)]
Page = Annotated[Paging, Depends(paging)]


def real_date(value: str | None) -> str | None:
    """A bound the pattern lets through must also be a real month and day ("2025-13" is
    not): a 422 that says so, not a 500 from the filter."""
    if value is not None:
        date_span(value)  # its ValueError becomes the 422's message
    return value


Since = Annotated[str | None, AfterValidator(real_date),
                  Query(pattern=DATE_PATTERN, description="From this date (ISO, any precision).")]
Until = Annotated[str | None, AfterValidator(real_date),
                  Query(pattern=DATE_PATTERN,
                        description="Up to this date, included (ISO, any precision).")]
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="A store entity id.")]
