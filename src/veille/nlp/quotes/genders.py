"""The gender the text's grammar gives each person, for pronouns and "cette dernière".

French agrees a past participle conjugated with "être", an attribute adjective and an apposed
participle with the person they say something of: "Claire Dumas est arrivée", "X s'est dite
satisfaite", "X, réélue en mars," and an article before an apposed role noun ("X, la
ministre,") all say a woman. Only agreement counts here: the tagger's guess on a first name
alone is no evidence (it changes with the sentence), and a participle conjugated with "avoir"
agrees with nothing. The auxiliaries that make a participle agree are the pack's
(``quotes/speaker_agreeing_auxiliaries.txt``), and so are the dependency labels
(``quotes/component_dependencies.tsv``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.roles import opens_clause
from veille.nlp.quotes.doc import span_of
from veille.nlp.scope import current_pack

_DEPENDENCIES = "quotes/component_dependencies.tsv"
_AUXILIARIES = "quotes/speaker_agreeing_auxiliaries.txt"
# Universal Dependencies' feature values (the same for every language's model).
_GENDERS = {"Fem": "feminine", "Masc": "masculine"}


def entity_genders(doc: Doc, table: EntityTable) -> dict[str, str]:
    """Entity id -> ``masculine`` or ``feminine`` for the people whose mentions something
    agrees with; a person the agreements contradict or never mention is left out."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("MORPH"):
        return {}
    labels = _labels()
    votes: dict[str, Counter[str]] = {}
    for entity in table.entities():
        if entity.type != "PER":
            continue
        for m in entity.mentions:
            span = span_of(doc, m.start, m.end)
            if span is None or m.via == "title":
                continue  # "le Premier ministre": the noun's gender, not the person's
            for gender in _agreements(span.root, labels):
                votes.setdefault(entity.id, Counter())[gender] += 1
    found = {}
    for eid, count in votes.items():
        (best, n), *rest = count.most_common() + [("", 0)]
        if n > rest[0][1]:
            found[eid] = best
    return found


def _agreements(root: Token, labels: dict[str, frozenset[str]]) -> list[str]:
    """The genders of the words that agree with the mention whose head token is ``root``."""
    found = []
    head = root.head
    if root.dep_ in labels.get("subject", frozenset()) and _agrees(head, labels):
        found.append(_gender(head))
    for child in root.children:
        if child.dep_ in labels.get("modifier", frozenset()) and child.pos_ in ("VERB", "ADJ"):
            found.append(_gender(child))  # "X, réélue en mars,"
        elif (child.dep_ in labels.get("apposition", frozenset()) and child.pos_ == "NOUN"
              and not opens_clause(root.doc, child.idx + len(child.text))):
            # (not "Après sa rencontre avec X, le ministre a dit", which a parse may take
            # for an apposition)
            found += [_gender(d) for d in child.children
                      if d.dep_ in labels.get("determiner", frozenset())
                      and d.morph.get("Definite", [])]  # "X, la ministre,"
    return [g for g in found if g]


def _agrees(head: Token, labels: dict[str, frozenset[str]]) -> bool:
    """A participle or adjective that agrees with its subject: with a copula or passive
    auxiliary, or with an auxiliary of the pack's list ("est arrivée", not "a reçu")."""
    if head.pos_ not in ("VERB", "ADJ"):
        return False
    auxiliaries = current_pack().words(_AUXILIARIES)
    return any(c.dep_ in labels.get("agreement", frozenset())
               or (c.pos_ == "AUX" and c.lemma_.casefold() in auxiliaries)
               for c in head.children)


def _gender(tok: Token) -> str:
    values = tok.morph.get("Gender", [])
    return _GENDERS.get(values[0], "") if len(values) == 1 else ""


def _labels() -> dict[str, frozenset[str]]:
    pack = current_pack()
    return pack.cached(("genders", _DEPENDENCIES), lambda: {
        row[0]: frozenset(row[1:]) for row in pack.table(_DEPENDENCIES)})
