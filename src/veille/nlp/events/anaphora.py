"""Events named again: "les deux dirigeants", "Il doit s'entretenir", "l'appel", "la réunion".

Pure functions over plain records (no spaCy). A news story introduces an event once, with its
parties and date, then refers back to it with a definite noun phrase ("après l'appel", "a ouvert
la réunion", "à l'issue des discussions", "sa visite"): such a mention adds no event. People
are named once and then called "les deux dirigeants" (the two people of the event last
reported) or "il" at the head of the next sentence (the person that sentence was about).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from veille.model import Event
from veille.nlp.events.actors import Actor
from veille.nlp.events.data import pattern_reader, per_pack
from veille.nlp.events.frames import attribution_source
from veille.nlp.events.triggers import Trigger
from veille.taxonomy import event_taxonomy

_FLAGS = {"plural_role": re.IGNORECASE, "subject_pronoun": 0, "definite": re.IGNORECASE,
          "specified": re.IGNORECASE, "specified_place": 0, "conversation": re.IGNORECASE,
          "colleagues": re.IGNORECASE, "clause_pronoun": 0}
# how far before a trigger the pronoun of its clause may start (", il est attendu", ", elle
# doit se rendre": the pronoun and up to two auxiliaries or clitics)
_PRONOUN_REACH = 40


_re = pattern_reader(_FLAGS)


# what an event of a kind can be named again as ("la réunion" after a summit), looked up
# once per call of a rule below: they ask it of every pair of events
_taxonomy = per_pack(event_taxonomy)


def plural_roles(text: str, actors: list[Actor], start: int, end: int,
                 last_pair: tuple[str, str] | None) -> list[Actor]:
    """"les deux dirigeants" in ``text[start:end]``: the two people of the event last reported
    (``last_pair``); with none, the last two people named before, those once called by the
    role ("président") first."""
    found: list[Actor] = []
    for m in _re()["plural_role"].finditer(text, start, end):
        names = list(last_pair) if last_pair else _last_two(text, actors, m)
        found.extend(Actor(m.start(), m.end(), name, "PER") for name in names)
    return found


def _last_two(text: str, actors: list[Actor], m: re.Match[str]) -> list[str]:
    people = sorted((a for a in actors if a.type == "PER"), key=lambda a: a.start)
    role = m["role"].lower().rstrip("s")
    titled = {p.name for p in people if role in text[max(0, p.start - 40):p.end].lower()}
    before = [p for p in people if p.end <= m.start()]
    names: list[str] = []
    for a in sorted(reversed(before), key=lambda p: p.name not in titled):
        if a.name not in names:
            names.append(a.name)
        if len(names) == 2:
            break
    return names


def last_pair(events: list[Event], people: set[str]) -> tuple[str, str] | None:
    """The first two people of the latest event with two people or more."""
    for event in reversed(events):
        named = [p for p in event.participants if p in people]
        if len(named) >= 2:
            return named[0], named[1]
    return None


def subject_pronoun(text: str, start: int, end: int, previous: list[Actor],
                    previous_start: int = 0) -> list[Actor]:
    """"Il"/"Elle" opening a sentence ("Il doit", "Mardi, il s'est rendu") is the first
    person named in the previous one, not counting the source of "selon X"."""
    m = _re()["subject_pronoun"].match(text, start, end)
    if m is None:  # most sentences: no need to read the previous one's attributions
        return []
    person = next((a for a in previous if a.type == "PER"
                   and not attribution_source(text, previous_start, a.start, a.start)), None)
    if person is None:
        return []
    return [Actor(start, m.end(), person.name, "PER")]


def clause_pronouns(text: str, sentence_start: int, triggers: list[Trigger],
                    named: list[Actor], previous: tuple[list[Actor], int]) -> list[Actor]:
    """"il"/"elle" opening a clause after a comma right before a trigger ("Le président X a
    suspendu sa campagne, il est attendu à Rome"): the person the sentence opened on (the first
    named in it before the pronoun, not the source of "selon X"), else the first person of the
    previous sentence. French carries a clause's subject on by the pronoun."""
    found: list[Actor] = []
    for trigger in triggers:
        m = _re()["clause_pronoun"].search(text, max(0, trigger.start - _PRONOUN_REACH),
                                           trigger.start)
        if m is None:
            continue
        candidates = [(a, sentence_start) for a in named if a.end <= m.start()] + \
            [(a, previous[1]) for a in previous[0]]
        person = next((a for a, head in candidates if a.type == "PER"
                       and not attribution_source(text, head, a.start, a.start)), None)
        if person is not None:
            found.append(Actor(m.start("pronoun"), m.end("pronoun"), person.name, "PER"))
    return found


