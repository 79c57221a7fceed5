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
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from veille.model import Entity
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
from veille.nlp.quotes.speaker_history import RECENT, SpeakerHistory
from veille.nlp.quotes.speaker_places import seat_of
from veille.nlp.quotes.speaker_rules import (
    FRONTED,
    Said,
    acronym_expansions,
    by_surname,
    closed_before,
    collective_body,
    described,
    folded_name,
    holds_role,
    said_of,
)

__all__ = ["Said", "SpeakerResolver", "acronym_expansions"]


_APPOSITION = 80  # characters: how long a role apposed to a name may be ("X, maire de Y,")
# The rest of a description up to the comma of a name apposed to it: no punctuation and no
# quote mark in between (it would end the clause).
_APPOSED_GAP = re.compile(r"[^,.;:!?\n«»“”\"]{0,40}?,\s*")
# A mark that ends a clause: no apposition runs over one.
_CLAUSE_STOP = re.compile(r"[.;:!?\n]")


@dataclass
class SpeakerResolver(SpeakerHistory):
    """Resolves speakers in document order, remembering who spoke last (for pronouns)."""

    # The people the text gives a role (:func:`~.roles.role_holders`), or how to read them
    # when a role noun first asks (about half the documents ask none).
    holders: list[Holder] | Callable[[], list[Holder]] | None = None
    expansions: dict[str, Entity] = field(default_factory=dict)  # acronym id -> its body
    # Spans of role nouns that are the subject of a clause (component.role_subjects).
    role_spans: list[tuple[int, int]] = field(default_factory=list)
    # Whether the noun ending at a position is the subject of a verb after it (from the tags).
    opens_clause: Callable[[int], bool] | None = None
    # Main-clause subjects naming a body (component.body_subjects): start, end, gender.
    body_spans: list[tuple[int, int, str | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.holders is None:
            people = [e for e in self.table.entities() if e.type == "PER"]
            self.holders = role_holders(self.text, people, self.opens_clause, self.tag_at)
        self.expansions = acronym_expansions(self.text, self.table.entities())
        self.add_role_subjects(self.role_spans)
        for start, end, gender in self.body_spans:
            said = self._named_inside(start, end, ("ORG",)) or self._description(
                self.text[start:end], start)
            if said.name and said.type == "ORG":
                head = self._sieve.determiner.sub("", self.text[start:end].strip()).split()[0]
                self.bodies.append((start, said, gender, head.casefold()))

    def _holders(self) -> list[Holder]:
        if callable(self.holders):
            self.holders = self.holders()
        return self.holders if self.holders is not None else []

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
                self._holders(), head, rest, start)
            if entity is not None:
                self.add_subject(start, entity)

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

    def _apposed_to(self, start: int, text: str) -> Said | None:
        """A role description apposed to a name ("Jeanne Morel, présidente de Terre Vive,
        affirme"): the subject is the person named right before the comma, not a body named
        inside the description."""
        rules = self._sieve
        comma = self.text.rfind(",", max(0, start - _APPOSITION), start)
        if comma < 0 or _CLAUSE_STOP.search(self.text, comma + 1, start):
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
                bare and has_holders(self._holders(), fold_keep_offsets(head), pos)):
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
        entity = antecedent(self._holders(), key, qualifier, pos) or named_ahead(
            self.text, self._holders(), key, qualifier, pos)
        if entity is not None:
            return said_of(entity)
        if bare and not (country_of(qualifier) and has_holders(self._holders(), key, pos)):
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
        spoke = self.recent_body(pos, lambda said: self._sieve.org_nouns[head] or head in
                                 folded_name(said.name or "").split())
        if spoke is not None:
            return spoke
        for at, said, _, noun in reversed(self.bodies):
            # "Le ministère de la Défense a confirmé ... Le ministère a précisé"
            if at < pos and pos - at < RECENT and (noun == head or self._sieve.org_nouns[head]):
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
