"""The timeline's records and comparisons: a merged event, one document's report of it,
names compared across documents, and where two place names stand to each other.

Shared by :mod:`veille.resolve.timeline_documents` (one document's mentions made one report)
and :mod:`veille.resolve.timeline` (reports of several documents made one event).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from veille.kb.places import UNKNOWN_SPECIFICITY, Place, PlaceIndex
from veille.lang.pack import LanguagePack
from veille.resolve.timeline_context import sentence_bounds
from veille.taxonomy import shared_taxonomy

_NAME_WORDS = "events/name_words.txt"


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


def happened(status: str) -> bool:
    return status == _HAPPENED


# What a report says of its event, as one answer: what happened, what was planned (and later
# called off: a plan and its cancellation are one plan), what someone denies took place.
_STATUS_CLASS = {"happened": "happened", "planned": "plan", "cancelled": "plan",
                 "denied": "denied"}


def statuses_agree(a: str, b: str) -> bool:
    """Whether two reports' statuses may be one event's: a planned summit and its cancellation
    are; neither is the summit that took place, nor one a party denies."""
    return _STATUS_CLASS.get(a, a) == _STATUS_CLASS.get(b, b)


def dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def same_day(a: str | None, b: str | None) -> bool:
    return bool(a and b and len(a) == 10 and a == b)


def place_of(places: PlaceIndex, name: str | None) -> Place | None:
    """The KB place a name denotes, tried as written, then without its article."""
    return places.place(name, " ".join(_folded(name))) if name else None


def specificity(places: PlaceIndex, name: str) -> int:
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


def core_match(a: list[str], b: list[str]) -> bool:
    """Both sides named on both reports: the pair must match; one side named: it is shared."""
    common = shared(a, b)
    return common >= 2 if len(a) >= 2 and len(b) >= 2 else common >= 1


def add_names(names: list[str], more: Iterable[str]) -> None:
    for name in more:
        if not any(same_name(name, p) for p in names):
            names.append(name)
