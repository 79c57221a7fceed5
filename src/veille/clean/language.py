"""The language of a document, told from its text with py3langid.

py3langid was measured against lingua-language-detector 2.1.1 on short news texts (README,
"Language"): both named every French and English text of our samples and of the dev set, but
py3langid took 0.1-1.3 ms a text and 1.3 s to load where lingua took 3-16 ms and 36 s with its
models preloaded (and missed "Macron arrives in Berlin"). It scores every one of its 97
languages, so a Spanish page is "es", not forced into French or English.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

import numpy
import py3langid
from py3langid import langid as py3langid_model

# Below this many words a text tells nothing reliable about its language: a name alone
# ("Emmanuel Macron") or a caption reads as Italian or English as well as French.
_MIN_WORDS = 4
# The start of a long text is enough, and keeps the cost bounded: py3langid's walk costs
# 0.6-0.9 ms a 1,000 characters (its own, one Python step a byte). 3,000 characters name the
# same language as 20,000 on every seed, dev and test document.
_MAX_CHARS = 3_000
_WORD = re.compile(r"[^\W\d_]{2,}")
# py3langid 0.4.0's byte automaton forgets where it was after this many bytes: every 6-byte
# word takes every one of its 104,583 states to one same state (checked over all words, state
# sets merged, once). So the state at a byte is the one reached from the start state over the
# 6 bytes up to it, and the walk is 6 array look-ups over the whole text instead of one
# Python step a byte (issue 15: 0.5 ms of a 900-character article). Another version's model
# may remember longer: it is left to py3langid's own walk.
_MEMORY_BYTES = 6
_CHECKED_VERSION = "0.4.0"

UNDETERMINED = "und"


@dataclass(frozen=True)
class _Model:
    """py3langid's identifier and its automaton as arrays."""

    identifier: Any
    moves: numpy.ndarray[Any, Any]  # the next state at (row base of a state + byte)
    row_base: numpy.ndarray[Any, Any]  # each state's offset in ``moves``
    feature: numpy.ndarray[Any, Any]  # the feature a state emits, or -1
    weights: _CastRows
    tally: _Tally


