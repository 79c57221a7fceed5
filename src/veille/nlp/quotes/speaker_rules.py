"""The speaker sieve's small parts: the pack's patterns, the resolved speaker (:class:`Said`),
and the text tests :mod:`.speaker` applies (acronyms, collective bodies, closed appositions,
gender evidence from titles)."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from veille.lang.pack import LanguagePack
from veille.model import Entity, Mention
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.doc import fold
from veille.nlp.scope import current_pack

_PATTERNS = "quotes/speaker_patterns.toml"


@dataclass(frozen=True)
class SpeakerRules:
    """The pack's patterns and nouns for speakers, compiled once per pack."""

    unnamed: re.Pattern[str]
    determiner: re.Pattern[str]
    possessive: re.Pattern[str]  # "son porte-parole" is someone else than "son" refers to
    complement: re.Pattern[str]
    feminine: re.Pattern[str]
    masculine: re.Pattern[str]
    org_nouns: dict[str, bool]  # noun -> whether it may refer back to any organisation
    person_nouns: frozenset[str]
    body_voices: frozenset[str]  # "porte-parole": an unnamed one speaks for their body
    voice_adjectives: frozenset[str]  # "haut": "un haut responsable" is still a voice
    prenominal: frozenset[str]  # "ancien": an adjective before the role noun
    prefixes: tuple[str, ...]  # "ex-": a prefix of the role noun
    plural_articles: frozenset[str]  # "les": a body named after one may be "eux"
    collective_bodies: frozenset[str]  # "autorités": "les autorités" are one body
    possessed_source: re.Pattern[str]  # "ses propres sources": the possessor's claim
    possessed_nouns: frozenset[str]  # "sources", "informations": what a possessor relays
    body_statements: frozenset[str]  # "communiqué": an unnamed one is its body's words
    body_complement: re.Pattern[str]  # "de la police fédérale": the body named after a voice
    seats: dict[str, str]  # folded place -> the body seated there ("bruxelles")
    capitals: dict[str, str]  # folded capital -> its state ("kiev" -> "Ukraine")
    place_nouns: frozenset[str]  # "ville": the place of "la ville de X" speaks


def _build_rules(pack: LanguagePack) -> SpeakerRules:
    def compiled(key: str) -> re.Pattern[str]:
        return pack.regex(_PATTERNS, key, re.IGNORECASE)
    return SpeakerRules(
        compiled("unnamed"), compiled("determiner"), compiled("possessive"),
        pack.regex(_PATTERNS, "complement"), compiled("feminine"), compiled("masculine"),
        {row[0]: row[1:] == ("any",) for row in pack.table("quote_org_nouns.txt")},
        pack.words("quote_person_nouns.txt"), pack.words("quotes/speaker_body_voices.txt"),
        pack.words("quotes/speaker_voice_adjectives.txt"),
        pack.words("quotes/speaker_prenominal.txt"),
        tuple(pack.lines("quotes/speaker_role_prefixes.txt")),
        pack.words("quotes/speaker_plural_articles.txt"),
        pack.words("quotes/speaker_collective_bodies.txt"), compiled("possessed_source"),
        pack.words("quotes/speaker_possessed_sources.txt"),
        pack.words("quotes/speaker_body_statements.txt"), compiled("body_complement"),
        {fold(row[0]): row[1] for row in pack.table("quotes/speaker_seats.tsv")},
        # the events stage's table of capitals: one list of what a capital stands for
        {fold(row[0]): row[1] for row in pack.table("events/capitals.tsv")
         if fold(row[0]) != fold(row[1])},
        pack.words("quotes/speaker_place_nouns.txt"))


def rules() -> SpeakerRules:
    return current_pack().derive(_build_rules)


@dataclass
class Said:
    """A resolved speaker: canonical name and entity id (either may be None), and the sieve
    pass that found it when that pass is not the attribution's own (``pronoun``, ``role``,
    ``body``, ``context``; None: the subject span named the speaker itself)."""

    name: str | None = None
    id: str | None = None
    type: str | None = None
    via: str | None = None

    def found_by(self, via: str) -> Said:
        """This speaker, found by the pass ``via``; an unnamed speaker stays bare."""
        return dataclasses.replace(self, via=via) if self.name else Said()


def acronym_expansions(text: str, entities: list[Entity]) -> dict[str, Entity]:
    """Acronyms the text spells out, by entity id: a body's name right before the acronym in
    parentheses ("la Fédération française de voile (FFV)"), or whose capitalised words give
    its letters. An acronym and its expansion are one speaker, under the spelled-out name."""
    bodies = [e for e in entities if e.type == "ORG"]
    # the tagger often types an acronym MISC ("la FFX"): its expansion still makes it a body
    shorts = bodies + [e for e in entities if e.type == "MISC"]
    found: dict[str, Entity] = {}
    for short in shorts:
        letters = short.name.replace(".", "")
        if not (1 < len(letters) <= 8 and letters.isupper() and letters.isalpha()):
            continue
        for full in bodies:
            if full is short or len(full.name.split()) < 2:
                continue
            initials = "".join(w[0] for w in full.name.split() if w[:1].isupper())
            spelled = any(re.match(r"\s*\(" + re.escape(short.name) + r"\)",
                                   text[m.end : m.end + len(short.name) + 4])
                          for m in full.mentions)
            if spelled or initials == letters:
                found[short.id] = full
                break
    return found


