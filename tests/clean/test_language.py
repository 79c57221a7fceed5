"""The document's language: py3langid on the text, after the caller's word, before the page's."""

from __future__ import annotations

import numpy
import py3langid

from veille.clean.document import clean_document
from veille.clean.language import (
    _CastRows,
    _model,
    _Tally,
    classify,
    detect_language,
    document_language,
    scores,
)
from veille.model import RawDocument
from veille.settings import Settings

FRENCH = ("Le ministre a déclaré mardi que les négociations étaient dans une impasse et qu'il "
          "ne voyait pas de solution avant l'été.")
ENGLISH = ("The minister said on Tuesday that the talks were stalled and that he saw no way out "
           "of the crisis before the summer.")
SPANISH = "El Gobierno anunció el martes una subida del salario mínimo del dos por ciento."
# A French article quoting English words stays French.
MIXED = ("Le président américain a lancé « America first, always » devant ses partisans, avant "
         "de quitter la salle sous les applaudissements des militants réunis à Phoenix.")


def test_short_news_texts_are_told_apart() -> None:
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ENGLISH) == "en"
    assert detect_language(SPANISH) == "es"
    assert detect_language("Grève à la SNCF lundi") == "fr"
    assert detect_language("Earthquake in Japan kills ten") == "en"


def test_a_french_article_quoting_english_stays_french() -> None:
    assert detect_language(MIXED) == "fr"


def test_too_few_words_tell_nothing() -> None:
    assert detect_language("OK") == "und"
    assert detect_language("12 345") == "und"
    assert detect_language("Emmanuel Macron") == "und"


def test_the_caller_beats_the_text_and_the_text_beats_the_page() -> None:
    assert document_language("fr-FR", "en", ENGLISH) == "fr"
    assert document_language(None, "fr", ENGLISH) == "en"  # a site-wide <html lang="fr">
    assert document_language(None, "de", "OK") == "de"
    assert document_language(None, None, "OK") == "und"


def test_the_document_records_its_language() -> None:
    settings = Settings()
    english = clean_document(RawDocument(f"Talks stalled\n\n{ENGLISH}", "en.txt"), settings)
    assert english.source.language == "en"
    french = clean_document(RawDocument(f"Impasse\n\n{MIXED}\n\n{FRENCH}", "fr.txt"), settings)
    assert french.source.language == "fr"


def test_only_the_start_of_a_long_text_is_read() -> None:
    # py3langid's cost grows with the text: the start of a long one names its language.
    long_french = " ".join([FRENCH] * 30)  # about 3,300 characters
    assert detect_language(long_french + " " + " ".join([ENGLISH] * 300)) == "fr"
    assert detect_language(" ".join([ENGLISH] * 300)) == "en"


# Texts the automaton walks differently: scripts of several byte lengths, capitals (py3langid
# lower-cases a text in capitals), a text shorter than the automaton's memory, a text whose
# features repeat (their order of first emission orders the product).
_WALKS = (FRENCH, ENGLISH, SPANISH, MIXED, FRENCH.upper(), "Москва заявила во вторник",
          "東京で地震 ten people", "é", "la la la la la la la la la", "«»—’ " * 40,
          " ".join([FRENCH, ENGLISH] * 20)[:3_000])


def test_the_array_walk_gives_py3langid_own_scores() -> None:
    model = _model()
    assert model is not None, "py3langid's inner layout changed: the array walk is not used"
    for text in _WALKS:
        found = scores(text, model)
        assert found is not None
        assert numpy.array_equal(found, model.identifier._decide(text)), text
        assert classify(text, model) == py3langid.classify(text)[0], text


def test_a_text_without_features_gets_py3langid_own_answer() -> None:
    model = _model()
    assert model is not None
    assert scores("Ab", model) is None  # no byte n-gram of the model in it
    assert classify("Ab", model) == py3langid.classify("Ab")[0]


def test_each_feature_row_is_cast_once_and_kept() -> None:
    model = _model()
    assert model is not None
    first = scores(SPANISH, model)
    cast = model.weights.size
    assert first is not None and cast > 0
    again = scores(SPANISH, model)  # every row now read from the cast rows
    assert again is not None and numpy.array_equal(first, again)
    assert model.weights.size == cast  # nothing cast twice
    assert cast < len(model.weights.table)  # only the rows used were cast


def test_the_cast_rows_grow_past_their_first_capacity() -> None:
    table = numpy.arange(5_000 * 3, dtype=numpy.float16).reshape(5_000, 3)
    rows = _CastRows(table)
    wanted = numpy.array([4_999, 7, 7, 2_500, *range(1_000, 3_000)])
    assert numpy.array_equal(rows.of(wanted), table[wanted].astype(numpy.float32))
    assert rows.size == 2_002  # 1,000..2,999 (2,500 among them), 4,999 and 7, once each
    assert numpy.array_equal(rows.of(numpy.array([7, 0])), table[[7, 0]].astype(numpy.float32))


def test_features_are_tallied_in_the_order_they_are_first_emitted() -> None:
    tally = _Tally(10)
    emitted = numpy.array([7, 2, 7, 9, 2, 7], dtype=numpy.intp)
    found, counts = tally.of(emitted)
    assert found.tolist() == [7, 2, 9] and counts.tolist() == [3.0, 2.0, 1.0]
    assert counts.dtype == numpy.float32
    # the scratch is left clean: the next text's tally owes nothing to this one
    found, counts = tally.of(numpy.array([9, 1], dtype=numpy.intp))
    assert found.tolist() == [9, 1] and counts.tolist() == [1.0, 1.0]
