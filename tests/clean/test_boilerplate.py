from __future__ import annotations

from pathlib import Path

from veille.clean.boilerplate import classify, strip_boilerplate

DATA = Path(__file__).resolve().parents[1] / "data"


def test_page_furniture_is_removed_with_reasons_and_article_text_kept() -> None:
    raw = (DATA / "banner.txt").read_text(encoding="utf-8")
    text, removed = strip_boilerplate(raw)
    reasons = {r.text: r.reason for r in removed}
    assert reasons["Photo : Jean Martin / Gazette"] == "photo-credit"
    assert reasons["Suivez La Gazette de Test sur Telegram"] == "share-prompt"
    assert reasons["Image 2"] == "image-placeholder"
    assert reasons["OK"] == "cookie-banner"
    assert reasons["Tout accepterTout refuserParamétrer vos choix"] == "cookie-banner"
    assert reasons["Le conseil municipal adopte le budget"] == "repeated-headline"
    assert "« Ce budget protège les services publics »" in text
    assert "L'opposition a voté contre" in text
    assert "cookies" not in text and "Telegram" not in text
    # The headline stays at the top: only its repetition as a footer goes.
    assert text.startswith("Le conseil municipal adopte le budget\n")


def test_removed_offsets_point_into_the_input() -> None:
    raw = (DATA / "banner.txt").read_text(encoding="utf-8")
    _, removed = strip_boilerplate(raw)
    for item in removed:
        assert raw[item.start:item.end] == item.text


def test_inline_credit_after_a_caption_is_cut() -> None:
    text, removed = strip_boilerplate("Le ministre des Finances, Paul Durand© Agence Photo\nSuite.")
    assert text.startswith("Le ministre des Finances, Paul Durand\n")
    assert removed[0].reason == "photo-credit"


def test_sentences_about_cookies_or_telegram_in_the_news_are_kept() -> None:
    assert classify("Le gouvernement veut interdire la vente de cookies industriels.") is None
    assert classify("Le fondateur de Telegram a été entendu par les juges jeudi.") is None
    assert classify("La photo a été prise à Kiev le 3 mars par un agent de la sécurité.") is None


def test_lone_short_line_between_paragraphs_is_not_taken_for_furniture() -> None:
    raw = "Titre\nPremier paragraphe assez long pour être un texte.\nOui\nDeuxième paragraphe."
    text, removed = strip_boilerplate(raw)
    assert "Oui" in text.splitlines() and removed == []
