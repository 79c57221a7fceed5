"""The speaker resolver's memory: who spoke last, who was a clause's subject, and the pronoun
questions answered from them ("il", "elle", "selon eux", a quote with no cue at all).

:class:`SpeakerHistory` holds what the document said so far, in text order; the sieve of
:class:`~veille.nlp.quotes.speaker.SpeakerResolver` builds on it. Every question reads only
the few entries of its window (by bisection over sorted offsets), never the whole history: a
long transcript asks it for each of its thousands of quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from veille.model import Entity
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.lexicon import lexicon
from veille.nlp.quotes.speaker_rules import (
    Said,
    SpeakerRules,
    mentions_starting,
    said_of,
    titles_gender,
)
from veille.nlp.quotes.speaker_rules import rules as _rules
from veille.nlp.spans import Spans

RECENT = 1500  # characters: how far back a pronoun looks for its speaker
_BACK_STEP = 512  # characters: the first stretch read back for a last mention (then doubled)

Subjects = list[tuple[int, Entity]]


@dataclass
class _Spoken:
    """The remembered speakers of one kind (``PER``, ``ORG``), by position: ``ats`` ascending,
    ties in the order they were remembered."""

    ats: list[int] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)

    def add(self, pos: int, said: Said) -> None:
        k = bisect_right(self.ats, pos)
        self.ats.insert(k, pos)
        self.said.insert(k, said)

    def window(self, low: int, high: int) -> range:
        """The entries at positions in ``(low, high)``, by index, in text order."""
        return range(bisect_right(self.ats, low), bisect_left(self.ats, high))

    def latest(self) -> Said | None:
        """The entry at the greatest position (ties: the first remembered), else None."""
        if not self.ats:
            return None
        return self.said[bisect_left(self.ats, self.ats[-1])]


@dataclass
class SpeakerHistory:
    """What the document said so far, for the pronouns: the speakers remembered in document
    order (:meth:`remember`), and the people that are the subject of a clause."""

    text: str
    table: EntityTable
    quoted: list[tuple[int, int]] = field(default_factory=list)
    history: list[tuple[int, Said]] = field(default_factory=list)
    # Positions where a person is the subject of a clause: the most salient antecedents; or
    # how to read them when a pronoun first asks (most documents ask none).
    subjects: Subjects | Callable[[], Subjects] = field(default_factory=list)
    # Entity id -> agreement's gender, or how to read them when a pronoun first asks.
    genders: dict[str, str] | Callable[[], dict[str, str]] = field(default_factory=dict)
    # The universal part-of-speech tag of the word at a position ("ADP"), "" if unknown.
    tag_at: Callable[[int], str] | None = None
    # Bodies resolved as main-clause subjects, in text order: start, the body, its noun's
    # gender, head noun.
    bodies: list[tuple[int, Said, str | None, str]] = field(default_factory=list)
    _spans: Spans = field(init=False, repr=False)
    # The pack's speaker rules, looked up once: every question reads several of them.
    _sieve: SpeakerRules = field(init=False, repr=False)
    # Subjects added after the parse's (:meth:`add_subject`), kept after :attr:`subjects`.
    _added: Subjects = field(default_factory=list, init=False, repr=False)
    # The subjects by position (their count when sorted, offsets, the pairs): built when a
    # pronoun first asks
    _subject_index: tuple[int, list[int], Subjects] | None = field(
        default=None, init=False, repr=False)
    _spoken: dict[str, _Spoken] = field(default_factory=dict, init=False, repr=False)
    # The table's entities by id, and each one's title evidence with its count of mentions
    # when read (:meth:`_titles_gender`).
    _by_id: dict[str, Entity] = field(default_factory=dict, init=False, repr=False)
    _evidence: dict[str, tuple[int, tuple[bool, bool]]] = field(
        default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sieve = _rules()
        self._spans = Spans(self.quoted)
        for pos, said in self.history:
            self._spoken_of(said).add(pos, said)

    def remember(self, pos: int, said: Said) -> None:
        """``said`` spoke at ``pos`` (the quotes are resolved in text order)."""
        if said.name:
            self.history.append((pos, said))
            self._spoken_of(said).add(pos, said)

    def _spoken_of(self, said: Said) -> _Spoken:
        kind = said.type or "PER"
        found = self._spoken.get(kind)
        if found is None:
            found = self._spoken[kind] = _Spoken()
        return found

    def add_subject(self, pos: int, entity: Entity) -> None:
        self._added.append((pos, entity))

    def last(self, pos: int, kind: str = "PER", gender: str | None = None,
             speakers_only: bool = False, recent_only: bool = False) -> Said:
        """The most recent speaker or clause subject before ``pos`` (a pronoun's antecedent),
        else the last mention outside quotes; ``gender`` (``masculine`` / ``feminine``, the
        pronoun's) excludes people the text gives the other one. ``speakers_only``: a quote
        with no cue at all continues the last speaker, whoever was mentioned since."""
        spoken = self._spoken.get(kind) or _Spoken()
        if speakers_only and kind == "PER":
            opener = self._paragraph_subject(pos, spoken)
            if opener is not None:
                return opener
        # only the last RECENT characters count: the rest is left out before sorting
        recent = [(spoken.ats[k], spoken.said[k]) for k in spoken.window(pos - RECENT, pos)]
        if kind == "PER" and not (speakers_only and spoken.ats):
            recent += [(at, said_of(e)) for at, e in self._subjects_in(pos - RECENT + 1, pos)
                       if not self._in_quote(at)]
        if kind == "PER" and gender is not None and not speakers_only:
            # "La Commission a publié son rapport. Elle estime que ...": a body subject of
            # the pronoun's grammatical gender is an antecedent too
            recent += [(at, s) for at, s, g, _ in self.bodies if g == gender
                       and at < pos and pos - at < RECENT and not self._in_quote(at)]
        for _, said in sorted(recent, key=itemgetter(0), reverse=True):
            if said.type == "ORG" or self._gender_ok(said, gender):
                return said
        entity = None if recent_only else self._last_mention(pos, kind, gender)
        return said_of(entity) if entity else Said()

    def recent_body(self, pos: int, fits: Callable[[Said], bool]) -> Said | None:
        """The latest organisation remembered in the :data:`RECENT` characters before
        ``pos`` that ``fits``."""
        spoken = self._spoken.get("ORG")
        if spoken is None:
            return None
        for k in reversed(spoken.window(pos - RECENT, pos)):
            if fits(spoken.said[k]):
                return spoken.said[k]
        return None

    def _subjects_in(self, low: int, high: int) -> Subjects:
        """The subjects at positions in ``[low, high)``, in text order (ties: in their
        order), by bisection: a long text's every pronoun asked about every subject."""
        if callable(self.subjects):
            self.subjects = self.subjects()
        index = self._subject_index
        count = len(self.subjects) + len(self._added)
        if index is None or index[0] != count:  # (subjects are only added)
            ordered = sorted(self.subjects + self._added, key=itemgetter(0))
            index = self._subject_index = (count, [at for at, _ in ordered], ordered)
        _, ats, ordered = index
        return ordered[bisect_left(ats, low) : bisect_left(ats, high)]

    def _paragraph_subject(self, pos: int, spoken: _Spoken) -> Said | None:
        """A new paragraph that opens on another person resets the speaker: when the last
        speaker (if any) spoke before the paragraph of ``pos``, the latest person that is the
        subject of a clause of this paragraph before ``pos`` speaks instead; a paragraph that
        frames the words with neither a person nor a pronoun gives nobody (null); else None
        (the last speaker goes on)."""
        para = self.text.rfind("\n", 0, pos) + 1
        before_pos = bisect_left(spoken.ats, pos)
        if before_pos and spoken.ats[before_pos - 1] >= para:
            return None
        inside = [(at, e) for at, e in self._subjects_in(para, pos) if not self._in_quote(at)]
        if inside:
            return said_of(max(inside, key=itemgetter(0))[1])
        before = re.findall(r"[\w'’-]+", self.text[para:pos].casefold())
        people = sorted((m.start, e) for e in self.table.entities() if e.type == "PER"
                        for m in mentions_starting(e, para, pos)
                        if not self._in_quote(m.start) and not self._object_of_preposition(
                            para, m.start))
        pronoun = bool(set(before) & set(lexicon().pronouns))
        if before and not pronoun and not people:
            # "Les réactions allaient de « ... »": the paragraph frames the words with no
            # person and no pronoun of the last speaker; nobody we can name said them
            return Said()
        last = spoken.latest()
        if pronoun and people and (last is None or all(e.id != last.id for _, e in people)):
            # the parse gave the paragraph no subject, but its pronouns refer to someone: the
            # person it opens on (its topic), not the last speaker, whom it never names
            return said_of(people[0][1])
        return None

    def _tag(self, pos: int) -> str:
        return self.tag_at(pos) if self.tag_at is not None else ""

    def _object_of_preposition(self, since: int, pos: int) -> bool:
        """The word before ``pos`` (after ``since``) is a preposition: "face à X" names X
        in a phrase, not as the clause's topic."""
        before = self.text[since:pos].rstrip()
        return bool(before) and self._tag(since + len(before) - 1) == "ADP"

    def group_antecedent(self, pos: int) -> Said:
        """A plural pronoun ("selon eux", "ont-ils dit") names the organisation its own
        paragraph named last before it after a plural article ("Les Verts ont quitté la salle
        car selon eux ..."); with no such antecedent the speakers are unnamed (null)."""
        start = self.text.rfind("\n", 0, pos) + 1
        articles = self._sieve.plural_articles
        best: tuple[int, Entity] | None = None
        for entity in self.table.entities():
            if entity.type != "ORG":
                continue
            for m in mentions_starting(entity, start, pos):
                before = self.text[max(start, m.start - 8) : m.start].split()
                plural = bool(before) and before[-1].casefold() in articles
                if (plural and not self._in_quote(m.start)
                        and (best is None or m.start > best[0])):
                    best = (m.start, entity)
        return said_of(best[1]).found_by("pronoun") if best else Said()

    def _last_mention(self, pos: int, kind: str, gender: str | None, since: int = 0,
                      quoted: bool = False) -> Entity | None:
        """The entity of ``kind`` mentioned last in ``[since, pos)`` (outside quotes unless
        ``quoted``) whose gender does not contradict ``gender``; ties: the first in table
        order. An entity counts by its latest such mention only. Read backwards from ``pos``
        in the table's offset index: the answer is near, and a long text has thousands of
        entities."""
        seen: set[int] = set()
        found: tuple[int, int, Entity] | None = None  # start, rank, entity
        high, width = pos - 1, _BACK_STEP
        while high >= since and found is None:
            low = max(since, high - width + 1)
            for m, entity in reversed(list(self.table.mentions_starting_in(low, high))):
                if found is not None and m.start < found[0]:
                    break  # (every tie of the latest start read)
                if (entity.type != kind or id(entity) in seen
                        or not (quoted or not self._in_quote(m.start))):
                    continue
                seen.add(id(entity))  # its latest mention: an earlier one does not count
                if self._gender_ok(said_of(entity), gender):
                    rank = self.table.rank(entity)
                    if found is None or rank < found[1]:
                        found = (m.start, rank, entity)
            high, width = low - 1, width * 2
        return found[2] if found else None

    def _gender_ok(self, said: Said, gender: str | None) -> bool:
        """False only when the pronoun's gender contradicts evidence about the entity: a
        title or honorific before a mention ("Mme", "la ministre"), else the grammar's
        agreement with it (:mod:`.genders`)."""
        if gender is None or said.id is None:
            return True
        feminine, masculine = self._titles_gender(said.id)
        if not (feminine or masculine):
            if callable(self.genders):
                self.genders = self.genders()
            agreed = self.genders.get(said.id)
            return agreed is None or agreed == gender
        if gender == "masculine":
            return masculine or not feminine
        return feminine or not masculine

    def _titles_gender(self, eid: str) -> tuple[bool, bool]:
        """:func:`~.speaker_rules.gender_evidence` of the entity ``eid``, read again only
        when its mentions change: a long text asks it of the same few people for each of
        its pronouns, and a speaker's mentions there are thousands."""
        entity = self._by_id.get(eid)
        if entity is None or not entity.mentions:  # (an entity the table made since)
            self._by_id = {e.id: e for e in reversed(self.table.entities())}
            entity = self._by_id.get(eid)
            if entity is None:
                return False, False
        known = self._evidence.get(eid)
        if known is None or known[0] != len(entity.mentions):
            known = self._evidence[eid] = (len(entity.mentions),
                                           titles_gender(self.text, entity))
        return known[1]

    def _in_quote(self, pos: int) -> bool:
        return pos in self._spans
