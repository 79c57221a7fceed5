"""The parse as columns (nlp/quotes/tree.py): the same labels, children, span roots, token
ranges and morphological features as spaCy's ``Token``, ``Span`` and ``MorphAnalysis`` give."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.quotes.doc import span_of
from veille.nlp.quotes.tree import tree_of

# Our own sentences: a subject with an apposition, a feminine participle, punctuation and a
# paragraph break (a space token) inside the spans asked about.
_TEXT = (
    "La ministre de la Culture, Claire Dumas, est arrivée mardi à Lyon. « Nous verrons », "
    "a-t-elle dit.\n\nLe maire, réélu en mars, a salué sa venue ; les syndicats, eux, non !"
)


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp(_TEXT)


def test_children_are_spacys(doc: Doc) -> None:
    tree = tree_of(doc)
    assert tree.children == [[c.i for c in t.children] for t in doc]
    assert any(tree.children)  # the parse ran: some token has children


def test_root_is_spacys_for_every_short_span(doc: Doc) -> None:
    tree = tree_of(doc)
    for first in range(len(doc)):
        for stop in range(first + 1, min(len(doc), first + 6) + 1):
            assert tree.root(first, stop) == doc[first:stop].root.i, (first, stop)


def test_token_range_is_span_of(doc: Doc) -> None:
    tree = tree_of(doc)
    for start in range(len(_TEXT) + 1):
        for end in (start + 1, start + 7):
            span = span_of(doc, start, end)
            first, stop = tree.token_range(start, end)
            expected = (span.start, span.end) if span is not None else None
            assert ((first, stop) if first < stop else None) == expected, (start, end)


def test_feature_is_morph_get(doc: Doc) -> None:
    tree = tree_of(doc)
    for field in ("Gender", "Definite", "VerbForm", "PronType", "Number"):
        assert [tree.feature(t.i, field) for t in doc] == [t.morph.get(field, []) for t in doc]
    arrived = next(t.i for t in doc if t.text == "arrivée")
    assert tree.feature(arrived, "Gender") == ["Fem"]


def test_labels_are_the_tokens(doc: Doc) -> None:
    tree = tree_of(doc)
    assert [tree.dep(t.i) for t in doc] == [t.dep_ for t in doc]
    assert [tree.pos(t.i) for t in doc] == [t.pos_ for t in doc]
    assert [tree.lower(t.i) for t in doc] == [t.lower_ for t in doc]
    assert [tree.lemma(t.i) for t in doc] == [t.lemma_ for t in doc]
    assert "NOUN" in {tree.pos(t.i) for t in doc}
    subjects = frozenset({"nsubj", "nsubj:pass"})
    assert tree.with_dep(subjects) == [t.i for t in doc if t.dep_ in subjects] != []
    assert [tree.has_dep(t.i, subjects) for t in doc] == [t.dep_ in subjects for t in doc]


def test_label_ids_are_the_tokens_labels(doc: Doc) -> None:
    # the columns compared with ``hashes`` answer as the label strings do, for dependency
    # labels (a symbol, "nsubj", or a hash, "flat:name") and parts of speech alike
    tree = tree_of(doc)
    for labels in (frozenset({"nsubj", "flat:name", "ROOT"}), frozenset({"det"})):
        wanted = tree.hashes(labels)
        assert [tree.deps[t.i] in wanted for t in doc] == [t.dep_ in labels for t in doc]
        assert tree.with_dep(labels) == [t.i for t in doc if t.dep_ in labels] != []
    tags = frozenset({"VERB", "NOUN"})
    assert [tree.tags[t.i] in tree.hashes(tags) for t in doc] == [t.pos_ in tags for t in doc]
    assert any(t.pos_ in tags for t in doc)


def test_tree_is_built_once_per_doc(doc: Doc) -> None:
    assert tree_of(doc) is tree_of(doc)
