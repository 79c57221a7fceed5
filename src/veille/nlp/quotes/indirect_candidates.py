"""The tokens of a Doc where an indirect-speech rule may start a statement (:mod:`.indirect`).

A source preposition or a source phrase's last word, a relative's first word, or a cue verb by
lemma or form: every other token makes the rules return None at their first test, so the walk
over a sentence skips it (a superset: the rules still decide). Computed once per Doc and pack
from the Doc's shared hash columns (:mod:`veille.nlp.tokens`), each distinct string tested once
per pack.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from spacy.strings import StringStore
from spacy.tokens import Doc

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cues import cue_words
from veille.nlp.quotes.indirect_forms import form_words
from veille.nlp.scope import current_pack
from veille.nlp.tokens import ids

_CANDIDATES = "veille.quotes.indirect_candidates."
_VERBS = "veille.quotes.indirect_verbs."

_SEEN_MAX = 100_000  # distinct strings the candidate test remembers (about 10 MB)

# What a candidate may start (bits of a kind): a reporting or stance verb (``_from_verb``); a
# source preposition, opinion opener or relative's first word (``from_source``,
# ``from_relative``, ``from_speech_noun``); the last word of a source phrase, which is only a
# source when the phrase stands before it ("de" of "de l'avis de", a word of most sentences).
VERB, SOURCE, PHRASE_END = 1, 2, 4


def candidate_kinds(doc: Doc) -> tuple[list[int], list[int]]:
    """The candidate tokens of ``doc``, in order, and for each its kind: the rules a token of
    that kind may start (the others return None at their first test, so the walk does not
    ask them)."""
    key = _CANDIDATES + current_pack().code
    found = doc.user_data.get(key)
    if not isinstance(found, tuple):
        found = doc.user_data[key] = _scan(doc)
    return found


def verb_candidates(doc: Doc) -> list[int]:
    """The candidates of the verb kind, in order: every token :func:`.cues.reporting_at` may
    accept is one (the verb kind tests its lemma lists, its forms and its glued form)."""
    key = _VERBS + current_pack().code
    found = doc.user_data.get(key)
    if not isinstance(found, list):
        tokens, kinds = candidate_kinds(doc)
        found = doc.user_data[key] = [i for i, kind in zip(tokens, kinds, strict=True)
                                      if kind & VERB]
    return found


def _scan(doc: Doc) -> tuple[list[int], list[int]]:
    first = current_pack().derive(_build_first_words)
    strings = doc.vocab.strings
    if sum(map(len, first.seen)) > _SEEN_MAX:
        for seen in first.seen:  # bounded on a long run; the answers are recomputed as met
            seen.clear()
    # A string's hash is the same in every Doc and vocab, so each is tested once per pack,
    # and in a Doc once per distinct string: an article has a few hundred of each. The
    # columns are the Doc's shared ones (veille.nlp.tokens), read once for every stage; each
    # is mapped to its kinds in C, and only the few hits are read in Python.
    kinds: dict[int, int] = {}
    tests = first.by_lemma, first.by_lower, first.by_text
    for attr, seen, test in zip(("LEMMA", "LOWER", "ORTH"), first.seen, tests, strict=True):
        column = ids(doc, attr)
        try:
            found = _kinds_of(column, seen.kinds)
        except KeyError:  # a string never met (a Doc's strings nearly all were): learnt
            _learn(column, seen, test, strings)
            found = _kinds_of(column, seen.kinds)
        for i in compress(range(len(found)), found):
            kinds[i] = kinds.get(i, 0) | found[i]
    tokens = sorted(kinds)
    return tokens, [kinds[i] for i in tokens]


def _kinds_of(column: list[int], kinds: dict[int, int]) -> Sequence[int]:
    """The kind of each string of ``column``; KeyError for a string never met. One
    ``itemgetter`` over the whole column: a call in C, half the cost of a ``map``."""
    return itemgetter(*column)(kinds) if len(column) > 1 else [kinds[h] for h in column]


def _learn(column: list[int], seen: _Seen, test: Callable[[str], int],
           strings: StringStore) -> None:
    """Test the strings of ``column`` never met before, keeping the kind of each (0: none)."""
    for h in set(column).difference(seen.kinds):
        seen.kinds[h] = test(strings[h])


@dataclass(frozen=True)
class _Seen:
    """The string hashes one candidate test has answered, and the kind of each (0: no
    candidate): one dict, so a column is mapped to its kinds in one pass."""

    kinds: dict[int, int] = dataclasses.field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.kinds)

    def clear(self) -> None:
        self.kinds.clear()


@dataclass(frozen=True)
class _FirstWords:
    """What a token that may start a statement can be, and its kind."""

    lemmas: frozenset[str]  # as spaCy gives them: stance and estimate verbs
    folded_lemmas: frozenset[str]  # case-folded: reporting verbs, pairs, reflexives
    sources: frozenset[str]  # lower case: source prepositions, relatives' first words
    phrase_ends: frozenset[str]  # lower case: source phrases' last words
    opinion: frozenset[str]  # as written: opinion openers ("Pour")
    glued: re.Pattern[str]
    forms: frozenset[str]  # lower case: reporting verbs' forms
    # the string hashes answered, per test (lemma, lower case, text as written)
    seen: tuple[_Seen, _Seen, _Seen] = dataclasses.field(
        default_factory=lambda: (_Seen(), _Seen(), _Seen()))

    def by_lemma(self, lemma: str) -> int:
        return VERB if lemma in self.lemmas or lemma.casefold() in self.folded_lemmas else 0

    def by_lower(self, lower: str) -> int:
        # a space token is a source: the relative test splits
        return ((SOURCE if lower in self.sources or " " in lower else 0)
                | (PHRASE_END if lower in self.phrase_ends else 0)
                | (VERB if lower in self.forms else 0))

    def by_text(self, text: str) -> int:
        found = self.glued.match(text)
        return ((SOURCE if text in self.opinion else 0)
                | (VERB if found is not None and found.group(1) in self.forms else 0))


def _build_first_words(pack: LanguagePack) -> _FirstWords:
    cues, forms = cue_words(), form_words()
    return _FirstWords(
        lemmas=forms.que_only | forms.estimate,
        folded_lemmas=frozenset(cues.pairs.keys() | cues.reflexives | cues.inverted_only
                                | cues.lemmas),
        sources=frozenset(cues.sources.keys() | {low for _, low in cues.split_sources}
                          | {r.split(" ")[0] for r in forms.relatives}),
        phrase_ends=cues.source_phrase_ends,
        opinion=cues.opinion, glued=cues.glued, forms=cues.forms,
    )
