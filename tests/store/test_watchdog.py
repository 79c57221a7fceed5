"""The budget watchdog: one thread interrupts what runs past its deadline, and nothing else."""

from __future__ import annotations

import threading
import time

from veille.store.watchdog import Watchdog


def test_a_deadline_passed_interrupts_and_a_cancelled_one_does_not() -> None:
    dog = Watchdog()
    late, early = threading.Event(), threading.Event()
    dog.watch(0.05, late.set)
    quick = dog.watch(0.05, early.set)
    dog.cancel(quick)  # its request ended in time
    assert late.wait(5)
    time.sleep(0.1)
    assert not early.is_set()


def test_an_earlier_deadline_wakes_the_thread_sleeping_towards_a_later_one() -> None:
    dog = Watchdog()
    far, near = threading.Event(), threading.Event()
    dog.watch(30, far.set)
    started = time.monotonic()
    dog.watch(0.05, near.set)
    assert near.wait(5)
    assert time.monotonic() - started < 5
    assert not far.is_set()
