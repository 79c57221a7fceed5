"""One thread that interrupts the SQLite statements running past their request's budget.

Each budget used to start a ``threading.Timer``: a thread started and stopped per request, a
good part of a 5 ms request on a busy server. Here every budget of the process registers its
deadline with one long-lived thread, which sleeps until the earliest one and interrupts only
the connections still registered then. Cancelling is a dictionary removal under a lock: the
thread is woken only when a new deadline comes before the one it sleeps towards.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable


class Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[int, tuple[float, Callable[[], None]]] = {}
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None
        self._wakes_at = float("inf")

    def watch(self, seconds: float, interrupt: Callable[[], None]) -> int:
        """Call ``interrupt`` in ``seconds`` unless :meth:`cancel` comes first; the ticket."""
        deadline = time.monotonic() + seconds
        with self._cond:
            ticket = next(self._ids)
            self._pending[ticket] = (deadline, interrupt)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="veille-budget",
                                                daemon=True)
                self._thread.start()
            elif deadline < self._wakes_at:
                self._cond.notify()
        return ticket

    def cancel(self, ticket: int) -> None:
        with self._cond:
            self._pending.pop(ticket, None)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for ticket, (deadline, interrupt) in list(self._pending.items()):
                    if deadline <= now:
                        del self._pending[ticket]
                        interrupt()  # sqlite3 interrupt: quick, and safe from any thread
                self._wakes_at = min((d for d, _ in self._pending.values()),
                                     default=float("inf"))
                self._cond.wait(None if self._pending == {} else self._wakes_at - now)


WATCHDOG = Watchdog()
