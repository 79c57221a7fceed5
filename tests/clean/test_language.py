"""The document's language: py3langid on the text, after the caller's word, before the page's."""

from __future__ import annotations

from veille.clean.document import clean_document
from veille.clean.language import detect_language, document_language
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
