"""Who takes part in a trigger's event, of the actors of its sentence: not the source of an
attribution, not a name in the event's topic, not those who only evoke it, not a name that
describes its place; the newspaper an interview is given to. No spaCy here.

The clause frames are :mod:`veille.nlp.events.frames`, the roles :mod:`veille.nlp.events.roles`;
the words are the pack's (``events/patterns.toml``).
"""

from __future__ import annotations

import re

from veille.nlp.events.actors import Actor
from veille.nlp.events.data import pattern_reader
from veille.nlp.events.frames import (
    announced,
    announcement_predicate,
    attribution_source,
    evoked_from,
    new_subject,
    said_before,
    speaks_in_first_person,
    topic_about,
    topic_start,
)
from veille.nlp.events.kinds import speak_kinds
from veille.nlp.events.roles import reports_that, subordinate_start
from veille.nlp.events.triggers import Trigger

_FLAGS = {"that_clause": re.IGNORECASE, "medium_object": re.IGNORECASE,
          "interview_to": re.IGNORECASE, "granted_to": re.IGNORECASE,
          "place_apposition": 0, "sentence_end": 0}
_re = pattern_reader(_FLAGS)
# what an interview is given to: a newspaper's name is tagged a body or a label, not a place
# ("une interview à Lyon" is where it was given)
_MEDIUM_TYPES = ("ORG", "MISC")
# how far after "a confié au" its medium may start: a space (its article may end the trigger:
# "à La Dépêche")
_MEDIUM_GAP = 3


def parties(text: str, sentence_start: int, actors: list[Actor], trigger: Trigger,
            sentence_end: int, among: list[Actor] | None = None) -> list[Actor]:
    """The actors of a sentence that can take part in a trigger's event: not the source of an
    attribution ("a indiqué l'Élysée", unless the event is told in the first person: "notre
    rencontre"), not a name inside the event's topic ("porteront sur ... par Pékin"), not
    those who only evoke it ("ont évoqué la préparation du sommet"), not those of what was said
    before the attribution that tells the event ("X a besoin de Y, a déclaré Z dans une
    interview"). ``among``: the actors to test, in order (all ``actors`` if None); the clause
    is read with all of them."""
    tested = actors if among is None else among
    # each bound limits the actors on one side of the trigger only: it is read only when the
    # trigger has an actor on that side (a few regex searches to the sentence's end saved)
    excluded = _after_trigger(text, (sentence_start, sentence_end), trigger) \
        if any(trigger.end <= a.start for a in tested) else ()
    evoked = max(evoked_from(text, sentence_start, trigger.start),
                 subordinate_start(text, sentence_start, trigger.start, actors),
                 said_before(text, sentence_start, trigger.start)) \
        if any(a.start < trigger.start for a in tested) else sentence_start
    # the first person read only for a source of an attribution: most actors are none
    first_person: list[bool] = []
    return [a for a in tested
            if a.start >= evoked and not any(s <= a.start < e for s, e in excluded)
            and (not attribution_source(text, sentence_start, a.start, trigger.start)
                 or _first_person(first_person, text, trigger))
            and not reports_that(text, a, trigger.start, actors)]


def _first_person(known: list[bool], text: str, trigger: Trigger) -> bool:
    """:func:`speaks_in_first_person` of ``trigger``, read once into ``known``."""
    if not known:
        known.append(speaks_in_first_person(text, trigger.start, trigger.end))
    return known[0]


def _after_trigger(text: str, sentence: tuple[int, int], trigger: Trigger
                   ) -> tuple[tuple[int, int], ...]:
    """The spans after a trigger whose names take no part (see :func:`parties`): from the
    topic on, the "sur" phrase, another subject's clause."""
    sentence_end = sentence[1]
    topic = topic_start(text, trigger.end, sentence_end)
    # "lors de son point de presse que la Russie...": what was said
    if trigger.type in speak_kinds():
        said = _re()["that_clause"].search(text, trigger.end, sentence_end)
        topic = min(topic, said.start() if said else sentence_end)
    if announced(text, trigger.start):  # "son annonce d'un sommet avec X a surpris Y": not Y
        topic = min(topic, announcement_predicate(text, trigger.end, sentence_end))
    about = topic_about(text, trigger.end, sentence_end) or (0, 0)
    # ", je leur ai présenté X": another clause's names
    other = new_subject(text, sentence, trigger.start, trigger.end)
    return (max(trigger.end, topic), len(text) + 1), about, other


def media(text: str, trigger: Trigger, actors: list[Actor]) -> list[str]:
    """The newspaper after "a confié à" or "une interview à": the interviewer, though "à"
    precedes it."""
    if _re()["medium_object"].search(trigger.text):
        # what one confides to that is no person is a medium, whatever type the tagger gave
        # its name ("au Parisien" reads as a place, "au Journal du dimanche" as a label)
        return [a.name for a in actors
                if a.type != "PER" and trigger.start < a.start <= trigger.end + _MEDIUM_GAP]
    if trigger.type not in speak_kinds():
        return []
    to, granted = _re()["interview_to"], _re()["granted_to"]
    # "accordée au Courrier" is given to a medium whatever its tag; a bare "à Lyon" is a place
    return [a.name for a in actors if a.type != "PER" and trigger.end <= a.start
            and to.fullmatch(text, trigger.end, a.start)
            and (a.type in _MEDIUM_TYPES or granted.fullmatch(text, trigger.end, a.start))]


def after_venues(trigger: Trigger, person: Actor, actors: list[Actor]) -> int:
    """Where the object of "a reçu" starts once its place is skipped: "a reçu au palais de
    Belém la présidente X" (the "de" of a venue is not "le soutien de X")."""
    return max([trigger.end] + [a.end for a in actors
                                if a.type != "PER" and trigger.end <= a.start < person.start])


def describes_place(text: str, places: list[Actor], actor: Actor) -> bool:
    """Whether ``actor`` is in an apposition on the event's place after the trigger ("attendu
    au Kazakhstan, ex-république partageant avec la Russie une frontière"): it describes the
    place, it does not take part. ``places``: the event's places that end after its trigger."""
    apposition, sentence_end = _re()["place_apposition"], _re()["sentence_end"]
    return any(p.end <= actor.start
               and apposition.match(text, p.end, actor.start)
               and not sentence_end.search(text, p.end, actor.start)
               for p in places)
