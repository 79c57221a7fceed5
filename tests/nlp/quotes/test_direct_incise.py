"""A quote followed by its inverted cue: an object clitic before the verb ("lui", "leur")
does not make the clause's subject preposed; the name after the verb speaks.

The articles are the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]

OPENING = ("Le préfet Moussa Ndiaye a visité le marché mardi. Il a salué les commerçants.\n\n")


@pytest.mark.parametrize(("cue", "speaker"), [
    ("lui a demandé Awa Diallo, une cliente venue de Dakar", "Awa Diallo"),
    ("leur a lancé Awa Diallo", "Awa Diallo"),
    ("a répondu Awa Diallo", "Awa Diallo"),
])
def test_a_clitic_before_the_inverted_cue_leaves_the_name_after_it_the_speaker(
        analyze_text: Analyze, cue: str, speaker: str) -> None:
    text = OPENING + f"« Vous restez ouverts le dimanche ? » {cue}."
    quotes = [q for q in analyze_text(text).quotes if "dimanche" in q.text]
    assert [(q.speaker, q.speaker_via) for q in quotes] == [(speaker, "incise")]


def test_a_preposed_subject_with_a_clitic_still_speaks(analyze_text: Analyze) -> None:
    text = OPENING + "« Nous restons ouverts », Moussa Ndiaye leur a assuré."
    quotes = [q for q in analyze_text(text).quotes if "restons" in q.text]
    assert [q.speaker for q in quotes] == ["Moussa Ndiaye"]
