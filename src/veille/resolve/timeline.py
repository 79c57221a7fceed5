"""Timelines across sources: the same real event reported by several documents becomes one.

Pure functions over :class:`veille.model.Record`. Two reported events are the same event when
they are of the same type family (a summit and talks at it are one meeting), agree on whether
it happened (a summit planned, then cancelled, is one event; neither is the one that took
place), name the same pair when both name two participants or more (else share one on a shared
day or place), their dates do not exclude each other (two different days are two events, a
month holds its days) and their places do not either. Where the sources disagree on a place,
both are kept and the event carries a conflict; a source that gave no date gets the merged
one, marked ``date_basis="merged"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from veille.lang.pack import LanguagePack
from veille.model import Event, Record
from veille.taxonomy import shared_taxonomy

_NAME_WORDS = "events/name_words.txt"
_CALL = "call"  # the taxonomy's family of telephone and video calls


@dataclass
class SourceRef:
    """One document's report of an event, in its own words."""

    doc_id: str
    title: str | None
    publisher: str | None
    published: str | None
    trigger: str
    sentence: str
    date: str | None
    place: str | None
    participants: list[str] = field(default_factory=list)
    date_basis: str = "reported"
    mentions: int = 1


@dataclass
class TimelineEvent:
    type: str
    date: str | None
    participants: list[str]
    place: str | None
    status: str
    cameo: str | None
    sources: list[SourceRef] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    quotes: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def family(self) -> str:
        return shared_taxonomy().family(self.type)


@cache
def _name_words() -> frozenset[str]:
    # Every installed pack's: one timeline merges documents of any language. Cached for the
    # process (packs are installed data, and fold_name runs for every pair of names).
    return frozenset().union(*(LanguagePack.load(code).words(_NAME_WORDS)
                               for code in LanguagePack.available()))


def fold_name(name: str) -> list[str]:
    """Name tokens compared across documents: accents, case, titles and articles off."""
    return list(_folded(name))


