"""Interview turns read from the record's blocks (:mod:`veille.clean.layout`).

Cleaning marks an interview's set-apart questions (``question`` blocks) and the paragraphs that
answer them (``answer``); each question is the interviewer's turn, and the answer paragraphs up
to the next question one turn of the interviewee, whom :mod:`.turn_speakers` names from the
text before the first question (the headline and standfirst: "Entretien avec X"). Without such
blocks the labelled transcript rules of :mod:`.turns` apply.
"""

from __future__ import annotations

from veille.model import Block
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.turn_speakers import plausible_turns
from veille.nlp.quotes.turns import Turn, find_turns


def block_turns(blocks: tuple[Block, ...] | list[Block]) -> list[Turn]:
    """The turns of an interview laid out in question and answer blocks, in order."""
    turns: list[Turn] = []
    for block in blocks:
        if block.kind == "question":
            turns.append(Turn("", "interviewer", block.start, block.end, block.start, ""))
        elif block.kind == "answer":
            last = turns[-1] if turns else None
            if last is not None and last.role == "interviewee":
                turns[-1] = Turn("", "interviewee", last.start, block.end, last.label_start, "")
            else:
                turns.append(Turn("", "interviewee", block.start, block.end, block.start, ""))
    return turns if any(t.role == "interviewer" for t in turns) else []


def layout_turns(table: EntityTable, text: str, blocks: tuple[Block, ...], title: str | None,
                 publisher: str | None) -> list[Turn]:
    """An interview's turns from its blocks, else a transcript's labelled turns."""
    return block_turns(blocks) or plausible_turns(table, find_turns(text, title), publisher,
                                                  text)
