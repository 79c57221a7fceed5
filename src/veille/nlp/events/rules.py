"""Events of one sentence from plain data: triggers, actors, times. No spaCy here.

The language is in the pack's ``events/`` folder: ``triggers.tsv`` (what names an event, its
type and CAMEO code), ``cues.tsv`` (what makes it cancelled, planned, or an interview),
``capitals.tsv`` (a capital standing for its state), ``patterns.toml`` (the words of sentence
structure: prepositions of place, clause links, tenses), and the types themselves in
``taxonomy.tsv`` (:mod:`veille.taxonomy`). The rules are about sentence structure,
not about particular events: an actor or a date belongs to the nearest trigger of the sentence,
a date fronted before every trigger ("Le 11 avril, ...") frames them all, a place is a location
introduced by a preposition of place, and a location without one is an actor (a state).
Which actor is a place is :mod:`veille.nlp.events.actors`, which takes part in a trigger's
event :mod:`veille.nlp.events.parties`, which time dates it :mod:`veille.nlp.events.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from veille.model import Event, EventStatus, TimeExpr
from veille.nlp.events.actors import Actor, as_participant, is_place, venue_city
from veille.nlp.events.clauses import one_event_per_clause
from veille.nlp.events.data import kind_tests_reader, pattern_reader
from veille.nlp.events.dates import event_dates, nearest, weekday_ahead
from veille.nlp.events.frames import (
    announced,
    attribution_source,
    by_phone,
    calls_for,
    denied,
    generic,
    is_aside,
    is_question,
)
from veille.nlp.events.kinds import CONVERSATION as _CONVERSATION
from veille.nlp.events.kinds import ENTRETIEN as _ENTRETIEN
from veille.nlp.events.kinds import meet_kinds as _meet
from veille.nlp.events.kinds import speak_kinds as _speak
from veille.nlp.events.kinds import taxonomy as _kinds
from veille.nlp.events.parties import after_venues, describes_place, media, parties
from veille.nlp.events.roles import host_place, most_specific, named_between
from veille.nlp.events.triggers import Trigger, find_triggers

# ``Actor`` and ``is_place`` are the rules' records and tests for the callers of the rules too
__all__ = ["Actor", "EventContext", "SentenceContext", "build_events", "cue", "event_status",
           "is_place", "reports_event", "resolve_type", "split_sentences"]

# The patterns this module reads from the pack, with the flags it matches them with.
_FLAGS = {"place_preposition": re.IGNORECASE, "future_form": re.IGNORECASE,
          "link": re.IGNORECASE, "new_clause": re.IGNORECASE,
          "self_reference": re.IGNORECASE, "at_place": re.IGNORECASE,
          "person_object": re.IGNORECASE, "of_someone": re.IGNORECASE,
          "sentence_end": 0, "person_subject": re.IGNORECASE,
          "occasion": re.IGNORECASE, "medium_object": re.IGNORECASE,
          "told_about": re.IGNORECASE, "thing_object": re.IGNORECASE, "apposed_subject": 0}
_cues = kind_tests_reader("events/cues.tsv")
# Types a conversation held by telephone or video link is a call of ("par téléphone").
_BY_PHONE = ("talks", "meeting", _CONVERSATION, _ENTRETIEN)
_CANCEL_WINDOW, _CUE_WINDOW, _PLACE_WINDOW = 120, 45, 90
# how far before a trigger a cancelling cue may end: "l'effondrement des plans du sommet"
_CANCEL_BEFORE = 30
# how far before "est attendu" its person may end: a title or an age in apposition fits
_SUBJECT_GAP = 40
# entity types whose names are never an event's trigger (a place, a person)
_NAMES_NO_EVENT = ("LOC", "PER")


_re = pattern_reader(_FLAGS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cut after a full stop before a capital, and at every line break
    (headlines, captions and transcript turns end without a full stop)."""
    spans, start = [], 0
    for m in _re()["sentence_end"].finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def cue(kind: str, text: str) -> bool:
    """Whether ``text`` holds a cue of ``kind`` (``events/cues.tsv``)."""
    return _cues()[kind].search(text) is not None