class _CastRows:
    """py3langid's feature scores as float32 rows, each cast once on its first use. They are
    float16, which numpy casts to float32 element by element before each product (a third
    of the cost of a text); a whole float32 copy would hold 57 MB. Rows are appended in the
    order first used (a few thousand of the 100,053 in news): ``slot`` gives each feature's."""

    def __init__(self, table: numpy.ndarray[Any, Any]) -> None:
        self.table = table
        self.slot = numpy.full(len(table), -1, dtype=numpy.intp)
        self.rows = numpy.empty((1024, table.shape[1]), dtype=numpy.float32)
        self.size = 0
        self.lock = threading.Lock()  # two threads appending at once would lose rows

    def of(self, features: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
        """The float32 rows of ``features``: what numpy's cast of the float16 rows gives."""
        slots = self.slot[features]
        if (slots < 0).any():
            with self.lock:
                self._append(numpy.unique(features[self.slot[features] < 0]))
            slots = self.slot[features]  # then the rows: a slot is set once its row is in place
        found: numpy.ndarray[Any, Any] = self.rows[slots]
        return found

    def _append(self, new: numpy.ndarray[Any, Any]) -> None:
        end = self.size + len(new)
        if end > len(self.rows):  # doubled: appending stays linear in the rows cast
            grown = numpy.empty((max(end, 2 * len(self.rows)), self.table.shape[1]),
                                dtype=numpy.float32)
            grown[: self.size] = self.rows[: self.size]
            self.rows = grown
        self.rows[self.size : end] = self.table[new]
        self.slot[new] = numpy.arange(self.size, end)
        self.size = end


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``und`` when it has too few words."""
    sample = text[:_MAX_CHARS]
    if len(list(islice(_WORD.finditer(sample), _MIN_WORDS))) < _MIN_WORDS:  # stop at enough
        return UNDETERMINED
    model = _model()
    if model is None:
        code, _score = py3langid.classify(sample)
        return str(code)
    return classify(sample, model)


def classify(sample: str, model: _Model) -> str:
    """What ``py3langid.classify(sample)`` answers, from the same scores (:func:`scores`)."""
    found = scores(sample, model)
    if found is None:  # no feature at all: py3langid's own answer for that
        return str(py3langid.classify(sample)[0])
    return str(model.identifier.nb_classes[int(found.argmax())])


def scores(sample: str, model: _Model) -> numpy.ndarray[Any, Any] | None:
    """py3langid's score of each language for ``sample``, the same bits as its own
    (``_decide``: ``_sparse_score`` and its folding of aliased labels, in their order), or
    None when its automaton finds no feature in the text."""
    identifier = model.identifier
    visits = _features(numpy.frombuffer(identifier._encode(sample), dtype=numpy.uint8), model)
    if visits is None:
        return None
    features, counts = visits
    weights = model.weights.of(features)
    found: numpy.ndarray[Any, Any] = numpy.log1p(counts) @ weights + identifier.nb_pc
    for first, dupe in identifier._alias_pairs:
        found[first] = max(found[first], found[dupe])
        found[dupe] = py3langid_model.RAW_FLOOR
    return found


def _features(data: numpy.ndarray[Any, Any], model: _Model
              ) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]] | None:
    """The features the automaton emits over ``data`` and their counts, in the order of their
    first emission (py3langid's ``Counter``), or None when it emits none."""
    size = len(data)
    states = numpy.zeros(size, dtype=numpy.intp)
    # The byte ``back`` places before each position moves that position's state; positions
    # closer to the start than ``back`` start from the start state later, as py3langid does.
    for back in range(min(_MEMORY_BYTES, size) - 1, -1, -1):
        tail = states[back:]
        states[back:] = model.moves[model.row_base[tail] + data[: size - back]]
    emitted = model.feature[states]
    emitted = emitted[emitted >= 0]
    if not len(emitted):
        return None
    return model.tally.of(emitted)


class _Tally:
    """Distinct features in the order of their first emission, and their counts, told with
    per-feature scratch arrays (each thread its own, left clean after each text) rather than
    by sorting the emissions twice (issue 15: a third of the cost of a text's features)."""

    def __init__(self, features: int) -> None:
        self.features = features
        self.local = threading.local()

    def of(self, emitted: numpy.ndarray[Any, Any]
           ) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
        first_at, counts = self._scratch()
        at = numpy.arange(len(emitted))
        try:
            numpy.minimum.at(first_at, emitted, at)  # each feature's first emission
            numpy.add.at(counts, emitted, 1)
            found = emitted[first_at[emitted] == at]  # emissions that are their feature's first
            return found, counts[found].astype(numpy.float32)
        finally:
            first_at[emitted] = _NOT_SEEN
            counts[emitted] = 0

    def _scratch(self) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
        found: tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]] | None = getattr(
            self.local, "scratch", None)
        if found is None:
            found = self.local.scratch = (
                numpy.full(self.features, _NOT_SEEN, dtype=numpy.intp),
                numpy.zeros(self.features, dtype=numpy.intp))
        return found


_NOT_SEEN = numpy.iinfo(numpy.intp).max


@cache
def _model() -> _Model | None:
    """py3langid's model as arrays, loaded once; None when this py3langid's inner layout is
    not the one read here (then :func:`py3langid.classify` tells the language)."""
    if py3langid.__version__ != _CHECKED_VERSION:
        return None
    try:
        identifier = py3langid_model._get_identifier()
        moves = numpy.frombuffer(identifier.tk_nextmove,
                                 dtype=numpy.dtype(identifier.tk_nextmove.typecode))
        # The moves are read in place (9.8 million of them: a copy would cost 40-80 MB).
        feature = numpy.asarray(identifier.tk_output, dtype=numpy.intp)
        return _Model(identifier, moves,
                      numpy.asarray(identifier._rowbase, dtype=numpy.intp), feature,
                      _CastRows(identifier.nb_ptc), _Tally(int(feature.max()) + 1))
    except (AttributeError, TypeError, ValueError):
        return None


def document_language(given: str | None, declared: str | None, text: str) -> str:
    """The language a document is in: the caller's word first (a feed or a user who knows),
    then what its text says, then what its page declares (``<html lang>``, which sites often
    leave at their main language on pages in another one), else ``und``."""
    if given:
        return given[:2].lower()
    found = detect_language(text)
    if found != UNDETERMINED:
        return found
    return (declared or UNDETERMINED)[:2].lower() if declared else UNDETERMINED
