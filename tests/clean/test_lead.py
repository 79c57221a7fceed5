"""The page's head (headline, standfirst, date line) and its interview layout, on pages written
for these tests (tests/data/web/): a WordPress-like interview with <h3> questions, standfirst
and date in the page header and a pull quote; a regional paper's interview with bold questions
and its head inside <article>; an English wire story."""

from __future__ import annotations

from pathlib import Path

from veille.clean.document import CleanDocument, clean_document
from veille.clean.html import drop_pull_quotes
from veille.model import RawDocument
from veille.settings import Settings

WEB = Path(__file__).parent.parent / "data" / "web"


def _clean(name: str) -> CleanDocument:
    html = (WEB / name).read_text(encoding="utf-8")
    return clean_document(RawDocument(html, name, is_html=True), Settings())


def _kinds(clean: CleanDocument) -> list[tuple[str, str]]:
    return [(b.kind, clean.text[b.start : b.end]) for b in clean.blocks]


def test_standfirst_and_date_line_from_the_page_header() -> None:
    clean = _clean("interview-h3.html")
    kinds = _kinds(clean)
    assert kinds[0] == ("title", "« La mer monte plus vite que prévu ». Entretien avec "
                                 "Claire Dumoulin")
    # The whole standfirst, not the og:description cut short.
    assert kinds[1][0] == "standfirst" and kinds[1][1].endswith("pour les villes du littoral.")
    assert kinds[2] == ("dateline", "12 février 2026")
    assert clean.source.title == kinds[0][1]  # without the site's name
    assert clean.source.published == "2026-02-12"


def test_h3_questions_and_their_paragraphs_are_an_interview() -> None:
    kinds = [k for k, _ in _kinds(_clean("interview-h3.html"))]
    assert kinds[3:] == ["question", "answer", "answer", "question", "answer", "question",
                         "answer", "answer"]


def test_a_pull_quote_repeating_an_answer_is_not_kept_twice() -> None:
    text = _clean("interview-h3.html").text
    assert text.count("ils en enregistrent aujourd'hui près de quatre") == 1


def test_bold_questions_and_a_head_inside_the_article() -> None:
    clean = _clean("interview-bold.html")
    kinds = _kinds(clean)
    assert [k for k, _ in kinds[:3]] == ["title", "standfirst", "dateline"]
    assert kinds[2][1] == "publié le 3 mars 2026 à 7h00"  # the byline's authors are no date
    assert [k for k, _ in kinds[3:]] == ["question", "answer", "question", "answer", "answer",
                                         "question", "answer"]
    assert "réservé aux abonnés" not in clean.text and "À lire aussi" not in clean.text


def test_an_english_page_has_its_head_and_its_language() -> None:
    clean = _clean("english-wire.html")
    assert [k for k, _ in _kinds(clean)[:3]] == ["title", "standfirst", "dateline"]
    assert clean.source.language == "en"


def test_inline_q_quotations_keep_the_marks_a_browser_shows() -> None:
    html = ("<html><body><article><h1>Le conseil vote le budget de la ville</h1>"
            "<p>La maire a été claire devant les élus réunis mardi soir à l'hôtel de ville. "
            "<q>Nous ne lèverons pas les impôts cette année</q>, a-t-elle déclaré.</p>"
            "<p>L'opposition a voté contre le texte, qu'elle juge trop optimiste sur les "
            "recettes attendues des nouvelles zones d'activité.</p></article></body></html>")
    clean = clean_document(RawDocument(html, "q.html", is_html=True), Settings())
    assert "“Nous ne lèverons pas les impôts cette année”" in clean.text


def test_a_block_quote_said_only_once_stays() -> None:
    text = "Un premier paragraphe du texte.\nUne citation que le texte ne répète nulle part."
    layout = [(0, "paragraph"), (1, "blockquote")]
    assert drop_pull_quotes(text, layout) == (text, layout)  # type: ignore[arg-type]
