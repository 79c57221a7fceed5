"""A parsed Doc's dependency tree as plain lists, for the speaker rules that walk it.

The speaker rules read the parse around every mention and every subject of a document
(children, the head of a span, a token's morphology). Through ``Token`` objects each step
made a new object and crossed into spaCy's C structs; here the columns of
:mod:`veille.nlp.tokens` are read once per document, and the answers are the ones spaCy's
``Token.children``, ``Span.root`` and ``MorphAnalysis.get`` give.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from veille.nlp import tokens

_KEY = "veille.quotes.tree"
# Label sets -> their ids, for every Doc: a string's id is its hash (or a symbol's fixed
# number), the same in every vocab; the rules ask for a dozen sets.
_LABEL_IDS: dict[frozenset[str], frozenset[int]] = {}


class Tree:
    """The token columns of one parsed Doc, and the children of each token.

    Labels stay string-store hashes until asked for (``dep(i)``, ``pos(i)``...): a rule reads
    a few tokens of a document, and turning every token's hash into a string cost as much as
    the Token objects this replaces."""

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        self.idx = tokens.offsets(doc)
        self.end = tokens.ends(doc)
        self.head = tokens.heads(doc)
        self._doc = doc
        self._strings = doc.vocab.strings
        # the label columns as hashes, for loops that compare them with :meth:`hashes`
        self.deps = tokens.ids(doc, "DEP")
        self.tags = tokens.ids(doc, "POS")
        self._columns: dict[str, list[int]] = {}
        self._with_dep: dict[frozenset[str], list[int]] = {}

    def dep(self, i: int) -> str:
        """Token ``i``'s dependency label (``token.dep_``)."""
        return self._strings[self.deps[i]] if self.deps[i] else ""

    def pos(self, i: int) -> str:
        """Token ``i``'s universal part of speech (``token.pos_``)."""
        return self._strings[self.tags[i]] if self.tags[i] else ""

    def lower(self, i: int) -> str:
        """Token ``i`` in lower case (``token.lower_``)."""
        return self._word(i, "LOWER")

    def lemma(self, i: int) -> str:
        """Token ``i``'s lemma (``token.lemma_``)."""
        return self._word(i, "LEMMA")

    def _word(self, i: int, attr: str) -> str:
        found = self._column(attr)[i]
        return self._strings[found] if found else ""

    def _column(self, attr: str) -> list[int]:
        # the columns this Tree reads, kept here: one dict look-up, not tokens.ids' three
        found = self._columns.get(attr)
        if found is None:
            found = self._columns[attr] = tokens.ids(self._doc, attr)
        return found

    def has_dep(self, i: int, labels: frozenset[str]) -> bool:
        """Whether token ``i``'s dependency label is one of ``labels`` (``token.dep_ in
        labels``), compared as hashes."""
        return self.deps[i] in self.hashes(labels)

    def with_dep(self, labels: frozenset[str]) -> list[int]:
        """The tokens whose dependency label is one of ``labels``, in text order (one list
        per label set: read it, do not change it)."""
        found = self._with_dep.get(labels)
        if found is None:  # kept: the subject and body rules ask for the same labels
            found = self._with_dep[labels] = sorted(
                i for label in self.hashes(labels) for i in _positions(self.deps, label))
        return found

    def hashes(self, labels: frozenset[str]) -> frozenset[int]:
        """``labels`` (dependency labels or parts of speech) as the string store's ids, which
        :attr:`deps` and :attr:`tags` hold."""
        found = _LABEL_IDS.get(labels)
        if found is None:
            found = _LABEL_IDS[labels] = frozenset(self._strings.add(label) for label in labels)
        return found

    @property
    def children(self) -> list[list[int]]:
        """Each token's children, in text order (``Token.children``; the index the other
        components read too)."""
        return tokens.children(self._doc)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens overlapping ``[start, end)`` as ``(first, stop)``; empty when
        ``first >= stop`` (what :func:`~veille.nlp.quotes.doc.span_of` gives as a Span)."""
        i = max(0, bisect_right(self.idx, start) - 1)
        if i < self.size and self.end[i] <= start:
            i += 1
        return i, bisect_left(self.idx, end)

    def root(self, first: int, stop: int) -> int:
        """The token of ``[first, stop)`` nearest the sentence's root (``Span.root``): a root
        itself, else the fewest steps up, the first of equals; a space or punctuation mark
        without children counts as far from it."""
        head = self.head
        for i in range(first, stop):
            if head[i] == i:
                return i
        best, found = self.size, -1
        for i in range(first, stop):
            if first <= head[i] < stop:
                continue
            steps = self._steps_to_root(i)
            if steps < best:
                best, found = steps, i
        return first if found == -1 else found

    def _steps_to_root(self, i: int) -> int:
        if self.is_blank(i) and not self.children[i]:
            return self.size - 1
        steps = 0
        while self.head[i] != i:
            i, steps = self.head[i], steps + 1
        return steps

    def is_blank(self, i: int) -> bool:
        """Token ``i`` is a space or a punctuation mark (``is_space or is_punct``)."""
        return bool(self._column("IS_SPACE")[i] or self._column("IS_PUNCT")[i])

    def feature(self, i: int, field: str) -> list[str]:
        """The values of the morphological feature ``field`` of token ``i``
        (``token.morph.get(field)``): ``["Fem"]``, or ``[]`` when it has none."""
        return list(tokens.features(self._doc, i).get(field, ()))


def _positions(column: list[int], value: int) -> list[int]:
    """Where ``value`` occurs in ``column``: ``list.index`` skips the rest in C, where a
    comprehension tested every token in Python (a label is on a tenth of them or fewer)."""
    found = []
    i = -1
    try:
        while True:
            i = column.index(value, i + 1)
            found.append(i)
    except ValueError:
        return found


def tree_of(doc: Doc) -> Tree:
    """The document's :class:`Tree`, built on first use and kept in ``doc.user_data``."""
    found = doc.user_data.get(_KEY)
    if not isinstance(found, Tree) or found.size != len(doc):
        found = doc.user_data[_KEY] = Tree(doc)
    return found
