"""Times and events on the seed corpus, scored by ../shared/eval/score.py.

Targets of issue #5; the seeds are five articles, so these pin regressions rather than prove
generality (the time grammar has its own suites, the event rules theirs)."""

from __future__ import annotations


def test_time_values_on_the_seeds(seed_scores: dict[str, float]) -> None:
    assert seed_scores["time_value_accuracy"] >= 0.95


def test_event_recall_on_the_seeds(seed_scores: dict[str, float]) -> None:
    assert seed_scores["event_recall"] >= 0.85


def test_event_precision_on_the_seeds(seed_scores: dict[str, float]) -> None:
    # issue #5 asks for 0.8; the clause rules (README, Events) measure 0.952: a change
    # that brings back calls "for" something, denied or anaphoric events falls below 0.9
    assert seed_scores["event_precision"] >= 0.9
