"""A reporting cue's subject from word order (nlp/quotes/cue_subjects.py): the noun phrase after
an inverted verb, past a dative complement or a circumstance; the noun phrase before a verb and
its auxiliaries."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from veille.nlp.quotes.cue_subjects import inverted_subject, preposed_subject


def _verb(doc: Doc, word: str) -> Token:
    return next(tok for tok in doc if tok.text == word)


@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("« Nous partirons », a déclaré le ministre Paul Morel.", "déclaré", "le ministre Paul Morel"),
    ("« Oui », déclare à l'AFP Jean Dupont.", "déclare", "Jean Dupont"),  # a dative skipped
    ("« Non », a affirmé mardi le maire.", "affirmé", "le maire"),  # a circumstance skipped
    # an apposition after a comma stays in the subject
    ("« Non », a répondu le ministre belge, Paul Morel.", "répondu",
     "le ministre belge, Paul Morel"),
])
def test_inverted_subject(nlp: Language, text: str, verb: str, subject: str) -> None:
    doc = nlp(text)
    span = inverted_subject(doc, _verb(doc, verb), len(text))
    assert span is not None
    assert text[span[0] : span[1]] == subject


def test_inverted_subject_stops_at_the_limit(nlp: Language) -> None:
    text = "« Non », a déclaré le maire."
    doc = nlp(text)
    assert inverted_subject(doc, _verb(doc, "déclaré"), text.index("le maire")) is None


@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("Le maire de Lyon a déclaré que la ligne rouvrira.", "déclaré", "Le maire de Lyon"),
    ("Paul Morel n'a pas dit que la ligne rouvrira.", "dit", "Paul Morel"),  # clitics skipped
    ("Elle a ajouté que la ligne rouvrira.", "ajouté", "Elle"),
])
def test_preposed_subject(nlp: Language, text: str, verb: str, subject: str) -> None:
    doc = nlp(text)
    span = preposed_subject(doc, _verb(doc, verb), 0)
    assert span is not None
    assert text[span[0] : span[1]] == subject


def test_preposed_subject_not_before_the_floor(nlp: Language) -> None:
    text = "Le maire l'a dit. Il a ajouté que la ligne rouvrira."
    doc = nlp(text)
    span = preposed_subject(doc, _verb(doc, "ajouté"), text.index("Il"))
    assert span is not None and text[span[0] : span[1]] == "Il"
