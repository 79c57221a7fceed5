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

from veille.model import Entity, Mention
from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.roles import opens_clause
from veille.nlp.quotes.doc import columns
from veille.nlp.quotes.tree import Tree, tree_of
from veille.nlp.scope import current_pack

_DEPENDENCIES = "quotes/component_dependencies.tsv"
_AUXILIARIES = "quotes/speaker_agreeing_auxiliaries.txt"
# Universal Dependencies' feature values (the same for every language's model).
_GENDERS = {"Fem": "feminine", "Masc": "masculine"}


def entity_genders(doc: Doc, table: EntityTable) -> dict[str, str]:
    """Entity id -> ``masculine`` or ``feminine`` for the people whose mentions something
    agrees with; a person the agreements contradict or never mention is left out."""
    return mention_genders(doc, person_mentions(table))


def person_mentions(table: EntityTable) -> list[tuple[str, int, int]]:
    """The people's mentions agreements are read on, as ``(entity id, start, end)``: what
    the table holds now, for :func:`mention_genders` to read later (speakers add mentions).
    A title is left out: "le Premier ministre" has the noun's gender, not the person's."""
    return people_mentions([(e, e.mentions) for e in table.entities() if e.type == "PER"])


def people_mentions(people: list[tuple[Entity, list[Mention]]]) -> list[tuple[str, int, int]]:
    """:func:`person_mentions` of the ``people`` given with the mentions to read."""
    return [(e.id, m.start, m.end) for e, mentions in people for m in mentions
            if m.via != "title"]


def mention_genders(doc: Doc, mentions: list[tuple[str, int, int]]) -> dict[str, str]:
    """:func:`entity_genders` of the mentions of :func:`person_mentions`."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("MORPH"):
        return {}
    tree = tree_of(doc)  # the parse as lists: no Token per mention and per child
    agreement = _Agreement(doc, tree)
    votes: dict[str, Counter[str]] = {}
    for eid, start, end in mentions:
        first, stop = tree.token_range(start, end)
        if first >= stop:
            continue
        for gender in agreement.genders(tree.root(first, stop)):
            votes.setdefault(eid, Counter())[gender] += 1
    found = {}
    for eid, count in votes.items():
        (best, n), *rest = count.most_common() + [("", 0)]
        if n > rest[0][1]:
            found[eid] = best
    return found


class _Agreement:
    """The words that agree with a mention, read from one document's Tree: its labels and
    tags compared as the string store's ids, looked up once for all the mentions."""

    def __init__(self, doc: Doc, tree: Tree) -> None:
        labels = _labels()
        self.doc, self.tree = doc, tree
        self.deps, self.tags = tree.deps, tree.tags
        # the children of the few tokens asked (mentions' heads, their appositions), not the
        # index of every token's
        self.children = columns(doc).children_of
        empty: frozenset[str] = frozenset()
        self.subject = tree.hashes(labels.get("subject", empty))
        self.modifier = tree.hashes(labels.get("modifier", empty))
        self.apposition = tree.hashes(labels.get("apposition", empty))
        self.determiner = tree.hashes(labels.get("determiner", empty))
        self.agreement = tree.hashes(labels.get("agreement", empty))
        self.verb_or_adjective = tree.hashes(frozenset({"VERB", "ADJ"}))
        self.noun, self.aux = tree.hashes(frozenset({"NOUN"})), tree.hashes(frozenset({"AUX"}))
        self.auxiliaries = current_pack().words(_AUXILIARIES)

    def genders(self, root: int) -> list[str]:
        """The genders of the words that agree with the mention whose head token is
        ``root``."""
        tree, deps, tags = self.tree, self.deps, self.tags
        found = []
        head = tree.head[root]
        if deps[root] in self.subject and self._agrees(head):
            found.append(_gender(tree, head))
        for child in self.children(root):
            if deps[child] in self.modifier and tags[child] in self.verb_or_adjective:
                found.append(_gender(tree, child))  # "X, réélue en mars,"
            elif (deps[child] in self.apposition and tags[child] in self.noun
                  and not opens_clause(self.doc, tree.end[child])):
                # (not "Après sa rencontre avec X, le ministre a dit", which a parse may take
                # for an apposition)
                found += [_gender(tree, d) for d in self.children(child)
                          if deps[d] in self.determiner
                          and tree.feature(d, "Definite")]  # "X, la ministre,"
        return [g for g in found if g]

    def _agrees(self, head: int) -> bool:
        """A participle or adjective that agrees with its subject: with a copula or passive
        auxiliary, or with an auxiliary of the pack's list ("est arrivée", not "a reçu")."""
        if self.tags[head] not in self.verb_or_adjective:
            return False
        deps, tags = self.deps, self.tags
        return any(deps[c] in self.agreement
                   or (tags[c] in self.aux and self.tree.lemma(c).casefold() in self.auxiliaries)
                   for c in self.children(head))


def _gender(tree: Tree, i: int) -> str:
    values = tree.feature(i, "Gender")
    return _GENDERS.get(values[0], "") if len(values) == 1 else ""


def _labels() -> dict[str, frozenset[str]]:
    pack = current_pack()
    return pack.cached(("genders", _DEPENDENCIES), lambda: {
        row[0]: frozenset(row[1:]) for row in pack.table(_DEPENDENCIES)})
