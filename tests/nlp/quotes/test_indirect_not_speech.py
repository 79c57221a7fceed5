"""What is not reported speech although a reporting verb is there (nlp/quotes/indirect.py,
cues.py): a negated statement, the author's own aside, an auxiliary that shares a form with a
reporting verb."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


def _indirect(analyze: Analyze, text: str) -> list[str]:
    return [q.text for q in analyze(text).quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text", [
    "La préfète n'a pas affirmé que la digue serait rehaussée avant l'hiver.",
    "Le maire ne dira jamais que la piscine municipale coûte trop cher.",
    # the particle with a typographic apostrophe
    "La préfète n’a pas affirmé que la digue serait rehaussée avant l'hiver.",
])
def test_negated_reporting_verb_reports_nothing(analyze_text: Analyze, text: str) -> None:
    assert _indirect(analyze_text, text) == []


def test_restrictive_ne_que_is_no_negation(analyze_text: Analyze) -> None:
    text = "La préfète n'a pas précisé la date, mais elle a confirmé que la digue serait rehaussée."
    assert _indirect(analyze_text, text) == ["la digue serait rehaussée"]


@pytest.mark.parametrize("text", [
    "Soulignons que la ligne de tramway doit ouvrir au printemps prochain.",
    "Notons que le conseil municipal siégera de nouveau en mars.",
])
def test_author_aside_in_first_person_is_no_quote(analyze_text: Analyze, text: str) -> None:
    assert _indirect(analyze_text, text) == []


def test_auxiliary_is_never_a_cue(analyze_text: Analyze) -> None:
    # "sera" is also in the forms list: as the auxiliary of a passive it reports nothing
    text = "Son mandat sera écourté par le fait que le conseil a voté sa dissolution en mai."
    assert _indirect(analyze_text, text) == []
