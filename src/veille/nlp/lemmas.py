"""The model's own lemmatizer, made fast without changing one lemma.

spaCy's rule lemmatizer (``FrenchLemmatizer`` in fr_core_news_md) spends nearly all its time on
the first sight of a (word, part of speech) pair: it asks ``word in index`` of the
``lemma_index`` table, whose entries are the JSON lists of spacy-lookups-data (66,191 nouns), so
every new pair costs a linear scan (about 0.5 ms; the 2,356 pairs of dev/wikinews cost 1.2 s of
CPU, a quarter of the model's time). Then it walks the Doc token by token in Python.

:class:`FastLemmatizer` keeps spaCy's rules, code and cache key. A pair it has not seen is
resolved by a private copy of the model's lemmatizer (same class, mode and tables) whose index
lists are frozensets: membership is all the rules ask of them, so every answer is the same. The
lemmas of pairs already seen come from a dict keyed like spaCy's cache, read and written for the
whole Doc at once with ``Doc.to_array``/``Doc.from_array``; their strings stay in the string
store past a ``memory_zone``, as many as spaCy's own cache keeps in memory. Like spaCy, it sets
only the lemmas still unset (``token.lemma == 0``) unless the model's lemmatizer overwrites
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from veille.nlp.standin import StandIn

INDEX_TABLE = "lemma_index"


def cache_attrs(stock: Lemmatizer) -> tuple[int, ...] | None:
    """The token attributes that decide ``stock``'s lemma (spaCy's own cache key), or ``None``
    for a lemmatizer whose rules this pipe does not know (it is then left in place)."""
    if stock.mode == "lookup" and type(stock).lookup_lemmatize is Lemmatizer.lookup_lemmatize:
        return (ORTH,)  # the lookup reads token.text only
    if stock.mode != "rule":
        return None
    if type(stock).rule_lemmatize is FrenchLemmatizer.rule_lemmatize:
        return (ORTH, POS)
    if type(stock).rule_lemmatize is Lemmatizer.rule_lemmatize:
        return (ORTH, POS, MORPH)  # is_base_form may read the morphology
    return None


def indexed_copy(stock: Lemmatizer) -> Lemmatizer:
    """A lemmatizer of ``stock``'s class, mode and tables whose index lists are frozensets."""
    copy = type(stock)(stock.vocab, stock.model, stock.name, mode=stock.mode,
                       overwrite=stock.overwrite)
    lookups = Lookups()
    for name in stock.lookups.tables:
        table = stock.lookups.get_table(name)
        if name == INDEX_TABLE:
            fast = lookups.add_table(name)
            for key, forms in table.items():
                fast[key] = frozenset(forms) if isinstance(forms, list) else forms
        else:
            lookups.set_table(name, table)  # read only: shared with the model's lemmatizer
    copy.lookups = lookups
    return copy


class FastLemmatizer(StandIn):
    """A drop-in for the model's lemmatizer ``stock`` (see the module's docstring)."""

    def __init__(self, stock: Lemmatizer, attrs: Sequence[int]) -> None:
        self.stock = stock
        self.resolver = indexed_copy(stock)
        self.attrs = tuple(attrs)
        self.lemmas: dict[tuple[int, ...], int] = {}  # key -> lemma's string-store id

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([LEMMA, *self.attrs])
        lemmas = table[:, 0]
        todo = numpy.arange(len(doc)) if self.stock.overwrite else numpy.flatnonzero(lemmas == 0)
        if not len(todo):
            return doc
        columns = [table[todo, i + 1].tolist() for i in range(len(self.attrs))]
        keys = list(zip(*columns, strict=True))
        found = [self.lemmas.get(key) for key in keys]
        positions = todo.tolist()
        for j, lemma in enumerate(found):
            if lemma is None:
                found[j] = self._resolve(doc, positions[j], keys[j])
        lemmas[todo] = found
        doc.from_array([LEMMA], cast(Ints2d, table[:, :1].copy()))
        return doc

    def _resolve(self, doc: Doc, position: int, key: tuple[int, ...]) -> int:
        """The lemma of the token at ``position`` (first of its key in the Doc) by spaCy's
        rules, as a string-store id. The string is stored for good, not in the current
        ``memory_zone``: the cache keeps its id for later Docs, as spaCy's own cache keeps the
        string (a lemma seen first inside a zone would be gone after it)."""
        known = self.lemmas.get(key)
        if known is None:
            lemma = self.resolver.lemmatize(doc[position])[0]
            known = self.lemmas[key] = doc.vocab.strings.add(  # type: ignore[call-arg]
                lemma, allow_transient=False)
        return known

    def initialize_from_stock(self) -> None:
        """Rebuild the resolver and forget the lemmas after the stock tables changed."""
        self.resolver = indexed_copy(self.stock)
        self.lemmas.clear()
