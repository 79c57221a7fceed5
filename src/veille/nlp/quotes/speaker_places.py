"""Places that speak as metonyms: the seat of a body, a capital for its state.

"Bruxelles a salué" is the European Commission's (``quotes/speaker_seats.tsv``); "Kiev a
démenti", in a text that names another state, Ukraine's (the capitals of
``events/capitals.tsv``). A capital in a local story, with no other state in the text, stays
the city ("Ottawa a précisé" about its tramway).
"""

from __future__ import annotations

from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.roles import country_names
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.quotes.doc import fold
from veille.nlp.quotes.speaker_rules import Said, said_of
from veille.nlp.quotes.speaker_rules import rules as _rules


def seat_of(text: str, table: EntityTable, place: str, start: int, end: int) -> Said | None:
    """The body or state ``place`` stands for when it is the whole subject span
    ``[start, end)`` of ``text`` (its article aside); None for any other place or span."""
    rules = _rules()
    if fold(rules.determiner.sub("", text[start:end].strip(" ,"))) != fold(place):
        return None
    body = rules.seats.get(fold(place))
    state = rules.capitals.get(fold(place))
    if body is None and (state is None or not names_another_state(table, state)):
        return None
    name = body or state or ""
    entity = next((e for e in table.entities()
                   if e.type in ("ORG", "LOC") and fold(e.name) == fold(name)), None)
    return (said_of(entity) if entity else Said(name, None, "ORG")).found_by("body")


def names_another_state(table: EntityTable, state: str) -> bool:
    """The text names a country, or a capital, of a state other than ``state``."""
    countries, capitals = country_names(), _rules().capitals
    own = countries.get(fold_keep_offsets(state))
    for entity in table.entities():
        if entity.type != "LOC":
            continue
        code = countries.get(fold_keep_offsets(entity.name))
        if (code is not None and code != own) or capitals.get(
                fold(entity.name), state) != state:
            return True
    return False
