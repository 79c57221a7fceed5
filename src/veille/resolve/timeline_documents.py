"""One document's events: its mentions of one event made one report (one source).

A text names its event again ("le sommet", then "la rencontre"): same group of types, same
status, dates and places that do not exclude each other, participants that do not either; a
mention that could be either of two events stays apart, unless it says which ("les derniers
pourparlers": the latest). An undated event takes the day its own document gives it
elsewhere (:func:`veille.resolve.timeline_context.context_date`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from veille.kb.places import PlaceIndex, bundled_places
from veille.lang.pack import LanguagePack
from veille.model import Event, Record
from veille.resolve.timeline_context import context_date, sentence_bounds
from veille.resolve.timeline_model import (
    SourceRef,
    TimelineEvent,
    add_names,
    core_match,
    dates_agree,
    place_relation,
    same_day,
    same_name,
    sentence_of,
    specificity,
    statuses_agree,
)
from veille.taxonomy import shared_taxonomy

_LATEST_WORDS = "timeline/latest_words.txt"


@cache
def _latest_words() -> frozenset[str]:
    return frozenset().union(*(LanguagePack.load(code).words(_LATEST_WORDS)
                               for code in LanguagePack.available()))


def _same_in_document(item: TimelineEvent, types: set[str], event: Event,
                      places: PlaceIndex, sentences: list[str], adjacent: bool = False) -> bool:
    """Whether a mention may name again an event its document already reports (``types``:
    those of the item's mentions so far; ``adjacent``: the mention's sentence is next to one
    of the item's)."""
    kinds = shared_taxonomy()
    if kinds.group(event.type) not in {kinds.group(t) for t in types} and not (
            kinds.family(event.type) == kinds.family(item.type)
            and same_day(item.date, event.date)):
        return False  # the visit and the meeting it was for, on one day, are one event
    if not statuses_agree(event.status, item.status):
        return False
    if not dates_agree(item.date, event.date):
        return False
    if place_relation(places, sentences, item.place, event.place) == "apart":
        return False
    # "la réunion" names no one: it can refer back to the one meeting of its group; in the
    # next sentence, one name each may be the two sides ("La ministre m'a téléphoné. Nous avons
    # parlé une heure": the caller, then the one called)
    return not event.participants or not item.participants or \
        core_match(event.participants, item.participants) or \
        adjacent and len(event.participants) == len(item.participants) == 1


def _source(record: Record, event: Event) -> SourceRef:
    src = record.source
    return SourceRef(record.doc_id, src.title, src.publisher, src.published, event.trigger,
                     sentence_of(record.text, event.start, event.end), event.date, event.place,
                     list(event.participants), path=src.path, url=src.url,
                     reference_date=src.reference_date or src.published, type=event.type)


def _report(record: Record, event: Event) -> TimelineEvent:
    """A new report of ``event``; undated, it takes the day its document gives it elsewhere
    (date_basis "context")."""
    source = _source(record, event)
    if event.date is None and (day := context_date(record, event)):
        source.date, source.date_basis = day, "context"
    return TimelineEvent(event.type, source.date, list(event.participants), event.place,
                         event.status, event.cameo, [source])


def _quotes_for(record: Record, event: Event) -> list[dict[str, str | None]]:
    """Quotes of a participant said on the event's day or right after its mention."""
    tied = []
    for q in record.quotes:
        if not q.speaker or not any(same_name(q.speaker, p) for p in event.participants):
            continue
        if (event.date and q.said_on == event.date) or 0 <= q.start - event.start <= 600:
            tied.append({"speaker": q.speaker, "text": q.text, "doc_id": record.doc_id,
                         "said_on": q.said_on})
    return tied


def _by_date(event: Event) -> tuple[bool, int, int]:
    # dated, precise mentions first, so that an undated "vendredi" joins a dated event
    return event.date is None, -len(event.date or ""), event.start


def document_events(record: Record, places: PlaceIndex | None = None) -> list[TimelineEvent]:
    """One document's events, its mentions of one event made one report (one source)."""
    return document_reports(record, places)[0]


def document_reports(record: Record, places: PlaceIndex | None = None
                     ) -> tuple[list[TimelineEvent], list[int]]:
    """One document's reports (as :func:`document_events`), and for each of
    ``record.events`` the report it is a mention of (-1: a type the timeline does not keep)."""
    places = places or bundled_places()
    kinds = shared_taxonomy()
    items: list[TimelineEvent] = []
    types: list[set[str]] = []  # the types of each item's mentions
    spans: list[list[tuple[int, int]]] = []  # the sentences of each item's mentions
    member = [-1] * len(record.events)
    kept = [n for n, e in enumerate(record.events) if e.type in kinds]
    for n in sorted(kept, key=lambda n: _by_date(record.events[n])):
        event = record.events[n]
        bounds = sentence_bounds(record.text, event.start, event.end)
        sentence = " ".join(record.text[bounds[0]:bounds[1]].split())
        homes = [n for n, t in enumerate(items) if _same_in_document(
            t, types[n], event, places, [sentence, t.sources[0].sentence],
            any(_next_to(record.text, bounds, other) for other in spans[n]))]
        if len(homes) > 1 and _says_latest(record.text, bounds[0], event.start):
            homes = _latest(items, homes)
        if len(homes) == 1:  # a mention that fits two events is neither's
            item = items[homes[0]]
            _add_mention(item, event, places)
            types[homes[0]].add(event.type)
            spans[homes[0]].append(bounds)
            member[n] = homes[0]
        else:
            item = _report(record, event)
            member[n] = len(items)
            items.append(item)
            types.append({event.type})
            spans.append([bounds])
        item.quotes.extend(q for q in _quotes_for(record, event) if q not in item.quotes)
    _headline_adds_no_one(record, items, member)
    return items, member


def _headline_adds_no_one(record: Record, items: list[TimelineEvent], member: list[int]
                          ) -> None:
    """An event the body reports takes its participants from the body: a headline shortens
    and rewrites (a machine-translated one garbles names), so once the body names both sides
    of the event, a name only the headline's mention gives is no evidence that someone took
    part. An event told in the headline alone, or whose body names one side only ("Scholz a
    salué la rencontre"), keeps the headline's names."""
    titles = [(b.start, b.end) for b in record.blocks if b.kind == "title"]
    if not titles:
        return
    for k, item in enumerate(items):
        mentions = [e for n, e in enumerate(record.events) if member[n] == k]
        body = [e for e in mentions if not any(a <= e.start < b for a, b in titles)]
        if not body or len(body) == len(mentions):
            continue
        told: list[str] = []
        add_names(told, (p for e in body for p in e.participants))
        if len(told) < 2:
            continue
        for names in (item.participants, item.sources[0].participants):
            names[:] = [p for p in names if any(same_name(p, q) for q in told)]


def _says_latest(text: str, left: int, start: int) -> bool:
    """Whether the words just before a trigger say "the latest" ("les dernières négociations")."""
    before = " ".join(_plain_words(text[max(left, start - 40):start])[-2:])
    return any(w in before.split() or " " in w and before.endswith(w) for w in _latest_words())


def _latest(items: list[TimelineEvent], homes: list[int]) -> list[int]:
    """The one latest of several dated candidates; all of them when one is undated."""
    dated = [n for n in homes if items[n].date]
    if len(dated) < len(homes):
        return homes
    last = max(items[n].date or "" for n in dated)
    return [n for n in dated if items[n].date == last]


def _plain_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    return re.findall(r"\w+", "".join(c for c in text if not unicodedata.combining(c)).lower())


def _next_to(text: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two sentences follow each other (nothing but spaces between)."""
    first, second = sorted((one, other))
    return first != second and not text[first[1]:second[0]].strip()


def _add_mention(item: TimelineEvent, event: Event, places: PlaceIndex) -> None:
    source = item.sources[0]
    source.mentions += 1
    add_names(item.participants, event.participants)
    add_names(source.participants, event.participants)
    kinds = shared_taxonomy()
    if kinds.rank(event.type) > kinds.rank(item.type):
        item.type, item.cameo = event.type, event.cameo
        source.type = event.type
    if item.date is None and event.date:
        item.date = source.date = event.date
    if event.place and (item.place is None or specificity(places, event.place) >
                        specificity(places, item.place)):
        item.place = source.place = event.place  # "à Anchorage" after "en Alaska"
    if event.status == "cancelled":  # what was planned, then called off
        item.status = "cancelled"
