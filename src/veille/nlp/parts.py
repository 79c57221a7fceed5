"""A long text parsed in parts: bounded memory, the same tokens, one Doc at the end.

spaCy parses a Doc as one sequence: on a 250,000-character text ``fr_core_news_md`` alone peaks
at 1.5 GB, on 1,000,000 at nearly 4 GB. A text longer than the part size is therefore tokenized
whole (the tokenizer is cheap and linear), cut between tokens into parts of at most about that
size, preferably after a line break (a paragraph), else after a sentence's final mark, else
between any two tokens; the parts go through the model's own pipes one at a time and are joined
back with ``Doc.from_docs``. The joined Doc has exactly the tokens, whitespace and text of the
whole one (the parts are slices of it), so every character offset holds. What changes is
the parse of the sentences next to a join (the model no longer sees across it): measured on
generated 250,000-character texts, the tokens whose sentence start, entity, dependency or head
differ all lie within one sentence of a join. Below the part size nothing changes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import cast

from spacy.attrs import NORM
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from thinc.types import Ints2d

# Calibrated with scripts/bench.py's long series: parts of 50,000 characters keep spaCy's peak
# under 800 MB at any length (5,000 gave 650 MB, a whole 250,000 one 1,470 MB) with 20 joins a
# megabyte; every text of the seeds and the dev set is shorter, so their records are unchanged.
PART_CHARS = 50_000

_FINAL_MARKS = frozenset(Sentencizer.default_punct_chars)


def part_bounds(doc: Doc, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` covering ``doc`` in order, each at most ``limit``
    characters unless one token is longer; a single range when the text fits."""
    if not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) <= limit:
        return [(0, len(doc))]
    starts = [token.idx for token in doc] + [doc[-1].idx + len(doc[-1].text_with_ws)]
    lines, sentences = _cut_points(doc)
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(doc):
        last = bisect_right(starts, starts[start] + limit) - 1  # the furthest end that fits
        end = len(doc) if last >= len(doc) else max(start + 1, _best_cut(
            start, last, lines, sentences))
        bounds.append((start, end))
        start = end
    return bounds


def _cut_points(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices a part may start at: after a line break, after a sentence's final mark."""
    lines: list[int] = []
    sentences: list[int] = []
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            lines.append(token.i + 1)
        elif token.whitespace_ and token.text[-1] in _FINAL_MARKS:
            sentences.append(token.i + 1)
    return lines, sentences


def _best_cut(start: int, last: int, lines: list[int], sentences: list[int]) -> int:
    """The latest line break in ``(start, last]``, else the latest sentence end, else ``last``;
    one in the first half of the part is passed over for a better kind later on."""
    half = start + (last - start) // 2
    for points in (lines, sentences):
        i = bisect_right(points, last) - 1
        if i >= 0 and points[i] > half:
            return points[i]
    return last


def parse_in_parts(nlp: Language, doc: Doc, disable: Iterable[str], limit: int = PART_CHARS
                   ) -> Doc:
    """``doc`` (tokenized, not yet parsed) through ``nlp``'s pipes but ``disable``: in one go
    when it fits in ``limit`` characters, else part by part and joined back into one Doc."""
    skip = list(disable)
    bounds = part_bounds(doc, limit)
    if len(bounds) == 1:
        return next(iter(nlp.pipe([doc], disable=skip)))
    # One part at a time (batch_size=1): a batch of parts would take the whole text's memory.
    parts = nlp.pipe(_slices(doc, bounds), batch_size=1, disable=skip)
    joined = Doc.from_docs(list(parts), ensure_whitespace=False)
    joined.user_data.update(doc.user_data)
    return joined


def _slices(doc: Doc, bounds: list[tuple[int, int]]) -> Iterator[Doc]:
    """The token ranges of ``doc`` as Docs of their own, with the tokenizer's norms.

    Not ``Span.as_doc``: it copies the whole Doc's arrays for every part."""
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    norms = doc.to_array([NORM])
    for a, b in bounds:
        part = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
        part.from_array([NORM], cast(Ints2d, norms[a:b]))
        yield part
