"""Who a bare role noun stands for: "le ministre", "la porte-parole", "son porte-parole".

French news introduces a person once with a role description and then calls them by the role
noun alone. The text gives the role in three shapes, all read here from plain text:

- apposition before the name: "le ministre tunisien des Affaires étrangères, Karim Mansour";
- apposition after it: "Karim Mansour, ministre tunisien de l'Intérieur," / "Samia Ben
  Youssef, porte-parole de la Commission";
- a title right before it: "la porte-parole Samia Ben Youssef", "le ministre russe Ivan Orlov".

"Le ministre" then refers to the most recent person given the head noun "ministre", not to the
most recent person overall; "le ministre russe" only to one whose description (or KB country)
says Russian. A role noun nobody holds yet may be named in the next sentences (cataphora:
"a annoncé son porte-parole. « ... », déclare Samia Ben Youssef, porte-parole de ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack, alternation
from veille.model import Entity, Mention
from veille.nlp.entities.roles import country_names, nationalities
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.scope import current_kb, current_pack

_PATTERNS = "quotes/roles_patterns.toml"
_WINDOW = 140  # characters around a mention where its apposition can sit
_AHEAD_SENTENCES = 3  # the cue's own sentence and the next two
# Qualifiers asked about per KB before the memo of their countries starts afresh (the
# lru_cache this replaces held as many).
_COUNTRY_MEMO = 4096
_WORDS_MEMO = 4096  # qualifiers kept per pack before that memo starts afresh


@dataclass(frozen=True)
class Holder:
    """A person the text gives a role: head noun, qualifier words, country when known."""

    entity: Entity
    head: str  # folded head noun: "ministre", "porte-parole"
    words: frozenset[str]  # folded content words of the qualifier: "interieur", "commission"
    country: str | None
    at: int  # offset of the name the role is attached to


@dataclass(frozen=True)
class _Rules:
    """The pack's role patterns and word sets, compiled once per pack."""

    before: re.Pattern[str]
    title: re.Pattern[str]
    after: re.Pattern[str]
    described: re.Pattern[str]
    nationality_ending: re.Pattern[str]
    stop: frozenset[str]
    clause_words: frozenset[str]
    occupation: re.Pattern[str]  # any noun as a title: "le graphiste portugais X"
    not_titles: frozenset[str]  # nouns of things named after people: "le lycée X"
    # ``before`` ends at a comma before the name (",\s*$"): text before a mention that ends
    # otherwise, most of them, need not be searched
    before_at_comma: bool
    # ``title`` and ``occupation`` end at the name and hold an article, a head noun and at
    # most one qualifier: their words are the last ones of the text before it, this many
    title_words: int
    # qualifier -> its words (words_of): a document asks about the same few many times
    words_memo: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _build_rules(pack: LanguagePack) -> _Rules:
    nouns = {fold_keep_offsets(n) for n in pack.lines("quote_person_nouns.txt")}
    heads = alternation(nouns)

    def compiled(key: str) -> re.Pattern[str]:
        return pack.regex(_PATTERNS, key, heads=heads)
    return _Rules(compiled("before"), compiled("title"), compiled("after"),
                  compiled("described"), compiled("nationality_ending"),
                  pack.words("quotes/roles_stop.txt"), pack.words("quotes/roles_clause_words.txt"),
                  compiled("occupation"), frozenset(map(fold_keep_offsets, pack.words(
                      "quotes/roles_not_titles.txt") | {row[0] for row in pack.table(
                          "quote_org_nouns.txt")})),
                  compiled("before").pattern.endswith(r",\s*$"),
                  3 + max((n.count(" ") for n in nouns), default=0))


def _rules() -> _Rules:
    return current_pack().derive(_build_rules)


def words_of(text: str) -> list[str]:
    """Folded words of a qualifier, articles and prepositions left out."""
    return _words_of(text, _rules())


def _words_of(text: str, rules: _Rules) -> list[str]:
    found = rules.words_memo.get(text)
    if found is None:
        if len(rules.words_memo) >= _WORDS_MEMO:
            rules.words_memo.clear()
        found = rules.words_memo[text] = tuple(
            w for w in re.findall(r"[\w-]+", fold_keep_offsets(text).replace("'", " "))
            if w not in rules.stop)
    return list(found)


def country_of(words: list[str]) -> str | None:
    """The country a qualifier names: an adjective ("tunisien") or a country ("de Tunisie")."""
    return _Countries()(words)


class _Countries:
    """:func:`country_of`, memoised per KB and pack: every role lookup asks about the same few
    qualifiers, and the scan of country names is the costly part. One is made per question,
    or per document for the many questions of :func:`role_holders` (the KB's and the pack's
    look-up once)."""

    def __init__(self) -> None:
        self.pack, self.memo = current_pack(), current_kb().derive(_country_memo)

    def __call__(self, words: list[str]) -> str | None:
        key = (self.pack, tuple(words))
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= _COUNTRY_MEMO:
                self.memo.clear()
            found = self.memo[key] = _country_of(key[1])
            return found


