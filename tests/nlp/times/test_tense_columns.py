"""The tense of a time expression's verb, read from the Doc's columns: the root of a span of
tokens as spaCy's ``Span.root`` gives it, and ``verb_tense`` on each token."""

from __future__ import annotations

from spacy.language import Language

from veille.nlp.times.component import _root, verb_tense

# Our own sentences: a future, a passé composé, a fragment cut off by the parser, punctuation.
TEXT = ("Le ministre se rendra à Lyon vendredi. Il a rencontré les maires lundi, puis "
        "il est attendu dans le Var\nmercredi. « La réunion, prévue jeudi, aura lieu. »")


def test_the_root_of_every_span_is_spacys(nlp: Language) -> None:
    doc = nlp(TEXT)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 8) + 1):
            assert _root(doc, start, end) == doc[start:end].root.i, (start, end)


def test_the_tense_of_a_weekday_is_that_of_its_verb(nlp: Language) -> None:
    doc = nlp(TEXT)
    tenses = {t.text: verb_tense(t) for t in doc if t.text in ("vendredi", "lundi")}
    assert tenses == {"vendredi": "future", "lundi": "past"}