# A timeline compares every report with every event, each pair name by name: folding each
# distinct name (or sentence) once per process instead of per comparison took the timeline
# of ~1,000 documents from 19 s to a few (fold_name ran ~712k times for one request).
@lru_cache(maxsize=1 << 16)
def _folded(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    stop = _name_words()
    return tuple(w for w in re.findall(r"\w+", text.replace("-", " ")) if w not in stop)


@lru_cache(maxsize=1 << 16)
def _folded_set(name: str) -> frozenset[str]:
    return frozenset(_folded(name))


def same_name(a: str, b: str) -> bool:
    """"Poutine" and "Vladimir Poutine" are one name; so are Sergueï and Sergey Lavrov."""
    x, y = _folded(a), _folded(b)
    if not x or not y:
        return False
    sx, sy = _folded_set(a), _folded_set(b)
    return sx <= sy or sy <= sx or x[-1] == y[-1] and len(x[-1]) > 3


def shared(a: list[str], b: list[str]) -> int:
    return sum(1 for x in a if any(same_name(x, y) for y in b))


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span: from the last sentence end before it to the next one."""
    left = max(text.rfind(stop, 0, start) for stop in (". ", "\n", "? ", "! "))
    ends = [i for i in (text.find(stop, end) for stop in (". ", "\n", "? ", "! ")) if i >= 0]
    return " ".join(text[left + 1 if left >= 0 else 0:min(ends) + 1 if ends else len(text)]
                    .split())


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _places_agree(sentences: list[str], one: str | None, other: str | None) -> bool:
    """Places agree when one is missing, both are the same, or one sentence names both
    ("à Anchorage, en Alaska")."""
    if one is None or other is None or same_name(one, other):
        return True
    a, b = " ".join(_folded(one)), " ".join(_folded(other))
    return any(a in text and b in text for text in (" ".join(_folded(s)) for s in sentences))


def is_same_event(event: TimelineEvent, new: Event, sentence: str,
                  doc_id: str | None = None) -> bool:
    """Whether ``new`` (with its sentence, from document ``doc_id``) reports ``event``.

    Participants are compared with the event's first report (its core), not with everyone
    merged so far, so that a chain of loose matches cannot snowball into one event. A call
    has no place to tell it from the pair's other calls: undated, it joins only a call its
    own document reports.
    """
    if shared_taxonomy().family(new.type) != event.family:
        return False
    if event.family == _CALL and not (new.date and event.date) and \
            all(s.doc_id != doc_id for s in event.sources):
        return False
    if (new.status == "happened") != (event.status == "happened"):
        return False
    # two different days are two events (a call on Monday, another on Thursday)
    if not _dates_agree(event.date, new.date):
        return False
    core = event.sources[0].participants if event.sources else event.participants
    common = shared(new.participants, core)
    sentences = [sentence, *(s.sentence for s in event.sources)]
    places_agree = _places_agree(sentences, event.place, new.place)
    same_day = bool(new.date and event.date)
    same_place = bool(new.place and event.place and places_agree)
    # both sides named on both reports: the pair must match (a call between A and B never
    # absorbs one between A and C); a report naming one side joins on a shared day or place
    if len(new.participants) >= 2 and len(core) >= 2:
        if common < 2:
            return False
    elif not (common >= 1 and (same_day or same_place)):
        return False
    # same day, same people, two places: one event whose place the sources disagree on
    return places_agree or same_day and common >= 2


def _source(record: Record, event: Event) -> SourceRef:
    return SourceRef(record.doc_id, record.source.title, record.source.publisher,
                     record.source.published, event.trigger,
                     sentence_of(record.text, event.start, event.end), event.date, event.place,
                     list(event.participants))


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


def merge_events(records: Iterable[Record]) -> list[TimelineEvent]:
    """The events of all ``records`` with reports of the same event merged, sorted by date."""
    kinds = shared_taxonomy()
    reports = [(r, e) for r in records for e in r.events if e.type in kinds]
    # dated, precise reports first, so that an undated "vendredi" joins a dated event
    reports.sort(key=lambda re_: (re_[1].date is None, -len(re_[1].date or "")))
    timeline: list[TimelineEvent] = []
    for record, event in reports:
        source = _source(record, event)
        home = next((t for t in timeline
                     if is_same_event(t, event, source.sentence, record.doc_id)), None)
        if home is None:
            home = TimelineEvent(event.type, event.date, list(event.participants), event.place,
                                 event.status, event.cameo)
            timeline.append(home)
        _absorb(home, event, source, _quotes_for(record, event))
    for item in timeline:
        _settle(item)
    return sorted(timeline, key=lambda t: (t.date is None, t.date or "", t.type))


def _absorb(home: TimelineEvent, event: Event, source: SourceRef,
            quotes: list[dict[str, str | None]]) -> None:
    """Add one report; a document that mentions the event again counts once, with the
    first of its reports that gives a date."""
    same_doc = next((s for s in home.sources if s.doc_id == source.doc_id), None)
    if same_doc is None:
        home.sources.append(source)
    else:
        same_doc.mentions += 1
        if same_doc.date is None and source.date is not None:
            home.sources[home.sources.index(same_doc)] = source
            source.mentions = same_doc.mentions
    for name in event.participants:
        if not any(same_name(name, p) for p in home.participants):
            home.participants.append(name)
    kinds = shared_taxonomy()
    if kinds.rank(event.type) > kinds.rank(home.type):
        home.type, home.cameo = event.type, event.cameo
    home.place = home.place or event.place
    if event.status == "cancelled":  # what was planned, then called off
        home.status = "cancelled"
    home.quotes.extend(q for q in quotes if q not in home.quotes)


def _settle(item: TimelineEvent) -> None:
    """The event's date and place by majority; disagreements become conflicts; sources
    without a date of their own take the merged one."""
    dates = Counter(s.date for s in item.sources if s.date)
    if dates:
        best = max(dates, key=lambda d: (len(d), dates[d]))
        item.date = best
        others = [d for d in dates if not _dates_agree(d, best)]
        if others:
            item.conflicts.append("date: " + ", ".join(
                f"{d} ({dates[d]} source{'s' if dates[d] > 1 else ''})" for d in [best, *others]))
    for s in item.sources:
        if s.date is None and item.date is not None:
            s.date, s.date_basis = item.date, "merged"
    places = Counter(s.place for s in item.sources if s.place)
    if places:
        item.place = max(places, key=lambda p: places[p])
        sentences = [s.sentence for s in item.sources]
        apart = [p for p in places if not _places_agree(sentences, item.place, p)]
        if apart:
            item.conflicts.append("place: " + ", ".join([item.place, *apart]))


def filter_timeline(events: list[TimelineEvent], entity: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[TimelineEvent]:
    """Events with a participant named ``entity`` and a date within [since, until], bounds
    inclusive at their own precision: ``since="2025-08", until="2025-08"`` is all of August."""
    kept = []
    for e in events:
        if entity and not any(same_name(entity, p) for p in e.participants):
            continue
        if (since or until) and e.date is None:
            continue
        if since and _prefix(e.date or "", since) < _prefix(since, e.date or ""):
            continue
        if until and _prefix(e.date or "", until) > _prefix(until, e.date or ""):
            continue
        kept.append(e)
    return kept


def _prefix(one: str, other: str) -> str:
    # compared at the coarser of the two precisions: "2025-08-15" within "2025-08"
    return one[:min(len(one), len(other))]
