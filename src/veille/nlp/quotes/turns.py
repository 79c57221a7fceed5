"""Transcript turns: "Sergey Lavrov : ...", "Q - ...", "Question : ...", "Vladimir Poutine: ...".

A turn starts at a line that begins with a speaker label and runs on across the following
unlabelled paragraphs until the next label. A document has turns only when at least two lines
carry a label (one "Lavrov : ..." line is a headline or a caption, not a transcript), and the
first line and the title never count. Labels are names (capitalised words) or the interview
labels of ``quotes/turns_labels.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from veille.nlp.quotes.lexicon import lexicon
from veille.nlp.quotes.marks import dialogue_line_at
from veille.nlp.scope import current_pack

_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w.'’\- ]{0,40}?)(?:[ \t]*\([^()\n]{1,60}\))?"
    r"[ \t]*(?:(?P<colon>:)|[ \t](?P<dash>[-–—]))"
    r"[ \t]+(?P<text>\S.*)$", re.MULTILINE,
)
_MAX_LABEL_WORDS = 5
# What a labelled line holds before its words: a colon, or a dash after a blank. Written as
# one of the three characters (which re skips to in C), then a look back that drops a dash
# glued to a word ("a-t-il"): ":|[ \t][-–—]" opened on a blank, so re tried it at every space.
# It finds the same lines (a dash at the text's very start too, which _LABEL does not match).
_LABEL_END = re.compile(r"[:\-–—](?<![^ \t][-–—])")
# Dialogue-dash interviews: "— Que pensez-vous de la réforme ?" / "— Je pense que ...".
_DASH_LINE = re.compile(r"^[ \t]*(?P<dash>[—–-])[ \t]+(?P<text>\S.*)$", re.MULTILINE)
# How a dialogue line after the first starts: a line break, then the dash. A search opening on
# the break's one character, which re skips to in C; "^" (multiline) was tried at every
# character. The first line is never a turn (the headline), so it needs no screen.
_DASH = re.compile(r"\n[ \t]*[—–-]")


@dataclass(frozen=True)
class Turn:
    """One labelled turn: the label as written, its role, and the span of its words."""

    label: str
    role: str  # "speaker" | "interviewer" | "interviewee" | "box" (a signed quote box)
    start: int
    end: int
    label_start: int
    cue: str


def label_role(label: str) -> str | None:
    """``interviewer``/``interviewee`` for known labels, ``speaker`` for names, else None."""
    key = label.casefold().strip(" .")
    role = current_pack().mapping("quotes/turns_labels.tsv").get(key)
    if role is not None:
        return None if role == "none" else role
    return "speaker" if _name_like(label) else None


def _name_like(label: str) -> bool:
    """Capitalised words ("Jean de La Fontaine", "M. Dupont"), or a role ("Le président X")."""
    words = label.replace("’", "'").split()
    if not words or len(words) > _MAX_LABEL_WORDS:
        return False
    if not words[0][0].isupper():
        return False
    pack, lex = current_pack(), lexicon()
    particles = pack.words("quotes/turns_name_particles.txt")
    if words[0].casefold() in lex.article_gender and len(words) > 1 and words[1].islower():
        return words[1].casefold() in pack.words("quote_person_nouns.txt") and all(
            w[0].isupper() or w.casefold() in particles for w in words[2:])
    return all(w[0].isupper() or w.casefold() in particles or w.casefold().rstrip(".") in
               lex.honorific_stems for w in words)


def find_turns(text: str, title: str | None) -> list[Turn]:
    """Turns of a transcript, in order; empty when the text is not a transcript."""
    heads = _label_lines(text, title)
    if len(heads) < 2:
        return dialogue_turns(text)
    turns: list[Turn] = []
    for k, match in enumerate(heads):
        stop = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        start = match.start("text")
        end = _trim_end(text, start, stop)
        role = label_role(match.group("label")) or "speaker"
        cue = text[match.start("label") : start].strip()
        turns.append(Turn(match.group("label").strip(), role, start, end,
                          match.start("label"), cue))
    return turns


def dialogue_turns(text: str) -> list[Turn]:
    """Turns of an interview laid out with dialogue dashes, no names.

    French print interviews open each turn with a dash: the interviewer's turns are questions
    (they end with "?"), the others are the interviewee's answers. A dashed list is no
    interview: it needs a question and an answer among two dashed lines or more, and the
    first line (the headline) never counts. Neither is dialogue told in a story, whose lines
    carry reporting incises ("— Vous restez ?" / "— Non, a répondu la maire."): those are
    direct quotes (:func:`veille.nlp.quotes.marks.dialogue_lines`).
    """
    first_line_end = text.find("\n")
    lines = [m for m in _line_matches(_DASH_LINE, text, _DASH)
             if 0 <= first_line_end < m.start()]
    asks = [m.group("text").rstrip().endswith("?") for m in lines]
    if len(lines) < 2 or all(asks) or not any(asks):
        return []
    if any(dialogue_line_at(text, m.start()) is not None for m in lines):
        return []  # "— Non, a répondu X.": an incise names the speaker, narrative dialogue
    turns = []
    for k, match in enumerate(lines):
        stop = lines[k + 1].start() if k + 1 < len(lines) else len(text)
        start = match.start("text")
        role = "interviewer" if asks[k] else "interviewee"
        turns.append(Turn(match.group("dash"), role, start, _trim_end(text, start, stop),
                          match.start("dash"), match.group("dash")))
    return turns


def _label_lines(text: str, title: str | None) -> list[re.Match[str]]:
    first_line_end = text.find("\n")
    heads = []
    for match in _line_matches(_LABEL, text, _LABEL_END):
        role = label_role(match.group("label"))
        if (match.start() < first_line_end or first_line_end < 0) and role == "speaker":
            continue  # the first line is the headline ("Lavrov : Le Président ...")
        line = match.group(0).strip()
        if title and line == title.strip():
            continue
        if match.group("dash") and role not in ("interviewer", "interviewee"):
            continue  # "Moscou - Le ministre ..." is a dateline, not a turn
        if role is not None:
            heads.append(match)
    return heads


def _line_matches(pattern: re.Pattern[str], text: str, screen: re.Pattern[str]
                  ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern of one whole line (``^...$``, no newline in
    it): matched at the start of each line where ``screen`` finds something every match holds
    (a search whose hit ends on that line and holds no newline but, perhaps, its first
    character: the break before the line). The lines are found by the screen's search of the
    text, so a line without it costs no step here (most lines); a search for the pattern
    itself tried it at every character."""
    pos = 0
    while True:
        hit = screen.search(text, pos)
        if hit is None:
            return
        # the line of the hit's last character (a hit that opens on a line break is the
        # next line's)
        found = pattern.match(text, text.rfind("\n", 0, hit.end() - 1) + 1)
        if found is not None:
            yield found
        # on from the break that ends the line (the rest of the hit held none): the next
        # line's screen may open on it
        pos = text.find("\n", hit.end())
        if pos < 0:
            return


def _trim_end(text: str, start: int, stop: int) -> int:
    end = stop
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
