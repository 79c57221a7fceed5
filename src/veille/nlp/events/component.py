"""Events reported in a document: meetings, calls, talks, summits, press conferences...

This module gathers what the parse and the entity table know (sentences, mentions, the tense of
a trigger's verb, who is speaking in a transcript) as plain :class:`Actor` records and hands each
sentence to the pure rules of :mod:`veille.nlp.events.rules` (what the clause says about a
trigger is :mod:`veille.nlp.events.frames`, one event per clause :mod:`veille.nlp.events.clauses`).
Across sentences, :mod:`veille.nlp.events.anaphora` resolves "les deux dirigeants" and a
sentence-initial "il", and folds definite mentions ("après l'appel"), headline and section
heading repeats into the event they name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc

from veille.model import Event, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.doctext import text_of
from veille.nlp.entities.component import EntityTable
from veille.nlp.events.actors import Actor, is_place
from veille.nlp.events.anaphora import (
    clause_pronouns,
    drop_heading_repeats,
    drop_headline_repeats,
    is_heading,
    last_pair,
    merge_mentions,
    plural_roles,
    subject_pronoun,
    talks_with_colleagues,
)
from veille.nlp.events.data import pattern_reader
from veille.nlp.events.roles import cities_of_regions, trip_destination
from veille.nlp.events.rules import EventContext, SentenceContext, build_events, split_sentences
from veille.nlp.events.triggers import Trigger, sentence_triggers
from veille.nlp.times.component import verb_tense

# "turn": a transcript turn's speaker label; "speaker_first_person": "je", "nous" of a turn;
# "questions": questions and answers ("Q - ..."); "second_person": "vous" of an interviewer's
# turn; "compound": "le sommet Trump-Poutine"; "here": "ici à Moscou"
_NOUN_COMPLEMENT = "nmod"
_FLAGS = {"turn": re.MULTILINE, "speaker_first_person": re.IGNORECASE,
          "questions": re.MULTILINE, "second_person": re.IGNORECASE, "compound": 0,
          "here": re.IGNORECASE, "acronym_gap": 0, "superseded_before": re.IGNORECASE,
          "superseded_after": re.IGNORECASE}


_re = pattern_reader(_FLAGS)


def extract_events(
    doc: Doc, table: EntityTable, times: list[TimeExpr], ctx: DocContext
) -> list[Event]:
    """Every event of ``doc`` with participants, place, date, status and CAMEO code."""
    text = text_of(doc)
    turns = _turns(text, table)
    host = _host(turns)
    actors = _actors(text, table, host, turns)
    context = EventContext(ctx.reference_date, ctx.reference_basis in ("published", "dateline"),
                           host, _re()["questions"].search(text) is not None, ctx.publisher,
                           text.find("\n"))
    people = {a.name for a in actors if a.type == "PER"}
    events: list[Event] = []
    previous: list[Actor] = []
    previous_start = previous_end = 0
    heading: list[Event] = []
    replaced: list[Event] = []
    # the pair of the latest event with two people, kept as events come (not searched for
    # at each sentence: a long text stays linear)
    pair: tuple[str, str] | None = None
    sentences = split_sentences(text)
    # each actor, time and trigger handed to its sentence once: linear in the document
    for (start, end), named, when, found in zip(
            sentences, _by_sentence(actors, sentences), _by_sentence(times, sentences),
            sentence_triggers(text, sentences), strict=True):
        told: list[Event] = []
        if found:  # a sentence with no trigger tells no event: no pronoun or place to read
            inside = sorted(named + subject_pronoun(text, start, end, previous, previous_start)
                            + clause_pronouns(text, start, found, named,
                                              (previous, previous_start))
                            + plural_roles(text, actors, start, end, pair),
                            key=lambda a: a.start)
            # the venue of the sentence before, in the same paragraph
            # the events of the section's heading, for the mentions under it that name nobody
            around = SentenceContext("\n" not in text[previous_end:start]
                                     and any(is_place(text, a) for a in previous),
                                     tuple(heading))
            told = build_events(text, (start, end), inside, when, context,
                                _FutureTriggers(doc, found), around, found)
        if told:  # most sentences tell nothing: no plan, trip or pair to read
            # a replaced plan still names the pair "les deux dirigeants" of the next sentences
            replaced.extend(e for e in told if _superseded_plan(text, (start, end), e))
            if "\n" not in text[previous_end:start]:
                told = _at_trip_destination(text, (previous_start, previous_end), start,
                                            previous, told)
            events.extend(told)
            pair = last_pair(told, people) or pair
        if is_heading(text, start, end):
            heading = told
        previous, previous_start, previous_end = named, start, end
    events = [e for e in events if not any(e is r for r in replaced)]
    told = drop_heading_repeats(text, drop_headline_repeats(text, merge_mentions(
        text, talks_with_colleagues(text, events), actors)))
    return _dedupe(_most_specific_places(text, actors, told))


def _superseded_plan(text: str, sentence: tuple[int, int], event: Event) -> bool:
    """Whether ``event`` is a plan its sentence says was replaced ("devaient d'abord se voir
    seules, mais ... ont finalement"): the text tells the event as it came to pass, and a
    planned twin of it would stand as a second event."""
    return event.status == "planned" and \
        _re()["superseded_before"].search(text, sentence[0], event.start) is not None and \
        _re()["superseded_after"].search(text, event.end, sentence[1]) is not None


def _at_trip_destination(text: str, before: tuple[int, int], start: int,
                         previous: list[Actor], told: list[Event]) -> list[Event]:
    """Planned events with no place of their own, at the place the sentence before plans the
    same subject's trip to (see :func:`~veille.nlp.events.roles.trip_destination`)."""
    if not any(e.status == "planned" and e.place is None for e in told):
        return told
    where = trip_destination(text, before, start, [a for a in previous if a.type == "LOC"])
    return [replace(e, place=where) if where and e.status == "planned" and e.place is None
            else e for e in told]


def _most_specific_places(text: str, actors: list[Actor], events: list[Event]) -> list[Event]:
    """Events put in a region the document places one city in ("le sommet en Alaska" once
    the text said "à Anchorage, en Alaska") are at that city."""
    cities = cities_of_regions(text, [a for a in actors if a.type == "LOC"])
    said_here = _re()["here"]
    here = next((a.name for a in actors if a.type == "LOC"
                 and said_here.search(text, max(0, a.start - 20), a.start)), None)
    # the interview the text itself is (dated by its reference) is where its speakers are
    placed = [replace(e, place=here) if e.date_basis == "reference" and e.place is None
              else e for e in events]
    return [replace(e, place=cities[e.place]) if e.place in cities else e for e in placed]


_Turn = tuple[re.Match[str], str | None]


def _turns(text: str, table: EntityTable) -> list[_Turn]:
    """Each transcript turn's speaker label, with the person it names (None if nobody)."""
    turns: list[_Turn] = []
    for label in _re()["turn"].finditer(text):
        entity = table.find_by_name(label["label"], ("PER",))
        turns.append((label, entity.name if entity is not None else None))
    return turns


def _host(turns: list[_Turn]) -> str | None:
    """The person a transcript is an interview with: the named speaker of most turns."""
    counts: dict[str, int] = {}
    for _, name in turns:
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


class _FutureTriggers(Mapping[int, bool]):
    """Whether each trigger's verb is in the future, by the trigger's start, read from the
    parse the first time a rule asks: most triggers make no event, and the tense of those is
    never needed."""

    def __init__(self, doc: Doc, found: list[Trigger]) -> None:
        self._doc = doc
        self._triggers = {t.start: t for t in found}
        self._known: dict[int, bool] = {}

    def __getitem__(self, start: int) -> bool:
        if start not in self._known:
            self._known[start] = _is_future(self._doc, self._triggers[start])
        return self._known[start]

    def __iter__(self) -> Iterator[int]:
        return iter(self._triggers)

    def __len__(self) -> int:
        return len(self._triggers)


def _is_future(doc: Doc, trigger: Trigger) -> bool:
    """Whether the trigger's verb is in the future. A noun that complements another noun
    ("vous trouverez la transcription de la conférence de presse") takes no tense from the
    sentence's verb: the verb is about the other noun (UD dependency ``nmod``)."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is not None and span.root.dep_ != _NOUN_COMPLEMENT \
        and verb_tense(span.root) == "future"


_Spanned = TypeVar("_Spanned", Actor, TimeExpr)


def _by_sentence(items: list[_Spanned], sentences: list[tuple[int, int]]
                 ) -> list[list[_Spanned]]:
    """``items`` grouped by the sentence their start falls in (items between two sentences
    belong to none), in their order."""
    starts = [s for s, _ in sentences]
    grouped: list[list[_Spanned]] = [[] for _ in sentences]
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < sentences[i][1]:
            grouped[i].append(item)
    return grouped


def _actors(text: str, table: EntityTable, host: str | None, turns: list[_Turn]
            ) -> list[Actor]:
    actors = [Actor(m.start, m.end, e.name, e.type)
              for e in table.entities() for m in e.mentions]
    for m in _re()["compound"].finditer(text):  # "le sommet Trump-Poutine"
        for group in (1, 2):
            entity = table.find_by_name(m.group(group), ("PER",))
            if entity is not None:
                actors.append(Actor(m.start(group), m.end(group), entity.name, "PER"))
    actors.extend(_speakers(text, turns, host))
    # Duplicates dropped in the order found (a set's order would follow the run's string hash
    # seed for actors that start alike), then sorted by start, a stable sort.
    return _spelled_out(text, sorted(dict.fromkeys(actors), key=lambda a: a.start))


def _spelled_out(text: str, actors: list[Actor]) -> list[Actor]:
    """Actors named by an acronym the text spells out ("la Fédération nationale des artisans
    boulangers (FNAB)") under the full name: news defines an acronym once, then uses it alone,
    and the fullest name is the canonical one."""
    full: dict[str, str] = {}
    gap = _re()["acronym_gap"]
    for name, short in zip(actors, actors[1:], strict=False):
        # the closing parenthesis first: the one test most pairs fail, and the cheapest
        if text.startswith(")", short.end) and "PER" not in (name.type, short.type) \
                and name.name != short.name and gap.fullmatch(text, name.end, short.start) \
                and _abbreviates(short.name, name.name):
            full[short.name] = name.name
    return [replace(a, name=full[a.name]) if a.name in full else a for a in actors]


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` (capitals only) takes its letters, in order, from the initials of
    ``name``'s words, the first from the first ("FNAB" of "Fédération nationale des
    artisans boulangers"; the small words an acronym skips need no list)."""
    initials = [w[0].casefold() for w in re.findall(r"\w+", name)]
    letters = [c.casefold() for c in acronym]
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) < len(initials) + 1
            and initials and letters[0] == initials[0]):
        return False
    found = iter(initials)
    return all(letter in found for letter in letters)


def _speakers(text: str, turns: list[_Turn], host: str | None) -> list[Actor]:
    """In a transcript, "je" and "nous" of a turn are its speaker ("Sergey Lavrov : ..."), and
    "vous" of an unnamed interviewer's turn ("Question : Vous avez rencontré...") its host."""
    found: list[Actor] = []
    for i, (label, speaker) in enumerate(turns):
        name, pronoun = (speaker, _re()["speaker_first_person"]) if speaker is not None else \
            (host, _re()["second_person"])
        if name is None:
            continue
        stop = turns[i + 1][0].start() if i + 1 < len(turns) else len(text)
        found.extend(Actor(m.start(), m.end(), name, "PER")
                     for m in pronoun.finditer(text, label.end(), stop))
    return found


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per trigger, type, date and participants (a sentence can repeat itself)."""
    seen: set[tuple[str, str | None, tuple[str, ...], str]] = set()
    kept = []
    for e in events:
        key = (e.type, e.date, tuple(sorted(e.participants)), e.status)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept
