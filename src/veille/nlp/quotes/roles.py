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
from dataclasses import dataclass
from functools import lru_cache

from veille.lang.pack import read_lines
from veille.model import Entity, Mention
from veille.nlp.entities.roles import country_names, nationalities
from veille.nlp.entities.text import fold_keep_offsets

_STOP = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux",
                   "en", "pour", "chargé", "chargee", "charge"})
# Words that make the text before a comma a clause, not a noun phrase in apposition:
# "le ministre a salué son homologue, Karim Mansour" gives Mansour no role.
_CLAUSE_WORDS = frozenset({"a", "ont", "est", "sont", "avait", "avaient", "était", "étaient",
                           "sera", "seront", "aurait", "qui", "que", "qu", "dont", "où", "s"})
# "Karim Mansour, l'actuel ministre" is a holder; "l'ancien ministre" is not.
_BEFORE_HEAD = r"(?:(?:le|la|l'|son|sa|leur|actuel|actuelle|nouveau|nouvel|nouvelle)\s*)*"
_SEGMENT = r"[^,.;:!?«»()\n\"]{0,90}"
# Endings of nationality adjectives the table may lack; verbs do not end so ("reçoit", "dit").
_NATIONALITY_ENDING = re.compile(r"(?:ien|ienne|ais|aise|ain|aine|an|ois|oise)$")
_WINDOW = 140  # characters around a mention where its apposition can sit
_AHEAD_SENTENCES = 3  # the cue's own sentence and the next two


@dataclass(frozen=True)
class Holder:
    """A person the text gives a role: head noun, qualifier words, country when known."""

    entity: Entity
    head: str  # folded head noun: "ministre", "porte-parole"
    words: frozenset[str]  # folded content words of the qualifier: "interieur", "commission"
    country: str | None
    at: int  # offset of the name the role is attached to


@lru_cache(maxsize=1)
def _heads() -> str:
    nouns = sorted({fold_keep_offsets(n) for n in read_lines("quote_person_nouns.txt")},
                   key=len, reverse=True)
    return "|".join(re.escape(n) for n in nouns)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    heads = _heads()
    before = re.compile(rf"(?:^|[\s,(])(?:le|la|l'|son|sa|leur)\s*(?P<head>{heads})"
                        rf"(?P<qual>(?:\s{_SEGMENT})?),\s*$")
    title = re.compile(rf"(?:^|[\s,(])(?:le|la|l')\s*(?P<head>{heads})"
                       rf"(?P<qual>(?:\s[a-z'-]+)?)\s+$")
    after = re.compile(rf"^\s*,\s*{_BEFORE_HEAD}(?P<head>{heads})(?![\w-])(?P<qual>{_SEGMENT})")
    return before, title, after


def words_of(text: str) -> list[str]:
    """Folded words of a qualifier, articles and prepositions left out."""
    return [w for w in re.findall(r"[\w-]+", fold_keep_offsets(text).replace("'", " "))
            if w not in _STOP]


def country_of(words: list[str]) -> str | None:
    """The country a qualifier names: an adjective ("tunisien") or a country ("de Tunisie")."""
    return _country_of(tuple(words))


@lru_cache(maxsize=4096)
def _country_of(words: tuple[str, ...]) -> str | None:
    # Cached: every role lookup asks about the same few qualifiers, and the scan of country
    # names is the costly part.
    for word in words:
        if word in nationalities():
            return nationalities()[word]
    joined = f" {' '.join(words)} "
    return next((code for name, code in _countries() if f" {name} " in joined), None)


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, str], ...]:
    """Country names as qualifier words ("republique democratique congo": no "du")."""
    named = ((" ".join(words_of(name)), code) for name, code in country_names().items())
    return tuple((name, code) for name, code in named if name)