def reports_event(text: str, trigger: Trigger, actors: list[Actor],
                  denials: dict[int, bool] | None = None) -> bool:
    """Whether a trigger reports an event: not denied ("aucune rencontre n'est prévue"), not
    counted vaguely ("quelques appels"), not a call *for* something ("a appelé à la retenue");
    "a appelé" and "a reçu" have a person as object ("a appelé son homologue Wang Yi") and
    "se rendre" a named place to go to. ``denials``: each trigger's denial by its start, kept
    for the sentence's other rules (a denied trigger keeps its names from the others)."""
    # the cheapest tests first: reading the clause for a denial costs the most
    if _in_a_name(trigger, actors) or calls_for(text, trigger.start, trigger.end) or \
            generic(text, trigger.start) or _denied(text, trigger, denials):
        return False
    found = _re()
    if found["person_object"].search(trigger.text):
        if _thing_received(text, trigger, actors):
            return False
        of_someone = found["of_someone"]
        # nor the source of an attribution after a thing received ("a reçu une amende, a
        # indiqué le préfet X")
        return any(a.type == "PER" and trigger.end <= a.start <= trigger.end + 60
                   and not of_someone.search(text[after_venues(trigger, a, actors):a.start])
                   and not attribution_source(text, trigger.end, a.start, trigger.start)
                   for a in actors)
    if found["person_subject"].search(trigger.text) and not any(
            a.type == "PER" and 0 <= trigger.start - a.end <= _SUBJECT_GAP for a in actors):
        return False  # "X est attendu à Rome": a person is, not a verdict or a rise in prices
    if found["medium_object"].search(trigger.text):  # "a confié au Monde": a newspaper
        return bool(media(text, trigger, actors))
    if found["at_place"].search(trigger.text):  # "se rendre à Kiev", not "se rendre à l'évidence"
        return any(is_place(text, a) and trigger.end < a.start <= trigger.end + 40
                   for a in actors)
    return True


def _denied(text: str, trigger: Trigger, known: dict[int, bool] | None) -> bool:
    """:func:`~veille.nlp.events.frames.denied` of ``trigger``, read once into ``known``."""
    if known is None:
        return denied(text, trigger.start, trigger.end)
    if trigger.start not in known:
        known[trigger.start] = denied(text, trigger.start, trigger.end)
    return known[trigger.start]


def _in_a_name(trigger: Trigger, actors: list[Actor]) -> bool:
    """Whether the trigger is a word of a place's or a person's name ("député de La Réunion"):
    a name names no event. A body's or an event's own name may ("le Sommet de la Terre")."""
    return any(a.type in _NAMES_NO_EVENT and a.start <= trigger.start and trigger.end <= a.end
               for a in actors)


def _thing_received(text: str, trigger: Trigger, actors: list[Actor]) -> bool:
    """Whether the object of "a reçu" is a name that is no person, only its determiner
    between ("X reçoit la Défense, Y récupère le Budget"): X is given a thing, and the person
    after it is of another clause. A place is where one receives, not what."""
    thing = _re()["thing_object"]
    return any(a.type != "PER" and not is_place(text, a)
               and thing.fullmatch(text, trigger.end, a.start) for a in actors)


def event_status(text: str, trigger: Trigger, sent_end: int, future: Callable[[], bool],
                 when: str | None, reference: date | None) -> EventStatus | None:
    """Status of the event a trigger names; None when the text says it does not exist.
    ``future``: whether the trigger's verb is in the future, asked last (reading the tense
    from the parse costs more than the cues, and a cancelled event needs none)."""
    before = text[max(0, trigger.start - 40):trigger.start]
    after = text[trigger.end:min(sent_end, trigger.end + _CANCEL_WINDOW)]
    cues = _cues()  # looked up once for the three cues read here
    if cues["cancelled"].search(after) or cues["cancelled"].search(before[-_CANCEL_BEFORE:]):
        return "cancelled"
    near = text[max(0, trigger.start - _CUE_WINDOW):min(sent_end, trigger.end + _CUE_WINDOW)]
    later = bool(when and reference and when > reference.isoformat()[:len(when)])
    if later or cues["planned"].search(near) or _re()["future_form"].search(trigger.text) \
            or announced(text, trigger.start) or future():
        return "planned"
    return "happened"


def resolve_type(text: str, trigger: Trigger, has_place: bool, reference_to_self: bool) -> str:
    """The type of ambiguous triggers: a conversation with no venue is a phone call; an
    "entretien" near a journalist or medium (or "cet entretien" in a transcript) an interview.
    Talks or a meeting "par téléphone" are a call: one clause, one event, the most specific."""
    if trigger.type in _BY_PHONE and \
            not (trigger.type == _ENTRETIEN and (reference_to_self or cue(
                "medium", text[max(0, trigger.start - 80):trigger.end + 80]))) and \
            by_phone(text, trigger.start, trigger.end):
        return "call"
    if trigger.type in (_CONVERSATION, _ENTRETIEN) and _published(text, trigger):
        return "interview"  # "nous publions une conversation avec X": the outlet's interview
    if trigger.type == _CONVERSATION:
        return "talks" if has_place else "call"
    if trigger.type == _ENTRETIEN:
        window = text[max(0, trigger.start - 80):trigger.end + 80]
        return "interview" if reference_to_self or cue("medium", window) else "talks"
    return trigger.type


