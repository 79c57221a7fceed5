"""Events named again: "les deux dirigeants", "Il doit s'entretenir", "l'appel", "la réunion".

Pure functions over plain records (no spaCy). A news story introduces an event once, with its
parties and date, then refers back to it with a definite noun phrase ("après l'appel", "a ouvert
la réunion", "à l'issue des discussions", "sa visite"): such a mention adds no event. People
are named once and then called "les deux dirigeants" (the two people of the event last
reported) or "il" at the head of the next sentence (the person that sentence was about).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.model import Event
from veille.nlp.events.frames import attribution_source
from veille.nlp.events.rules import Actor

_PLURAL_ROLE = re.compile(
    r"\b(?:les|des|aux)\s+(?:deux\s+)?(?P<role>présidents|dirigeants|chefs\s+d['’]État|"
    r"leaders|ministres|diplomates|homologues)\b", re.IGNORECASE)
# "Il doit s'entretenir mardi avec...": the person of the previous sentence. Not the
# impersonal "il" ("Il n'y a", "Il est prévu que", "Il faut").
_SUBJECT_PRONOUN = re.compile(
    r"\s*(?:[^,.;:!?«»\n]{1,30},\s*)?(?:[Ii]l|[Ee]lle)\s+(?!(?:y|n['’]y|est|était|sera|serait|faut|fallait|faudra|s['’]agit|"
    r"semble|semblait|reste|paraît|convient|importe|suffit|existe)\b)")
# A definite or possessive determiner right before the trigger ("l'appel", "la réunion", "sa
# visite", "à l'issue des discussions": "des" there is "de les").
_DEFINITE = re.compile(
    r"(?:(?<!\w)(?:le|la|les|ce|cet|cette|ces|au|aux)\s+|(?<!\w)l['’]\s*|"
    r"(?<!\w)(?:issue|cours|lors|terme|suite|marge|lendemain|veille|sortie|fin)\s+des\s+|"
    r"(?P<possessive>(?<!\w)(?:sa|son|ses|leur|leurs|notre|nos)\s+))$", re.IGNORECASE)
# What makes a definite mention a new description rather than a reference back: "la réunion
# du G7", "la rencontre entre X et Y", "le sommet Trump-Poutine", "l'appel avec Kiev".
_SPECIFIED = re.compile(r"^\s*(?:(?:de|du|des|d['’]|entre|avec)(?!\w)|[A-ZÉ][\w]+-[A-ZÉ])",
                        re.IGNORECASE)
# ... or a named place ("la réunion à Bruxelles"), but not a gerund ("la réunion en estimant")
_SPECIFIED_PLACE = re.compile(r"^\s*(?:à|au|aux|en)\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?[A-ZÀ-Ý]")
_CONVERSATION = re.compile(r"^(?:conversations?|échanges?)(?!\w)(?!\s+téléphon)", re.IGNORECASE)
_GROUP = {"meeting": "meet", "summit": "meet", "talks": "meet"}


def plural_roles(text: str, actors: list[Actor], start: int, end: int,
                 last_pair: tuple[str, str] | None) -> list[Actor]:
    """"les deux dirigeants" in ``text[start:end]``: the two people of the event last reported
    (``last_pair``); with none, the last two people named before, those once called by the
    role ("président") first."""
    found: list[Actor] = []
    for m in _PLURAL_ROLE.finditer(text, start, end):
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
    m = _SUBJECT_PRONOUN.match(text, start, end)
    person = next((a for a in previous if a.type == "PER"
                   and not attribution_source(text, previous_start, a.start, a.start)), None)
    if m is None or person is None:
        return []
    return [Actor(start, m.end(), person.name, "PER")]


def refers_back(text: str, event: Event) -> bool:
    """Whether the event's trigger is a definite mention with nothing new: no date, no place,
    no complement naming it afresh ("la réunion des ministres", "le sommet Trump-Poutine")."""
    if event.date or event.place or event.date_basis == "reference":
        return False
    determiner = _DEFINITE.search(text[max(0, event.start - 30):event.start])
    if determiner is None:
        return False
    after = text[event.end:event.end + 40]
    if _SPECIFIED.match(after):
        return False
    return bool(determiner["possessive"]) or not _SPECIFIED_PLACE.match(after)


def merge_mentions(text: str, events: list[Event], actors: list[Actor]) -> list[Event]:
    """Events without those that refer back to an earlier one of the same kind; the people
    acting on the mention ("António Costa a ouvert la réunion") join the earlier event."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: e.start):
        groups = _groups(event)
        earlier = next((i for i in range(len(kept) - 1, -1, -1)
                        if _GROUP.get(kept[i].type, kept[i].type) in groups
                        and _compatible(kept[i], event)), None)
        if earlier is None or not refers_back(text, event):
            kept.append(event)
            continue
        agents = _agents(text, event, actors)
        antecedent = kept[earlier]
        kept[earlier] = replace(antecedent, participants=list(dict.fromkeys(
            antecedent.participants + agents)))
    return kept


def drop_headline_repeats(text: str, events: list[Event]) -> list[Event]:
    """Events without those of the headline that the article then tells itself: the headline
    "X et Y se sont entretenus par téléphone" announces the call the first paragraph dates."""
    headline_end = text.find("\n")
    body = [e for e in events if e.start > headline_end]
    return [e for e in events if e.start > headline_end or headline_end < 0
            or not any(_GROUP.get(b.type, b.type) in _groups(e) and _compatible(e, b)
                       for b in body)]


def _groups(event: Event) -> set[str]:
    """The kinds of event a mention can refer back to: "les conversations" with no telephone
    said is a call or the talks of a meeting already reported."""
    group = _GROUP.get(event.type, event.type)
    return {group, "meet"} if _CONVERSATION.match(event.trigger) else {group}


def _compatible(antecedent: Event, mention: Event) -> bool:
    """Same status: "la rencontre" that happened is not the summit planned for August."""
    return antecedent.status == mention.status


def _agents(text: str, event: Event, actors: list[Actor]) -> list[str]:
    """The people named before the mention in its sentence: its subject or agent."""
    head = max(text.rfind(".", 0, event.start), text.rfind("\n", 0, event.start)) + 1
    return [a.name for a in actors if a.type == "PER" and head <= a.start < event.start
            and a.name in event.participants]
