"""A parsed Doc's token attributes as plain Python lists, read once per document.

Indexing a Doc (``doc[i]``) or iterating it makes a new ``Token`` object every time, and each
attribute read on it crosses from Python into spaCy's C structs: Veille's components, which look
at the same tokens many times, spent more on making Tokens than on their rules. Here each
attribute is read for the whole Doc at once with ``Doc.to_array`` and kept in ``doc.user_data``,
so every component shares it. Valid once the model's pipes have run: Veille's components only
read the Doc (their results go on extensions), so the columns never go stale under them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any, cast

from spacy.attrs import IDS
from spacy.tokens import Doc

_KEY = "veille.tokens"
# Attributes whose values are string-store hashes: ``words`` gives their strings.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE",
                           "SHAPE", "PREFIX", "SUFFIX", "ENT_KB_ID", "MORPH"})
# Attributes that can be negative, which ``to_array``'s unsigned array wraps round.
_SIGNED_ATTRS = frozenset({"HEAD", "SENT_START", "IS_SENT_START"})
# The string store's name for an empty morphology; ``str(token.morph)`` gives "".
_NO_MORPH = "_"


def _cache(doc: Doc) -> dict[object, Any]:
    found = doc.user_data.get(_KEY)
    if not isinstance(found, dict):
        found = doc.user_data[_KEY] = {}
    return found


def ids(doc: Doc, attr: str) -> list[int]:
    """The ``attr`` (a spaCy attribute name: ``"LEMMA"``, ``"SENT_START"``, ``"HEAD"`` ...) of
    every token, as ``Doc.to_array`` gives it (hashes for strings, relative offsets for HEAD)."""
    cache = _cache(doc)
    key = ("ids", attr)
    found = cache.get(key)
    if found is None:
        array = doc.to_array(IDS[attr])
        found = cache[key] = (array.astype("int64") if attr in _SIGNED_ATTRS else array).tolist()
    return cast(list[int], found)


def words(doc: Doc, attr: str) -> list[str]:
    """The string value of ``attr`` for every token (``"LEMMA"`` gives each token's lemma_,
    ``"POS"`` its pos_, ``"MORPH"`` its morph as a string)."""
    if attr not in _STRING_ATTRS:
        raise ValueError(f"{attr} has no string value (use ids)")
    cache = _cache(doc)
    key = ("words", attr)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _strings_of(doc, ids(doc, attr))
        if attr == "MORPH":
            found = cache[key] = ["" if m == _NO_MORPH else m for m in found]
    return cast(list[str], found)


_STRINGS_MAX = 200_000  # hash -> string pairs remembered (about 100 bytes each)
_STRINGS: dict[int, str] = {0: ""}


def _strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (0 gives ""). A string's hash is the same in every vocabulary
    and memory zone, and parts of speech, labels and common lemmas recur in every document, so
    the pairs are remembered: a dictionary read a token in C, and a string-store look-up only
    for a string not seen yet. At most the cap and one document's strings are kept."""
    found: list[str | None] = list(map(_STRINGS.get, hashes))
    if None in found:
        if len(_STRINGS) > _STRINGS_MAX:
            _STRINGS.clear()
            _STRINGS[0] = ""
        strings = doc.vocab.strings
        for i, known in enumerate(found):
            if known is None:
                found[i] = _STRINGS[hashes[i]] = strings[hashes[i]]
    return cast(list[str], found)


def offsets(doc: Doc) -> list[int]:
    """Each token's character offset (``token.idx``)."""
    cache = _cache(doc)
    found = cache.get("idx")
    if found is None:
        found = cache["idx"] = ids(doc, "IDX")
    return cast(list[int], found)


def ends(doc: Doc) -> list[int]:
    """Each token's end offset (``token.idx + len(token)``, before its trailing space)."""
    cache = _cache(doc)
    found = cache.get("end")
    if found is None:
        found = cache["end"] = [i + n for i, n in zip(offsets(doc), ids(doc, "LENGTH"),
                                                      strict=True)]
    return cast(list[int], found)


def heads(doc: Doc) -> list[int]:
    """Each token's head as an absolute token index (``token.head.i``)."""
    cache = _cache(doc)
    found = cache.get("head")
    if found is None:
        found = cache["head"] = [i + rel for i, rel in enumerate(ids(doc, "HEAD"))]
    return cast(list[int], found)


def sentence_starts(doc: Doc) -> list[int]:
    """The token index where each sentence begins, in order (``[s.start for s in doc.sents]``)."""
    cache = _cache(doc)
    found = cache.get("sents")
    if found is None:
        found = cache["sents"] = [s.start for s in doc.sents] if len(doc) else []
    return cast(list[int], found)


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token indices ``(i, j)`` of the tokens overlapping the characters ``[start, end)``
    (``doc.char_span(start, end, alignment_mode="expand")``'s bounds), without making a Span."""
    starts, stops = offsets(doc), ends(doc)
    i = max(0, bisect_right(starts, start) - 1)
    if i < len(starts) and stops[i] <= start:
        i += 1
    j = bisect_left(starts, end)
    return (i, j) if i < j else None


def children(doc: Doc) -> list[list[int]]:
    """Each token's children as token indices, in document order (``token.children``), for
    the whole Doc at once."""
    cache = _cache(doc)
    found = cache.get("children")
    if found is None:
        found = cache["children"] = [[] for _ in range(len(doc))]
        for i, head in enumerate(heads(doc)):
            if head != i:
                found[head].append(i)
    return cast(list[list[int]], found)


_MORPH_MAX = 20_000  # distinct morphologies remembered (a language has a few hundred)
_MORPHS: dict[int, Mapping[str, tuple[str, ...]]] = {}


def features(doc: Doc, i: int) -> Mapping[str, tuple[str, ...]]:
    """The morphological features of token ``i``: field -> values (``token.morph.get``)."""
    h = ids(doc, "MORPH")[i]
    found = _MORPHS.get(h)
    if found is None:
        if len(_MORPHS) > _MORPH_MAX:
            _MORPHS.clear()
        # the string store's hash of a morphology is the same in every vocab
        found = _MORPHS[h] = _parsed_morph(doc.vocab.strings[h] if h else "")
    return found


def _parsed_morph(morph: str) -> Mapping[str, tuple[str, ...]]:
    # spaCy's own form: "Field=Value|Field=Value1,Value2"; "_" or "" when there is none
    pairs = (field.split("=", 1) for field in morph.split("|") if "=" in field)
    return {field: tuple(values.split(",")) for field, values in pairs}
