"""The parse's subjects the speaker resolver reads (:mod:`.speaker`, :mod:`.speaker_history`).

People that are the subject of their clause (or apposed to it, or open their paragraph), role
nouns that are a clause's subject ("Le ministre russe a démenti"), and main-clause subjects
that name a body ("La Commission a publié"): read from the Doc's columns (:mod:`.tree`), the
labels from ``quotes/component_dependencies.tsv`` and the role-subject patterns from
``quotes/component_role_subjects.jsonl``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from veille.model import Entity, Mention
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.doc import text_of
from veille.nlp.quotes.speaker_subjects import dependency_labels as _dependencies
from veille.nlp.quotes.token_patterns import DependencyPattern
from veille.nlp.quotes.tree import Tree, tree_of
from veille.nlp.scope import current_pack
from veille.nlp.spans import Spans

_ROLE_SUBJECTS = "quotes/component_role_subjects.jsonl"

# The table's entities, each with the mentions to read (as they were at some moment).
Entities = list[tuple[Entity, list[Mention]]]


def subject_mentions(doc: Doc, table: EntityTable) -> list[tuple[int, Entity]]:
    """Mentions of people that are the subject of their clause (or apposed to it), or that
    open their paragraph where the parse ran the sentence before over the paragraph break
    (it hangs the name on that sentence as a ``run_over`` label: "parataxis"): a
    paragraph's first words are its topic."""
    return subjects_of(doc, [(e, e.mentions) for e in table.entities()])


def subjects_of(doc: Doc, entities: Entities) -> list[tuple[int, Entity]]:
    """:func:`subject_mentions` of ``entities`` with the mentions given."""
    found = []
    deps = _dependencies()
    text = text_of(doc)
    tree = tree_of(doc)
    people = {e.id: e for e, _ in entities if e.type == "PER"}
    by_surname = _by_last_word(list(people.values()))
    # The subjects' characters, in text order (tokens do not overlap): a mention holds one
    # when the first subject ending after its start begins before its end.
    subjects = _subject_tokens(tree, deps)
    starts, ends = [tree.idx[i] for i in subjects], [tree.end[i] for i in subjects]
    run_over = deps.get("run_over", frozenset())
    for entity, mentions in entities:
        person = people.get(entity.id) or _surname_of(entity, by_surname)
        if person is None:
            continue
        for m in mentions:
            k = bisect_right(ends, m.start)
            if (k < len(starts) and starts[k] < m.end) or (
                    not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()
                    and _runs_over(tree, m.start, m.end, run_over)):
                found.append((m.start, person))
    return found


def _runs_over(tree: Tree, start: int, end: int, run_over: frozenset[str]) -> bool:
    """The words ``[start, end)`` hang on the sentence before by a ``run_over`` label."""
    first, stop = tree.token_range(start, end)
    return first < stop and tree.dep(tree.root(first, stop)) in run_over


def _subject_tokens(tree: Tree, deps: dict[str, frozenset[str]]) -> list[int]:
    """The subjects, and the names apposed to one, in text order: a few of the document's
    tokens, so one pass over their labels answers for every mention."""
    subject = deps.get("subject", frozenset())
    subjects = tree.hashes(subject)
    attachment = tree.hashes(deps.get("attachment", frozenset()))
    return sorted(tree.with_dep(subject) + [
        i for i in tree.with_dep(deps.get("apposition", frozenset()))
        if _apposed_to_subject(tree, i, subjects, attachment)])


def body_subjects(doc: Doc, table: EntityTable) -> list[tuple[int, int, str | None]]:
    """Spans of main-clause subjects that name a body, with the noun's grammatical gender
    (the gender of the "il" / "elle" that refers back to it): an organisation's mention ("La
    Commission européenne a publié"), or a description with an article whose head is a body
    noun of ``quote_org_nouns.txt`` ("Le gouvernement belge a présenté")."""
    if not doc.has_annotation("DEP"):
        return []
    deps = _dependencies()
    tree = tree_of(doc)
    main = tree.hashes(deps.get("main_clause", frozenset()))
    labels, heads = tree.deps, tree.head
    # main-clause subjects with an article: a few a document, so the rest is asked of them.
    # The tokens an article hangs on, from the articles: no children index of every token.
    articled = {heads[d] for d in tree.with_dep(deps.get("determiner", frozenset()))
                if heads[d] != d}
    candidates = [i for i in tree.with_dep(deps.get("subject", frozenset()))
                  if i in articled and labels[heads[i]] in main]
    if not candidates:
        return []
    nouns = _org_nouns()
    bodies = Spans((m.start, m.end) for e in table.entities() if e.type == "ORG"
                   for m in e.mentions)  # a body's name: its mention holds the noun's start
    found = []
    for i in candidates:
        if not (tree.lower(i) in nouns or tree.idx[i] in bodies):
            continue
        tok = doc[i]  # one of a few subjects: its edges from the Token
        start, end = tok.left_edge.idx, tree.end[i]
        for right in tok.rights:  # the noun's complements, up to its verb or a comma
            if right.is_punct or right.i >= tree.head[i]:
                break
            end = right.right_edge.idx + len(right.right_edge.text)
        gender = tree.feature(i, "Gender")
        found.append((start, end, _GRAMMATICAL.get(gender[0]) if len(gender) == 1 else None))
    return found


