"""Date lines the page head keeps (clean/lead.py), on small pages written for these tests: a
stamp left as loose text in the header box around the headline, a "Date" label block under
the body, English month abbreviations as French pages print them, a two-digit year the page's
metadata confirms."""

from __future__ import annotations

from veille.clean.document import CleanDocument, clean_document
from veille.model import RawDocument
from veille.settings import Settings

_BODY = (
    "<p>La commune de Vallon-sur-Orne a inauguré samedi sa nouvelle médiathèque, installée dans "
    "l'ancienne filature rénovée pendant trois ans par une équipe d'architectes de la région.</p>"
    "\n<p>Le bâtiment accueille une salle de lecture, un atelier numérique et un espace réservé "
    "aux enfants, ouverts six jours sur sept, avec des horaires élargis le mercredi après-midi.</p>"
    "\n<p>« Nous voulions un lieu où chacun se sente chez soi », a expliqué la maire, Hélène "
    "Roussel, devant une centaine d'habitants venus découvrir les lieux malgré la pluie.</p>"
    "\n<p>Le chantier a coûté 4,2 millions d'euros, financés pour moitié par le département et "
    "pour le reste par la commune et des subventions de l'État.</p>")
_TITLE = "Vallon-sur-Orne inaugure sa médiathèque dans l'ancienne filature"


def _page(head: str, tail: str = "", published: str | None = None) -> str:
    meta = (f'<meta property="article:published_time" content="{published}">'
            if published else "")
    return (f"<html><head><title>{_TITLE}</title>{meta}</head><body>"
            '<nav><ul><li><a href="/">Accueil</a></li><li><a href="/r">Région</a></li></ul></nav>'
            f'<div class="pane"><article>\n{head}\n{_BODY}\n</article></div>\n{tail}\n'
            "<footer><p>Mentions légales</p></footer></body></html>")


def _clean(html: str) -> CleanDocument:
    return clean_document(RawDocument(html, "page.html", is_html=True), Settings())


def _datelines(clean: CleanDocument) -> list[str]:
    return [clean.text[b.start : b.end] for b in clean.blocks if b.kind == "dateline"]


def test_a_stamp_loose_in_the_header_box_of_the_headline() -> None:
    # No block of its own holds the stamp: only the box around the whole article does.
    clean = _clean(_page(f'<header><h1>{_TITLE}</h1><a href="/r">Région</a> Publié le '
                         "samedi 8 juin 2024 à 07h47\n</header>"))
    assert _datelines(clean) == ["Publié le samedi 8 juin 2024 à 07h47"]
    assert clean.text.index("Publié le") < clean.text.index("La commune de Vallon")


def test_a_date_label_block_after_the_body() -> None:
    tail = ('<div class="tools"><div class="when">Date 08.06.2024</div>'
            '<div class="print">Imprimer cette page</div></div>')
    clean = _clean(_page(f"<h1>{_TITLE}</h1>", tail))
    assert _datelines(clean) == ["Date 08.06.2024"]
    assert "Imprimer cette page" not in clean.text


def test_a_label_block_after_the_body_must_be_only_a_label_and_a_date() -> None:
    # A related headline that happens to start with a date is no date line.
    tail = ('<div class="tools"><div>Date 08.06.2024 Imprimer Partager Permalien '
            "https://exemple.test/p/123</div></div>")
    clean = _clean(_page(f"<h1>{_TITLE}</h1>", tail))
    assert _datelines(clean) == []


def test_an_english_month_abbreviation_as_a_french_page_prints_it() -> None:
    clean = _clean(_page(f'<h1>{_TITLE}</h1><div class="date">08 Jun 2024</div>'))
    assert _datelines(clean) == ["08 Jun 2024"]
    assert clean.source.published == "2024-06-08"


def test_a_two_digit_year_the_page_metadata_confirms() -> None:
    head = f'<h1>{_TITLE}</h1><div class="date">Publié le 8 Jun 24 à 9:21</div>'
    clean = _clean(_page(head, published="2024-06-08T09:21:00+02:00"))
    assert _datelines(clean) == ["Publié le 8 Jun 24 à 9:21"]


def test_a_two_digit_year_of_another_century_than_the_metadata_is_no_date_line() -> None:
    head = f'<h1>{_TITLE}</h1><div class="date">Publié le 8 Jun 24 à 9:21</div>'
    clean = _clean(_page(head, published="1990-06-08T09:21:00+02:00"))
    assert _datelines(clean) == []
