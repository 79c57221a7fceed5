"""Timelines across sources: the same real event reported by several documents becomes one.

Pure functions over :class:`veille.model.Record`, in two steps. First each document's mentions
of one event become one report (:mod:`veille.resolve.timeline_documents`). Then reports of
several documents are one event only when the identity is sure: same type family, same status
(planned or cancelled never meets what happened), compatible dates and places, the same core
participants (a call between A and B never absorbs one between C and D), and something that
pins the event down: the same day, or the same place (a city, a venue, a region; a country is
too wide). An undated report takes a date only from a sure identity (same group of types,
core, place, status) and never from an event later than its own document. What one source
lends another (a date, a place) is marked with the source that gave it; disagreements on date,
place or participants are kept as conflicts. Places are linked to the KB
(:mod:`veille.kb.places`): the most specific wins.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable

from veille.kb.places import PlaceIndex, bundled_places
from veille.model import Record
from veille.resolve.timeline_context import after_reference, month_in_frame, week_of
from veille.resolve.timeline_documents import document_events, document_reports
from veille.resolve.timeline_model import (
    SourceRef,
    TimelineEvent,
    _folded,
    add_names,
    core_match,
    dates_agree,
    fold_name,
    happened,
    place_of,
    place_relation,
    same_day,
    same_name,
    sentence_of,
    shared,
    specificity,
    statuses_agree,
)
from veille.resolve.timeline_succession import Succession, lend_by_succession, successions
from veille.taxonomy import shared_taxonomy

__all__ = ["SourceRef", "TimelineEvent", "date_span", "document_events", "filter_timeline",
           "fold_name", "is_same_event", "merge_events", "period_bounds", "place_of",
           "place_relation", "same_name", "sentence_of", "shared"]


# A place pins an event down when both sources give it and it is at least this fine: two
# summits "en Alaska" in one month are one, two meetings "en Russie" need not be.
_PINNING = 2


def _place_pins(places: PlaceIndex, sentences: list[str], one: str | None,
                other: str | None) -> bool:
    """Both sources name the place, they agree, and the wider of the two is no country."""
    if place_relation(places, sentences, one, other) not in ("same", "within"):
        return False
    return min(specificity(places, one or ""), specificity(places, other or "")) >= _PINNING


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
    the event. Two undated reports of what happened between the same two people may be two
    meetings months apart; two undated plans of one summit in one city are one plan.
    """
    places = places or bundled_places()
    if report.family != event.family or not statuses_agree(report.status, event.status):
        return False
    if not dates_agree(event.date, report.date) or _too_late(event, report):
        return False  # two different days are two events (a call on Monday, another Thursday)
    core = event.sources[0].participants if event.sources else event.participants
    if not shared(report.participants, core):
        return False
    sentences = [s.sentence for s in (*event.sources, *report.sources)]
    pinned = _place_pins(places, sentences, event.place, report.place)
    if event.date and report.date:
        # same day, same pair: one event, even where the sources disagree on its place
        return pinned or (same_day(event.date, report.date)
                          and core_match(report.participants, core))
    kinds = shared_taxonomy()
    groups = {kinds.group(s.type or event.type) for s in event.sources}
    return (pinned and kinds.group(report.type) in groups
            and _same_core(report.participants, core)
            and bool(event.date or report.date or not happened(event.status)))


def _same_core(a: list[str], b: list[str]) -> bool:
    """The two lists name one core: a pair named on both sides is the same pair (A and C are
    not A and B); a longer list (a delegation) or one name shares someone."""
    if len(a) == 2 and len(b) == 2:
        return shared(a, b) == 2
    return shared(a, b) >= 1


def _too_late(event: TimelineEvent, report: TimelineEvent) -> bool:
    """An undated report of what happened cannot be an event dated after its document."""
    if not happened(report.status):
        return False  # a plan is of what comes later
    return any(s.date is None and after_reference(other.date, s.reference_date)
               for one, other in ((report, event), (event, report)) for s in one.sources)


def merge_events(records: Iterable[Record], places: PlaceIndex | None = None
                 ) -> list[TimelineEvent]:
    """The events of all ``records`` with reports of the same event merged, sorted by date."""
    places = places or bundled_places()
    records = list(records)
    reports: list[TimelineEvent] = []
    links: list[Succession] = []
    for record in records:
        items, member = document_reports(record, places)
        reports.extend(items)
        links.extend(successions(record, items, member))
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
    _date_by_frame(timeline.entries, records)
    lend_by_succession(timeline.entries, links)
    return sorted(timeline.entries, key=lambda t: (t.date is None, t.date or "", t.type))


def _date_by_frame(entries: list[TimelineEvent], records: list[Record]) -> None:
    """Date what a text with no date of its own says happened in a month it names without a
    year ("en février"), when that text is of a known week: a sure merge lent one of its
    events a day that it names by a weekday alone (:func:`week_of`). ``date_basis: "frame"``,
    ``date_from`` the document that lent the day."""
    undated = {r.doc_id: r for r in records
               if not (r.source.reference_date or r.source.published)}
    frames: dict[str, tuple[str, str | None]] = {}
    for entry in entries:
        for s in entry.sources:
            record = undated.get(s.doc_id)
            if record and s.date_basis == "merged" and s.date and len(s.date) == 10 \
                    and week_of(record, s.sentence, s.date):
                frames[s.doc_id] = (s.date, s.date_from)
    for entry in entries:
        source = entry.sources[0]
        if entry.date or len(entry.sources) > 1 or source.doc_id not in frames \
                or not happened(entry.status):
            continue
        day, lender = frames[source.doc_id]
        if month := month_in_frame(undated[source.doc_id], source.sentence, day):
            entry.date = source.date = month
            source.date_basis, source.date_from = "frame", lender


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
    add_names(home.participants, report.participants)
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
    others = [d for d in dates if not dates_agree(d, item.date)]
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
    item.place = max(counts, key=lambda p: (specificity(places, p), counts[p], -named.index(p)))
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