def _org_nouns() -> frozenset[str]:
    """The body nouns of ``quote_org_nouns.txt`` (its first column), once per pack."""
    pack = current_pack()
    return pack.cached(("component", "org_nouns"), lambda: frozenset(
        row[0] for row in pack.table("quote_org_nouns.txt")))


# Universal Dependencies' gender values.
_GRAMMATICAL = {"Fem": "feminine", "Masc": "masculine"}


def _by_last_word(people: list[Entity]) -> dict[str, list[Entity]]:
    """People by the last word of their name, in table order (for :func:`_surname_of`)."""
    found: dict[str, list[Entity]] = {}
    for p in people:
        for last in p.name.split()[-1:]:
            found.setdefault(last, []).append(p)
    return found


def _surname_of(entity: Entity, by_last_word: dict[str, list[Entity]]) -> Entity | None:
    """The one person whose name ends with ``entity``'s single capitalised word: a surname the
    tagger typed an organisation or a place ("Marchal mène la charge") is still that person."""
    words = entity.name.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    found = [p for p in by_last_word.get(words[0], ()) if p.name != entity.name]
    return found[0] if len(found) == 1 else None


def role_subjects(doc: Doc) -> list[tuple[int, int]]:
    """Spans of definite role nouns that are the subject of a clause ("Le ministre russe a
    démenti"): article, noun and the adjectives after it."""
    if not doc.has_annotation("DEP"):
        return []  # no parse, no subjects (a blank pipeline)
    article: dict[int, int] = {}  # noun -> its first article
    tree = tree_of(doc)
    for pattern, labels, nouns in _role_subject_patterns():
        # the roots: the subjects that are role nouns (a few of the subjects the parse lists
        # once a label), not a test of every token
        roots = None if labels is None else [
            i for i in tree.with_dep(labels) if tree.lower(i) in nouns]
        for noun, det in pattern(doc, roots):
            article[noun] = min(det, article.get(noun, det))
    found = []
    adjective = _dependencies().get("adjective", frozenset())
    for noun in sorted(article):
        end = noun
        while (end + 1 < tree.size and tree.dep(end + 1) in adjective
               and tree.head[end + 1] == noun):
            end += 1
        found.append((tree.idx[article[noun]], tree.end[end]))
    return found


def _role_subject_patterns() -> list[tuple[DependencyPattern, frozenset[str] | None,
                                           frozenset[str]]]:
    """The pack's role-subject patterns, their first node restricted to the head nouns of
    ``quote_person_nouns.txt`` (one list for every rule that reads them), each with its first
    node's dependency labels (None when it names none) and those nouns: the tokens it can
    start from. Matched on the Doc's arrays (:class:`~.token_patterns.DependencyPattern`):
    spaCy's ``DependencyMatcher`` walked every token for them."""
    pack = current_pack()

    def build() -> list[tuple[DependencyPattern, frozenset[str] | None, frozenset[str]]]:
        nouns = pack.words("quote_person_nouns.txt")
        patterns = []
        for entry in pack.patterns(_ROLE_SUBJECTS):
            first, *rest = entry["pattern"]
            attrs = {**first["RIGHT_ATTRS"], "LOWER": {"IN": sorted(nouns)}}
            patterns.append((DependencyPattern([{**first, "RIGHT_ATTRS": attrs}, *rest]),
                             _values(attrs.get("DEP")), frozenset(nouns)))
        return patterns
    return pack.cached("role_subject_patterns_roots", build)


def _values(value: object) -> frozenset[str] | None:
    """The values a pattern's attribute allows (a string or an ``IN`` list), else None."""
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return frozenset(value["IN"])
    return None


def _apposed_to_subject(tree: Tree, i: int, subjects: frozenset[int],
                        attachment: frozenset[int]) -> bool:
    """The apposition ``i`` names a subject ("La commissaire à l'Énergie, Kadri Simson, a
    dit": the parser often hangs the apposition on the subject's complement). The labels
    are :meth:`Tree.hashes`."""
    deps, heads = tree.deps, tree.head
    head, steps = heads[i], 0
    # (up to three steps, a root's head being itself)
    while deps[head] in attachment and steps < 3:
        head, steps = heads[head], steps + 1
    return deps[head] in subjects
