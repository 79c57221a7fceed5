"""What came right after what, in one document's words, for the timeline's dates.

A text often dates one event and only places the next one after it: "un appel entre les deux
dirigeants, consécutif à une rencontre à la Maison-Blanche" (the meeting dated elsewhere in the
text, the call not at all), "une conférence de presse des deux dirigeants par la suite" (after
the summit the text has just told). The pack's ``timeline/succession.tsv`` holds the words that
say so. Once the timeline is merged, the later event takes what the earlier one's sure date
allows: its month (a day would claim more than "right after" says), or, for the joint press
conference of a meeting's own parties, which closes that meeting, its day and its place.
Pure functions over :class:`veille.model.Record` and the timeline's records.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from veille.lang.pack import LanguagePack
from veille.model import Event, Record
from veille.resolve.timeline_context import sentence_bounds
from veille.resolve.timeline_model import SourceRef, TimelineEvent, happened, shared
from veille.taxonomy import event_taxonomy, shared_taxonomy

SUCCESSION = "timeline/succession.tsv"
# How far before "consécutif à" the later event may be named ("un appel téléphonique entre
# les deux dirigeants, consécutif à"): a noun phrase, not the sentence before it.
_REACH = 80
# How far before the earlier event's name its cue may end ("à la suite de la longue "): the
# longest phrase and an article.
_CUE_REACH = 60
# The type whose joint session closes a meeting of the same parties (the meeting's family).
_CLOSING, _CLOSED = "press_conference", "meet"


@dataclass(frozen=True)
class Succession:
    """``later`` (one document's report) came right after ``earlier`` (the same document's);
    ``soon``: the text says right after ("consécutif à"), not just afterwards ("par la
    suite"); ``closing``: ``later`` is the joint press conference that ends ``earlier``."""

    later: TimelineEvent
    earlier: TimelineEvent
    soon: bool
    closing: bool


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, one character for one (offsets kept)."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text).lower().replace("’", "'")


def _packs(code: str | None) -> list[LanguagePack]:
    """The document's language pack, or every installed one when it has none we know (the
    words of one language are not another's: "meeting" is a rally in French)."""
    codes = LanguagePack.available()
    return [LanguagePack.load(c) for c in ([code] if code in codes else codes)]


@cache
def _phrases(code: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The "soon" phrases as they end right before a name (an article between), and the
    "after" phrases anywhere in a sentence."""
    kinds: dict[str, list[str]] = {"soon": [], "after": []}
    for pack in _packs(code):
        for phrase, kind in pack.table(SUCCESSION):
            words = r"\s+".join(map(re.escape, _fold(phrase).split()))
            # an elided last word ("à la suite d'") runs into the next one
            kinds[kind].append(words + (r"\s*" if kind == "soon" and phrase.endswith("'")
                                        else r"\s+" if kind == "soon" else ""))
    soon = "|".join(sorted(kinds["soon"], key=len, reverse=True))
    after = "|".join(sorted(kinds["after"], key=len, reverse=True))
    # the article or possessive before the name: one short word, or an elided one ("l'")
    return (re.compile(rf"(?<!\w)(?:{soon})(?:\w{{1,5}}\s+|\w')?$"),
            re.compile(rf"(?<![\w'])(?:{after})(?!\w)"))


@cache
def _type_names(code: str | None) -> dict[str, str]:
    """Each type's label and plural (folded) -> the type."""
    names: dict[str, str] = {}
    for pack in _packs(code):
        for kind in event_taxonomy(pack):
            for name in (kind.label, kind.plural):
                names.setdefault(_fold(name), kind.type)
    return names


def _named_type(text: str, code: str | None) -> tuple[int, str] | None:
    """The last event type ``text`` names by its label (offset, type), or None."""
    found = [(m.start(), kind) for name, kind in _type_names(code).items()
             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return max(found) if found else None


def successions(record: Record, items: list[TimelineEvent], member: list[int]
                ) -> list[Succession]:
    """What ``record`` says came right after what: ``items`` are its reports, ``member[i]``
    the report that ``record.events[i]`` (in record order) is a mention of (-1: none)."""
    found: list[Succession] = []
    soon, after = _phrases(record.source.language)
    for n, event in enumerate(record.events):
        if member[n] < 0:
            continue
        # only the event's sentence is folded: a long text has many events, few cues
        left, right = sentence_bounds(record.text, event.start, event.end)
        sentence = _fold(record.text[left:right])
        at = event.start - left
        cue = soon.search(sentence, max(0, at - _CUE_REACH), at)
        if cue is not None:
            begin = max(0, cue.start() - _REACH)
            later = _named_before(record, items, member, n, sentence[begin:cue.start()],
                                  (left + begin, left + cue.start()))
            if later is not None:
                found.append(_succession(items[later], items[member[n]], True))
        elif after.search(sentence):
            earlier = _told_before(record, items, member, n)
            if earlier is not None:
                found.append(_succession(items[member[n]], items[earlier], False))
    return found


def _succession(later: TimelineEvent, earlier: TimelineEvent, soon: bool) -> Succession:
    kinds = shared_taxonomy()
    closing = (kinds.group(later.type) == _CLOSING and kinds.family(earlier.type) == _CLOSED
               and bool(later.participants)
               and shared(later.participants, earlier.participants) == len(later.participants))
    return Succession(later, earlier, soon, closing)


def _named_before(record: Record, items: list[TimelineEvent], member: list[int], n: int,
                  window: str, span: tuple[int, int]) -> int | None:
    """The report the words before a "soon" phrase name ("un appel ..., consécutif à",
    ``window``, at ``span`` of the text): a mention of the document's inside them, else the
    document's one report of the type the words name (one other could be the one they mean),
    other than the earlier event's; None unless it is undated and of what happened."""
    named = _named_type(window, record.source.language)
    if named is None:
        return None
    kinds = shared_taxonomy()
    group = kinds.group(named[1])
    others = [(e, member[i]) for i, e in enumerate(record.events)
              if member[i] >= 0 and member[i] != member[n] and kinds.group(e.type) == group]
    inside = {k for e, k in others if span[0] <= e.start < span[1]}
    fits = inside or {k for _, k in others}
    if len(fits) != 1:
        return None
    later = fits.pop()
    return later if items[later].date is None and happened(items[later].status) else None


def _told_before(record: Record, items: list[TimelineEvent], member: list[int],
                 n: int) -> int | None:
    """The report an "after" phrase follows: the last event of what happened told before
    the event ``n``, whose participants include all of its own."""
    event = record.events[n]
    if not event.participants:
        return None
    before = [(e.start, member[i]) for i, e in enumerate(record.events)
              if e.start < event.start and member[i] >= 0 and member[i] != member[n]
              and happened(items[member[i]].status) and _includes(e, event)]
    return max(before)[1] if before else None


def _includes(one: Event, other: Event) -> bool:
    return shared(other.participants, one.participants) == len(other.participants)


def lend_by_succession(entries: list[TimelineEvent], links: list[Succession]) -> None:
    """After the merge: an undated entry said to come right after a dated one takes its
    month (``date_basis: "follows"``), a closing press conference its day and place."""
    holder = {id(s): entry for entry in entries for s in entry.sources}
    for link in links:
        later = holder.get(id(link.later.sources[0]))
        earlier = holder.get(id(link.earlier.sources[0]))
        if later is None or earlier is None or later is earlier or later.date \
                or not earlier.date or not happened(later.status) \
                or not (link.soon or link.closing):
            continue
        later.date = earlier.date if link.closing else earlier.date[:7]
        if link.closing and later.place is None and earlier.place:
            later.place, later.place_id = earlier.place, earlier.place_id
        _mark(later.sources, earlier, link.closing)


def _mark(sources: list[SourceRef], earlier: TimelineEvent, closing: bool) -> None:
    giver = next((s.date_from or s.doc_id for s in earlier.sources if s.date), None)
    place_giver = next((s.place_from or s.doc_id for s in earlier.sources if s.place), None)
    for s in sources:
        if s.date is None:
            s.date = earlier.date if closing else (earlier.date or "")[:7]
            s.date_basis, s.date_from = "follows", giver
        if closing and s.place is None and earlier.place:
            s.place, s.place_from = earlier.place, place_giver
