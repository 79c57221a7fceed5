"""Who takes part and where, beyond what the clause frames say.

Pure functions over :class:`~veille.nlp.events.actors.Actor` spans: the parties an event names
after "entre" ("l'échange entre Marco Rubio et Sergueï Lavrov" is between those two, whoever
else the sentence names), the subject of a reporting verb whose completive tells the event (the
newspaper in "le journal a rapporté que la Russie et les États-Unis ont procédé à un échange"),
those outside the subordinate clause that tells the event ("X, après que Y et Z se sont
parlé"), the location that hosts the event ("Istanbul a accueilli des pourparlers"), and the most
specific of two apposed places ("à Anchorage, en Alaska" is at Anchorage: news
names the city first and its region or country after it), and the place a planned trip goes to
for the purpose the next sentence gives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from veille.nlp.events.data import pattern_reader
from veille.nlp.events.frames import reporting_forms
from veille.nlp.scope import current_pack

_FLAGS = {"between": re.IGNORECASE, "last_conjunct": re.IGNORECASE,
          "apposed_place": re.IGNORECASE, "reported_that": re.IGNORECASE,
          "subordinate": re.IGNORECASE, "hosts": re.IGNORECASE,
          "plan_destination": re.IGNORECASE, "opening_subject": re.IGNORECASE}
_CLAUSE_END = re.compile(r"[.;:!?«»“”\n]")
# how far a party of "entre A et B" may stand from the word before it: a title and a
# nationality ("le ministre russe des Affaires étrangères ") fit, another clause does not
_CONJUNCT_GAP = 60


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


A = TypeVar("A", bound=Span)


_re = pattern_reader(_FLAGS)


def named_between(text: str, trigger_start: int, sentence_end: int, actors: Sequence[A],
                  takes_part: Callable[[A], bool]) -> list[A] | None:
    """The actors of "entre A, B et C" right after a trigger (or ending it: "l'échange
    entre"), or None when the trigger names no such pair. Actors on one span (the two people
    of "les deux diplomates") come together; one that cannot take part (a place: "entre les
    deux dirigeants, consécutif à une rencontre à la Maison-Blanche") ends the list."""
    found = _re()["between"].match(text, trigger_start, sentence_end)
    if found is None:
        return None
    chosen: list[A] = []
    cursor, closed = found.end(), False
    for actor in sorted(actors, key=lambda a: a.start):
        if chosen and (actor.start, actor.end) == (chosen[-1].start, chosen[-1].end):
            chosen.append(actor)
            continue
        if actor.start < cursor or closed:
            continue
        gap = text[cursor:actor.start]
        if len(gap) > _CONJUNCT_GAP or _CLAUSE_END.search(gap) or not takes_part(actor):
            break
        closed = bool(chosen) and _re()["last_conjunct"].search(gap) is not None
        chosen.append(actor)
        cursor = actor.end
    return chosen or None


def reports_that(text: str, actor: Span, trigger_start: int, actors: Sequence[Span]) -> bool:
    """Whether ``actor`` is the subject of a reporting verb whose completive tells the event
    with other actors ("le journal a rapporté que la Russie ... un échange"); "X a annoncé
    qu'il rencontrerait Y" keeps X, as nobody else is named before the trigger."""
    if actor.end > trigger_start:
        return False
    said = _re()["reported_that"].match(text, actor.end, trigger_start)
    if said is None:
        return False
    forms = current_pack().derive(reporting_forms)
    return said["verb"].lower() in forms and any(
        said.end() <= a.start < trigger_start for a in actors)


def subordinate_start(text: str, sentence_start: int, trigger_start: int,
                      actors: Sequence[Span]) -> int:
    """Where the subordinate clause that tells the event starts when it has a subject of its
    own ("les relations entre X et moi, après que les présidents ont eu leur conversation":
    X is not on the call); ``sentence_start`` if none."""
    for found in reversed(list(_re()["subordinate"].finditer(text, sentence_start,
                                                             trigger_start))):
        if any(found.end() <= a.start < trigger_start for a in actors):
            return found.end()
    return sentence_start


def host_place(text: str, trigger_start: int, places: Sequence[A]) -> A | None:
    """The location that hosts the event as the subject of its verb ("Istanbul a accueilli
    trois séries de pourparlers", "le Kazakhstan a hébergé une réunion"): where, not who."""
    hosts = _re()["hosts"]
    return next((p for p in places if p.end <= trigger_start
                 and hosts.fullmatch(text, p.end, trigger_start)), None)


def most_specific(text: str, place: A, places: Sequence[A]) -> A:
    """The head of an apposition of places: "à Anchorage, en Alaska" gives Anchorage for
    either; "Istanbul (Turquie)" Istanbul."""
    apposed = _re()["apposed_place"]
    head = place
    while True:
        before = next((p for p in places if p.end <= head.start
                       and apposed.match(text[p.end:head.start])), None)
        if before is None:
            return head
        head = before


class Named(Span, Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def cities_of_regions(text: str, places: Sequence[N]) -> dict[str, str]:
    """Region or country -> the one city the text places in it ("à Anchorage, en Alaska",
    "Istanbul (Turquie)"): an event the text puts "en Alaska" elsewhere is at that city. A
    region given two cities keeps none (which one is unknown)."""
    apposed = _re()["apposed_place"]
    found: dict[str, set[str]] = {}
    ordered = sorted(places, key=lambda p: p.start)
    for city, region in zip(ordered, ordered[1:], strict=False):
        if city.name != region.name and apposed.match(text[city.end:region.start]):
            found.setdefault(region.name, set()).add(city.name)
    return {region: next(iter(c)) for region, c in found.items() if len(c) == 1}


def trip_destination(text: str, before: tuple[int, int], sentence_start: int,
                     places: Sequence[N]) -> str | None:
    """The place the sentence ``before`` plans a trip to ("il était prévu qu'elle vienne à
    Lyon"), when the next sentence, at ``sentence_start``, opens on the same subject ("Elle
    devait y présider un forum"): the purpose of a trip is planned at its destination. Another
    subject ("Ils allaient signer") is another plan, which the trip does not place."""
    opening = _re()["opening_subject"].match(text, sentence_start)
    if opening is None:
        return None
    plan = _re()["plan_destination"]
    for place in sorted(places, key=lambda p: p.start):
        if not before[0] <= place.start < before[1]:
            continue
        trip = plan.search(text, before[0], place.start)
        goer = trip and (trip["subject"] or trip["holder"])
        if goer and _person(goer) == _person(opening["subject"]):
            return most_specific(text, place, places).name
    return None


def _person(pronoun: str) -> str:
    """A subject pronoun folded to compare ("J'" and "je" are one person)."""
    return pronoun.casefold().rstrip("'’").removesuffix("e") or pronoun.casefold()
