"""Long texts parsed in parts: the cuts, the joined Doc, the records' offsets, the length cap."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.clean.document import clean_document
from veille.errors import InputError
from veille.model import RawDocument
from veille.nlp.context import DocContext
from veille.nlp.factories import COMPONENTS
from veille.nlp.model import load_pipeline
from veille.nlp.parts import PART_CHARS, parse_in_parts, part_bounds
from veille.nlp.pipeline import analyze
from veille.settings import Settings

PARAGRAPHS = [
    "Le conseil municipal de Quimper a voté lundi le budget de la piscine, après deux heures "
    "de débat.",
    "« Nous tiendrons les délais », a déclaré le maire, Yann Le Gall, à la sortie de la séance.",
    "La ministre des Sports, Inès Carvalho, visitera le chantier le 12 mai, selon la préfecture.",
    "Les travaux doivent commencer en juin et durer dix-huit mois, a précisé l'adjointe aux "
    "finances, Maëlle Tanguy.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


def _tokens(text: str) -> Doc:
    return spacy.blank("fr").make_doc(text)


def _check_cover(doc: Doc, bounds: list[tuple[int, int]], limit: int) -> None:
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a < b for a, b in bounds)
    assert all(b == c for (_, b), (c, _) in zip(bounds, bounds[1:], strict=False))
    for a, b in bounds:
        assert len(doc[a:b].text_with_ws) <= limit


def test_a_text_that_fits_is_one_part() -> None:
    doc = _tokens(TEXT)
    assert part_bounds(doc, len(TEXT)) == [(0, len(doc))]
    assert part_bounds(_tokens(""), 10) == [(0, 0)]


def test_parts_end_after_a_paragraph_break() -> None:
    doc = _tokens(TEXT)
    bounds = part_bounds(doc, 300)
    _check_cover(doc, bounds, 300)
    assert len(bounds) >= len(TEXT) // 300
    for _, end in bounds[:-1]:
        assert doc[end - 1].is_space and "\n" in doc[end - 1].text


def test_a_paragraph_longer_than_a_part_is_cut_after_a_sentence() -> None:
    text = " ".join(p.replace("« ", "").replace(" »", "") for p in PARAGRAPHS * 2)
    doc = _tokens(text)
    bounds = part_bounds(doc, 250)
    _check_cover(doc, bounds, 250)
    for _, end in bounds[:-1]:
        assert doc[end - 1].text == "." and doc[end - 1].whitespace_


def test_a_text_without_breaks_or_stops_is_cut_between_tokens() -> None:
    doc = _tokens("mot " * 200)
    bounds = part_bounds(doc, 50)
    _check_cover(doc, bounds, 50)
    assert len(bounds) == 17  # 200 words of 4 characters, 12 a part (48 <= 50 < 52)


def test_the_joined_doc_is_the_whole_text_and_each_part_as_parsed_alone(
        settings: Settings) -> None:
    nlp: Language = load_pipeline(settings.model)
    doc = nlp.make_doc(TEXT)
    joined = parse_in_parts(nlp, nlp.make_doc(TEXT), COMPONENTS, 400)
    assert joined.text == TEXT
    assert [t.text for t in joined] == [t.text for t in doc]
    bounds = part_bounds(doc, 400)
    assert len(bounds) > 2
    with nlp.select_pipes(disable=list(COMPONENTS)):
        for a, b in bounds:
            alone = nlp(doc[a:b].text_with_ws)
            got = joined[a:b]
            assert got[0].is_sent_start
            assert [(t.dep_, t.head.i - a, t.lemma_, t.ent_type_) for t in got] == [
                (t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in alone]
    for ent in joined.ents:
        assert TEXT[ent.start_char:ent.end_char] == ent.text


def test_records_of_a_text_read_in_parts_point_into_the_text(settings: Settings) -> None:
    ctx = DocContext.from_iso("2026-03-03", "published")
    whole = next(analyze([(TEXT, ctx)], settings.model))
    parted = next(analyze([(TEXT, ctx)], settings.model, part_chars=400))
    for result in (whole, parted):
        for entity in result.entities:
            assert all(TEXT[m.start:m.end] == m.text for m in entity.mentions)
        assert all(TEXT[q.start:q.end] == q.text for q in result.quotes)
        assert all(TEXT[t.start:t.end] == t.text for t in result.times)
    # The quote of every repetition is read, the ones in later parts included.
    said = "Nous tiendrons les délais"
    assert sum(said in q.text for q in parted.quotes) == 3
    assert {e.name for e in parted.entities if e.type == "PER"} >= {"Yann Le Gall",
                                                                    "Inès Carvalho"}


def test_the_default_cap_takes_a_million_characters() -> None:
    settings = Settings(db=":memory:")
    assert settings.max_chars == 1_000_000 > PART_CHARS
    lines = [f"Le conseil a voté le budget numéro {i} de la piscine après un long débat."
             for i in range(12_500)]
    text = "\n\n".join(lines)  # about 960,000 characters
    cleaned = clean_document(RawDocument(text=text, origin="long.txt"), settings).text
    assert 900_000 < len(cleaned) <= settings.max_chars
    with pytest.raises(InputError, match="too long"):
        clean_document(RawDocument(text=text + "\n\n" + text[:60_000], origin="long.txt"),
                       settings)
