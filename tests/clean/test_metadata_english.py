"""Datelines, publisher hints and dates of the text with the English pack: the cleaning
mechanism reads the document's language pack, and French patterns do not apply to English text
(nor English ones to French)."""

from __future__ import annotations

from veille.clean import metadata
from veille.clean.dates import explicit_dates, latest_explicit_date
from veille.clean.document import clean_document
from veille.lang.pack import LanguagePack
from veille.model import RawDocument, Removed
from veille.settings import Settings

EN, FR = LanguagePack.load("en"), LanguagePack.load("fr")
SETTINGS = Settings(db=":memory:")


def test_english_dateline_is_month_first() -> None:
    text = "Talks resume\nWASHINGTON, March 3, 2026\nThe envoys met on Tuesday."
    assert metadata.dateline(text, EN) == "2026-03-03"
    assert metadata.dateline(text, FR) is None


def test_french_dateline_is_no_dateline_for_the_english_pack() -> None:
    text = "Titre\nLyon, 3 mars 2026\nLe maire a parlé."
    assert metadata.dateline(text, FR) == "2026-03-03"
    assert metadata.dateline(text, EN) is None


def test_publisher_named_in_english_furniture() -> None:
    follow = [Removed(0, 10, "share-prompt", "Follow Radio Test on Telegram")]
    cookies = [Removed(0, 10, "cookie-banner", "The Daily Test uses cookies to measure traffic")]
    assert metadata.publisher_from_boilerplate(follow, EN) == "Radio Test"
    assert metadata.publisher_from_boilerplate(cookies, EN) == "The Daily Test"
    assert metadata.publisher_from_boilerplate(follow, FR) is None
    french = [Removed(0, 10, "share-prompt", "Suivez Le Petit Journal sur Telegram")]
    assert metadata.publisher_from_boilerplate(french, EN) is None


def test_figures_read_in_the_pack_order() -> None:
    text = "Signed on March 3, 2026 and ratified on 3/5/2026."
    assert explicit_dates(text, EN) == ["2026-03-03", "2026-03-05"]
    assert explicit_dates(text, FR) == ["2026-05-03"]  # day first, and no English month


def test_later_day_month_moves_the_english_reference_on() -> None:
    text = "The deal of January 5, 2026 was signed again on March 21 in Oslo."
    assert latest_explicit_date(text, EN) == "2026-03-21"


def test_english_document_takes_its_dates_from_the_english_pack() -> None:
    text = ("Talks resume\nGENEVA, March 3, 2026\nThe minister said that the talks were "
            "stalled and that he saw no way out of the crisis for the time being.")
    doc = clean_document(RawDocument(text, "t"), SETTINGS)
    assert doc.source.language == "en"
    assert (doc.source.published, doc.source.reference_date_basis) == ("2026-03-03", "dateline")
    declared = clean_document(RawDocument("Nantes, 2 mai 2026\n" + text, "t", language="en"),
                              SETTINGS)
    # declared English: the French dateline on the first line is not read, the English one is
    assert declared.source.published == "2026-03-03"
