"""Datelines, publisher hints and dates of the text with the English pack: the cleaning
mechanism reads the document's language pack, and French patterns do not apply to English text
(nor English ones to French)."""

from __future__ import annotations

import pytest

from veille.clean import metadata
from veille.clean.dates import explicit_dates
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


@pytest.mark.parametrize("text", [
    "Talks resume\nLONDON (Reuters), March 3, 2026 - The envoys met.",
    "Talks resume\nWASHINGTON, Tuesday, March 3, 2026 (AP) \u2014 The envoys met.",
    "Talks resume\nBy Jane Doe, March 3, 2026\nThe envoys met.",
    "Talks resume\nPublished 3/3/2026 2:05 p.m. EST\nThe envoys met.",
])
def test_english_date_lines(text: str) -> None:
    assert metadata.dateline(text, EN) == "2026-03-03"


def test_a_later_english_date_is_no_reference() -> None:
    text = "The deal of January 5, 2026 will be signed again on March 21, 2026 in Oslo."
    doc = clean_document(RawDocument(text, "t", language="en"), SETTINGS)
    assert (doc.source.reference_date, doc.source.reference_date_basis) == (None, "none")


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
