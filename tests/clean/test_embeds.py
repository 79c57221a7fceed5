"""Embedded social-media posts and photo captions in HTML pages (clean/html.py), on the page
written for these tests (tests/data/web/quote-boxes.html)."""

from __future__ import annotations

from pathlib import Path

from veille.clean.html import embedded_posts, extract_page

PAGE = Path(__file__).parent.parent / "data" / "web" / "quote-boxes.html"


def test_an_embed_class_marks_the_post_and_nothing_else() -> None:
    posts = embedded_posts(PAGE.read_text(encoding="utf-8"))
    assert len(posts) == 1
    post = next(iter(posts))
    assert post.startswith("Unbudgetvoté") and "(@kbenali)" in post


def test_an_embedded_post_is_a_paragraph_a_quote_box_a_blockquote() -> None:
    page = extract_page(PAGE.read_text(encoding="utf-8"), "quote-boxes.html")
    lines = page.text.split("\n")
    kind = {line[:12]: place[1] for line, place in zip(lines, page.layout, strict=True)
            if place is not None}
    assert kind["Un budget vo"] == "paragraph"
    assert kind["Ce budget pr"] == "blockquote"
    assert kind["La commune c"] == "blockquote"


def test_photo_captions_are_left_out_of_the_text() -> None:
    # trafilatura drops figures with their captions: no caption block, and no quote or time
    # read in one, as long as this holds.
    page = extract_page(PAGE.read_text(encoding="utf-8"), "quote-boxes.html")
    assert "La salle du conseil" not in page.text
    assert "conseil municipal de Valence a adopté mardi soir" in page.text


def test_a_page_that_does_not_parse_has_no_posts() -> None:
    assert embedded_posts("") == set()