def _published(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is what a medium publishes ("nous publions un entretien avec X",
    "un entretien publié ce matin"): an interview, not talks."""
    return cue("published", text[max(0, trigger.start - _CUE_WINDOW):trigger.start]) or \
        cue("published_after", text[trigger.end:trigger.end + _CUE_WINDOW])


def _outlet(text: str, trigger: Trigger, ctx: EventContext) -> list[str]:
    """The publisher of the text when it speaks of itself as the interviewer ("nous
    publions un entretien avec X": the outlet's "nous")."""
    before = text[max(0, trigger.start - _CUE_WINDOW):trigger.start]
    if ctx.publisher is None or trigger.type not in (_ENTRETIEN, _CONVERSATION, "interview") or \
            not cue("outlet_voice", before) or not cue("published", before):
        return []
    return [ctx.publisher]


@dataclass(frozen=True)
class EventContext:
    """What the rules know of the document: its reference date, whether that date is the
    publication (an inferred one is only a lower bound, so "later" does not mean "planned"),
    who the text is an interview with, if it is a transcript, whether it is questions
    and answers ("Q - ... R - ..."), and the outlet that publishes it."""

    reference: date | None = None
    published: bool = False
    host: str | None = None
    interview: bool = False
    publisher: str | None = None
    # where the text's first line ends (-1: it has one line), read once for the document;
    # None: read from the text when asked
    headline_end: int | None = None


@dataclass(frozen=True)
class SentenceContext:
    """What the rules know of a sentence's surroundings: whether the sentence before names a
    venue ("d'accueillir mon ami Donald à Berlin. Nous avons eu une conversation" is talks
    there, not a phone call), and the events of a heading right above it."""

    venue_before: bool = False
    # the events of the section heading right above the sentence ("Sommet X-Y annulé"): a
    # mention under it that names nobody ("Le sommet prévu à Rome a été annulé") is theirs
    heading: tuple[Event, ...] = ()


def build_events(text: str, sentence: tuple[int, int], actors: list[Actor],
                 times: list[TimeExpr], ctx: EventContext,
                 future_at: Mapping[int, bool] | None = None,
                 around: SentenceContext | None = None,
                 found: list[Trigger] | None = None) -> list[Event]:
    """The events of one sentence. ``future_at`` maps a trigger's start to whether its verb is
    in the future tense (from a parser, optional); ``found`` are the sentence's triggers when
    the caller scanned the whole document for them (:func:`sentence_triggers`)."""
    start, end = sentence
    found = find_triggers(text, start, end) if found is None else found
    # most sentences name no event: nothing to read in them
    if not found or is_question(text[start:end]) or is_aside(text[start:end]):
        return []
    # a denied event ("aucune rencontre n'est prévue") neither exists nor draws dates and names
    denials: dict[int, bool] = {}  # read by both steps: a trigger's clause read once
    triggers = _unlinked(text, [t for t in found if reports_event(text, t, actors, denials)])
    actors = _without_unreal_parties(text, found, triggers, actors, denials)
    around = around or SentenceContext()
    flags = (future_at or {}, around.venue_before, around.heading)
    events = _sentence_events(text, (start, end), triggers, actors, times, ctx, flags)
    # a trigger nobody takes part in ("X s'est entretenu avec Y le 3 juillet, leur sixième
    # conversation") leaves its names and dates to the others
    told = [t for t in triggers if any(e.start == t.start for e in events)]
    if len(told) < len(triggers):
        # but not its place: "Cette réunion à Washington ... après un sommet tenu en Alaska"
        lent = [a for a in actors if not (is_place(text, a) and nearest(a.start, triggers)
                                          not in told)]
        events = _sentence_events(text, (start, end), told, lent, times, ctx, flags)
    return _held_there(text, one_event_per_clause(text, events))


def _without_unreal_parties(text: str, found: list[Trigger], triggers: list[Trigger],
                            actors: list[Actor], denials: dict[int, bool]) -> list[Actor]:
    """``actors`` without the complements of a denied or wished event ("la disponibilité de X
    à poursuivre des pourparlers avec l'Ukraine lors de son appel avec Y": l'Ukraine is of the
    wished talks, not of the call): those after its trigger and nearer it than any other."""
    if not triggers:  # no event to keep them from: the denials are not read
        return actors
    unreal = [t for t in found if t not in triggers and _denied(text, t, denials)]
    if not unreal:
        return actors
    return [a for a in actors
            if not any(u.end <= a.start and nearest(a.start, unreal + triggers) == u
                       for u in unreal)]


def _of_heading(trigger: Trigger, heading: tuple[Event, ...]) -> Event | None:
    """The heading's event of the trigger's kind, whose parties a mention under it that names
    none takes ("Sommet X-Y annulé" / "Le sommet prévu à Rome a été annulé") when its status
    is the same (a summit that happened is another event than the cancelled one)."""
    group = _kinds().group
    kind = trigger.type.split("|")[0]
    return next((e for e in heading if group(e.type) == group(kind)), None)


def _held_there(text: str, events: list[Event]) -> list[Event]:
    """Events of a sentence with the place of the event they were held on the occasion of
    ("une réunion au Kazakhstan, à l'issue de laquelle X a tenu une conférence de presse"),
    and that event with their parties: X was at the meeting."""
    told: list[Event] = []
    for event in sorted(events, key=lambda e: e.start):
        at = next((i for i in range(len(told) - 1, -1, -1)
                   if told[i].place and told[i].end <= event.start), None)
        if at is not None and event.type != "call" and \
                _re()["occasion"].search(text, told[at].end, event.start):
            host = told[at]
            told[at] = replace(host, participants=list(dict.fromkeys(
                host.participants + event.participants)))
            event = replace(event, place=event.place or host.place)
        told.append(event)
    return told


def _sentence_events(text: str, sentence: tuple[int, int], triggers: list[Trigger],
                     actors: list[Actor], times: list[TimeExpr], ctx: EventContext,
                     flags: tuple[Mapping[int, bool], bool, tuple[Event, ...]]) -> list[Event]:
    start, end = sentence
    # a place fronted before every trigger frames them all, as a fronted date does ("Tous les
    # regards étaient sur Genève, en Suisse, lorsque X et Y se sont rencontrés")
    fronted = [a for a in actors if triggers and a.end <= triggers[0].start
               and is_place(text, a)]
    # each actor's nearest trigger found once, not once per trigger of the sentence (one of
    # the sentence's own: known by identity)
    closest = [nearest(a.start, triggers) for a in actors] if len(triggers) > 1 else \
        triggers * len(actors)
    events = []
    for trigger in triggers:
        nearer = [a for a, near in zip(actors, closest, strict=True) if near is trigger
                  or _subject_across_apposition(text, a, trigger, triggers)]
        # the clause's tests read only the actors nearer this trigger than any other
        mine = parties(text, start, actors, trigger, end, nearer) if nearer else []
        events.extend(_events_of(text, (trigger, triggers, end), mine, times, ctx,
                                 (flags[0], flags[1]), fronted, flags[2]))
    return events


def _subject_across_apposition(text: str, actor: Actor, trigger: Trigger,
                               triggers: list[Trigger]) -> bool:
    """Whether a person before every trigger is the subject of ``trigger`` across an
    apposition that holds the others ("X, en visite au Japon, a rencontré Y": X met Y too,
    though "visite" is nearer)."""
    return actor.type == "PER" and actor.end <= triggers[0].start < trigger.start and \
        _re()["apposed_subject"].fullmatch(text, actor.end, trigger.start) is not None


def _host_bodies(text: str, trigger: Trigger, actors: list[Actor]) -> list[str]:
    """The organisation an event naming nobody is held at ("les réunions prévues aux Nations
    unies", "une réunion à l'OTAN"): a body after a preposition of place is where its own
    members meet, so it takes part. Not a building that stands for a city ("à l'Élysée")."""
    at = _re()["place_preposition"]
    return list(dict.fromkeys(
        a.name for a in actors if a.type == "ORG" and venue_city(a.name) is None
        and abs(a.start - trigger.start) <= _PLACE_WINDOW
        and at.search(text, max(0, a.start - 30), a.start) is not None))


def _unlinked(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """Triggers without those that only name the purpose or frame of the one before: "se sont
    rencontrés pour des conversations", "une réunion dans le cadre du sommet" are one event."""
    kept: list[Trigger] = []
    meet = _meet()
    for trigger in triggers:
        head = kept[-1] if kept else None
        if head is not None and head.type in meet and trigger.type in meet | {_CONVERSATION} \
                and _re()["link"].match(text[head.end:trigger.start]) \
                and not _re()["new_clause"].search(text[head.end:trigger.start]):
            # the most specific kind wins: "se sont retrouvés ... pour un sommet" is a summit,
            # "a reçu X pour une rencontre" a meeting (hosting says who, the purpose what)
            if _kinds().rank(trigger.type) > _specific(head):
                kept[-1] = Trigger(head.start, head.end, head.text, trigger.type, trigger.cameo)
            continue
        kept.append(trigger)
    return kept


def _specific(trigger: Trigger) -> int:
    # hosting a visit (CAMEO 043) says who, not what: any purpose named after it is the event
    return -1 if trigger.cameo == "043" else _kinds().rank(trigger.type)


def _is_itself(text: str, trigger: Trigger, ctx: EventContext) -> bool:
    """Whether an "entretien" is the text itself, with its host and on its own date: "cet
    entretien" in a transcript, or the headline "Entretien avec X" of questions and answers."""
    if not trigger.type.startswith("interview"):
        return False
    # the first line's end read once per document, not from the text's start at each trigger
    headline_end = text.find("\n") if ctx.headline_end is None else ctx.headline_end
    if ctx.interview and trigger.end <= headline_end:
        return True
    before = text[max(0, trigger.start - 8):trigger.start]
    return ctx.host is not None and bool(_re()["self_reference"].search(before))


def _unnamed_parties(text: str, trigger: Trigger, ctx: EventContext,
                     heading: tuple[Event, ...]) -> bool:
    """Whether an event may have parties though its clause names nobody: the host of the
    interview the text itself is, the outlet that publishes it, the heading's event."""
    return bool(ctx.host and _is_itself(text, trigger, ctx)) or \
        bool(_outlet(text, trigger, ctx)) or _of_heading(trigger, heading) is not None


def _events_of(text: str, where: tuple[Trigger, list[Trigger], int], actors: list[Actor],
               times: list[TimeExpr], ctx: EventContext,
               flags: tuple[Mapping[int, bool], bool],
               fronted: list[Actor] | None = None, heading: tuple[Event, ...] = ()
               ) -> list[Event]:
    trigger, triggers, sent_end = where
    future_at, venue_before = flags  # the tense is read only for an event's status
    if not actors and not _unnamed_parties(text, trigger, ctx, heading):
        return []  # nobody to take part: no place, date or status to read
    medium = media(text, trigger, actors)
    places = [a for a in actors if abs(a.start - trigger.start) <= _PLACE_WINDOW
              and is_place(text, a) and a.name not in medium] or list(fronted or [])
    host = host_place(text, trigger.start, [a for a in actors if a.type == "LOC"])
    places += [host] if host is not None and host not in places else []
    between = named_between(text, trigger.start, sent_end, actors,
                            lambda a: as_participant(text, a) is not None)
    # who is told of the event ("lui parler de la réunion") is before it and not in it
    told = _re()["told_about"].search(text, max(0, trigger.start - 40), trigger.start)
    # the places an apposition may describe end after the trigger: most events have none
    described = [p for p in places if trigger.end <= p.end]
    names = [as_participant(text, a) for a in (between or actors)
             if a is not host and not (described and describes_place(text, described, a))
             and not (told and a.start < trigger.start)]
    names += medium + _outlet(text, trigger, ctx)
    itself = _is_itself(text, trigger, ctx)
    participants = list(dict.fromkeys(([ctx.host] if itself and ctx.host else [])
                                      + [n for n in names if n]))
    titled = None if participants else _of_heading(trigger, heading)
    participants = participants or (list(titled.participants) if titled else []) \
        or _host_bodies(text, trigger, actors)
    if not participants:
        return []
    kind = resolve_type(text, trigger, bool(places) or venue_before, itself)
    cameo = trigger.cameo if kind == trigger.type else _kinds().cameo(kind) or trigger.cameo
    place = None if kind == "call" or not places else most_specific(
        text, min(places, key=lambda a: abs(a.start - trigger.start)), places).name
    place = venue_city(place) or place if place else None
    dates = event_dates(text, trigger, triggers, times, trigger.type in _speak())
    if itself and ctx.reference is not None:
        dates = [ctx.reference.isoformat()]
    events = []
    for when in dates:
        status: EventStatus | None = "happened" if itself else event_status(
            text, trigger, sent_end, lambda: future_at.get(trigger.start, False), when,
            ctx.reference if ctx.published else None)
        if status == "planned":
            when = weekday_ahead(when, times, ctx.reference)
        if status is not None and (titled is None or status == titled.status):
            basis = "reference" if itself else "text" if when else None
            events.append(Event(kind, trigger.text, trigger.start, trigger.end, participants,
                                place, when, status, cameo, basis))
    return events
