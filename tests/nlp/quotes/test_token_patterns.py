"""The pack's token patterns matched around their words (nlp/quotes/token_patterns.py): the
same matches as spaCy's ``Matcher`` and ``DependencyMatcher`` over the whole Doc, reading fewer
tokens."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from veille.lang.pack import LanguagePack
from veille.nlp.quotes import cues
from veille.nlp.quotes.token_patterns import AnchoredMatcher, DependencyPattern

# Our own sentences: inverted pronouns with and without the euphonic t, reflexive verbs with
# words between the pronoun and the verb, a pronoun at the very start and end of the text, and
# definite role subjects with and without adjectives.
_TEXTS = (
    "Se félicitant du vote, le ministre a-t-il ajouté que rien ne changerait ? Il s'est dit "
    "inquiet, explique-t-elle. Le maire s'en est lui-même félicité, dit-on",
    "La présidente de la région a annoncé un plan. Le préfet l'a confirmé, selon la ministre.",
    "Se",
    "",
)


def _cue_patterns() -> list[list[dict[str, Any]]]:
    pack = LanguagePack.load("fr")
    return [e["pattern"] for name in ("quotes/cues_inverted.jsonl", "quotes/cues_reflexive.jsonl")
            for e in pack.patterns(name)]


def _matcher(nlp: Language, patterns: list[list[dict[str, Any]]]) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for k, pattern in enumerate(patterns):
        matcher.add(f"P{k}", [pattern])
    return matcher


@pytest.mark.parametrize("text", _TEXTS)
def test_anchored_matcher_finds_what_the_matcher_finds(nlp: Language, text: str) -> None:
    doc = nlp(text)
    patterns = _cue_patterns()
    matcher = _matcher(nlp, patterns)
    anchored = AnchoredMatcher(matcher, patterns)
    assert anchored.anchors is not None  # every cue pattern has a word to start from
    assert sorted(anchored(doc)) == sorted((int(k), s, e) for k, s, e in matcher(doc))
    if text == _TEXTS[0]:  # it holds pronouns of both files
        assert {label for label, _, _ in anchored(doc)} == {
            label for label, _, _ in matcher(doc)} and len(anchored(doc)) >= 4


def test_anchored_matcher_reads_only_windows_around_its_words(nlp: Language) -> None:
    doc = nlp("Le conseil a voté le budget hier soir, puis la séance a été levée, dit-il.")
    calls: list[int] = []
    matcher = _matcher(nlp, _cue_patterns())

    def counting(doclike: Any) -> Any:
        calls.append(len(doclike))
        return matcher(doclike)

    anchored = AnchoredMatcher(matcher, _cue_patterns())
    anchored.matcher = counting  # type: ignore[assignment]
    found = anchored(doc)
    assert [doc[s:e].text for _, s, e in found] == ["-il"]
    assert calls and sum(calls) <= 3  # one window around "-il", not the sentence's 19 tokens


def test_unbounded_pattern_reads_the_whole_doc(nlp: Language) -> None:
    patterns = [[{"LOWER": "le"}, {"OP": "*"}, {"LOWER": "budget"}]]
    matcher = _matcher(nlp, patterns)
    anchored = AnchoredMatcher(matcher, patterns)
    doc = nlp("Le conseil a voté le budget.")
    assert anchored.anchors is None
    assert sorted(anchored(doc)) == sorted((int(k), s, e) for k, s, e in matcher(doc))


_ROLE = [{"RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubj:pass"]},
                                               "LOWER": {"IN": ["ministre", "préfet", "maire"]}}},
         {"LEFT_ID": "noun", "REL_OP": ">--", "RIGHT_ID": "article",
          "RIGHT_ATTRS": {"DEP": "det", "LOWER": {"IN": ["le", "la", "l'"]}}}]


def _dependency_matcher(doc: Doc, pattern: list[dict[str, Any]]) -> list[list[int]]:
    matcher = DependencyMatcher(doc.vocab)
    matcher.add("P", [pattern])
    return sorted(nodes for _, nodes in matcher(doc))


@pytest.mark.parametrize("text", _TEXTS[:2])
@pytest.mark.parametrize("op", [">--", ">", ">++", "<"])
def test_dependency_pattern_finds_what_the_dependency_matcher_finds(
        nlp: Language, text: str, op: str) -> None:
    doc = nlp(text)
    pattern = [_ROLE[0], {**_ROLE[1], "REL_OP": op}]
    if op == "<":  # the article's head is a subject: the noun as dependent of a verb
        pattern[1] = {**pattern[1], "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}}
    assert sorted(DependencyPattern(pattern)(doc)) == _dependency_matcher(doc, pattern)
    if op == ">--":
        assert DependencyPattern(pattern)(doc)  # "Le préfet", "le ministre": something found


def test_dependency_pattern_tries_only_the_roots_it_is_given(nlp: Language) -> None:
    doc = nlp(_TEXTS[1])
    pattern = DependencyPattern(_ROLE)
    everything = pattern(doc)
    subjects = [t.i for t in doc if t.dep_ in ("nsubj", "nsubj:pass")]
    assert everything and pattern(doc, subjects) == everything  # a superset: the same
    assert pattern(doc, [t.i for t in doc if t.i not in subjects]) == []
    assert pattern(doc, []) == []


def test_dependency_pattern_refuses_what_it_cannot_read() -> None:
    chained = [_ROLE[0], _ROLE[1], {"LEFT_ID": "article", "REL_OP": ">", "RIGHT_ID": "x",
                                    "RIGHT_ATTRS": {"POS": "ADJ"}}]
    with pytest.raises(ValueError, match="hang on the first"):
        DependencyPattern(chained)
    with pytest.raises(ValueError, match="not read here"):
        DependencyPattern([{"RIGHT_ID": "n", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^min"}}}])


@pytest.mark.parametrize("text", _TEXTS)
def test_the_cue_matches_are_the_matchers_over_the_whole_doc(nlp: Language, text: str) -> None:
    """The inverted pronouns read at once and the reflexive verbs read when first asked are
    what one ``Matcher`` of every cue pattern finds over the whole Doc."""
    doc = nlp(text)
    patterns = _cue_patterns()
    inverted = len(LanguagePack.load("fr").patterns("quotes/cues_inverted.jsonl"))
    reflexive = set(range(inverted, len(patterns)))  # those of cues_reflexive.jsonl
    whole = [(int(k), s, e) for k, s, e in _matcher(nlp, patterns)(doc)]
    names = {doc.vocab.strings[f"P{k}"]: k for k in range(len(patterns))}
    found = cues._matches(doc)
    assert found.inverted_from == {
        s: (e - 1, doc[e - 1].lower_.split("-")[-1]) for k, s, e in whole
        if names[k] not in reflexive}
    assert found.reflexive == {e - 1 for k, s, e in whole if names[k] in reflexive}
    if text == _TEXTS[0]:  # "Se félicitant", "s'est dit"; "-t-il", "-t-elle", "dit-on"
        assert {doc[i].text for i in found.reflexive} >= {"félicitant", "dit"}
        assert sorted(found.pronouns.values()) == ["elle", "il", "on"]
