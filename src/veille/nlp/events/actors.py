"""Who and where: the actors of a sentence (resolved names with their spans), which of them is
a place, and the name one takes part under. No spaCy here.

A location introduced by a preposition of place ("à Anchorage"), or naming the venue right
after a trigger, is where an event is held; a location without one is an actor (a state, or a
capital standing for one: ``events/capitals.tsv``); a venue stands in its city
(``events/venues.tsv``). The words are the pack's (``events/patterns.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.lang.pack import LanguagePack
from veille.nlp.events.data import pattern_reader
from veille.nlp.scope import current_pack

_FLAGS = {"place_preposition": re.IGNORECASE, "of_complement": re.IGNORECASE,
          "venue": re.IGNORECASE, "region_after": 0}
_re = pattern_reader(_FLAGS)


@dataclass(frozen=True)
class Actor:
    """A mention that may take part in an event: a resolved name with its span and type."""

    start: int
    end: int
    name: str
    type: str


def _read_capitals(pack: LanguagePack) -> tuple[dict[str, str], frozenset[str]]:
    table = dict((city, state) for city, state in pack.table("events/capitals.tsv"))
    return table, frozenset(table.values())


def capitals() -> dict[str, str]:
    """A capital -> the state it stands for ("Moscou" -> "Russie")."""
    return current_pack().derive(_read_capitals)[0]


def is_place(text: str, actor: Actor) -> bool:
    """A location after a preposition of place ("à Anchorage"), naming the venue right after
    the trigger ("le sommet de l'Alaska", "la réunion de Genève"), or given with its region
    ("sur Anchorage, en Alaska")."""
    if actor.type != "LOC" and venue_city(actor.name) is None:
        return False
    # the 40 characters before it, not the text's whole head: a long text stays linear
    before = text[max(0, actor.start - 40):actor.start]
    found = _re()
    return found["place_preposition"].search(before[-30:]) is not None or \
        found["venue"].search(before) is not None or \
        found["region_after"].match(text, actor.end) is not None


# asked of every actor that is not a location, at each trigger near it: a document names a
# few dozen, over and over
@lru_cache(maxsize=4096)
def _venue_key(name: str) -> str:
    return " ".join(name.replace("-", " ").casefold().split())


def _read_venues(pack: LanguagePack) -> dict[str, str]:
    return {_venue_key(venue): city for venue, city in pack.table("events/venues.tsv")}


def venue_city(name: str) -> str | None:
    """The city a venue stands in ("Maison-Blanche" -> "Washington"), or None."""
    return current_pack().derive(_read_venues).get(_venue_key(name))


def as_participant(text: str, actor: Actor) -> str | None:
    """The name an actor takes part under, or None for a location that is not an actor."""
    if actor.type == "PER":
        return actor.name
    if actor.type == "MISC":  # "les Rafale", "la COP": things and labels take no part
        return None
    if actor.type != "LOC":  # "à l'Élysée", "au Kremlin": a building is where, not who
        at = text[max(0, actor.start - 30):actor.start]
        return None if _re()["place_preposition"].search(at) else actor.name
    if is_place(text, actor) or \
            _re()["of_complement"].search(text[max(0, actor.start - 12):actor.start]):
        return None
    # a location acts only as a state, or as a capital standing for one ("Moscou a répondu")
    table, states = current_pack().derive(_read_capitals)
    state = table.get(actor.name, actor.name)
    return state if state in states else None