def _country_memo(kb: KnowledgeBase) -> dict[tuple[LanguagePack, tuple[str, ...]], str | None]:
    return {}


def _country_of(words: tuple[str, ...]) -> str | None:
    adjectives = nationalities()
    for word in words:
        if word in adjectives:
            return adjectives[word]
    joined = f" {' '.join(words)} "
    return next((code for name, code in _countries() if f" {name} " in joined), None)


def _countries() -> tuple[tuple[str, str], ...]:
    """Country names as qualifier words ("republique democratique congo": no "du"), per KB
    and pack."""
    per_pack = current_kb().derive(_countries_memo)
    pack = current_pack()
    if pack not in per_pack:
        named = ((" ".join(words_of(name)), code) for name, code in country_names().items())
        per_pack[pack] = tuple((name, code) for name, code in named if name)
    return per_pack[pack]


def _countries_memo(kb: KnowledgeBase) -> dict[LanguagePack, tuple[tuple[str, str], ...]]:
    return {}


def role_holders(text: str, people: list[Entity],
                 opens_clause: Callable[[int], bool] | None = None,
                 tag_at: Callable[[int], str] | None = None,
                 mentions: list[list[Mention]] | None = None) -> Holders:
    """Every role the text attaches to a mention of one of ``people``, in text order.

    ``mentions``: each person's mentions to read (the table's at some earlier moment: the
    quote stage asks this after it has added mentions), else their current ones.

    ``opens_clause(pos)``: whether the noun ending at ``pos`` is the subject of a verb after
    it (:func:`veille.nlp.entities.roles.opens_clause`); such a role after a name's comma
    opens the main clause ("Après le discours de X, le ministre a dit") and is no apposition.
    ``tag_at(pos)``: the part-of-speech tag of the word at ``pos``; given, any common noun
    used as a title right before a name is that person's role (:func:`_occupation`).
    """
    folded = fold_keep_offsets(text)
    rules, countries = _rules(), _Countries()
    before, title, after = rules.before, rules.title, rules.after
    found: list[Holder] = []
    for entity, own_mentions in zip(people, mentions or [e.mentions for e in people],
                                    strict=True):
        for m in own_mentions:
            own = _described(entity, m, rules, countries) if m.via == "title" else None
            if own is not None:
                found.append(own)
                continue
            low = max(0, m.start - _WINDOW)
            left, right = folded[low : m.start], folded[m.end : m.end + _WINDOW]
            at_comma = not rules.before_at_comma or left.rstrip().endswith(",")
            words_from = _last_words(left, rules.title_words)
            for match in _role_matches(rules, left, right, at_comma, words_from):
                if match is None:
                    continue
                qual = _words_of(match.group("qual"), rules)
                if match.re is before and _is_clause(text[low + match.start("qual") :
                                                          low + match.end("qual")], rules):
                    continue
                if match.re is title and not all(_adjective(w, rules) for w in qual):
                    continue  # "le président reçoit Karim Mansour": a verb, no title
                if (match.re is after and opens_clause is not None
                        and right[: match.start("head")].strip(" ,")  # an article: "le"
                        and opens_clause(m.end + match.end("head"))):
                    continue
                found.append(Holder(entity, match.group("head"), frozenset(qual),
                                    countries(qual), m.start))
                break
            else:
                own = _occupation(entity, m, left, low, tag_at, rules, countries, words_from)
                if own is not None:
                    found.append(own)
    return Holders(sorted(found, key=lambda h: h.at))


def _role_matches(rules: _Rules, left: str, right: str, at_comma: bool, words_from: int
                  ) -> Iterator[re.Match[str] | None]:
    """The role patterns' matches around a mention, in the order they are tried, each
    searched only when the one before it gave no holder. The patterns that end at the name
    are searched from where they can start (:func:`_apposition_start`, :func:`_last_words`):
    a search tries every position of the window, the same leftmost match either way."""
    yield rules.before.search(left, _apposition_start(left, rules)) if at_comma else None
    yield rules.title.search(left, words_from)
    yield rules.after.match(right)


def _apposition_start(left: str, rules: _Rules) -> int:
    """Where an apposition ending at ``left``'s last comma can start: at the comma before
    it, since a qualifier holds none (``segment``); 0 when there is none."""
    if not rules.before_at_comma:
        return 0
    return max(0, left.rfind(",", 0, left.rstrip().rfind(",")))