def role_holders(text: str, people: list[Entity]) -> list[Holder]:
    """Every role the text attaches to a mention of one of ``people``, in text order."""
    folded = fold_keep_offsets(text)
    before, title, after = _patterns()
    found: list[Holder] = []
    for entity in people:
        for m in entity.mentions:
            own = _described(entity, m) if m.via == "title" else None
            if own is not None:
                found.append(own)
                continue
            low = max(0, m.start - _WINDOW)
            left, right = folded[low : m.start], folded[m.end : m.end + _WINDOW]
            for match in (before.search(left), title.search(left), after.match(right)):
                if match is None:
                    continue
                qual = words_of(match.group("qual"))
                if match.re is before and _is_clause(text[low + match.start("qual") :
                                                          low + match.end("qual")]):
                    continue
                if match.re is title and not all(_adjective(w) for w in qual):
                    continue  # "le président reçoit Karim Mansour": a verb, no title
                found.append(Holder(entity, match.group("head"), frozenset(qual),
                                    country_of(qual), m.start))
                break
    return sorted(found, key=lambda h: h.at)


def _described(entity: Entity, mention: Mention) -> Holder | None:
    """A mention that is itself a role description the entity table resolved ("le chef de la
    diplomatie russe" for the minister the KB names)."""
    match = re.match(rf"(?:le|la|l')\s*(?P<head>{_heads()})(?![\w-])(?P<qual>.*)$",
                     fold_keep_offsets(mention.text))
    if match is None:
        return None
    qual = words_of(match.group("qual"))
    return Holder(entity, match.group("head"), frozenset(qual), country_of(qual), mention.start)


def _adjective(word: str) -> bool:
    """A nationality, or a word with a nationality's ending ("kenyan", "malien", "togolais")."""
    return word in nationalities() or bool(_NATIONALITY_ENDING.search(word))


def _is_clause(qualifier: str) -> bool:
    """Words of a verb or a relative in the text before an apposition's comma; read on the
    text with its accents ("à l'Énergie" is no "a" auxiliary)."""
    words = re.findall(r"\w+", qualifier.casefold().replace("’", "'"))
    return bool(set(words) & _CLAUSE_WORDS)


def _fits(holder: Holder, head: str, rest: list[str], strict: bool) -> bool:
    """The holder's role agrees with the description's head noun and qualifiers.

    A nationality in the description must match the holder's (``strict``), or the holder's is
    unknown (not strict); other content words ("interieur", "commission") must be in the
    holder's description.
    """
    if holder.head != head:
        return False
    country = country_of(rest)
    others = [w for w in rest if w not in nationalities() and country_of([w]) is None]
    if not set(others) <= holder.words:
        return False
    if country is None:
        return True
    return holder.country == country or (not strict and holder.country is None)


def antecedent(holders: list[Holder], head: str, rest: list[str], pos: int) -> Entity | None:
    """The most recently mentioned person given the role before ``pos``."""
    for strict in (True, False):
        fitting = [h for h in holders if h.at < pos and _fits(h, head, rest, strict)]
        if fitting:
            return max(fitting, key=lambda h: (_last_seen(h.entity, pos), h.at)).entity
    return None


def has_holders(holders: list[Holder], head: str, pos: int) -> bool:
    """The text gave the role noun ``head`` to someone before ``pos``."""
    return any(h.head == head and h.at < pos for h in holders)


def _last_seen(entity: Entity, pos: int) -> int:
    return max((m.start for m in entity.mentions if m.start < pos), default=-1)


def named_ahead(text: str, holders: list[Holder], head: str, rest: list[str],
                pos: int) -> Entity | None:
    """The first person given the role in the rest of this sentence or the next two."""
    limit = _sentences_end(text, pos, _AHEAD_SENTENCES)
    fitting = [h for h in holders if pos < h.at < limit and _fits(h, head, rest, False)]
    return fitting[0].entity if fitting else None


def _sentences_end(text: str, pos: int, count: int) -> int:
    ends = re.finditer(r"[.!?…]\s*[»”\"]?(?:\s+|$)", text[pos:])
    end = len(text)
    for k, match in enumerate(ends, 1):
        end = pos + match.end()
        if k == count:
            return end
    return end
