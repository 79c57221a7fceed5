"""The model's attribute ruler, made fast where its rules are one-token tests.

fr_core_news_md's ``attribute_ruler`` has 23 rules: twenty "a token whose part of speech is X
gets the tag X", and three for spaces. spaCy runs them as a ``Matcher`` and sets each match
through a ``Span`` and a ``Token``: about 1 ms of a 900-character article, twice the
morphologizer. When every rule of a ruler matches one token by tests on its attributes (an
exact value, a flag such as ``IS_SPACE``, ``IN``/``NOT_IN`` a list), those tests are columns of
``Doc.to_array`` compared at once with numpy, and :class:`FastAttributeRuler` writes the rules'
attributes with one ``Doc.from_array``. Like spaCy it finds every match on the Doc as it came
in, then applies the rules in the order they were added, a later one overriding an earlier
one, and it writes the values the ruler itself normalized (its ``attrs``: string ids, the part
of speech's id, the morphology's key). A ruler with any other kind of rule is left in place
(:func:`rule_tests` returns ``None``).
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import IDS, MORPH, NORM
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from thinc.types import Ints2d

from veille.nlp.standin import StandIn

# Attributes a rule may test by value: POS by its enum id, the others by string id.
_VALUED = frozenset({"POS", "TAG", "DEP", "ORTH", "LOWER", "NORM", "LEMMA", "ENT_TYPE"})
# Attributes a rule may write: token attributes only (spaCy also writes the lexeme for the
# lexical ones, which this pipe does not do). NORM is written on the token only by spaCy too.
_WRITTEN = frozenset({IDS["TAG"], IDS["POS"], IDS["DEP"], IDS["LEMMA"], MORPH, NORM})

_NO_ID = 2**64 - 1

# One test: (attribute, accepted ids, negated). A rule: its patterns (each a list of tests,
# all to hold), the attributes it writes and the token it writes them on.
Test = tuple[str, frozenset[int], bool]
Rule = tuple[list[list[Test]], dict[int, int]]


def rule_tests(ruler: AttributeRuler) -> list[Rule] | None:
    """``ruler``'s rules as one-token tests and the values they write, in the ruler's order, or
    ``None`` when a rule is not of that kind."""
    rules: list[Rule] = []
    for rule, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True):
        if index not in (0, -1) or not attrs or not set(attrs) <= _WRITTEN:
            return None
        patterns = []
        listed = rule.get("patterns", [])
        for pattern in listed if isinstance(listed, list) else [None]:
            if not isinstance(pattern, list) or len(pattern) != 1:
                return None
            tests = _tests(pattern[0], ruler.vocab.strings)
            if tests is None:
                return None
            patterns.append(tests)
        rules.append((patterns, dict(attrs)))
    return rules or None


def _tests(token: object, strings: StringStore) -> list[Test] | None:
    if not isinstance(token, dict) or not token:
        return None
    tests: list[Test] = []
    for key, value in token.items():
        if key.startswith("IS_") and key in IDS and isinstance(value, bool):
            tests.append((key, frozenset({int(value)}), False))
        elif key in _VALUED and isinstance(value, str):
            tests.append((key, frozenset({_id(key, value, strings)}), False))
        elif key in _VALUED and isinstance(value, dict) and len(value) == 1 and (
                set(value) <= {"IN", "NOT_IN"}):
            ((op, values),) = value.items()
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                return None
            tests.append((key, frozenset(_id(key, v, strings) for v in values), op == "NOT_IN"))
        else:
            return None
    return tests


def _id(key: str, value: str, strings: StringStore) -> int:
    # A part of speech spaCy does not have can be on no token: an id no token has.
    return int(POS_IDS.get(value, _NO_ID)) if key == "POS" else int(strings.add(value))


class FastAttributeRuler(StandIn):
    """A drop-in for the attribute ruler ``stock`` whose rules are ``rules``."""

    def __init__(self, stock: AttributeRuler, rules: list[Rule]) -> None:
        self.stock = stock
        self._use(rules)

    def _use(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.tested = sorted({key for patterns, _ in rules for tests in patterns
                              for key, _, _ in tests})
        # ``Doc.from_array`` re-parses the morphology of every token it is given (a third of a
        # millisecond a Doc): the few tokens whose morphology a rule sets get it one by one.
        self.written = sorted({attr for _, attrs in rules for attr in attrs} - {MORPH})
        # What the rules write on a token is decided by its tested values alone: a few dozen
        # combinations (part of speech, is it a space...), each worked out once.
        self.writes: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = cast(list[list[int]], doc.to_array(
            [IDS[key] for key in self.tested]).reshape(len(doc), -1).tolist())
        rows: dict[tuple[int, ...], list[int]] = {}
        for row, values in enumerate(tested):
            rows.setdefault(tuple(values), []).append(row)
        written: list[int | str] = list(self.written)
        out = doc.to_array(written).reshape(len(doc), -1) if written else None
        morphs: list[tuple[int, int]] = []
        for key, where in rows.items():
            writes = self.writes.get(key)
            if writes is None:
                writes = self.writes[key] = self._writes(dict(zip(self.tested, key, strict=True)))
            for attr, value in writes:
                if attr == MORPH:
                    morphs += [(row, value) for row in where]
                elif out is not None:
                    out[where, self.written.index(attr)] = value
        if out is not None:
            doc.from_array(written, cast(Ints2d, out))
        for row, value in morphs:
            doc[row].set_morph(value)  # type: ignore[attr-defined]
        return doc

    def _writes(self, token: dict[str, int]) -> tuple[tuple[int, int], ...]:
        """What the rules write on a token with these tested values: every matching rule's
        attributes in the rules' order, a later one overriding an earlier one."""
        merged: dict[int, int] = {}
        for patterns, attrs in self.rules:
            if any(all((token[key] in accepted) != negated for key, accepted, negated in tests)
                   for tests in patterns):
                merged.update(attrs)
        return tuple(merged.items())

    def initialize_from_stock(self) -> None:
        rules = rule_tests(self.stock)
        if rules is None:
            raise ValueError("veille_attribute_ruler: the loaded rules are not one-token tests; "
                             "use the model's attribute_ruler instead")
        self._use(rules)
