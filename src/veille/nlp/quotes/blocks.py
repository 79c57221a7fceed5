"""Interview turns read from the record's blocks (:mod:`veille.clean.layout`).

Cleaning marks an interview's set-apart questions (``question`` blocks) and the paragraphs that
answer them (``answer``); each question is the interviewer's turn, and the answer paragraphs up
to the next question one turn of the interviewee, whom :mod:`.turn_speakers` names from the
text before the first question (the headline and standfirst: "Entretien avec X"). Without such
blocks the labelled transcript rules of :mod:`.turns` apply. A signed quote box (a
``blockquote`` ending "—Name, role") is a ``box`` turn, which :mod:`.turn_speakers` makes a
direct quote of Name's. An unsigned quote box with no quote marks is a quote too: its words are
a quoted span (:func:`with_box_marks`), whose speaker the cue before it gives ("X a écrit :"),
as for any direct quote; an embedded social-media post is not (cleaning makes its box a
paragraph; its handle or link signature, ``xx`` pack, tells it apart in plain text).
"""

from __future__ import annotations

import re
from functools import cache

from veille.clean.layout import signature
from veille.lang.pack import shared
from veille.model import Block
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.marks import Marked
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


def box_turns(text: str, blocks: tuple[Block, ...] | list[Block]) -> list[Turn]:
    """The signed quote boxes of the text ("... —Anne Moreau, reporter"), each a ``box``
    turn: its words, and its signature's name as the label. A box without a signature is left
    to the quote-mark rules: a page's unsigned block quotes are as often a statement the
    article cites or an embedded social-media post as someone's words."""
    found = []
    for block in blocks:
        if block.kind != "blockquote":
            continue
        sign = signature(text[block.start : block.end])
        if sign is None:
            continue
        end = block.start + sign.start()
        # The turn's span from the box's start: later rules skip the words of a turn.
        found.append(Turn(sign["name"], "box", block.start, end, block.start,
                          text[end : block.end].strip()))
    return found


def layout_turns(table: EntityTable, text: str, blocks: tuple[Block, ...], title: str | None,
                 publisher: str | None) -> list[Turn]:
    """An interview's turns from its blocks, else a transcript's labelled turns; and the
    signed quote boxes outside them."""
    turns = block_turns(blocks) or plausible_turns(table, find_turns(text, title), publisher,
                                                   text)
    boxes = [b for b in box_turns(text, blocks)
             if not any(t.label_start <= b.start < t.end for t in turns)]
    return sorted(turns + boxes, key=lambda t: t.start)


def with_box_marks(text: str, blocks: tuple[Block, ...] | list[Block], marks: list[Marked]
                   ) -> list[Marked]:
    """``marks`` and, for each unsigned quote box holding none of them that the block before
    it announces (a colon: "Le maire a déclaré :"), the box's words as a quoted span: the box
    is the page's quote marks. A box nothing announces is as often an excerpt of a statement
    the page sets apart as someone's words. A signed box is a turn (:func:`box_turns`); an
    embedded post's box ends with the post's signature."""
    boxes = []
    for before, block in zip([None, *blocks], blocks, strict=False):
        if block.kind != "blockquote":
            continue  # (most blocks: their words are not read)
        words = text[block.start : block.end]
        if (not _announces(text, before) or signature(words) is not None
                or _post_signature().search(words.rstrip().rsplit("\n", 1)[-1])
                or any(block.start <= m.left < block.end for m in marks)):
            continue
        start = block.start + len(words) - len(words.lstrip())
        end = block.start + len(words.rstrip())
        boxes.append(Marked(start, end, start, end, True))
    return sorted(marks + boxes, key=lambda m: m.left) if boxes else marks


def _announces(text: str, before: Block | None) -> bool:
    """Whether the block ``before`` a box ends with a colon, the mark that opens quoted words."""
    return before is not None and text[before.start : before.end].rstrip().endswith(":")


@cache
def _post_signature() -> re.Pattern[str]:
    return shared().regex("clean/embeds.toml", "signature")
