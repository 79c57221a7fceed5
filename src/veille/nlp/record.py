"""Doc -> plain records: what the components left on a Doc's extensions, as model objects."""

from __future__ import annotations

from dataclasses import dataclass

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
    lemmas = " ".join(t.lemma_ for t in doc if t.is_alpha and not t.is_stop)
    return Analysis(table.entities() if table is not None else [], doc._.veille_quotes or [],
                    doc._.veille_times or [], doc._.veille_events or [], lemmas)