def refers_back(text: str, event: Event) -> bool:
    """Whether the event's trigger is a definite mention with nothing new: no date, no place,
    no complement naming it afresh ("la réunion des ministres", "le sommet Trump-Poutine")."""
    if event.date or event.place or event.date_basis == "reference":
        return False
    determiner = _re()["definite"].search(text[max(0, event.start - 30):event.start])
    if determiner is None:
        return False
    after = text[event.end:event.end + 40]
    if _re()["specified"].match(after):
        return False
    return bool(determiner["possessive"]) or not _re()["specified_place"].match(after)


def _demonstrative(text: str, event: Event) -> bool:
    found = _re()["definite"].search(text[max(0, event.start - 30):event.start])
    return found is not None and bool(found["demonstrative"])


def merge_mentions(text: str, events: list[Event], actors: list[Actor]) -> list[Event]:
    """Events without those that refer back to an earlier one of the same kind; the people
    acting on the mention ("António Costa a ouvert la réunion") join the earlier event."""
    kept: list[Event] = []
    starts = [a.start for a in actors]
    group = _taxonomy().group
    for event in sorted(events, key=lambda e: e.start):
        groups = _groups(event, group)
        earlier = next((i for i in range(len(kept) - 1, -1, -1)
                        if group(kept[i].type) in groups
                        and _compatible(kept[i], event)), None)
        if earlier is None and refers_back(text, event) and _demonstrative(text, event):
            continue  # "cette rencontre" after one the text only reports as hearsay or wish
        if earlier is None or not refers_back(text, event):
            kept.append(event)
            continue
        agents = _agents(text, event, actors, starts)
        antecedent = kept[earlier]
        kept[earlier] = replace(antecedent, participants=list(dict.fromkeys(
            antecedent.participants + agents)))
    return kept


def talks_with_colleagues(text: str, events: list[Event]) -> list[Event]:
    """Events, those held "avec nos collègues" (naming nobody) after a meeting the text
    reports given its people, place and date: the colleagues are that meeting's, the talks
    were held at it ("une réunion des ministres de X ... je me suis entretenu avec mes
    homologues")."""
    told: list[Event] = []
    group = _taxonomy().group
    for event in sorted(events, key=lambda e: e.start):
        kind = group(event.type)
        meeting = next((e for e in reversed(told) if group(e.type) == kind
                        and e.status == event.status), None)
        if meeting and not (event.place or event.date) \
                and _re()["colleagues"].match(text, event.end):
            event = replace(event, place=meeting.place, date=meeting.date,
                            date_basis=meeting.date_basis, participants=list(dict.fromkeys(
                                event.participants + meeting.participants)))
        told.append(event)
    return told


def drop_headline_repeats(text: str, events: list[Event]) -> list[Event]:
    """Events without those of the headline that the article then tells itself: the headline
    "X et Y se sont entretenus par téléphone" announces the call the first paragraph dates."""
    headline_end = text.find("\n")
    body = [e for e in events if e.start > headline_end]
    group = _taxonomy().group
    return [e for e in events if e.start > headline_end or headline_end < 0
            or not _told_again(e, body, group)]


