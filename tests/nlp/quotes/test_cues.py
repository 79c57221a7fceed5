"""Which tokens are reporting verbs (nlp/quotes/cues.py ``reporting_at``): a listed verb, a
listed word the tagger took for a noun right before "que", a reflexive lemma only with its
pronoun, an inverted-only lemma only with an inverted pronoun, a verb pair, a glued verb."""

from __future__ import annotations

import pytest
from spacy.language import Language

from veille.nlp.quotes.cues import reporting_at


@pytest.mark.parametrize(("text", "verbs"), [
    ("Il a dit que la route fermera.", ["dit"]),
    ("La note du ministre est parue.", []),  # a listed form, as a noun
    ("Le projet sera voté, a-t-on appris mardi.", ["appris"]),  # inverted: the newsroom's
    ("Ils ont appris la nouvelle lundi.", []),  # the same lemma with no inverted pronoun
    ("Le maire s'est félicité du vote.", ["félicité"]),  # reflexive, with its pronoun
    ("Le maire a félicité les élus.", []),  # the same lemma without it
    ("Paul Morel juge que la réforme tiendra.", ["juge"]),  # tagged a noun, before "que"
    ("Le juge qu'il a vu est parti.", []),  # a noun after its determiner
    ("Trump ditPlus tard que tout irait bien.", ["ditPlus"]),  # glued by a scraper
    ("Il a fait savoir que le budget tiendrait.", ["fait"]),  # the pair's head
])
def test_reporting_verbs_of_a_sentence(nlp: Language, text: str, verbs: list[str]) -> None:
    doc = nlp(text)
    assert [tok.text for tok in doc if reporting_at(doc, tok.i)] == verbs
