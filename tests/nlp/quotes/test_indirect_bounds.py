"""Where reported content begins and ends (nlp/quotes/indirect_bounds.py): the quoted words
inside a content that closes on an inverted cue."""

from __future__ import annotations

import pytest

from veille.nlp.quotes.indirect_bounds import quote_within


@pytest.mark.parametrize(("content", "within"), [
    # more words outside the marks than inside: a partial quote inside the clause
    ("Le « modèle », c'est la réponse à la crise, ", True),
    ("« Nous ne céderons rien », ", False),  # the quote is the whole statement
    ("Une « crise » que « personne » ne voit", True),  # marks glued to their words
    ("Il « a dit « non » hier » puis", False),  # nested: one quote of four words, one outside
    ("« a » b", False),  # as many words inside as outside
])
def test_quoted_words_inside_a_content(content: str, within: bool) -> None:
    assert quote_within(content) is within
