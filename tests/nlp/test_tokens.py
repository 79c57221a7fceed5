"""The token columns against spaCy's own Token attributes, on a text of ours."""

from __future__ import annotations

import pytest

from veille.nlp import tokens

TEXT = ("La ministre a reçu mardi à Lyon son homologue belge. « Nous avançons », a-t-elle "
        "déclaré aux journalistes.\n\nLe sommet reprendra jeudi.")


@pytest.fixture(scope="module")
def doc(nlp):  # type: ignore[no-untyped-def]
    return nlp(TEXT)


@pytest.mark.parametrize(("attr", "of"), [
    ("LEMMA", lambda t: t.lemma_), ("POS", lambda t: t.pos_), ("DEP", lambda t: t.dep_),
    ("ORTH", lambda t: t.text), ("LOWER", lambda t: t.lower_), ("TAG", lambda t: t.tag_),
    ("ENT_TYPE", lambda t: t.ent_type_), ("MORPH", lambda t: str(t.morph)),
])
def test_words_are_the_token_strings(doc, attr, of) -> None:  # type: ignore[no-untyped-def]
    assert tokens.words(doc, attr) == [of(t) for t in doc]


def test_positions_heads_and_sentences(doc) -> None:  # type: ignore[no-untyped-def]
    assert tokens.offsets(doc) == [t.idx for t in doc]
    assert tokens.ends(doc) == [t.idx + len(t.text) for t in doc]
    assert tokens.heads(doc) == [t.head.i for t in doc]
    assert tokens.sentence_starts(doc) == [s.start for s in doc.sents]
    assert len(tokens.sentence_starts(doc)) >= 3


def test_columns_are_read_once(doc) -> None:  # type: ignore[no-untyped-def]
    assert tokens.ids(doc, "LEMMA") is tokens.ids(doc, "LEMMA")
    assert tokens.words(doc, "POS") is tokens.words(doc, "POS")


def test_an_attribute_without_strings_is_refused(doc) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="IDX"):
        tokens.words(doc, "IDX")


def test_an_empty_doc_has_empty_columns(nlp) -> None:  # type: ignore[no-untyped-def]
    empty = nlp.make_doc("")
    assert tokens.words(empty, "LEMMA") == [] and tokens.sentence_starts(empty) == []


def test_token_range_children_and_features_are_spacys(doc) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("mardi")
    for begin, end in [(start, start + 5), (start + 2, start + 9), (0, len(TEXT))]:
        span = doc.char_span(begin, end, alignment_mode="expand")
        assert tokens.token_range(doc, begin, end) == (span.start, span.end)
    space = TEXT.index("reçu") + len("reçu")  # the space after a token, in no token
    assert tokens.token_range(doc, space, space + 1) is None
    assert tokens.children(doc) == [[c.i for c in t.children] for t in doc]
    for t in doc:
        got = tokens.features(doc, t.i)
        assert {field: list(values) for field, values in got.items()} == {
            field: t.morph.get(field) for field in t.morph.to_dict()}


def test_words_stay_right_past_the_remembered_strings_cap(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # each text brings strings the one before it did not: the remembered ones never go past
    # the cap and one document's strings
    monkeypatch.setattr(tokens, "_STRINGS_MAX", 8)
    other = "Le zèbre Ozymandias traverse la rue Sainte-Quiterie."
    for text in (other, TEXT, other):
        doc = nlp(text)
        assert tokens.words(doc, "LEMMA") == [t.lemma_ for t in doc]
        assert tokens.words(doc, "ORTH") == [t.text for t in doc]
        assert len(tokens._STRINGS) <= 8 + len(doc) + 1


def test_words_read_in_a_memory_zone_are_right_in_the_next(nlp) -> None:  # type: ignore[no-untyped-def]
    # a word new to the vocabulary is gone with its zone; its hash still names the same string
    text = "Le zorglubien Krzywicki parle."
    with nlp.memory_zone():
        first = tokens.words(nlp(text), "ORTH")
    with nlp.memory_zone():
        doc = nlp(text)
        assert tokens.words(doc, "ORTH") == first == [t.text for t in doc]
