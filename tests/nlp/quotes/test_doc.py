"""The quote rules' per-Doc views (nlp/quotes/doc.py): token ranges under character spans, each
token's children and morphological features, read from the Doc's columns instead of Tokens."""

from __future__ import annotations

from spacy.language import Language

from veille.nlp.quotes.cues import auxiliaries_before, pronoun_of, verb_group
from veille.nlp.quotes.doc import children, columns, features, span_of, token_range

_TEXT = "La ministre a déclaré mardi qu'elle ne signerait pas, ajoutant : « Jamais. »"


def test_token_range_expands_to_the_tokens_a_span_touches(nlp: Language) -> None:
    doc = nlp(_TEXT)
    start = _TEXT.index("inistre")  # inside "ministre"
    end = _TEXT.index("déclaré") + 3  # inside "déclaré"
    i, j = token_range(doc, start, end) or (0, 0)
    assert [t.text for t in doc[i:j]] == ["ministre", "a", "déclaré"]
    span = span_of(doc, start, end)
    assert span is not None and (span.start, span.end) == (i, j)


def test_token_range_is_none_between_tokens(nlp: Language) -> None:
    doc = nlp(_TEXT)
    gap = _TEXT.index(" a ")  # the space after "ministre"
    assert token_range(doc, gap, gap + 1) is None
    assert token_range(doc, len(_TEXT), len(_TEXT) + 5) is None


def test_children_are_the_parsers_in_document_order(nlp: Language) -> None:
    doc = nlp(_TEXT)
    found = children(doc)
    assert [found[t.i] for t in doc] == [[c.i for c in t.children] for t in doc]
    verb = next(t for t in doc if t.text == "déclaré")
    assert any(doc[c].text == "a" for c in found[verb.i])  # its auxiliary


def test_features_read_as_token_morph_get(nlp: Language) -> None:
    doc = nlp(_TEXT)
    ajoutant = next(t for t in doc if t.text == "ajoutant")
    assert "Part" in features(doc, ajoutant.i)["VerbForm"]
    for tok in doc:
        for field in ("VerbForm", "Person", "Tense", "PronType"):
            assert list(features(doc, tok.i).get(field, ())) == tok.morph.get(field, [])
    comma = next(t for t in doc if t.text == ",")
    assert features(doc, comma.i) == {}


def test_the_columns_token_ranges_are_token_range(nlp: Language) -> None:
    doc = nlp(_TEXT)
    found = columns(doc)
    for start in range(len(_TEXT) + 2):
        for end in (start, start + 1, start + 7, len(_TEXT) + 3):
            assert found.tokens_in(start, end) == token_range(doc, start, end), (start, end)


def test_the_features_column_reads_each_tokens_features_once(nlp: Language) -> None:
    doc = nlp(_TEXT)
    feats = columns(doc).feats
    assert [feats[t.i] for t in reversed(doc)] == [features(doc, t.i) for t in reversed(doc)]
    ajoutant = next(t for t in doc if t.text == "ajoutant")
    assert feats[ajoutant.i]["Tense"] == ("Pres",) and feats[ajoutant.i] is feats[ajoutant.i]


def test_a_tokens_children_read_alone_are_the_index_entry(nlp: Language) -> None:
    doc = nlp(_TEXT)
    found = columns(doc)
    verb = next(t for t in doc if t.text == "déclaré")
    assert [doc[c].text for c in found.children_of(verb.i)][:2] == ["ministre", "a"]
    assert [found.children_of(t.i) for t in doc] == children(doc)


def test_text_and_lower_case_columns_are_read_as_asked(nlp: Language) -> None:
    doc = nlp(_TEXT)
    found = columns(doc)
    assert found.orth[2] == "a" and found.lower[0] == "la"
    assert [found.orth[t.i] for t in doc] == [t.text for t in doc]
    assert [found.lower[t.i] for t in doc] == [t.lower_ for t in doc]
    assert len(found.orth) == len(doc)


def test_a_verb_group_read_twice_is_the_same(nlp: Language) -> None:
    doc = nlp("Le maire a déjà déclaré que la route restera fermée.")
    verb = next(t for t in doc if t.text == "déclaré")
    assert doc[auxiliaries_before(verb)].text == "a"  # "a déjà déclaré": the adverb inside
    assert auxiliaries_before(verb) == auxiliaries_before(doc[verb.i])


def test_a_verb_group_is_its_first_auxiliary_and_its_pronoun(nlp: Language) -> None:
    doc = nlp("« Rien n'est joué », a-t-il ajouté. La ministre a déjà déclaré qu'elle viendra.")
    ajoute = next(t for t in doc if t.text == "ajouté")
    group = verb_group(doc, ajoute)
    assert doc[group.first].text == "a" and group.pronoun == "il"  # "a-t-il ajouté"
    for tok in doc:
        assert verb_group(doc, tok) == (auxiliaries_before(tok), pronoun_of(doc, tok)), tok.text
