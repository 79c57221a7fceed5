"""The pack's token patterns matched where they can match, not over every token.

spaCy's ``Matcher`` and ``DependencyMatcher`` walk every token of the Doc in Python (a Token
object per position, a Python call per ``IN`` predicate): about 2 µs a token and pattern, which
made them a sixth of the quote stage on a news article although their words occur a few times
in it. Here the tokens a pattern can start from are found on the Doc's attribute arrays
(``doc.to_array``) and only those are read:
- :class:`AnchoredMatcher` runs the ``Matcher`` over windows around the required words of its
  patterns (a pattern of bounded length matches nowhere else), with the same matches;
- :class:`DependencyPattern` matches ``DependencyMatcher`` patterns whose every node hangs on
  the first one, with spaCy's meaning of each relation operator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, product
from typing import Any

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from veille.nlp.tokens import ids

# The token attributes a required word may be read from, and the operators of a pattern token
# that keep its length bounded (``None``: exactly once).
_ANCHOR_ATTRS = ("LOWER", "ORTH")
_BOUNDED_OPS = (None, "1", "?", "!")
Anchor = tuple[str, frozenset[int], int]  # attribute, its value ids, the pattern's max length


class AnchoredMatcher:
    """A ``Matcher`` over ``patterns``, run only around the words each pattern requires.

    A pattern with a required token of fixed ``LOWER``/``ORTH`` (a string or ``IN`` list) and
    no unbounded operator lies within its length of an occurrence of that word; the windows
    around the occurrences are merged and matched one by one. Any other pattern makes the
    matcher read the whole Doc, as ``Matcher`` does.
    """

    def __init__(self, matcher: Matcher, patterns: Sequence[Sequence[Mapping[str, Any]]]):
        self.matcher = matcher
        # attribute -> word id -> the longest pattern anchored on it; None: read the whole Doc
        self.anchors: dict[str, dict[int, int]] | None = {}
        for anchor in map(_anchor, patterns):
            if anchor is None:
                self.anchors = None
                break
            attr, ids, length = anchor
            lengths = self.anchors.setdefault(attr, {})
            for word in ids:
                lengths[word] = max(length, lengths.get(word, 0))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` as ``matcher(doc)`` gives them, in document order."""
        if self.anchors is None or not len(doc):
            return [(int(k), s, e) for k, s, e in self.matcher(doc)]
        found = []
        for a, b in _windows(doc, self.anchors):
            found += [(int(k), s + a, e + a) for k, s, e in self.matcher(doc[a:b])]
        return found


def _anchor(pattern: Sequence[Mapping[str, Any]]) -> Anchor | None:
    if any(t.get("OP") not in _BOUNDED_OPS for t in pattern):
        return None
    for token in pattern:
        if token.get("OP") is not None:
            continue
        for attr in _ANCHOR_ATTRS:
            value = token.get(attr)
            words = [value] if isinstance(value, str) else (
                value.get("IN") if isinstance(value, dict) and len(value) == 1 else None)
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                return attr, frozenset(get_string_id(w) for w in words), len(pattern)
    return None


def _windows(doc: Doc, anchors: dict[str, dict[int, int]]) -> Iterator[tuple[int, int]]:
    """Disjoint token ranges, in order, holding every match of the anchored patterns."""
    ranges: list[tuple[int, int]] = []
    for attr, lengths in anchors.items():
        # the occurrences found in C (a dict lookup mapped over the column: np.isin costs more
        # than this on an article); the column is the Doc's shared one (veille.nlp.tokens),
        # read once for every stage
        column = ids(doc, attr)
        for p in compress(range(len(column)), map(lengths.__contains__, column)):
            length = lengths[column[p]]
            ranges.append((max(0, p - length + 1), min(len(doc), p + length)))
    ranges.sort()
    start, end = -1, -1
    for a, b in ranges:
        if a > end:
            if end > start:
                yield start, end
            start = a
        end = max(end, b)
    if end > start:
        yield start, end


# spaCy's DependencyMatcher operators this module reads, with spaCy's definitions.
_RELATIONS: dict[str, Callable[[Token], Iterator[Token]]] = {
    ">": lambda t: t.children,
    ">--": lambda t: t.lefts,
    ">++": lambda t: t.rights,
    "<": lambda t: iter(() if t.head == t else (t.head,)),
}


class DependencyPattern:
    """A ``DependencyMatcher`` pattern whose every node hangs on the first one, matched as
    spaCy matches it: every combination of tokens that satisfies the attributes of each node
    (a string or an ``IN`` list) and its relation to the first node. ``ValueError`` for a
    pattern of any other form."""

    def __init__(self, pattern: Sequence[Mapping[str, Any]]) -> None:
        first = pattern[0]["RIGHT_ID"]
        for node in pattern[1:]:
            if node.get("LEFT_ID") != first or node.get("REL_OP") not in _RELATIONS:
                raise ValueError(f"dependency pattern {pattern!r}: every node must hang on the "
                                 f"first with one of {sorted(_RELATIONS)}")
        self.tests = [_attr_ids(node["RIGHT_ATTRS"]) for node in pattern]
        self.relations = [_RELATIONS[node["REL_OP"]] for node in pattern[1:]]
        if not self.tests[0]:
            raise ValueError(f"dependency pattern {pattern!r}: its first node needs attributes")

    def __call__(self, doc: Doc, roots: Iterable[int] | None = None) -> list[list[int]]:
        """The token indices of each match, in node order. ``roots``: the tokens the first
        node may match, in text order (any that hold its matches), when the caller knows a
        few; else every token is tried."""
        columns = {a: ids(doc, a) for test in self.tests for a in test}

        def fits(k: int, i: int) -> bool:
            return all(columns[a][i] in values for a, values in self.tests[k].items())

        attr, first = next(iter(self.tests[0].items()))
        found = []
        if roots is None:
            roots = [i for i, v in enumerate(columns[attr]) if v in first]
        for root in roots:
            if not fits(0, root):
                continue
            token = doc[root]
            options = [[t.i for t in relation(token) if fits(k + 1, t.i)]
                       for k, relation in enumerate(self.relations)]
            found += [[root, *combo] for combo in product(*options)]
        return found


def _attr_ids(attrs: Mapping[str, Any]) -> dict[str, frozenset[int]]:
    """Each attribute of a pattern node and the ids of its allowed values (a string or an
    ``IN`` list); ``ValueError`` for any other form."""
    tests = {}
    for attr, value in attrs.items():
        words = [value] if isinstance(value, str) else (
            value.get("IN") if isinstance(value, dict) and len(value) == 1 else None)
        if attr not in IDS or not isinstance(words, list):
            raise ValueError(f"dependency pattern attribute {attr}: {value!r} is not read here")
        tests[attr] = frozenset(get_string_id(w) for w in words)
    return tests
