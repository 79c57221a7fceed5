"""Speakers of transcript turns, including labels that are not names.

- ``Question :``, ``Q -``, ``Journaliste :``: role ``interviewer``, speaker null (unnamed).
- ``R -``, ``Réponse :``: the interviewee, i.e. the person the introduction (the text before the
  first turn) mentions most; the whole document when the introduction names nobody.
- A name label resolves through the entity table ("Poutine:" -> Vladimir Poutine).
- A signed quote box ("... —Anne Moreau, reporter") is a direct quote of the person its
  signature names, resolved the same way.
- A label that names no one (a machine translation turned "Trump:" into "Atout:", the card
  term): when the label is a common noun (spaCy tags it NOUN, not PROPN), is no entity of the
  document, and the transcript's named parties are known, the turn belongs to the one named
  party who is neither the previous nor the next speaker. Transcripts alternate; a turn between
  two turns of A in a two-party exchange is B's. With no single such party, the label stays as
  written and unlinked.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from spacy.tokens import Doc

from veille.model import Entity, Quote
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.doc import fold, span_of, text_of
from veille.nlp.quotes.lexicon import lexicon
from veille.nlp.quotes.turns import Turn


def plausible_turns(table: EntityTable, turns: list[Turn], publisher: str | None = None,
                    text: str = "") -> list[Turn]:
    """Turns of a real transcript: place labels ("Paris : 12 morts") are no speakers, and a
    transcript needs a person or an interview label among its speakers. A label naming the
    publisher ("Le Figaro : ...") is the outlet's interviewer."""
    if publisher:
        turns = [dataclasses.replace(t, role="interviewer")
                 if fold(t.label) == fold(publisher) else t for t in turns]
    kept: list[Turn] = []
    for turn in turns:
        if turn.role == "speaker" and _place_label(table, turn):
            if kept:  # a mis-read line belongs to the turn it sits in
                kept[-1] = dataclasses.replace(kept[-1], end=turn.end)
            continue
        kept.append(turn)
    people = [t for t in kept if t.role != "speaker" or _person_label(table, t)]
    if len(kept) < 2 or not people:
        return []
    return [_cut_at_narrative(text, t) for t in kept] if text else kept


_OPENING_WORDS = 5  # "Le ministre Sergueï Lavrov a": the subject of a narrator's sentence


def _cut_at_narrative(text: str, turn: Turn) -> Turn:
    """End a turn before an unlabelled paragraph that opens on its own speaker's name ("Lavrov
    a ensuite rencontré ...", "Le ministre Sergueï Lavrov a ..."): people do not speak of
    themselves by surname as a subject; the narrator does. Further in ("l'administration
    Trump"), the name is no evidence."""
    surname = turn.label.split()[-1] if turn.role == "speaker" else ""
    if len(surname) < 3 or not surname[0].isupper():
        return turn
    pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
    pos = text.find("\n", turn.start, turn.end)
    while pos >= 0:
        nxt = text.find("\n", pos + 1, turn.end)
        opening = " ".join(text[pos : turn.end if nxt < 0 else nxt].split()[:_OPENING_WORDS])
        if pattern.search(opening):
            end = pos
            while end > turn.start and text[end - 1].isspace():
                end -= 1
            return dataclasses.replace(turn, end=end)
        pos = nxt
    return turn


def _mentions_at(table: EntityTable, turn: Turn) -> set[str]:
    end = turn.label_start + len(turn.label)
    # From the table's offset index, not every mention of the text (a transcript of 1,000
    # turns read all its mentions for each turn).
    first = turn.label_start - table.longest_mention()
    return {e.type for m, e in table.mentions_starting_in(first, end - 1)
            if turn.label_start < m.end}


def _place_label(table: EntityTable, turn: Turn) -> bool:
    types = _mentions_at(table, turn)
    return bool(types) and types <= {"LOC"}


def _person_label(table: EntityTable, turn: Turn) -> bool:
    """A label naming a person, opening with an honorific ("M.") or a gendered article ("Le
    président ...")."""
    if "PER" in _mentions_at(table, turn):
        return True
    first, words = turn.label.split()[0].casefold(), lexicon()
    return first in words.honorifics or first in words.article_gender


