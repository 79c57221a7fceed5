"""In-article furniture of the French pack (clean/boilerplate.tsv), on a regional site's page
written for this test (tests/data/web/furniture.html): every line between the paragraphs that a
reader would skip goes, with its reason; the article's own sentences stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.clean.boilerplate import classify
from veille.clean.document import clean_document
from veille.lang.pack import LanguagePack
from veille.model import RawDocument
from veille.settings import Settings

FR = LanguagePack.load("fr")
EN = LanguagePack.load("en")
PAGE = Path(__file__).parent.parent / "data" / "web" / "furniture.html"


def test_the_page_keeps_its_headline_and_three_paragraphs_only() -> None:
    html = PAGE.read_text(encoding="utf-8")
    clean = clean_document(RawDocument(html, "furniture.html", is_html=True), Settings())
    lines = clean.text.splitlines()
    assert lines[0] == "La ligne de tramway prolongée jusqu'à l'aéroport"
    assert [line.split()[0] for line in lines[1:]] == ["La", "Les", "Le"]
    reasons = {r.reason for r in clean.removed}
    assert {"paywall", "newsletter", "outlet-box", "comment-counter", "ui-label",
            "photo-credit", "share-prompt"} <= reasons


@pytest.mark.parametrize(("line", "reason"), [
    ("Temps de lecture : 4 min", "ui-label"),
    ("Écouter cet article", "ui-label"),
    ("Photo Marie Lenoir / Le Journal du Nord", "photo-credit"),
    ("Article réservé aux abonnés. Profitez de notre offre à 1 € par mois.", "paywall"),
    ("Pour continuer à lire cet article, abonnez-vous dès maintenant.", "paywall"),
    ("Inscrivez-vous à nos newsletters pour recevoir l'actualité de votre ville.",
     "newsletter"),
    ("Le Petit Matin est un média indépendant : soutenez-nous, abonnez-vous.", "outlet-box"),
    ("Afficher les 3 commentaires", "comment-counter"),
])
def test_furniture_lines_have_their_reason(line: str, reason: str) -> None:
    assert classify(line, FR) == reason


@pytest.mark.parametrize("line", [
    "Mediapart est un journal indépendant fondé en 2008 par d'anciens journalistes du Monde.",
    "Photo à l'appui, le maire a montré la fissure du pont aux élus.",
    "Le gouvernement veut soutenir la presse indépendante avec un fonds de 10 millions.",
    "Les lecteurs ont laissé 300 commentaires sous la pétition, selon ses auteurs.",
])
def test_article_sentences_about_the_same_things_stay(line: str) -> None:
    assert classify(line, FR) is None


def test_english_in_article_furniture() -> None:
    assert classify("Listen to this article", EN) == "ui-label"
    assert classify("View all 12 comments", EN) == "comment-counter"
    assert classify("Help fund our journalism: make a donation today.", EN) == "outlet-box"
    assert classify("The charity said it would support our local schools.", EN) is None
