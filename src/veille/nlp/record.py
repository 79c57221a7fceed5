"""Doc -> plain records: what the components left on a Doc's extensions, as model objects."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA
from spacy.tokens import Doc

from veille.model import Entity, Event, Quote, TimeExpr


@dataclass
class Analysis:
    entities: list[Entity]
    quotes: list[Quote]
    times: list[TimeExpr]
    events: list[Event]
    lemmas: str = ""


def analysis_of(doc: Doc) -> Analysis:
    """The extraction of one processed Doc; spaCy objects stay here."""
    table = doc._.veille_entities
    # One array of the three attributes instead of a Token object per word (a Doc of 10,000
    # tokens made 10,000 of them here).
    strings = doc.vocab.strings
    lemmas = " ".join(strings[int(lemma)] for alpha, stop, lemma
                      in doc.to_array([IS_ALPHA, IS_STOP, LEMMA]).tolist() if alpha and not stop)
    return Analysis(table.entities() if table is not None else [], doc._.veille_quotes or [],
                    doc._.veille_times or [], doc._.veille_events or [], lemmas)
