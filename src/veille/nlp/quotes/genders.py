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

from spacy.tokens import Doc

from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.roles import opens_clause
from veille.nlp.quotes.tree import Tree, tree_of
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
    tree = tree_of(doc)  # the parse as lists: no Token per mention and per child
    votes: dict[str, Counter[str]] = {}
    for entity in table.entities():
        if entity.type != "PER":
            continue
        for m in entity.mentions:
            first, stop = tree.token_range(m.start, m.end)
            if first >= stop or m.via == "title":
                continue  # "le Premier ministre": the noun's gender, not the person's
            for gender in _agreements(doc, tree, tree.root(first, stop), labels):
                votes.setdefault(entity.id, Counter())[gender] += 1
    found = {}
    for eid, count in votes.items():
        (best, n), *rest = count.most_common() + [("", 0)]
        if n > rest[0][1]:
            found[eid] = best
    return found


def _agreements(doc: Doc, tree: Tree, root: int, labels: dict[str, frozenset[str]]
                ) -> list[str]:
    """The genders of the words that agree with the mention whose head token is ``root``."""
    found = []
    head = tree.head[root]
    if tree.has_dep(root, labels.get("subject", frozenset())) and _agrees(tree, head, labels):
        found.append(_gender(tree, head))
    modifier = labels.get("modifier", frozenset())
    apposition = labels.get("apposition", frozenset())
    for child in tree.children[root]:
        if tree.has_dep(child, modifier) and tree.pos(child) in ("VERB", "ADJ"):
            found.append(_gender(tree, child))  # "X, réélue en mars,"
        elif (tree.has_dep(child, apposition) and tree.pos(child) == "NOUN"
              and not opens_clause(doc, tree.end[child])):
            # (not "Après sa rencontre avec X, le ministre a dit", which a parse may take
            # for an apposition)
            determiner = labels.get("determiner", frozenset())
            found += [_gender(tree, d) for d in tree.children[child]
                      if tree.has_dep(d, determiner)
                      and tree.feature(d, "Definite")]  # "X, la ministre,"
    return [g for g in found if g]


def _agrees(tree: Tree, head: int, labels: dict[str, frozenset[str]]) -> bool:
    """A participle or adjective that agrees with its subject: with a copula or passive
    auxiliary, or with an auxiliary of the pack's list ("est arrivée", not "a reçu")."""
    if tree.pos(head) not in ("VERB", "ADJ"):
        return False
    auxiliaries = current_pack().words(_AUXILIARIES)
    agreement = labels.get("agreement", frozenset())
    return any(tree.has_dep(c, agreement)
               or (tree.pos(c) == "AUX" and tree.lemma(c).casefold() in auxiliaries)
               for c in tree.children[head])


def _gender(tree: Tree, i: int) -> str:
    values = tree.feature(i, "Gender")
    return _GENDERS.get(values[0], "") if len(values) == 1 else ""


def _labels() -> dict[str, frozenset[str]]:
    pack = current_pack()
    return pack.cached(("genders", _DEPENDENCIES), lambda: {
        row[0]: frozenset(row[1:]) for row in pack.table(_DEPENDENCIES)})
