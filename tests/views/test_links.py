"""views/links.py: how a document is named, and the paging links."""

from __future__ import annotations

from veille.views.links import doc_label, page_info


def test_a_document_is_its_title_else_its_first_words_else_its_file_name() -> None:
    assert doc_label("  Le  sommet ", "texte") == "Le sommet"
    words = " ".join(f"mot{n}" for n in range(20))
    assert doc_label(None, words) == " ".join(f"mot{n}" for n in range(12)) + "…"
    assert doc_label("", "Trois mots seulement") == "Trois mots seulement"
    assert doc_label(None, "  ", "/corpus/notes/breve-42.txt") == "breve-42.txt"
    assert doc_label(None, None, None, "https://example.org/2025/08/article-x") == "article-x"
    assert doc_label(None, None, None, "https://example.org/") == "example.org"


def test_paging_links_carry_the_filters_and_the_total() -> None:
    info = page_info("/quotes", {"speaker": "Odile", "since": None}, 20, 20, True, total=45)
    assert info.next == "/quotes?speaker=Odile&offset=40"
    assert info.prev == "/quotes?speaker=Odile"
    assert info.total == 45
    last = page_info("/quotes", {}, 5, 0, False)
    assert last.next is None and last.prev is None
