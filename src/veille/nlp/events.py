"""Events reported in a document: meetings, calls, talks, summits, press conferences...

This module gathers what the parse and the entity table know (sentences, mentions, the tense of
a trigger's verb, who is speaking in a transcript) as plain :class:`Actor` records and hands each
sentence to the pure rules of :mod:`veille.nlp.event_rules`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.model import Event, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.entities import EntityTable
from veille.nlp.event_rules import (
    Actor,
    EventContext,
    build_events,
    find_triggers,
    split_sentences,
)
from veille.nlp.times import verb_tense

_TURN = re.compile(r"^(?P<label>[A-ZÉ][\w'’.-]+(?:[ \t]+[A-ZÉ][\w'’.-]+){0,3})[ \t]*:[ \t]",
                   re.MULTILINE)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:je|j['’]|m['’]|me|moi|nous)(?!\w)", re.IGNORECASE)
_PLURAL_ROLE = re.compile(
    r"\b(?:les|des|aux)\s+(?:deux\s+)?(?P<role>présidents|dirigeants|chefs\s+d['’]État|"
    r"leaders|ministres|diplomates|homologues)\b", re.IGNORECASE)
_COMPOUND = re.compile(r"\b([A-ZÉ][\w]+)-([A-ZÉ][\w]+)\b")


def extract_events(
    doc: Doc, table: EntityTable, times: list[TimeExpr], ctx: DocContext
) -> list[Event]:
    """Every event of ``doc`` with participants, place, date, status and CAMEO code."""
    text = doc.text
    actors = _actors(text, table)
    context = EventContext(ctx.reference_date, ctx.reference_basis in ("published", "dateline"),
                           _host(text, table))
    events: list[Event] = []
    for start, end in split_sentences(text):
        inside = [a for a in actors if start <= a.start < end]
        when = [t for t in times if start <= t.start < end]
        future = _future_triggers(doc, start, end)
        events.extend(build_events(text, (start, end), inside, when, context, future))
    return _dedupe(events)


def _host(text: str, table: EntityTable) -> str | None:
    """The person a transcript is an interview with: the named speaker of most turns."""
    counts: dict[str, int] = {}
    for label in _TURN.finditer(text):
        entity = table.find_by_name(label["label"], ("PER",))
        if entity is not None:
            counts[entity.name] = counts.get(entity.name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _future_triggers(doc: Doc, start: int, end: int) -> dict[int, bool]:
    future = {}
    for trigger in find_triggers(doc.text, start, end):
        span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        future[trigger.start] = span is not None and verb_tense(span.root) == "future"
    return future


def _actors(text: str, table: EntityTable) -> list[Actor]:
    actors = [Actor(m.start, m.end, e.name, e.type)
              for e in table.entities() for m in e.mentions]
    for m in _COMPOUND.finditer(text):  # "le sommet Trump-Poutine"
        for group in (1, 2):
            entity = table.find_by_name(m.group(group), ("PER",))
            if entity is not None:
                actors.append(Actor(m.start(group), m.end(group), entity.name, "PER"))
    actors.extend(_speakers(text, table))
    actors.extend(_plural_roles(text, actors))
    return sorted(set(actors), key=lambda a: a.start)


def _speakers(text: str, table: EntityTable) -> list[Actor]:
    """In a transcript, "je" and "nous" of a turn are its speaker ("Sergey Lavrov : ...")."""
    labels = list(_TURN.finditer(text))
    found: list[Actor] = []
    for i, label in enumerate(labels):
        entity = table.find_by_name(label["label"], ("PER",))
        if entity is None:
            continue
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        found.extend(Actor(m.start(), m.end(), entity.name, "PER")
                     for m in _FIRST_PERSON.finditer(text, label.end(), stop))
    return found


def _plural_roles(text: str, actors: list[Actor]) -> list[Actor]:
    """"les deux présidents": the last two people named before, those once called
    "président" first."""
    people = sorted((a for a in actors if a.type == "PER"), key=lambda a: a.start)
    found: list[Actor] = []
    for m in _PLURAL_ROLE.finditer(text):
        role = m["role"].lower().rstrip("s")
        titled = {p.name for p in people
                  if role in text[max(0, p.start - 40):p.end].lower()}
        before = [p for p in people if p.end <= m.start()]
        names: list[str] = []
        for a in sorted(reversed(before), key=lambda p: p.name not in titled):
            if a.name not in names:
                names.append(a.name)
            if len(names) == 2:
                break
        found.extend(Actor(m.start(), m.end(), name, "PER") for name in names)
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
