from __future__ import annotations

from pathlib import Path

from veille.clean.boilerplate import (
    _any_rule,
    classify,
    paragraph_layout,
    split_lines,
    strip_boilerplate,
)
from veille.clean.document import cleaning_pack
from veille.clean.language import document_language
from veille.lang.pack import LanguagePack

DATA = Path(__file__).resolve().parents[1] / "data"
FR = LanguagePack.load("fr")
EN = LanguagePack.load("en")


def test_page_furniture_is_removed_with_reasons_and_article_text_kept() -> None:
    raw = (DATA / "banner.txt").read_text(encoding="utf-8")
    text, removed = strip_boilerplate(raw, FR)
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
    _, removed = strip_boilerplate(raw, FR)
    for item in removed:
        assert raw[item.start:item.end] == item.text


def test_inline_credit_after_a_caption_is_cut() -> None:
    text, removed = strip_boilerplate("Le ministre des Finances, Paul Durand© Agence Photo\nSuite.",
                                       FR)
    assert text.startswith("Le ministre des Finances, Paul Durand\n")
    assert removed[0].reason == "photo-credit"


def test_sentences_about_cookies_or_telegram_in_the_news_are_kept() -> None:
    assert classify("Le gouvernement veut interdire la vente de cookies industriels.", FR) is None
    assert classify("Le fondateur de Telegram a été entendu par les juges jeudi.", FR) is None
    assert (classify("La photo a été prise à Kiev le 3 mars par un agent de la sécurité.", FR)
            is None)


def test_lone_short_line_between_paragraphs_is_not_taken_for_furniture() -> None:
    raw = "Titre\nPremier paragraphe assez long pour être un texte.\nOui\nDeuxième paragraphe."
    text, removed = strip_boilerplate(raw, FR)
    assert "Oui" in text.splitlines() and removed == []


ENGLISH_PAGE = """Council adopts the budget
We use cookies to improve your browsing experience and for analytics.
OK
Accept all Reject all
Photo: Jane Smith / The Test Gazette
Follow The Test Gazette on Telegram
The council voted on Tuesday to adopt next year's budget.
Sign up for our newsletter
Read more: how the council spends its money
The opposition voted against."""


def test_english_furniture_is_removed_with_the_english_pack() -> None:
    text, removed = strip_boilerplate(ENGLISH_PAGE, EN)
    reasons = {r.text: r.reason for r in removed}
    assert reasons == {
        "We use cookies to improve your browsing experience and for analytics.": "cookie-banner",
        "OK": "cookie-banner",
        "Accept all Reject all": "cookie-banner",
        "Photo: Jane Smith / The Test Gazette": "photo-credit",
        "Follow The Test Gazette on Telegram": "share-prompt",
        "Sign up for our newsletter": "share-prompt",
        "Read more: how the council spends its money": "share-prompt",
    }
    assert text == ("Council adopts the budget\n"
                    "The council voted on Tuesday to adopt next year's budget.\n"
                    "The opposition voted against.")


def test_french_patterns_do_not_clean_english_text_nor_english_ones_french() -> None:
    assert classify("Suivez La Gazette de Test sur Telegram", FR) == "share-prompt"
    assert classify("Suivez La Gazette de Test sur Telegram", EN) is None
    assert classify("Follow The Test Gazette on Telegram", FR) is None
    assert classify("Sign up for our newsletter", FR) is None


def test_english_sentences_about_cookies_or_photos_are_kept() -> None:
    assert classify("The government wants to ban the sale of industrial cookies.", EN) is None
    assert classify("The photo was taken in Kyiv on 3 March by a security officer.", EN) is None
    assert classify("Related to the vote, the mayor resigned on Monday.", EN) is None


def test_the_cleaning_pack_follows_the_document_language() -> None:
    assert cleaning_pack("en") is EN
    assert cleaning_pack("fr-FR") is FR
    assert cleaning_pack(document_language(None, None, ENGLISH_PAGE)) is EN  # told by the text
    assert cleaning_pack("de") is FR  # no German pack


def test_paragraphs_are_the_runs_of_non_blank_lines() -> None:
    # a blank line, a line of spaces and tabs, and a line break of another kind (\x0b)
    text = "Un.\nDeux.\n\n \t\nTrois.\x0bQuatre.\n"
    assert paragraph_layout(text) == [(0, "paragraph"), (0, "paragraph"), None, None,
                                      (1, "paragraph"), (1, "paragraph")]
    assert len(split_lines(text)) == 6  # one layout a line of strip_layout


def test_the_screen_for_a_text_keeps_the_rows_whose_words_it_holds() -> None:
    screen = LanguagePack.load("fr").derive(_any_rule)
    assert screen is not None and screen.needy
    row = screen.needy[0]
    kept = screen.within(f"Un texte où se lit {row.words[0]}.")
    assert kept.at_start is screen.at_start and kept.anywhere is screen.anywhere
    assert row in kept.needy
    assert screen.within("Rien.").needy == ()
