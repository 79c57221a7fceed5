"""Timelines across sources: the same real event reported by several documents becomes one.

Pure functions over :class:`veille.model.Record`, in two steps. First each document's mentions
of one event become one report (a text names its event again: "le sommet", then "la
rencontre"): same group of types, same status, dates and places that do not exclude each
other, participants that do not either; a mention that could be either of two events stays
apart. Then reports of several documents are one event only when the identity is sure: same
type family, same status (planned or cancelled never meets what happened), compatible dates
and places, the same core participants (a call between A and B never absorbs one between C
and D), and something that pins the event down: the same day, or the same place (a city, a
venue, a region; a country is too wide). What one source lends another (a date, a place) is
marked with the source that gave it; disagreements on date, place or participants are kept
as conflicts. Places are linked to the KB (:mod:`veille.kb.places`): the most specific wins.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from veille.kb.places import UNKNOWN_SPECIFICITY, Place, PlaceIndex, bundled_places
from veille.lang.pack import LanguagePack
from veille.model import Event, Record
from veille.resolve.timeline_context import after_reference, context_date, sentence_bounds
from veille.taxonomy import shared_taxonomy

_NAME_WORDS = "events/name_words.txt"
_LATEST_WORDS = "timeline/latest_words.txt"


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
    # the document that lent this source its date or place (identity sure: see merge_events)
    date_from: str | None = None
    place_from: str | None = None
    # where the document came from, to name an untitled source (file, else URL)
    path: str | None = None
    url: str | None = None
    # the document's own date (published or dateline): what it reports as done is no later
    reference_date: str | None = None
    type: str | None = None  # what this document calls the event (its most specific type)

    @property
    def label(self) -> str:
        """How the source is named to a reader: its title, else its file name, else the last
        part of its URL, else its doc id."""
        if self.title and self.title.strip():
            return " ".join(self.title.split())
        if self.path:
            return PurePosixPath(self.path.replace("\\", "/")).name or self.path
        if self.url:
            tail = [part for part in urlsplit(self.url).path.split("/") if part]
            return tail[-1] if tail else urlsplit(self.url).netloc or self.url
        return self.doc_id


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
    place_id: str | None = None  # the place's Wikidata id (kb_id), when the KB knows it

    @property
    def family(self) -> str:
        return shared_taxonomy().family(self.type)


@cache
def _name_words() -> frozenset[str]:
    # Every installed pack's: one timeline merges documents of any language. Cached for the
    # process (packs are installed data, and fold_name runs for every pair of names).
    return frozenset().union(*(LanguagePack.load(code).words(_NAME_WORDS)
                               for code in LanguagePack.available()))


@cache
def _latest_words() -> frozenset[str]:
    return frozenset().union(*(LanguagePack.load(code).words(_LATEST_WORDS)
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
    left, right = sentence_bounds(text, start, end)
    return " ".join(text[left:right].split())


_HAPPENED = "happened"
# A place pins an event down when both sources give it and it is at least this fine: two
# summits "en Alaska" in one month are one, two meetings "en Russie" need not be.
_PINNING = 2


def _happened(status: str) -> bool:
    return status == _HAPPENED


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _same_day(a: str | None, b: str | None) -> bool:
    return bool(a and b and len(a) == 10 and a == b)


def place_of(places: PlaceIndex, name: str | None) -> Place | None:
    """The KB place a name denotes, tried as written, then without its article."""
    return places.place(name, " ".join(_folded(name))) if name else None


def _specificity(places: PlaceIndex, name: str) -> int:
    found = place_of(places, name)
    return found.specificity if found else UNKNOWN_SPECIFICITY


def place_relation(places: PlaceIndex, sentences: list[str], one: str | None,
                   other: str | None) -> str:
    """"same", "within" (one holds the other), "apart" (they conflict) or "unknown" (one
    missing). Names the KB does not know hold each other when one sentence names both ("à
    Anchorage, en Alaska")."""
    if one is None or other is None:
        return "unknown"
    if same_name(one, other):
        return "same"
    a, b = place_of(places, one), place_of(places, other)
    if a and b:
        if a.key == b.key:
            return "same"
        return "within" if places.contains(a, b) or places.contains(b, a) else "apart"
    fa, fb = " ".join(_folded(one)), " ".join(_folded(other))
    folded = (" ".join(_folded(s)) for s in sentences)
    return "within" if any(fa in t and fb in t for t in folded) else "apart"


def _place_pins(places: PlaceIndex, sentences: list[str], one: str | None,
                other: str | None) -> bool:
    """Both sources name the place, they agree, and the wider of the two is no country."""
    if place_relation(places, sentences, one, other) not in ("same", "within"):
        return False
    return min(_specificity(places, one or ""), _specificity(places, other or "")) >= _PINNING


def _core_match(a: list[str], b: list[str]) -> bool:
    """Both sides named on both reports: the pair must match; one side named: it is shared."""
    common = shared(a, b)
    return common >= 2 if len(a) >= 2 and len(b) >= 2 else common >= 1


def is_same_event(event: TimelineEvent, report: TimelineEvent,
                  places: PlaceIndex | None = None) -> bool:
    """Whether one document's ``report`` is the timeline's ``event`` (another document's).

    Participants are compared with the event's first report (its core), not with everyone
    merged so far, so that a chain of loose matches cannot snowball into one event. Both
    dated, the identity is pinned by the same place in one period, where sharing one
    participant is enough (the envoy who was at the summit), or by the same day, where the
    pair must match (a call between A and B never absorbs one between A and C). One of them
    undated, only a sure identity lends it the other's date: same group of types, the same
    core (:func:`_same_core`), the same place (or one inside it), a document not older than
    the event. Two undated reports of what happened
    between the same two people may be two meetings months apart; two undated plans of one
    summit in one city are one plan.
    """
    places = places or bundled_places()
    if report.family != event.family or _happened(report.status) != _happened(event.status):
        return False
    if not _dates_agree(event.date, report.date) or _too_late(event, report):
        return False  # two different days are two events (a call on Monday, another Thursday)
    core = event.sources[0].participants if event.sources else event.participants
    if not shared(report.participants, core):
        return False
    sentences = [s.sentence for s in (*event.sources, *report.sources)]
    pinned = _place_pins(places, sentences, event.place, report.place)
    if event.date and report.date:
        # same day, same pair: one event, even where the sources disagree on its place
        return pinned or (_same_day(event.date, report.date)
                          and _core_match(report.participants, core))
    kinds = shared_taxonomy()
    groups = {kinds.group(s.type or event.type) for s in event.sources}
    return (pinned and kinds.group(report.type) in groups
            and _same_core(report.participants, core)
            and bool(event.date or report.date or not _happened(event.status)))


def _same_core(a: list[str], b: list[str]) -> bool:
    """The two lists name one core: a pair named on both sides is the same pair (Putin and
    Xi are not Putin and Trump); a longer list (a delegation) or one name shares someone."""
    if len(a) == 2 and len(b) == 2:
        return shared(a, b) == 2
    return shared(a, b) >= 1


def _too_late(event: TimelineEvent, report: TimelineEvent) -> bool:
    """An undated report of what happened cannot be an event dated after its document."""
    if not _happened(report.status):
        return False  # a plan is of what comes later
    return any(s.date is None and after_reference(other.date, s.reference_date)
               for one, other in ((report, event), (event, report)) for s in one.sources)


def _same_in_document(item: TimelineEvent, types: set[str], event: Event,
                      places: PlaceIndex, sentences: list[str], adjacent: bool = False) -> bool:
    """Whether a mention may name again an event its document already reports (``types``:
    those of the item's mentions so far; ``adjacent``: the mention's sentence is next to one
    of the item's)."""
    kinds = shared_taxonomy()
    if kinds.group(event.type) not in {kinds.group(t) for t in types} and not (
            kinds.family(event.type) == kinds.family(item.type)
            and _same_day(item.date, event.date)):
        return False  # the visit and the meeting it was for, on one day, are one event
    if _happened(event.status) != _happened(item.status):
        return False
    if not _dates_agree(item.date, event.date):
        return False
    if place_relation(places, sentences, item.place, event.place) == "apart":
        return False
    # "la réunion" names no one: it can refer back to the one meeting of its group; in the
    # next sentence, one name each may be the two sides ("X m'a appelé. Nous avons eu une
    # conversation": the caller, then the one called)
    return not event.participants or not item.participants or \
        _core_match(event.participants, item.participants) or \
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
    places = places or bundled_places()
    kinds = shared_taxonomy()
    items: list[TimelineEvent] = []
    types: list[set[str]] = []  # the types of each item's mentions
    spans: list[list[tuple[int, int]]] = []  # the sentences of each item's mentions
    for event in sorted((e for e in record.events if e.type in kinds), key=_by_date):
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
        else:
            item = _report(record, event)
            items.append(item)
            types.append({event.type})
            spans.append([bounds])
        item.quotes.extend(q for q in _quotes_for(record, event) if q not in item.quotes)
    return items


def _says_latest(text: str, left: int, start: int) -> bool:
    """Whether the words just before a trigger say "the latest" ("les derniers pourparlers")."""
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
    _add_names(item.participants, event.participants)
    _add_names(source.participants, event.participants)
    kinds = shared_taxonomy()
    if kinds.rank(event.type) > kinds.rank(item.type):
        item.type, item.cameo = event.type, event.cameo
        source.type = event.type
    if item.date is None and event.date:
        item.date = source.date = event.date
    if event.place and (item.place is None or _specificity(places, event.place) >
                        _specificity(places, item.place)):
        item.place = source.place = event.place  # "à Anchorage" after "en Alaska"
    if event.status == "cancelled":  # what was planned, then called off
        item.status = "cancelled"


def _add_names(names: list[str], more: Iterable[str]) -> None:
    for name in more:
        if not any(same_name(name, p) for p in names):
            names.append(name)


def merge_events(records: Iterable[Record], places: PlaceIndex | None = None
                 ) -> list[TimelineEvent]:
    """The events of all ``records`` with reports of the same event merged, sorted by date."""
    places = places or bundled_places()
    reports = [item for r in records for item in document_events(r, places)]
    reports.sort(key=lambda t: (t.date is None, -len(t.date or "")))
    timeline = _Timeline()
    for report in reports:
        home = next((t for t in timeline.candidates(report) if is_same_event(t, report, places)),
                    None)
        if home is None:
            timeline.add(report)
        else:
            _absorb(home, report)
    for item in timeline.entries:
        _settle(item, places)
    return sorted(timeline.entries, key=lambda t: (t.date is None, t.date or "", t.type))


class _Timeline:
    """The entries so far, indexed by the name words of their core participants: a report
    can only be an entry it shares a participant with (same_name shares a word), so a corpus
    of a thousand documents compares each report with a few entries, not with all."""

    def __init__(self) -> None:
        self.entries: list[TimelineEvent] = []
        self._by_word: dict[str, list[int]] = {}

    def add(self, item: TimelineEvent) -> None:
        for word in _name_words_of(item.sources[0].participants):
            self._by_word.setdefault(word, []).append(len(self.entries))
        self.entries.append(item)

    def candidates(self, report: TimelineEvent) -> list[TimelineEvent]:
        """Entries that share a name word with ``report``, oldest first; none when nothing
        could pin the report to an entry (no day and no place)."""
        if not (report.place or (report.date and len(report.date) == 10)):
            return []
        found = {n for word in _name_words_of(report.participants)
                 for n in self._by_word.get(word, ())}
        return [self.entries[n] for n in sorted(found)]


def _name_words_of(names: list[str]) -> set[str]:
    return {word for name in names for word in _folded(name)}


def _absorb(home: TimelineEvent, report: TimelineEvent) -> None:
    """Add another document's report; a document already there counts its mentions once."""
    for source in report.sources:
        same_doc = next((s for s in home.sources if s.doc_id == source.doc_id), None)
        if same_doc is None:
            home.sources.append(source)
        else:
            same_doc.mentions += source.mentions
    _add_names(home.participants, report.participants)
    kinds = shared_taxonomy()
    if kinds.rank(report.type) > kinds.rank(home.type):
        home.type, home.cameo = report.type, report.cameo
    home.place = home.place or report.place
    if report.status == "cancelled":
        home.status = "cancelled"
    home.quotes.extend(q for q in report.quotes if q not in home.quotes)


def _settle(item: TimelineEvent, places: PlaceIndex) -> None:
    """The event's date, place and participants from its sources; what a source lacks is
    lent by the one that gave it, and disagreements become conflicts."""
    _settle_date(item)
    _settle_place(item, places)
    _flag_participants(item)


def _settle_date(item: TimelineEvent) -> None:
    dates = Counter(s.date for s in item.sources if s.date)
    if not dates:
        return
    item.date = max(dates, key=lambda d: (len(d), dates[d]))  # the most precise, then most told
    others = [d for d in dates if not _dates_agree(d, item.date)]
    if others:
        item.conflicts.append("date: " + ", ".join(
            f"{d} ({dates[d]} source{'s' if dates[d] > 1 else ''})" for d in [item.date, *others]))
    giver = next(s.doc_id for s in item.sources if s.date == item.date)
    for s in item.sources:
        if s.date is None:
            s.date, s.date_basis, s.date_from = item.date, "merged", giver


def _settle_place(item: TimelineEvent, places: PlaceIndex) -> None:
    named = [s.place for s in item.sources if s.place]
    if not named:
        item.place_id = (found.kb_id if (found := place_of(places, item.place)) else None)
        return
    counts = Counter(named)
    # the most specific place the sources give (Anchorage over Alaska), then the most told
    item.place = max(counts, key=lambda p: (_specificity(places, p), counts[p], -named.index(p)))
    sentences = [s.sentence for s in item.sources]
    apart = [p for p in counts
             if place_relation(places, sentences, item.place, p) == "apart"]
    if apart:
        item.conflicts.append("place: " + ", ".join([item.place, *apart]))
    giver = next(s.doc_id for s in item.sources if s.place == item.place)
    for s in item.sources:
        if s.place is None:
            s.place, s.place_from = item.place, giver
    found = place_of(places, item.place)
    item.place_id = found.kb_id if found else None


def _flag_participants(item: TimelineEvent) -> None:
    """A name only one of several sources gives is flagged: the others do not confirm it."""
    if len(item.sources) < 2:
        return
    alone = [p for p in item.participants
             if sum(1 for s in item.sources if any(same_name(p, n) for n in s.participants)) == 1]
    if alone:
        item.conflicts.append(f"participants: {', '.join(alone)} "
                              f"(1 of {len(item.sources)} sources)")


def date_span(value: str) -> tuple[str, str]:
    """The first and last day of a date at its precision: "2025-02" is 2025-02-01..2025-02-28,
    "2025" the whole year, a day itself. ValueError for anything else."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        raise ValueError(f"not a month: {value!r}")
    last = calendar.monthrange(int(year), int(month))[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    if not 1 <= int(day) <= last:
        raise ValueError(f"not a day: {value!r}")
    return value.strip(), value.strip()


def period_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive day bounds of a period given at any precision: ``since="2025-08",
    until="2025-08"`` is ("2025-08-01", "2025-08-31"), all of August; "2025" spans the year.
    ValueError for a bound that is no YYYY, YYYY-MM or YYYY-MM-DD date."""
    return (date_span(since)[0] if since else None, date_span(until)[1] if until else None)


def filter_timeline(events: list[TimelineEvent], entity: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[TimelineEvent]:
    """Events with a participant named ``entity`` and a date within [since, until]
    (:func:`period_bounds`); an event dated to a month is in a period that holds a day of it."""
    low, high = period_bounds(since, until)
    kept = []
    for e in events:
        if entity and not any(same_name(entity, p) for p in e.participants):
            continue
        if low or high:
            try:
                first, last = date_span(e.date or "")
            except ValueError:
                continue  # undated or malformed: in no period
            if (low and last < low) or (high and first > high):
                continue
        kept.append(e)
    return kept