# Universal part-of-speech tags of the first word of a phrase fronted before the subject
# ("Après la rencontre avec X, ...", "Interrogé par X, ...", "Hier, ...").
FRONTED = frozenset({"ADP", "ADV", "SCONJ", "VERB"})


def collective_body(text: str) -> Said | None:
    """A plural with the definite article whose noun names one body, not a group of people
    ("les autorités sanitaires", "les secours": ``quotes/speaker_collective_bodies.txt``): the
    body speaks, under the description without its article, as a body without a proper
    name does ("police londonienne")."""
    words = text.split()
    pack = rules()
    if (len(words) < 2 or words[0].casefold() not in pack.plural_articles
            or words[1].casefold() not in pack.collective_bodies):
        return None
    return Said(" ".join(words[1:]), None, "ORG", "body")


def closed_before(text: str, end: int, verb: int | None) -> bool:
    """A subject span ending at ``end`` before its verb at ``verb`` is closed by a comma in
    between ("X, la présidente de Y, affirme"), as an apposition is; one that opens on an
    article and runs into its verb ("Après sa rencontre avec X, la ministre affirme") opens
    its clause: the name before its comma sits in a fronted phrase and is no antecedent of
    it. (A bare role noun is an apposition either way: "X, fondatrice de Y affirme".)"""
    return verb is None or verb <= end or "," in text[max(0, end - 1) : verb]


def mentions_starting(entity: Entity, low: int, high: int) -> list[Mention]:
    """``entity``'s mentions that start in ``[low, high)``, in their order; the mentions are
    in text order, as ``EntityTable.entities`` gives them (found by bisection: a resolver
    asks this of every entity for every quote of a long text)."""
    mentions = entity.mentions
    return mentions[bisect_left(mentions, low, key=_START) : bisect_left(mentions, high,
                                                                           key=_START)]


_START = attrgetter("start")


def said_of(entity: Entity) -> Said:
    return Said(entity.name, entity.id, "ORG" if entity.type in ("ORG", "LOC") else "PER")


def gender_evidence(text: str, table: EntityTable, said: Said) -> tuple[bool, bool]:
    """Whether a title or honorific before a mention of ``said`` says a woman, a man."""
    entity = next((e for e in table.entities() if e.id == said.id), None)
    return (False, False) if entity is None else titles_gender(text, entity)


def titles_gender(text: str, entity: Entity) -> tuple[bool, bool]:
    """Whether a title or honorific before a mention of ``entity`` says a woman, a man."""
    pack = rules()
    before = [text[max(0, m.start - 24) : m.start] for m in entity.mentions]
    return (any(pack.feminine.search(b) for b in before),
            any(pack.masculine.search(b) for b in before))


def described(text: str) -> bool:
    """A description whose head is a person noun or another common noun ("l'ancien maire de
    Lyon", "le recteur de l'université de X"): the person holding the role speaks, not a place
    named in its complement. A body noun ("le gouvernement de X") or a noun of places ("la
    ville de X", ``quotes/speaker_place_nouns.txt``) lets the place speak, for its
    government."""
    pack = rules()
    words = pack.determiner.sub("", text).split()
    while len(words) > 1 and words[0].casefold() in pack.prenominal:
        words = words[1:]
    if not words:
        return False
    head = words[0].casefold()
    return head in pack.person_nouns or (words[0][:1].islower() and not (
        head in pack.place_nouns or head in pack.org_nouns))


@lru_cache(maxsize=4096)
def folded_name(name: str) -> str:
    """:func:`~veille.nlp.quotes.doc.fold` of an entity's name, memoised: the sieve compares
    every entity's name on each question, and a document has few names."""
    return fold(name)


def by_surname(table: EntityTable, text: str) -> Entity | None:
    """A capitalised last word that ends a person's name ("Lavrov" -> Sergueï Lavrov).

    A fallback for when ``EntityTable.resolve`` declines a bare surname.
    """
    words = text.split()
    if not words or not words[-1][:1].isupper():
        return None
    last = folded_name(words[-1])
    found = [e for e in table.entities()
             if e.type == "PER" and folded_name(e.name).split()[-1:] == [last]]
    return found[0] if len(found) == 1 else None


def holds_role(text: str, table: EntityTable, said: Said, head: str) -> bool:
    """The text gives ``said`` the role ``head`` (folded: "president") next to one of its
    mentions."""
    entity = next((e for e in table.entities() if e.id == said.id), None)
    return entity is not None and any(
        head in fold(text[max(0, m.start - 40) : m.end]).split() for m in entity.mentions)
