"""Block kinds the layout implies: an interview's questions and answers.

A page lays out an interview as questions set apart from the answers (an ``<h3>`` heading, a
paragraph in bold) followed by the answer's paragraphs. The blocks say so: such a heading is a
``question``, the paragraphs after it up to the next heading its ``answer``. The quote stage
reads these blocks (:mod:`veille.nlp.quotes.blocks`) instead of guessing from line breaks.
"""

from __future__ import annotations

import dataclasses

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