def _last_words(left: str, count: int) -> int:
    """Where the blank before ``left``'s last ``count`` words is (0 if it has no more): a
    match that spans at most that many words, and ends ``left``, starts there or later
    (``^`` matches only at 0, so a search from there finds no other match)."""
    words = left.rsplit(None, count)
    return len(words[0]) if len(words) > count else 0


def _occupation(entity: Entity, mention: Mention, left: str, low: int,
                tag_at: Callable[[int], str] | None, rules: _Rules,
                countries: Callable[[list[str]], str | None], words_from: int = 0
                ) -> Holder | None:
    """The article's own title for a person: a common noun right before the name, with an
    article and at most an adjective ("le graphiste portugais X", "la navigatrice X"), as the
    parse tags them, that no role list holds. French news introduces people so, then calls
    them by the noun alone ("le graphiste a expliqué"). Nouns of things named after people
    ("le lycée X") and of bodies are no titles (``quotes/roles_not_titles.txt``,
    ``quote_org_nouns.txt``)."""
    match = rules.occupation.search(left, words_from) if tag_at is not None else None
    if match is None or tag_at is None or match.group("head") in rules.not_titles:
        return None
    qual = _words_of(match.group("qual"), rules)
    adjective = not qual or _adjective(qual[0], rules) or tag_at(
        low + match.end("qual") - len(match.group("qual").strip())) == "ADJ"
    if not adjective or tag_at(low + match.start("head")) != "NOUN":
        return None
    return Holder(entity, match.group("head"), frozenset(qual), countries(qual), mention.start)


def _described(entity: Entity, mention: Mention, rules: _Rules,
               countries: Callable[[list[str]], str | None]) -> Holder | None:
    """A mention that is itself a role description the entity table resolved ("le chef de la
    diplomatie russe" for the minister the KB names)."""
    match = rules.described.match(fold_keep_offsets(mention.text))
    if match is None:
        return None
    qual = _words_of(match.group("qual"), rules)
    return Holder(entity, match.group("head"), frozenset(qual), countries(qual), mention.start)


def _adjective(word: str, rules: _Rules) -> bool:
    """A nationality, or a word with a nationality's ending ("kenyan", "malien", "togolais")."""
    return word in nationalities() or bool(rules.nationality_ending.search(word))


def _is_clause(qualifier: str, rules: _Rules) -> bool:
    """Words of a verb or a relative in the text before an apposition's comma; read on the
    text with its accents ("à l'Énergie" is no "a" auxiliary)."""
    words = re.findall(r"\w+", qualifier.casefold().replace("’", "'"))
    return bool(set(words) & rules.clause_words)


def _fits(holder: Holder, head: str, rest: list[str], strict: bool) -> bool:
    """The holder's role agrees with the description's head noun and qualifiers.

    A nationality in the description must match the holder's (``strict``), or the holder's is
    unknown (not strict); other content words ("interieur", "commission") must be in the
    holder's description.
    """
    if holder.head != head:
        return False
    countries, adjectives = _Countries(), nationalities()  # (looked up once a question)
    country = countries(rest)
    others = [w for w in rest if w not in adjectives and countries([w]) is None]
    if not set(others) <= holder.words:
        return False
    if country is None:
        return True
    return holder.country == country or (not strict and holder.country is None)


def antecedent(holders: list[Holder], head: str, rest: list[str], pos: int) -> Entity | None:
    """The most recently mentioned person given the role before ``pos``."""
    index = _index_of(holders)
    for strict in (True, False):
        found = index.fitting(head, rest, strict).latest(pos, index.last_seen)
        if found is not None:
            return found
    return None


def has_holders(holders: list[Holder], head: str, pos: int) -> bool:
    """The text gave the role noun ``head`` to someone before ``pos``."""
    return _index_of(holders).first_at.get(head, pos) < pos


def named_ahead(text: str, holders: list[Holder], head: str, rest: list[str],
                pos: int) -> Entity | None:
    """The first person given the role in the rest of this sentence or the next two."""
    fitting = _index_of(holders).fitting(head, rest, False)
    after = bisect_right(fitting.ats, pos)
    if after == len(fitting.ats):
        return None
    limit = _sentences_end(text, pos, _AHEAD_SENTENCES)
    window = fitting.order[after : bisect_left(fitting.ats, limit, lo=after)]
    return holders[min(window)].entity if window else None


class Holders(list[Holder]):
    """:func:`role_holders`' answer: the holders, and their index once a question is asked.

    A speaker resolver asks about role nouns thousands of times in a long text; reading every
    earlier holder for each question made a text that names a minister in every paragraph
    quadratic (a 71 kB one took 11 s, a 1 MB one never finished).
    """

    built: _Index | None = None


def _index_of(holders: list[Holder]) -> _Index:
    if not isinstance(holders, Holders):
        return _Index(holders)  # a list built by hand: indexed for this question only
    if holders.built is None or holders.built.size != len(holders):
        holders.built = _Index(holders)
    return holders.built


