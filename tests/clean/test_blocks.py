"""Blocks of the cleaned text, from trafilatura's XML (HTML) or the layout (plain text), and the
in-article furniture of the pack. The pages are written for these tests in the layouts news sites
use (WordPress, a paywalled article, a live blog, an interview); no outlet's page is copied."""

from __future__ import annotations

import pytest

from veille.clean.document import clean_document
from veille.model import Block, RawDocument, Record, Source
from veille.settings import Settings

BODY = ("Le conseil municipal a voté mardi soir le budget de la nouvelle médiathèque, après "
        "trois heures de débats parfois vifs entre la majorité et l'opposition.")
SECOND = ("Les travaux doivent commencer au printemps et durer deux ans, selon le calendrier "
          "présenté par l'adjointe chargée de la culture devant les élus.")
THIRD = ("Le maire a promis une consultation des habitants sur les horaires d'ouverture avant "
         "la fin de l'année, une demande ancienne des associations de quartier.")

WORDPRESS = f"""<html><head><title>Une médiathèque pour 2027</title></head><body>
<nav><ul><li>Accueil</li><li>Politique</li></ul></nav>
<article class="post type-post"><h1 class="entry-title">Une médiathèque pour 2027</h1>
<div class="entry-content">
<p>{BODY}</p>
<p>À lire aussi : Le budget de la ville en hausse de 3 %</p>
<h2>Un chantier de deux ans</h2>
<p>{SECOND}</p>
<blockquote><p>Nous voulons un lieu ouvert à tous, tard le soir et le dimanche, pour les
familles comme pour les étudiants.</p></blockquote>
<p>{THIRD}</p>
<p>12 commentaires</p>
<p>Recevez gratuitement notre newsletter locale chaque matin</p>
</div></article>
<footer><p>Mentions légales</p></footer></body></html>"""

PAYWALL = f"""<html><body><main><article><h1>Les commerçants du centre inquiets</h1>
<p>{BODY}</p><p>{SECOND}</p><p>{THIRD}</p>
<p>Cet article est réservé aux abonnés.</p>
<p>Déjà abonné ? Se connecter</p>
</article></main></body></html>"""

LIVE = f"""<html><body><article><h1>En direct : la séance du conseil</h1>
<div class="live-post"><h3>21 h 10</h3><p>{BODY}</p></div>
<div class="live-post"><h3>21 h 40</h3><p>{SECOND}</p></div>
<div class="live-post"><h3>22 h 05</h3><p>{THIRD}</p></div>
<h5>À la une de notre-journal.fr</h5>
<h3>Un incendie dans un entrepôt de la zone industrielle</h3>
<p>Les pompiers sont intervenus toute la nuit pour maîtriser les flammes, sans faire de blessés.</p>
<p>3 commentaires</p>
</article></body></html>"""


def _clean(html: str) -> tuple[str, list[Block]]:
    doc = clean_document(RawDocument(html, "page.html", is_html=True, language="fr"), Settings())
    return doc.text, doc.blocks


def _kinds(text: str, blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in blocks]


@pytest.mark.parametrize("html", [WORDPRESS, PAYWALL, LIVE])
def test_every_block_indexes_the_cleaned_text(html: str) -> None:
    text, blocks = _clean(html)
    assert blocks
    for block in blocks:
        piece = text[block.start:block.end]
        assert piece and piece == piece.strip() and "\n\n" not in piece
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)


def test_wordpress_heading_quote_and_paragraphs() -> None:
    text, blocks = _clean(WORDPRESS)
    kinds = _kinds(text, blocks)
    assert ("paragraph", BODY) in kinds
    assert ("heading", "Un chantier de deux ans") in kinds
    assert any(k == "blockquote" and t.startswith("Nous voulons un lieu") for k, t in kinds)
    for furniture in ("À lire aussi", "12 commentaires", "newsletter"):
        assert furniture not in text


def test_paywall_notice_removed() -> None:
    text, _ = _clean(PAYWALL)
    assert THIRD in text
    assert "réservé aux abonnés" not in text
    assert "Déjà abonné" not in text


def test_live_blog_keeps_its_posts_and_drops_the_closing_headlines() -> None:
    text, blocks = _clean(LIVE)
    assert BODY in text and THIRD in text
    assert "incendie" not in text and "pompiers" not in text and "commentaires" not in text
    assert ("heading", "21 h 40") in _kinds(text, blocks)


def test_plain_text_title_dateline_and_paragraphs() -> None:
    raw = (f"Une médiathèque pour 2027\n\nRennes, le 4 mars 2026\n\n{BODY}\n{SECOND}\n\n"
           f"{THIRD}\n")
    doc = clean_document(RawDocument(raw, "a.txt", language="fr"), Settings())
    assert _kinds(doc.text, doc.blocks) == [
        ("title", "Une médiathèque pour 2027"), ("dateline", "Rennes, le 4 mars 2026"),
        ("paragraph", f"{BODY}\n{SECOND}"), ("paragraph", THIRD)]


def test_blocks_survive_the_json_round_trip() -> None:
    record = Record(doc_id="d1", source=Source(), text="Titre\n\nCorps.",
                    blocks=[Block(0, 5, "title"), Block(7, 13, "paragraph")])
    data = record.to_dict()
    assert data["blocks"] == [{"start": 0, "end": 5, "kind": "title"},
                              {"start": 7, "end": 13, "kind": "paragraph"}]
    assert Record.from_dict(data).blocks == record.blocks
