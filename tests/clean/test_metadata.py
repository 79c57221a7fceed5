from __future__ import annotations

from pathlib import Path

import pytest

from veille.clean import metadata
from veille.clean.dedup import signature, similarity
from veille.clean.document import clean_document
from veille.errors import InputError
from veille.lang.pack import LanguagePack
from veille.model import RawDocument, Removed
from veille.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
SETTINGS = Settings(db=":memory:")
FR = LanguagePack.load("fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre\nLyon, 3 mars 2026\nLe maire a parlé.", "2026-03-03"),
        ("Titre\nSaint-Étienne, 1er avril 2025\nTexte.", "2025-04-01"),
        ("27 août 2012. - Le ministre a annoncé sa démission.", "2012-08-27"),
        ("Le ministre a parlé le 3 mars 2026 à Lyon.", None),
        ("Lyon, 31 février 2026\nDate impossible.", None),
        ("Titre\nROME, 3 mars 2026 (AFP) - Le gouvernement a annoncé.", "2026-03-03"),
        ("Titre\nROME, 3 mars 2026 (AFP)\u2014Le gouvernement a annoncé.", "2026-03-03"),
        ("Titre\nGENÈVE (ATS), le mardi 3 mars 2026 \u2013 Le Conseil fédéral.", "2026-03-03"),
        ("Titre\nBRUXELLES 3 mars 2026 (BELGA) - Le gouvernement.", "2026-03-03"),
        ("Titre\nRabat, 03/03/2026 (MAP) - Le ministre.", "2026-03-03"),
        ("Titre\nParis, le 3 mars 2026.\nLe maire a parlé.", "2026-03-03"),
        ("Titre\nParis, le 3 mars 2026. Le maire a parlé.", "2026-03-03"),
        ("Titre\nParis, mardi 3 mars 2026 -- Le maire a parlé.", "2026-03-03"),
        ("Titre\nPublié le 03/03/2026 à 14h05\nLe maire a parlé.", "2026-03-03"),
        ("Titre\nPublié le 03/03/2026 à 14h05, mis à jour le 04/03/2026 à 9h\nTexte.",
         "2026-03-03"),
        ("Titre\nMis à jour le 04/03/2026 à 09h00\nTexte.", "2026-03-04"),
        ("Titre\nModifié le mardi 3 mars 2026 à 14h05\nTexte.", "2026-03-03"),
        ("Titre\nPar Marie Durand, le 3 mars 2026\nTexte.", "2026-03-03"),
        ("Titre\nPar Marie Durand | 2026-03-03 14:05\nTexte.", "2026-03-03"),
        ("Titre\nUn chapeau qui résume l'affaire sans la dater.\nMardi 3 mars 2026\nTexte.",
         "2026-03-03"),
        ("Depuis le 3 mars 2026.", None),
        ("Hier, le 3 mars 2026, le conseil a voté.", None),
        ("Titre\nParis (AFP) - Le conseil, réuni le 3 mars 2026 - a voté.", None),
    ],
)
def test_dateline(text: str, expected: str | None) -> None:
    assert metadata.dateline(text, FR) == expected


def test_publisher_named_in_its_own_furniture() -> None:
    removed = [Removed(0, 10, "share-prompt", "Suivez Le Petit Journal sur Telegram")]
    assert metadata.publisher_from_boilerplate(removed, FR) == "Le Petit Journal"
    removed = [Removed(0, 10, "cookie-banner", "Radio Test utilise des cookies pour mesurer")]
    assert metadata.publisher_from_boilerplate(removed, FR) == "Radio Test"


def test_given_date_beats_dateline_and_dateline_beats_evidence_of_the_day() -> None:
    text = "Titre\nNantes, 2 mai 2026\nLe 30 avril 2026, le conseil a voté."
    given = clean_document(RawDocument(text, "t", published="2026-05-05"), SETTINGS)
    assert (given.source.reference_date, given.source.reference_date_basis) == (
        "2026-05-05", "published")
    lined = clean_document(RawDocument(text, "t"), SETTINGS)
    assert (lined.source.published, lined.source.reference_date_basis) == (
        "2026-05-02", "dateline")
    inferred = clean_document(RawDocument("Ce jeudi 30 avril 2026, le conseil vote.", "t"),
                              SETTINGS)
    assert inferred.source.published is None
    assert (inferred.source.reference_date, inferred.source.reference_date_basis) == (
        "2026-04-30", "inferred")
    bare = clean_document(RawDocument("Le 30 avril 2026, le conseil a voté.", "t"), SETTINGS)
    assert (bare.source.reference_date, bare.source.reference_date_basis) == (None, "none")


def test_html_page_gives_text_title_date_and_site() -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    doc = clean_document(RawDocument(html, "page", is_html=True), SETTINGS)
    assert doc.text.count("Claire Dubois") == 1
    assert "Accueil" not in doc.text and "Tous droits réservés" not in doc.text
    assert doc.source.title == "La ministre de la Culture inaugure le festival"
    assert doc.source.published == "2026-05-04"
    assert doc.source.publisher == "La Gazette de Test"


def test_furniture_only_input_is_an_error() -> None:
    with pytest.raises(InputError, match="nothing left"):
        clean_document(RawDocument("Image 1\nLogo\nPartager", "only-furniture"), SETTINGS)


def test_syndicated_copy_is_near_and_other_story_is_far() -> None:
    story = (DATA / "article.html").read_text(encoding="utf-8")
    base = clean_document(RawDocument(story, "a", is_html=True), SETTINGS).text
    copy = "Titre repris\n" + base + "\n(Avec AFP)"
    other = clean_document(RawDocument((DATA / "banner.txt").read_text(), "b"), SETTINGS).text
    assert similarity(signature(base), signature(copy)) > 0.85
    assert similarity(signature(base), signature(other)) < 0.2


def test_html_furniture_is_listed_with_reasons_not_dropped_silently() -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    doc = clean_document(RawDocument(html, "page", is_html=True), SETTINGS)
    removed = {(r.reason, r.text) for r in doc.removed}
    assert ("navigation", "Accueil") in removed
    assert ("navigation", "Culture") in removed  # a menu word that also occurs in the article
    assert any(text.startswith("© La Gazette de Test") for _, text in removed)
    assert not any("Claire Dubois" in text for _, text in removed)


def test_same_page_extracted_twice_in_one_process_keeps_its_text() -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    first = clean_document(RawDocument(html, "a", is_html=True), SETTINGS).text
    second = clean_document(RawDocument(html, "b", is_html=True), SETTINGS).text
    assert first == second and "Claire Dubois" in second


def test_a_stamp_is_searched_only_in_lines_that_hold_its_words() -> None:
    pattern, need = metadata._stamp_test(FR, "published_stamp")
    assert pattern is metadata._dateline_pattern(FR, "published_stamp")
    dated = "Titre\nle 3 mars 2026 à 14h05"  # a figure, no publication word
    assert need.absent_from(dated, dated.lower(), {})
    stamped = "Titre\nPubliée le 3 mars 2026"
    assert not need.absent_from(stamped, stamped.lower(), {})
    # the stamp two lines under the headline, and in lines that lower() does not fold as re
    # does (the long s): searched as before
    assert metadata.dateline("Titre\nUn chapeau sans date.\nPublié le 03/03/2026 à 14h05\n"
                             "Texte.", FR) == "2026-03-03"
    assert metadata.dateline("Titre ſ\nPublié le 03/03/2026 à 14h05", FR) == "2026-03-03"