class _Index:
    """The holders grouped by head noun, and per question (head, qualifiers, strictness) the
    people whose role fits; :func:`_fits` asked once per distinct role description."""

    def __init__(self, holders: list[Holder]) -> None:
        self.size = len(holders)
        self.by_head: dict[str, list[int]] = {}
        self.first_at: dict[str, int] = {}
        for k in sorted(range(len(holders)), key=lambda k: holders[k].at):
            h = holders[k]
            self.by_head.setdefault(h.head, []).append(k)
            self.first_at.setdefault(h.head, h.at)
        # a copy: the Holders list keeps this index, and a reference back to it would make
        # a cycle, freed only by the cyclic collector, out of every document's index
        self.holders = list(holders)
        self._fitting: dict[tuple[str, tuple[str, ...], bool], _Fitting] = {}
        self._seen: dict[int, _Seen] = {}

    def fitting(self, head: str, rest: list[str], strict: bool) -> _Fitting:
        key = (head, tuple(rest), strict)
        found = self._fitting.get(key)
        if found is None:
            fits: dict[tuple[frozenset[str], str | None], bool] = {}
            chosen = []
            for k in self.by_head.get(head, []):
                h = self.holders[k]
                sig = (h.words, h.country)
                if sig not in fits:
                    fits[sig] = _fits(h, head, rest, strict)
                if fits[sig]:
                    chosen.append(k)
            found = self._fitting[key] = _Fitting(self.holders, chosen)
        return found

    def last_seen(self, entity: Entity, pos: int) -> int:
        seen = self._seen.get(id(entity))
        if seen is None or not seen.current(entity):
            seen = self._seen[id(entity)] = _Seen(entity)
        return seen.before(pos)


class _Fitting:
    """The holders whose role fits one question, by offset, and the people among them."""

    def __init__(self, holders: list[Holder], chosen: list[int]) -> None:
        self.ats = [holders[k].at for k in chosen]  # ascending
        self.order = chosen  # positions in the holders' list, for ties
        people: dict[int, _Person] = {}
        for k in chosen:
            h = holders[k]
            person = people.setdefault(id(h.entity), _Person(h.entity, h.at))
            if not person.ats or person.ats[-1] != h.at:
                person.ats.append(h.at)
                person.first.append(k)
            else:
                person.first[-1] = min(person.first[-1], k)
        self.people = sorted(people.values(), key=lambda p: p.since)
        self.since = [p.since for p in self.people]

    def latest(self, pos: int, last_seen: Callable[[Entity, int], int]) -> Entity | None:
        """Among people given the role before ``pos``, the one mentioned last before it;
        ties: the later role, then the earlier holder in the list (as ``max`` over the list
        of holders would answer)."""
        best: tuple[int, int, int] | None = None
        found: Entity | None = None
        for person in self.people[: bisect_left(self.since, pos)]:
            j = bisect_left(person.ats, pos) - 1
            key = (last_seen(person.entity, pos), person.ats[j], -person.first[j])
            if best is None or key > best:
                best, found = key, person.entity
        return found


@dataclass
class _Person:
    entity: Entity
    since: int  # offset of the person's first fitting role
    ats: list[int] = field(default_factory=list)  # offsets of their fitting roles, ascending
    first: list[int] = field(default_factory=list)  # per offset, its first holder's position


class _Seen:
    """The offsets of an entity's mentions, sorted. The quote stage adds mentions as it
    resolves speakers (appended, the list then sorted in place), so a change of the list's
    length, first or last mention means reading them again."""

    def __init__(self, entity: Entity) -> None:
        self.mentions = entity.mentions
        self.key = self._key(entity)
        self.starts = sorted(m.start for m in entity.mentions)

    @staticmethod
    def _key(entity: Entity) -> tuple[int, Mention | None, Mention | None]:
        ms = entity.mentions
        return (len(ms), ms[0], ms[-1]) if ms else (0, None, None)

    def current(self, entity: Entity) -> bool:
        size, first, last = self._key(entity)
        return (entity.mentions is self.mentions and size == self.key[0]
                and first is self.key[1] and last is self.key[2])

    def before(self, pos: int) -> int:
        k = bisect_left(self.starts, pos)
        return self.starts[k - 1] if k else -1


_SENTENCE_END = re.compile(r"[.!?…]\s*[»”\"]?(?:\s+|$)")


def _sentences_end(text: str, pos: int, count: int) -> int:
    # From ``pos`` in the whole text: a slice of a 1 MB text per question costs its length.
    end = len(text)
    for k, match in enumerate(_SENTENCE_END.finditer(text, pos), 1):
        end = match.end()
        if k == count:
            return end
    return end