def turn_quotes(doc: Doc, table: EntityTable, turns: list[Turn]) -> list[Quote]:
    """One ``turn`` quote per turn, speakers resolved."""
    boxes = [box_quote(doc, table, t) for t in turns if t.role == "box"]
    turns = [t for t in turns if t.role != "box"]
    if not turns:
        return boxes
    interviewee = _interviewee(table, turns[0].label_start)
    labels = {(t.label_start, t.label_start + len(t.label)) for t in turns}
    named: list[Entity | None] = [_named(doc, table, t, labels) for t in turns]
    quotes = boxes
    for k, turn in enumerate(turns):
        speaker: Entity | None = named[k]
        name: str | None = speaker.name if speaker else None
        role = "interviewer" if turn.role == "interviewer" else None
        if turn.role == "interviewee":
            speaker, name = interviewee, interviewee.name if interviewee else None
        elif turn.role == "speaker" and speaker is None:
            speaker = _by_alternation(doc, turns, named, k)
            name = speaker.name if speaker else turn.label
        quotes.append(Quote(
            kind="turn", text=text_of(doc)[turn.start : turn.end], start=turn.start, end=turn.end,
            speaker=name, speaker_id=speaker.id if speaker else None, speaker_role=role,
            cue=turn.cue,
        ))
    return quotes


def box_quote(doc: Doc, table: EntityTable, turn: Turn) -> Quote:
    """A signed quote box's words: a direct quote of the person its signature names."""
    at = text_of(doc).find(turn.label, turn.end)  # the signature follows the words
    entity = table.resolve(turn.label, at, at + len(turn.label), types=("PER", "ORG"))
    return Quote(
        kind="direct", text=text_of(doc)[turn.start : turn.end], start=turn.start,
        end=turn.end, speaker=entity.name if entity else turn.label,
        speaker_id=entity.id if entity else None, cue=turn.cue,
    )


def _named(doc: Doc, table: EntityTable, turn: Turn, labels: set[tuple[int, int]]
           ) -> Entity | None:
    """The entity a name label resolves to; None for a common noun only ever seen as a label
    (``labels``: the spans of every turn's label)."""
    if turn.role != "speaker":
        return None
    end = turn.label_start + len(turn.label)
    entity = table.resolve(turn.label, turn.label_start, end, types=("PER", "ORG"))
    if entity is not None and _common_noun_label(doc, turn) and all(
        (m.start, m.end) in labels for m in entity.mentions
    ):
        return None  # the tagger took a capitalised noun for a name: no other evidence
    return entity


def _interviewee(table: EntityTable, intro_end: int) -> Entity | None:
    counts: Counter[str] = Counter()
    people = {e.id: e for e in table.entities() if e.type == "PER"}
    for scope in (intro_end, None):
        for entity in people.values():
            counts[entity.id] = sum(1 for m in entity.mentions
                                    if scope is None or m.start < scope)
        best = counts.most_common(1)
        if best and best[0][1] > 0:
            return people[best[0][0]]
    return None


def _by_alternation(doc: Doc, turns: list[Turn], named: list[Entity | None], k: int
                    ) -> Entity | None:
    """The one named party who is not a neighbour of turn ``k`` (see the module docstring)."""
    if not _common_noun_label(doc, turns[k]):
        return None
    parties = {e.id: e for e in named if e is not None and e.type == "PER"}
    neighbours = {e.id for e in (_neighbour(named, k, -1), _neighbour(named, k, 1)) if e}
    candidates = [e for pid, e in parties.items() if pid not in neighbours]
    return candidates[0] if len(candidates) == 1 and neighbours else None


def _neighbour(named: list[Entity | None], k: int, step: int) -> Entity | None:
    j = k + step
    return named[j] if 0 <= j < len(named) else None


def _common_noun_label(doc: Doc, turn: Turn) -> bool:
    span = span_of(doc, turn.label_start, turn.label_start + len(turn.label))
    if span is None or len(span) != 1:
        return False
    # The tagger's part of speech, not its entity label: NER tags any capitalised label PER.
    return span[0].pos_ == "NOUN"
