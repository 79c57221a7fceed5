"""Doc -> plain records: what the components left on a Doc's extensions, as model objects."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from veille.model import Entity, Event, Quote, TimeExpr
from veille.nlp.tokens import ids, words


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
    # The Doc's columns instead of a Token object per word (a Doc of 10,000 tokens made 10,000
    # of them here); the lemmas' strings are the ones the components already read (the tense
    # of a date's verb reads them in nearly every document).
    lemmas = " ".join(lemma for lemma, alpha, stop in zip(
        words(doc, "LEMMA"), ids(doc, "IS_ALPHA"), ids(doc, "IS_STOP"), strict=True)
        if alpha and not stop)
    return Analysis(table.entities() if table is not None else [], doc._.veille_quotes or [],
                    doc._.veille_times or [], doc._.veille_events or [], lemmas)
