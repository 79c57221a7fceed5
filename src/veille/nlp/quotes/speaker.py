"""Who is speaking: a subject span, a pronoun or an anaphoric description -> (name, entity id).

Order of evidence for a subject span: a person named inside it ("le ministre russe, Sergueï
Lavrov"), then an organisation, then ``EntityTable.resolve`` on the whole span (which knows
titles and role descriptions), then a place used for its government ("Moscou a indiqué").
Pronouns and bare descriptions ("il", "le ministre", "la publication") take the most recent
speaker of a compatible kind: people for person nouns and pronouns, organisations for
``quote_org_nouns.txt``. Plural or indefinite sources ("des sources", "les observateurs") are
unnamed: the speaker stays null.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from veille.model import Entity
from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.quotes.lexicon import GENDERS, lexicon
from veille.nlp.quotes.roles import (
    Holder,
    antecedent,
    country_of,
    has_holders,
    named_ahead,
    role_holders,
    words_of,
)
from veille.nlp.quotes.speaker_places import seat_of
from veille.nlp.quotes.speaker_rules import (
    FRONTED,
    Said,
    SpeakerRules,
    acronym_expansions,
    by_surname,
    closed_before,
    collective_body,
    described,
    folded_name,
    gender_evidence,
    holds_role,
    mentions_starting,
    said_of,
)
from veille.nlp.quotes.speaker_rules import rules as _rules
from veille.nlp.spans import Spans

__all__ = ["Said", "SpeakerResolver", "acronym_expansions"]


_RECENT = 1500  # characters: how far back a pronoun looks for its speaker
_APPOSITION = 80  # characters: how long a role apposed to a name may be ("X, maire de Y,")
# The rest of a description up to the comma of a name apposed to it: no punctuation and no
# quote mark in between (it would end the clause).
_APPOSED_GAP = re.compile(r"[^,.;:!?\n«»“”\"]{0,40}?,\s*")


@dataclass
class SpeakerResolver:
    """Resolves speakers in document order, remembering who spoke last (for pronouns)."""

    text: str
    table: EntityTable
    quoted: list[tuple[int, int]] = field(default_factory=list)
    history: list[tuple[int, Said]] = field(default_factory=list)
    # Positions where a person is the subject of a clause: the most salient antecedents.
    subjects: list[tuple[int, Entity]] = field(default_factory=list)
    holders: list[Holder] = field(default_factory=list)
    expansions: dict[str, Entity] = field(default_factory=dict)  # acronym id -> its body
    # Spans of role nouns that are the subject of a clause (component.role_subjects).
    role_spans: list[tuple[int, int]] = field(default_factory=list)
    # Entity id -> agreement's gender, or how to read them when a pronoun first asks.
    genders: dict[str, str] | Callable[[], dict[str, str]] = field(default_factory=dict)
    # Whether the noun ending at a position is the subject of a verb after it (from the tags).
    opens_clause: Callable[[int], bool] | None = None
    # The universal part-of-speech tag of the word at a position ("ADP"), "" if unknown.
    tag_at: Callable[[int], str] | None = None
    # Main-clause subjects naming a body (component.body_subjects): start, end, gender.
    body_spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    # Those bodies resolved, in text order: start, the body, its noun's gender, head noun.
    bodies: list[tuple[int, Said, str | None, str]] = field(default_factory=list)
    _spans: Spans = field(default_factory=lambda: Spans([]))
    # The pack's speaker rules, looked up once: every question reads several of them.
    _sieve: SpeakerRules = field(init=False, repr=False)
    # :attr:`subjects` by position (their count when sorted, offsets, the pairs): built
    # when a pronoun first asks
    _subject_index: tuple[int, list[int], list[tuple[int, Entity]]] | None = field(
        default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sieve = _rules()
        people = [e for e in self.table.entities() if e.type == "PER"]
        self.holders = role_holders(self.text, people, self.opens_clause, self.tag_at)
        self.expansions = acronym_expansions(self.text, self.table.entities())
        self._spans = Spans(self.quoted)
        self.add_role_subjects(self.role_spans)
        for start, end, gender in self.body_spans:
            said = self._named_inside(start, end, ("ORG",)) or self._description(
                self.text[start:end], start)
            if said.name and said.type == "ORG":
                head = self._sieve.determiner.sub("", self.text[start:end].strip()).split()[0]
                self.bodies.append((start, said, gender, head.casefold()))

    def add_role_subjects(self, spans: list[tuple[int, int]]) -> None:
        """Role nouns that are the subject of a clause ("Le ministre a démenti toute crise.")
        and name a holder: the most salient antecedents of the pronouns that follow."""
        for start, end in spans:
            words = self._sieve.determiner.sub("", self.text[start:end].strip()).split()
            if not words or self._in_quote(start):
                continue
            head = fold_keep_offsets(words[0])
            rest = words_of(" ".join(words[1:]))
            # A description the entity table already resolved ("le chef de la diplomatie
            # tunisienne") names its holder itself.
            entity = self.table.lookup(start, end, ("PER",)) or antecedent(
                self.holders, head, rest, start)
            if entity is not None:
                self.subjects.append((start, entity))

    def remember(self, pos: int, said: Said) -> None:
        if said.name:
            self.history.append((pos, said))

    def last(self, pos: int, kind: str = "PER", gender: str | None = None,
             speakers_only: bool = False, recent_only: bool = False) -> Said:
        """The most recent speaker or clause subject before ``pos`` (a pronoun's antecedent),
        else the last mention outside quotes; ``gender`` (``masculine`` / ``feminine``, the
        pronoun's) excludes people the text gives the other one. ``speakers_only``: a quote
        with no cue at all continues the last speaker, whoever was mentioned since."""
        candidates = [(at, s) for at, s in self.history if (s.type or "PER") == kind]
        if speakers_only and kind == "PER":
            opener = self._paragraph_subject(pos, candidates)
            if opener is not None:
                return opener
        # only the last _RECENT characters count: the rest is left out before sorting
        recent = [(at, s) for at, s in candidates if at < pos and pos - at < _RECENT]
        if kind == "PER" and not (speakers_only and candidates):
            recent += [(at, said_of(e)) for at, e in self._subjects_in(pos - _RECENT + 1, pos)
                       if not self._in_quote(at)]
        if kind == "PER" and gender is not None and not speakers_only:
            # "La Commission a publié son rapport. Elle estime que ...": a body subject of
            # the pronoun's grammatical gender is an antecedent too
            recent += [(at, s) for at, s, g, _ in self.bodies if g == gender
                       and at < pos and pos - at < _RECENT and not self._in_quote(at)]
        for _, said in sorted(recent, key=lambda c: c[0], reverse=True):
            if said.type == "ORG" or self._gender_ok(said, gender):
                return said
        entity = None if recent_only else self._last_mention(pos, kind, gender)
        return said_of(entity) if entity else Said()

    def _subjects_in(self, low: int, high: int) -> list[tuple[int, Entity]]:
        """The :attr:`subjects` at positions in ``[low, high)``, in text order (ties: in their
        order), by bisection: a long text's every pronoun asked about every subject."""
        index = self._subject_index
        if index is None or index[0] != len(self.subjects):  # (subjects are only added)
            ordered = sorted(self.subjects, key=itemgetter(0))
            index = self._subject_index = (len(self.subjects), [at for at, _ in ordered],
                                           ordered)
        _, ats, ordered = index
        return ordered[bisect_left(ats, low) : bisect_left(ats, high)]

    def _paragraph_subject(self, pos: int, candidates: list[tuple[int, Said]]) -> Said | None:
        """A new paragraph that opens on another person resets the speaker: when the last
        speaker (if any) spoke before the paragraph of ``pos``, the latest person that is the
        subject of a clause of this paragraph before ``pos`` speaks instead; a paragraph that
        frames the words with neither a person nor a pronoun gives nobody (null); else None
        (the last speaker goes on)."""
        para = self.text.rfind("\n", 0, pos) + 1
        if max((at for at, _ in candidates if at < pos), default=-1) >= para:
            return None
        inside = [(at, e) for at, e in self._subjects_in(para, pos) if not self._in_quote(at)]
        if inside:
            return said_of(max(inside, key=lambda c: c[0])[1])
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
        last = max(candidates, key=lambda c: c[0])[1] if candidates else None
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

    def resolve(self, start: int, end: int, verb: int | None = None) -> Said:
        """The speaker named by the subject span ``[start, end)`` of the cue verb at
        ``verb``; an acronym is the body whose name the text spelled out before it ("la
        Fédération ... (FFX)")."""
        comma = self.text.rfind(",", start, end)
        if (comma >= 0 and self._tag(start) in FRONTED
                and self._sieve.determiner.match(self.text[comma + 1 : end].strip())
                and not closed_before(self.text, end, verb)):
            # "Après la rencontre avec X, le ministre a déclaré": the subject is the noun
            # phrase after the fronted phrase's comma, which a parse may take into its span
            start = comma + 1
        said = self._named_after(start, end) or self._resolve(start, end, verb)
        full = self.expansions.get(said.id or "")
        return said_of(full).found_by("body") if full is not None else said

    def _resolve(self, start: int, end: int, verb: int | None = None) -> Said:
        text = self.text[start:end].strip(" ,")
        folded, lex = text.casefold(), lexicon()
        possessor = self._possessor(text, start)
        if possessor is not None:
            return possessor
        if lex.group(folded):
            return self.group_antecedent(start)
        collective = collective_body(text)
        if collective is not None:
            return collective
        if lex.plural(folded) or self._sieve.unnamed.match(text):
            return self._voice_of_body(text, start, end).found_by("body")
        if folded in lex.latest:
            # "ce dernier": the last person mentioned, whether or not they spoke
            gender = lex.latest[folded] if lex.latest[folded] in GENDERS else None
            entity = self._last_mention(start, "PER", gender)
            return said_of(entity).found_by("pronoun") if entity else Said()
        if folded in lex.pronouns:
            return self.last(start, "PER", lex.gender_of(folded)).found_by("pronoun")
        apposed = self._apposed_to(start, text) if not self._sieve.determiner.match(
            text) or closed_before(self.text, end, verb) else None
        if apposed is not None:
            return apposed
        inner = self._body_of_complement(text, start)
        if inner is not None:
            return inner
        # "le maire de Lyon": a place in a person's description is no speaker
        named = self._named_inside(start, end, ("PER", "ORG") if described(text)
                                   else ("PER", "ORG", "LOC"))
        if named is not None:
            return named
        entity = self.table.resolve(text, start, end, types=("PER", "ORG"))
        if entity is None or entity.type != "PER":
            entity = by_surname(self.table, text) or entity
        if entity is not None:
            return said_of(entity)
        return self._description(text, start)

    def _possessor(self, text: str, pos: int) -> Said | None:
        """A source that is its possessor's own ("pour qui, selon ses propres sources, ...",
        ``possessed_source``): the person the possessive refers to, the last one named in the
        sentence before it, else the salient one (as a pronoun); a plural possessor, the
        group of :meth:`group_antecedent`. None when the span is no such source."""
        rules = self._sieve
        match = rules.possessed_source.match(text)
        if match is None or match.group("noun").casefold() not in rules.possessed_nouns:
            return None
        if match.group("many"):
            return self.group_antecedent(pos)
        since = max(self.text.rfind(stop, 0, pos) for stop in ".!?\n") + 1
        entity = self._last_mention(pos, "PER", None, since)
        said = said_of(entity) if entity is not None else self.last(pos, "PER")
        return said.found_by("pronoun")

    def _named_after(self, start: int, end: int) -> Said | None:
        """A name apposed after a role description ("l'ambassadeur de France, Paul Roux :",
        "a déclaré la maire de Lyon, Anne Vidal"): the person named speaks, not a body or a
        place inside the description. Only when the span holds no person of its own."""
        rules = self._sieve
        words = rules.determiner.sub("", self.text[start:end].strip()).split()
        while len(words) > 1 and words[0].casefold() in rules.prenominal:
            words = words[1:]
        if not words or words[0].casefold() not in rules.person_nouns:
            return None
        # the span may stop short of the description's last complement ("de France | en Italie")
        gap = _APPOSED_GAP.match(self.text, end, end + _APPOSITION)
        if gap is None:
            return None
        at = gap.end()
        # from the table's offset index: a person's mention inside the span, then the first
        # person in table order with one at the name's place
        if any(e.type == "PER" for _, e in self.table.mentions_starting_in(start, end - 1)):
            return None
        named = [(self.table.rank(e), e) for _, e in self.table.mentions_starting_in(at, at)
                 if e.type == "PER"]
        return said_of(min(named, key=itemgetter(0))[1]) if named else None

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

    def _apposed_to(self, start: int, text: str) -> Said | None:
        """A role description apposed to a name ("Jeanne Morel, présidente de Terre Vive,
        affirme"): the subject is the person named right before the comma, not a body named
        inside the description."""
        rules = self._sieve
        comma = self.text.rfind(",", max(0, start - _APPOSITION), start)
        if comma < 0 or any(c in self.text[comma + 1 : start] for c in ".;:!?\n"):
            return None
        # the span may be the description or its tail ("fondatrice Terre Vive": span "Terre Vive")
        words = rules.determiner.sub("", self.text[comma + 1 : start].strip() + " " + text
                                     ).split()
        if not words or words[0].casefold() not in rules.person_nouns:
            return None
        # a name ending right before the comma: only blanks from its end to the comma
        blank_from = comma
        while blank_from > 0 and self.text[blank_from - 1].isspace():
            blank_from -= 1
        # the first person in table order with such a mention, from the table's offset index
        # (the mentions ending there start at most the longest mention's length before)
        low = max(0, blank_from - self.table.longest_mention())
        found = [(self.table.rank(e), e) for m, e in self.table.mentions_starting_in(low, comma)
                 if e.type == "PER" and blank_from <= m.end <= comma]
        return said_of(min(found, key=itemgetter(0))[1]) if found else None

    def _voice_of_body(self, text: str, start: int, end: int) -> Said:
        """An unnamed official or statement of a body speaks for the body ("un porte-parole
        de la Commission", "des responsables de la préfecture de X", "un communiqué de la
        police fédérale"); anyone else unnamed ("un proche du ministre", "un diplomate")
        stays null."""
        words = text.casefold().split()
        rules = self._sieve
        voices = rules.body_voices | rules.body_statements
        k = 1  # the voice's noun, after the article and "haut" ("un haut responsable de X")
        while k < len(words) - 1 and words[k] in rules.voice_adjectives:
            k += 1
        if len(words) <= k or not (words[k] in voices or words[k].rstrip("sx") in voices):
            return Said()
        bodies = [(m.start, e) for e in self.table.entities() if e.type == "ORG"
                  for m in e.mentions if start < m.start and m.end <= end]
        if bodies:
            return said_of(min(bodies, key=lambda b: b[0])[1])
        return self._described_body(" ".join(text.split()[k + 1 :]), start)

    def _described_body(self, complement: str, pos: int) -> Said:
        """The body a voice's complement describes with a definite article and a body noun
        (``quote_org_nouns.txt``): with a modifier ("de la police fédérale"), the body
        without a proper name it describes ("police fédérale"); bare ("du ministère"), the
        body of that noun the text introduced before, else nobody."""
        rules = self._sieve
        match = rules.body_complement.match(complement)
        words = match.group("body").split() if match else []
        if not words or words[0].casefold() not in rules.org_nouns:
            return Said()
        if len(words) == 1:
            return self._organisation(words[0].casefold(), words[0], pos, referring=True)
        return Said(" ".join(words), None, "ORG")

    def _body_of_complement(self, text: str, pos: int) -> Said | None:
        """"Le porte-parole du ministère", "la direction de la chaîne": an unnamed voice or
        organ of a body the text introduced before ("le ministère" of "Le ministère de
        l'Intérieur a ouvert une enquête") speaks for that body; None when the complement
        is no body noun or refers back to none."""
        rules = self._sieve
        words = rules.determiner.sub("", text).split()
        head = words[0].casefold() if words else ""
        if len(words) < 3 or not (head in rules.body_voices or head in rules.org_nouns):
            return None
        rest = [w.casefold() for w in words[1:4]]
        # the complement's noun: "du ministère", "de la chaîne", "de l'agence"
        noun = next((w.split("'")[-1].split("’")[-1] for w in rest
                     if w.split("'")[-1].split("’")[-1] in rules.org_nouns), None)
        if noun is None:
            return None
        said = self._organisation(noun, noun, pos, referring=True)
        return said.found_by("body") if said.name else None

    def _named_inside(self, start: int, end: int,
                      kinds: tuple[str, ...] = ("PER", "ORG", "LOC")) -> Said | None:
        # per type, the latest mention inside the span, ties to the first entity in table
        # order; from the table's offset index, not a search of every entity's mentions
        best: dict[str, tuple[int, int, Entity]] = {}
        for m, entity in self.table.mentions_starting_in(start, end):
            if m.end > end:
                continue
            found = best.get(entity.type)
            if found is None or m.start > found[0] or self.table.rank(entity) < found[1]:
                best[entity.type] = (m.start, self.table.rank(entity), entity)
        for kind in kinds:
            if kind in best:
                at, _, entity = best[kind]
                mention = next(m for m in entity.mentions if m.start == at)
                resolved = self.table.resolve(mention.text, mention.start, mention.end,
                                              types=(kind,)) or entity
                if kind != "PER":  # "Marchal" typed an organisation: Étienne Marchal
                    resolved = by_surname(self.table, mention.text) or resolved
                seat = seat_of(self.text, self.table, mention.text, start, end) if (
                    kind == "LOC") else None
                return seat or said_of(resolved)
        return None

    def _description(self, text: str, pos: int) -> Said:
        """A description: anaphora when bare ("le ministre"), else the span as an unlinked name.

        Person nouns go to :meth:`_role`. Other descriptions ("le syndicat des jeunes
        agriculteurs") and capitalised names nobody linked ("la Maison Blanche") name their
        speaker themselves.
        """
        rules = self._sieve
        words = rules.determiner.sub("", text).split()
        if not words:
            return Said()
        while len(words) > 1 and words[0].casefold() in rules.prenominal:
            words = words[1:]  # "l'ancien président": the role is "président"
        head = words[0].casefold()
        for prefix in rules.prefixes:
            if head.startswith(prefix) and head[len(prefix):] in rules.person_nouns:
                head = head[len(prefix):]  # "l'ex-président"
        bare = not any(rules.complement.match(w) for w in words[1:])
        if bare and head in rules.org_nouns:
            return self._organisation(head, " ".join(words), pos,
                                      bool(rules.possessive.match(text))).found_by("body")
        if head in rules.person_nouns or (
                bare and has_holders(self.holders, fold_keep_offsets(head), pos)):
            # a role list's noun, or the title the text itself gave a person before
            # ("le graphiste portugais X ... le graphiste")
            gender = lexicon().article_gender.get(text.split()[0].casefold())
            return self._role(head, words[1:], pos, bare and not rules.possessive.match(text),
                              gender).found_by("role")
        if words[0][:1].islower() and (bare or head not in rules.org_nouns):
            # "le texte", "la responsabilité de la province": a common noun is no speaker
            return Said()
        return Said(" ".join(words), None, "ORG")

    def _role(self, head: str, rest: list[str], pos: int, bare: bool,
              gender: str | None = None) -> Said:
        """A role noun: the latest person the text gave that role (agreeing with its
        nationality or complement), else one the next sentences name with it ("son
        porte-parole ... Samia Ben Youssef, porte-parole de ..."). Failing that, a bare noun
        ("le ministre") takes the latest speaker unless the text gives the role to others; a
        role with a complement, the person who just spoke if introduced with that role; else
        the speaker is unnamed (null), as the spec wants for unnamed people.
        """
        key, qualifier = fold_keep_offsets(head), words_of(" ".join(rest))
        entity = antecedent(self.holders, key, qualifier, pos) or named_ahead(
            self.text, self.holders, key, qualifier, pos)
        if entity is not None:
            return said_of(entity)
        if bare and not (country_of(qualifier) and has_holders(self.holders, key, pos)):
            # "la porte-parole" is no man the text calls "M." or "le ministre X"
            return self.last(pos, "PER", gender)
        recent = self.last(pos, "PER", recent_only=True)
        if recent.name and not bare and holds_role(self.text, self.table, recent, key):
            return recent
        return Said()

    def _organisation(self, head: str, cleaned: str, pos: int, possessive: bool = False,
                      referring: bool = False) -> Said:
        """"Le ministère", "la publication": the last organisation that spoke, else the last
        one whose name has the same head noun, else the description itself. With a
        possessive ("leur direction") or without a country ("la centrale syndicale"), failing
        those, the organisation last mentioned (in the paragraph, when no possessive ties
        them): the body whose direction it is speaks. ``referring``: only a body the text
        introduced before, else nobody."""
        for at, said in reversed(self.history):
            if at < pos and pos - at < _RECENT and said.type == "ORG" and (
                self._sieve.org_nouns[head] or head in folded_name(said.name or "").split()
            ):
                return said
        for at, said, _, noun in reversed(self.bodies):
            # "Le ministère de la Défense a confirmé ... Le ministère a précisé"
            if at < pos and pos - at < _RECENT and (noun == head or self._sieve.org_nouns[head]):
                return said
        named = [e for e in self.table.entities() if e.type == "ORG" and head in
                 folded_name(e.name).split() and any(m.start < pos for m in e.mentions)]
        if named:
            return said_of(named[-1])
        if referring:  # only a body the text introduced before
            return Said()
        # "leur direction", "la centrale syndicale": the body last named (a description with
        # a country, "le gouvernement grec", names a body of its own)
        owner = None
        if possessive or not country_of(words_of(" ".join(cleaned.split()[1:]))):
            # "Les journalistes de X sont saufs, a indiqué leur direction": the possessor
            # may sit in the reported words
            since = 0 if possessive else self.text.rfind("\n", 0, pos) + 1
            owner = self._last_mention(pos, "ORG", None, since, quoted=possessive)
        return said_of(owner) if owner else Said(cleaned, None, "ORG")

    def _last_mention(self, pos: int, kind: str, gender: str | None, since: int = 0,
                      quoted: bool = False) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for entity in self.table.entities():
            if entity.type != kind:
                continue
            # the entity's latest mention that counts; its gender asked only if it is later
            latest = next((m.start for m in reversed(mentions_starting(entity, since, pos))
                           if quoted or not self._in_quote(m.start)), None)
            if latest is not None and (best is None or latest > best[0]) and self._gender_ok(
                    said_of(entity), gender):
                best = (latest, entity)
        return best[1] if best else None

    def _gender_ok(self, said: Said, gender: str | None) -> bool:
        """False only when the pronoun's gender contradicts evidence about the entity: a
        title or honorific before a mention ("Mme", "la ministre"), else the grammar's
        agreement with it (:mod:`.genders`)."""
        if gender is None or said.id is None:
            return True
        feminine, masculine = gender_evidence(self.text, self.table, said)
        if not (feminine or masculine):
            if callable(self.genders):
                self.genders = self.genders()
            agreed = self.genders.get(said.id)
            return agreed is None or agreed == gender
        if gender == "masculine":
            return masculine or not feminine
        return feminine or not masculine

    def _in_quote(self, pos: int) -> bool:
        return pos in self._spans