def _told_again(headline: Event, body: list[Event], group: Callable[[str], str]) -> bool:
    """Whether an event of the ``body`` is the ``headline``'s, named again."""
    groups = _groups(headline, group)
    return any(group(b.type) in groups and _compatible(headline, b)
               and _same_parties(headline, b) for b in body)


def _same_parties(headline: Event, body: Event) -> bool:
    """Whether a body mention can be the headline's event: it names all the headline's
    parties, and the places do not differ (X meeting Y is not X receiving Z)."""
    ours, theirs = set(headline.participants), set(body.participants)
    return ours <= theirs and not (
        headline.place and body.place and headline.place != body.place)


# a section heading: a short line with no closing punctuation ("Réunion X-Y mardi à Bruxelles")
_HEADING_MOST = 150  # characters
_HEADING = re.compile(rf"[^\n]{{1,{_HEADING_MOST}}}(?<![.!?…»”:;])$")
_LINE = re.compile(r"[^\n]+")


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole line that reads as a section heading (short, no
    closing punctuation), not the headline: the headline is the first line."""
    return start > 0 and text[start - 1:start] == "\n" and text[end:end + 1] in ("\n", "") \
        and _HEADING.fullmatch(text, start, end) is not None


def section_end(text: str, start: int) -> int:
    """Where the section that goes on at ``start`` ends: at the next heading line, or at the
    end of the text."""
    for line in _LINE.finditer(text, start):  # from ``start``: no copy of the text's rest
        if is_heading(text, line.start(), line.end()):
            return line.start()
    return len(text)


def drop_heading_repeats(text: str, events: list[Event]) -> list[Event]:
    """Events without those of a section heading that its section tells (up to the next
    heading): the heading "Réunion X-Y mardi à Bruxelles" repeats the meeting told below it."""
    kept = []
    # events by start, and each heading's section end once: a document with many headings
    # costs its length plus a bisection per heading event, not events times headings
    ordered = sorted(events, key=lambda b: b.start)
    starts = [b.start for b in ordered]
    sections: dict[int, int] = {}
    group = _taxonomy().group
    for e in events:
        # a heading's line breaks are near: a long line is looked at no further than that
        # (a text on one line costs its length, not its length at each event)
        head = text.rfind("\n", max(0, e.start - _HEADING_MOST - 1), e.start) + 1
        end = text.find("\n", e.start, e.start + _HEADING_MOST + 1)
        if end < 0 or head == 0 or not _HEADING.fullmatch(text, head, end):
            kept.append(e)
            continue
        if end not in sections:
            sections[end] = section_end(text, end)
        stop = sections[end]
        under = ordered[bisect_right(starts, end):bisect_left(starts, stop)]
        groups = _groups(e, group)
        if not any(group(b.type) in groups for b in under):
            kept.append(e)
    return kept


def _groups(event: Event, group: Callable[[str], str]) -> set[str]:
    """The kinds of event a mention can refer back to (``group``: the taxonomy's group of a
    kind): "les conversations" with no telephone said is a call or the talks of a meeting
    already reported."""
    kind = group(event.type)
    return {kind, "meet"} if _re()["conversation"].match(event.trigger) else {kind}


def _compatible(antecedent: Event, mention: Event) -> bool:
    """Same status: "la rencontre" that happened is not the summit planned for August."""
    return antecedent.status == mention.status


def _agents(text: str, event: Event, actors: list[Actor], starts: list[int]) -> list[str]:
    """The people named before the mention in its sentence: its subject or agent. ``actors``
    are in text order, ``starts`` their offsets: the sentence's are found by bisection, not by
    reading every actor of the text for each mention."""
    line = text.rfind("\n", 0, event.start)
    # the full stop looked for after the line's start only: the nearer of the two is wanted
    head = max(text.rfind(".", line + 1, event.start), line) + 1
    window = actors[bisect_left(starts, head):bisect_left(starts, event.start)]
    return [a.name for a in window if a.type == "PER" and a.name in event.participants]
