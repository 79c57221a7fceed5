"""views/document.py and views/home.py: a document by its label, with its blocks and its
quotes' speakers (and how they were found); the home page's latest."""

from __future__ import annotations

from veille.store import Store
from veille.views.document import document_list, document_view
from veille.views.home import home_view


def test_a_document_with_blocks_quotes_and_speaker_via(store: Store) -> None:
    view = document_view(store, "a1b2")
    assert view is not None and view.doc_id == "a1b2c3d4e5f60718"
    assert view.label == "Varsovie : Odile Marchetti rencontre Piet Janssen"
    assert [(b.kind, b.text) for b in view.blocks][:1] == [("title", "Sommet de Varsovie")]
    assert {q.speaker_via for q in view.quotes} == {"subject"}
    assert all(q.speaker_url == "/entities/1" for q in view.quotes)
    note = document_view(store, "0f1e")
    assert note is not None and note.label.startswith("Odile Marchetti et Piet Janssen")
    assert document_view(store, "nothing-here") is None


def test_home_lists_the_latest_articles_and_events(store: Store) -> None:
    home = home_view(store)
    assert (home.stats.documents, home.stats.quotes, home.stats.events) == (3, 26, 4)
    assert [d.published for d in home.latest_documents] == ["2025-09-03", "2025-08-20",
                                                             "2025-08-15"]
    assert [e.type for e in home.latest_events] == ["summit", "meeting"]  # dated only
    assert home.top_entities[0].name == "Odile Marchetti"
    listed = document_list(store, limit=2)
    assert len(listed.documents) == 2 and listed.paging.next == "/documents?limit=2&offset=2"
