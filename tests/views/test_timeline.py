"""views/timeline.py and views/event.py: the merged timeline and one event's page."""

from __future__ import annotations

from veille.store import Store
from veille.views.event import event_view
from veille.views.timeline import timeline_view


def test_merged_events_with_french_labels_sources_and_undated_last(store: Store) -> None:
    view = timeline_view(store)
    assert (view.total, view.undated) == (3, 1)
    assert [(e.type_label, e.date, e.status, e.status_label, e.source_count)
            for e in view.entries] == [
        ("rencontre", "2025-08-14", "happened", "a eu lieu", 2),
        ("sommet", "2025-09-10", "cancelled", "annulé", 1),
        ("appel", None, "planned", "prévu", 1)]
    meeting = view.entries[0]
    labels = {s.label for s in meeting.sources}
    assert "Varsovie : Odile Marchetti rencontre Piet Janssen" in labels
    assert any(label.startswith("Odile Marchetti et Piet Janssen") for label in labels)
    assert all(s.url.startswith(f"/documents/{s.doc_id}#at-") for s in meeting.sources)


def test_a_month_bound_holds_the_whole_month(store: Store) -> None:
    august = timeline_view(store, since="2025-08", until="2025-08")
    assert [e.type for e in august.entries] == ["meeting"]
    assert [e.type for e in timeline_view(store, since="2025-09").entries] == ["summit"]
    assert timeline_view(store, since="2025").undated == 0
    assert [e.type for e in timeline_view(store, entity="Janssen").entries] == ["meeting", "call"]


def test_paging_keeps_the_total(store: Store) -> None:
    page = timeline_view(store, limit=1, offset=1)
    assert page.total == 3 and [e.type for e in page.entries] == ["summit"]
    assert page.paging is not None and page.paging.next == "/timeline?limit=1&offset=2"


def test_an_event_page_from_any_of_its_sources(store: Store) -> None:
    meeting = timeline_view(store).entries[0]
    for source in meeting.sources:
        ident = f"{source.doc_id}-{source.url.rsplit('-', 1)[1]}"
        detail = event_view(store, ident)
        assert detail is not None and detail.event.id == meeting.id
    detail = event_view(store, meeting.id)
    assert detail is not None
    assert [(p.name, p.url is not None) for p in detail.participants] == [
        ("Odile Marchetti", True), ("Piet Janssen", True)]
    assert detail.place is not None and detail.place.name == "Varsovie" and detail.place.url
    assert {s.sentence for s in detail.event.sources} >= {
        "Odile Marchetti a rencontré Piet Janssen jeudi à Varsovie."}
    assert detail.event.quotes and all(q.speaker == "Odile Marchetti"
                                       for q in detail.event.quotes)
    assert event_view(store, "nope") is None and event_view(store, "a1b2c3d4e5f60718-9") is None
