"""Cheap access to a Doc's text and to the tokens under a character range; name folding.

``Doc.text`` joins every token on each call and ``Doc.char_span`` reads it too, so the quote
extractor, which looks at many small ranges, would be quadratic in the document's length. Both
are computed once per document here and kept in ``doc.user_data``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import cached_property

from spacy.tokens import Doc, Span

from veille.nlp.doctext import text_of as text_of  # re-exported for the quote modules
from veille.nlp.tokens import children as children  # re-exported for the quote modules
from veille.nlp.tokens import ends, heads, ids, offsets, words
from veille.nlp.tokens import features as features  # re-exported
from veille.nlp.tokens import token_range as token_range  # re-exported

_COLUMNS = "veille.quotes.columns"


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens overlapping ``[start, end)`` (``char_span`` with ``alignment_mode="expand"``)."""
    found = columns(doc).tokens_in(start, end)
    return doc[found[0] : found[1]] if found is not None else None


class Strings(dict[int, str]):
    """One token attribute of a Doc as strings, each looked up when first read: the rules read
    a few tokens' lower case, and turning the whole column into strings cost more than that.
    A dict filled as tokens are read: a token read again is a plain subscript, with no call
    into Python (the rules read the same few tokens many times)."""

    def __init__(self, doc: Doc, attr: str) -> None:
        super().__init__()
        self._ids = ids(doc, attr)
        self._strings = doc.vocab.strings

    def __missing__(self, i: int) -> str:
        h = self._ids[i]
        found = self[i] = self._strings[h] if h else ""
        return found

    def __len__(self) -> int:
        return len(self._ids)


class Features(dict[int, Mapping[str, tuple[str, ...]]]):
    """Each token's morphological features (:func:`veille.nlp.tokens.features`), read as
    asked and then a plain subscript: the rules ask the same few tokens' verb form, person
    and tense many times, and each ``features`` call reads the Doc's column again."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self._doc = doc
        self._morphs = ids(doc, "MORPH")
        # morphology hash -> its features: a Doc has a few dozen distinct ones
        self._by_morph: dict[int, Mapping[str, tuple[str, ...]]] = {}

    def __missing__(self, i: int) -> Mapping[str, tuple[str, ...]]:
        h = self._morphs[i]
        found = self._by_morph.get(h)
        if found is None:
            found = self._by_morph[h] = features(self._doc, i)
        self[i] = found
        return found


def lowers(doc: Doc) -> Strings:
    """Each token's lower case (``token.lower_``), read as asked."""
    return columns(doc).lower


class Columns:
    """The token columns the quote rules read, each fetched from :mod:`veille.nlp.tokens` on
    its first use in a Doc and then a plain attribute: a rule asks for several columns on each
    call, and a look-up per column and call cost more than the rule's own tests."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._children: dict[int, list[int]] = {}

    @cached_property
    def orth(self) -> Strings:
        # read as asked, like ``lower``: the rules read a few tokens' text, and no other
        # stage turns the whole column into strings
        return Strings(self._doc, "ORTH")

    @cached_property
    def pos(self) -> list[str]:
        return words(self._doc, "POS")

    @cached_property
    def lemma(self) -> list[str]:
        return words(self._doc, "LEMMA")

    @cached_property
    def dep(self) -> list[str]:
        return words(self._doc, "DEP")

    @cached_property
    def lower(self) -> Strings:
        return Strings(self._doc, "LOWER")

    @cached_property
    def feats(self) -> Features:
        return Features(self._doc)

    @cached_property
    def starts(self) -> list[int]:
        return offsets(self._doc)

    @cached_property
    def ends(self) -> list[int]:
        return ends(self._doc)

    @cached_property
    def space(self) -> list[int]:
        return ids(self._doc, "IS_SPACE")

    @cached_property
    def punct(self) -> list[int]:
        return ids(self._doc, "IS_PUNCT")

    @cached_property
    def sent_start(self) -> list[int]:
        return ids(self._doc, "SENT_START")

    @cached_property
    def heads(self) -> list[int]:
        return heads(self._doc)

    @cached_property
    def children(self) -> list[list[int]]:
        return children(self._doc)

    def tokens_in(self, start: int, end: int) -> tuple[int, int] | None:
        """:func:`token_range` of the characters ``[start, end)``, on this object's offsets:
        the rules ask it of every sentence, content and clause, and ``token_range`` fetches
        the Doc's two offset columns on each call."""
        starts, stops = self.starts, self.ends
        i = max(0, bisect_right(starts, start) - 1)
        if i < len(starts) and stops[i] <= start:
            i += 1
        j = bisect_left(starts, end)
        return (i, j) if i < j else None

    def children_of(self, i: int) -> list[int]:
        """Token ``i``'s children, in text order (``Token.children``), read from the parse
        for the few tokens asked (cue verbs and their auxiliaries): the index of every
        token's children (:attr:`children`) cost more than these questions."""
        found = self._children.get(i)
        if found is None:
            found = self._children[i] = [c.i for c in self._doc[i].children]
        return found


def columns(doc: Doc) -> Columns:
    """The quote rules' columns of ``doc`` (:class:`Columns`), one object per Doc."""
    found = doc.user_data.get(_COLUMNS)
    if not isinstance(found, Columns):
        found = doc.user_data[_COLUMNS] = Columns(doc)
    return found


def fold(text: str) -> str:
    """Lower case, accents off, hyphens and apostrophes as spaces: how names compare here."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.]", " ", text).split())
