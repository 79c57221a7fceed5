"""The cue before a direct quote (nlp/quotes/direct.py ``_before_cue``): a source preposition,
an opinion opener or a reporting verb anywhere before the opening mark, the first of them;
only such words are asked, and words inside another quote are no cue.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]
QuoteIn = Callable[[list[Quote], str], Quote]


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), [
    ("Hier à Lyon, Anne Vidal a déclaré devant la presse : « Nous ne céderons rien sur "
     "les salaires. »", "Nous ne céderons", "Anne Vidal", "a déclaré"),
    ("Selon Paul Girard, « la route restera fermée toute la semaine ».",
     "la route restera", "Paul Girard", "selon"),
    ("D'après Marc Dubois, « rien n'a été décidé pendant la réunion ».",
     "rien n'a été", "Marc Dubois", "d'après"),
])
def test_the_first_cue_before_the_quote_attributes_it(
        quote_in: QuoteIn, analyze_text: Analyze, text: str, words: str, speaker: str,
        cue: str) -> None:
    quote = quote_in(analyze_text(text).quotes, words)
    assert quote.speaker == speaker
    assert (quote.cue or "").casefold() == cue


def test_a_verb_inside_an_earlier_quote_is_no_cue(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le maire Jean Morel a parlé d'une « décision qui a déclaré la guerre aux "
            "commerçants » et a ajouté : « Nous ferons appel. »")
    quote = quote_in(analyze_text(text).quotes, "Nous ferons appel")
    assert quote.speaker == "Jean Morel"
    assert quote.cue != "a déclaré"
