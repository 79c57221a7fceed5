"""A document in a language the pipeline does not read is stored without extraction."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from veille.clean.dedup import signature
from veille.extract import extract_records, pipeline_language
from veille.model import RawDocument, Record
from veille.settings import Settings
from veille.store.sqlite import SQLiteStore

WEB = Path(__file__).parent / "data" / "web"


def test_the_pipeline_language_is_the_pack_written_for_the_model() -> None:
    assert pipeline_language("fr_core_news_md") == "fr"
    assert pipeline_language("en_core_web_sm") == "en"
    assert pipeline_language("/models/de_core_news_lg") == "de"


def test_an_english_page_is_english_with_a_warning_and_no_french_extraction(
        settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    html = (WEB / "english-wire.html").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="veille.extract"):
        record = next(iter(extract_records([RawDocument(html, "wire.html", is_html=True)],
                                           settings)))
    assert isinstance(record, Record)
    assert record.source.language == "en"
    assert (record.entities, record.quotes, record.events, record.times) == ([], [], [], [])
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "wire.html" in warnings[0] and "English" in warnings[0]


def test_the_english_page_is_stored_and_searchable_without_entities(
        settings: Settings, tmp_path: Path) -> None:
    html = (WEB / "english-wire.html").read_text(encoding="utf-8")
    french = ("Le maire de Lyon a inauguré mardi le nouveau pont sur la Saône, en présence du "
              "préfet et de nombreux habitants venus assister à la cérémonie.")
    items = [RawDocument(html, "wire.html", is_html=True), RawDocument(french, "lyon.txt")]
    records = [r for r in extract_records(items, settings) if isinstance(r, Record)]
    store = SQLiteStore(str(tmp_path / "v.db"))
    for record in records:
        store.add(record, signature(record.text), settings.near_duplicate_threshold)
    english = records[0]
    assert store.get(english.doc_id) is not None
    assert [hit.doc_id for hit in store.search("Peskov")] == [english.doc_id]
    names = {e.name for e in records[1].entities}
    assert "Lyon" in names
    assert not any("Budapest in January" in e.name or "Putin" in e.name
                   for r in records for e in r.entities)


def test_a_text_too_short_to_tell_is_read_by_the_pipeline(settings: Settings) -> None:
    record = next(iter(extract_records([RawDocument("Emmanuel Macron", "name.txt")], settings)))
    assert isinstance(record, Record)
    assert record.source.language == "und"
    assert [e.name for e in record.entities] == ["Emmanuel Macron"]
