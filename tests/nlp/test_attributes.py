"""The faster attribute ruler against spaCy's own, on the model's rules and on rules of ours."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from veille.nlp.attributes import FastAttributeRuler, rule_tests
from veille.nlp.model import (
    ATTRIBUTE_RULER,
    FAST_ATTRIBUTE_RULER,
    _speed_up,
    stock_pipeline,
)

COMPARED = [IDS[a] for a in ("TAG", "POS", "DEP", "MORPH", "LEMMA", "NORM", "HEAD", "ORTH")]
TEXTS = [
    "Le conseil  s'est réuni mardi à Genève.\n\n\nIl reprendra\tjeudi, a indiqué son porte-parole.",
    "  « Nous verrons », a-t-elle répondu.  \n",
    "   ",
]


def _both(nlp: Language, text: str) -> tuple[Doc, Doc]:
    """``text`` through the model's pipes before the ruler, then each ruler on its own copy."""
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "parser"]):
        doc = nlp(text)
    stock, fast = doc.copy(), doc.copy()
    nlp.get_pipe(ATTRIBUTE_RULER)(stock)
    nlp.get_pipe(FAST_ATTRIBUTE_RULER)(fast)
    return stock, fast


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe(ATTRIBUTE_RULER)
    assert isinstance(ruler, AttributeRuler)
    return ruler


def test_the_models_rules_are_one_token_tests(nlp: Language) -> None:
    rules = rule_tests(_ruler(nlp))
    assert rules is not None and len(rules) == len(_ruler(nlp).patterns)
    assert FAST_ATTRIBUTE_RULER in nlp.pipe_names and ATTRIBUTE_RULER in nlp.disabled


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_models_ruler(nlp: Language, text: str) -> None:
    stock, fast = _both(nlp, text)
    assert numpy.array_equal(stock.to_array(COMPARED), fast.to_array(COMPARED))
    assert [str(t.morph) for t in stock] == [str(t.morph) for t in fast]
    # The space rules did apply: a run of spaces or line breaks is tagged SPACE.
    spaces = [t for t in fast if t.is_space]
    assert spaces and all(t.tag_ == "SPACE" and t.pos_ == "SPACE" for t in spaces)


def test_stock_pipeline_puts_the_models_ruler_back(nlp: Language) -> None:
    with stock_pipeline(nlp):
        assert ATTRIBUTE_RULER in nlp.pipe_names and FAST_ATTRIBUTE_RULER not in nlp.pipe_names
    assert FAST_ATTRIBUTE_RULER in nlp.pipe_names and ATTRIBUTE_RULER in nlp.disabled


def _blank_with(rules: list[tuple[list[list[dict[str, object]]], dict[str, str]]]) -> Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe(ATTRIBUTE_RULER)
    ruler = _ruler(nlp)
    for patterns, attrs in rules:
        ruler.add(patterns, attrs)  # type: ignore[arg-type]
    return nlp


def test_later_rules_win_and_lists_and_flags_are_read() -> None:
    nlp = _blank_with([
        ([[{"LOWER": "genève"}]], {"TAG": "LIEU"}),
        ([[{"IS_TITLE": True}]], {"TAG": "TITRE", "LEMMA": "majuscule"}),
        ([[{"LOWER": {"IN": ["mardi", "jeudi"]}}]], {"TAG": "JOUR"}),
        ([[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [","]}}]], {"TAG": "FIN"}),
    ])
    ruler = _ruler(nlp)
    rules = rule_tests(ruler)
    assert rules is not None
    fast = FastAttributeRuler(ruler, rules)
    text = "Le conseil, réuni mardi à Genève, reprendra jeudi."
    stock_doc, fast_doc = ruler(nlp.make_doc(text)), fast(nlp.make_doc(text))
    assert [t.tag_ for t in fast_doc] == [t.tag_ for t in stock_doc]
    assert [t.lemma_ for t in fast_doc] == [t.lemma_ for t in stock_doc]
    tags = {t.text: t.tag_ for t in fast_doc}
    # "Genève" is matched by the first two rules: the later one wins, as in spaCy.
    assert tags["Genève"] == "TITRE" and tags["mardi"] == "JOUR" and tags["."] == "FIN"
    assert tags[","] == "" and tags["conseil"] == ""


@pytest.mark.parametrize("patterns", [
    [[{"LOWER": "le"}, {"LOWER": "conseil"}]],        # two tokens
    [[{"LOWER": "le", "OP": "?"}]],                   # an operator
    [[{"TEXT": {"REGEX": "^Gen"}}]],                  # a regular expression
])
def test_other_rules_leave_the_models_ruler_in_place(patterns: list[list[dict[str, object]]]
                                                     ) -> None:
    nlp = _blank_with([(patterns, {"TAG": "X"})])
    assert rule_tests(_ruler(nlp)) is None
    _speed_up(nlp)
    assert nlp.pipe_names == [ATTRIBUTE_RULER]


def test_saving_and_loading_go_through_the_models_ruler(nlp: Language) -> None:
    fast = nlp.get_pipe(FAST_ATTRIBUTE_RULER)
    assert isinstance(fast, FastAttributeRuler)
    data = fast.to_bytes()
    assert data == _ruler(nlp).to_bytes()
    assert fast.from_bytes(data) is fast and len(fast.rules) == len(_ruler(nlp).patterns)
    stock, again = _both(nlp, TEXTS[0])
    assert numpy.array_equal(stock.to_array(COMPARED), again.to_array(COMPARED))
