"""Block kinds the layout implies: an interview's questions and answers, signed quote boxes.

A page lays out an interview as questions set apart from the answers (an ``<h3>`` heading, a
paragraph in bold) followed by the answer's paragraphs. The blocks say so: such a heading is a
``question``, the paragraphs after it up to the next heading its ``answer``. The quote stage
reads these blocks (:mod:`veille.nlp.quotes.blocks`) instead of guessing from line breaks.
"""

from __future__ import annotations

import dataclasses
import re

from veille.model import Block

# A page is an interview when at least this many set-apart questions are each followed by an
# answer: one heading ending with "?" is a rhetorical intertitle ("Et maintenant ?").
_MIN_QUESTIONS = 2
# Marks that may close a question after its "?" (a question quoting a title).
_CLOSERS = " \t\"'»”)…"


def is_question(text: str) -> bool:
    """Text that asks: its last sentence ends with a question mark."""
    return text.rstrip(_CLOSERS).endswith("?")


def interview_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with an interview's headings as questions and the paragraphs after each as
    its answer; unchanged when the layout shows no interview. A heading that asks nothing
    after the first question ends the interview (a box after it, "Pour approfondir")."""
    kinds = [b.kind for b in blocks]
    asks = [k == "heading" and is_question(text[b.start : b.end]) for k, b in zip(kinds, blocks,
                                                                                   strict=True)]
    answered = [k for k, ask in enumerate(asks)
                if ask and k + 1 < len(blocks) and kinds[k + 1] == "paragraph"]
    if len(answered) < _MIN_QUESTIONS:
        return blocks
    out = list(blocks)
    asking = False
    for k in range(answered[0], len(blocks)):
        if kinds[k] == "heading":
            asking = asks[k]
            if not asking:
                break
            out[k] = dataclasses.replace(blocks[k], kind="question")
        elif asking and kinds[k] == "paragraph":
            out[k] = dataclasses.replace(blocks[k], kind="answer")
    return out


# A quote box signed by its speaker: the words, then a dash and a name, maybe a role after a
# comma ("... m'ont aidée à me relever —Anne Moreau, reporter"). The name is capitalised words.
_DASHES = "—–"
BOX_SIGNATURE = re.compile(
    rf"\s*[{_DASHES}]\s*(?P<name>[^\W\d_][\w.'’-]+(?:\s+(?:[^\W\d_][\w.'’-]+)){{0,3}})"
    rf"(?:\s*,\s*[^,\n{_DASHES}]{{1,60}})?\s*$")
_QUOTE_MARKS = "«»“”\""
# A box is a few sentences; a longer paragraph ending on a signature is an article's.
_MAX_BOX_WORDS = 120


def signature(text: str) -> re.Match[str] | None:
    """The speaker's signature closing a quote box, or None; the name's words capitalised."""
    if not any(dash in text for dash in _DASHES):  # no signature without its dash: no search
        return None
    found = BOX_SIGNATURE.search(text)
    if found is None or found.start() == 0:
        return None
    if not all(word[0].isupper() for word in found["name"].split()):
        return None
    return found


def quote_box_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with each paragraph that is a signed quote box (no quote marks, a few
    sentences, a speaker's signature at its end) as a ``blockquote``: plain text shows a quote
    box so, where HTML has ``<blockquote>``."""
    if not any(dash in text for dash in _DASHES):  # no signature without its dash: none read
        return list(blocks)
    out = []
    for block in blocks:
        words = text[block.start : block.end]
        if (block.kind == "paragraph" and signature(words) is not None
                and not any(mark in words for mark in _QUOTE_MARKS)
                and len(words.split()) <= _MAX_BOX_WORDS):
            block = dataclasses.replace(block, kind="blockquote")
        out.append(block)
    return out
