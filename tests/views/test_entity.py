"""views/entity.py: one rule for an entity's quotes and events, counts of all, the chart and
the graph (over the invented store of conftest.py)."""

from __future__ import annotations

from veille.kb.base import KnowledgeBase
from veille.store import Store
from veille.views.entity import co_mentions, entity_quotes, entity_view, find_entity
from veille.views.event import event_view


def odile(store: Store) -> int:
    row = find_entity(store, "Odile Marchetti", KnowledgeBase())
    assert row is not None and row.name == "Odile Marchetti"
    return row.id


def test_quotes_are_the_speakers_own_and_counted_in_full(store: Store) -> None:
    view = entity_view(store, odile(store), kb=KnowledgeBase())
    assert view is not None
    # 12 + 8 + 5 of hers; Luca Marchetti's quote shares the surname and is not hers.
    assert (view.counts["quotes"].shown, view.counts["quotes"].total) == (20, 25)
    assert view.quotes.total == 25 and len(view.quotes.quotes) == 20
    assert {q.speaker for q in view.quotes.quotes} == {"Odile Marchetti"}
    dates = [q.date or "" for q in view.quotes.quotes]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-09-02"
    rest = entity_quotes(store, view.entity.id, limit=20, offset=20)
    assert rest is not None and len(rest.quotes) == 5 and rest.paging is not None
    assert rest.paging.prev == f"/entities/{view.entity.id}/quotes"


def test_events_by_name_with_labels_status_and_undated_last(store: Store) -> None:
    view = entity_view(store, odile(store), kb=KnowledgeBase())
    assert view is not None
    assert [(e.type_label, e.date, e.status_label, e.source_count) for e in view.events] == [
        ("rencontre", "2025-08-14", "a eu lieu", 2), ("sommet", "2025-09-10", "annulé", 1),
        ("appel", None, "prévu", 1)]
    assert view.counts["events"].total == 3
    assert all(e.url == f"/events/{e.id}" for e in view.events)
    # Merged from her documents only, each event still opens its page (the whole store's).
    for item in view.events:
        page = event_view(store, item.id)
        assert page is not None and page.event.type == item.type


def test_fragments_are_not_shown_as_aliases(store: Store) -> None:
    view = entity_view(store, odile(store), kb=KnowledgeBase())
    assert view is not None
    assert view.entity.aliases == [] and view.card.aliases == []


def test_activity_counts_documents_and_quotes_per_week(store: Store) -> None:
    view = entity_view(store, odile(store), kb=KnowledgeBase())
    assert view is not None
    chart = view.activity
    # Articles of 15 Aug (ISO week 33), 20 Aug (34, its quotes undated: the article's day)
    # and 3 Sep (36): within twelve weeks, so weeks, the quiet week 35 at zero.
    assert chart.unit == "week" and chart.undated is None
    assert [(p.period, p.documents, p.quotes) for p in chart.periods] == [
        ("2025-W33", 1, 12), ("2025-W34", 1, 8), ("2025-W35", 0, 0), ("2025-W36", 1, 5)]


def test_the_graph_links_those_who_appear_together(store: Store) -> None:
    graph = co_mentions(store, odile(store))
    assert graph is not None
    names = {n.id: n.name for n in graph.nodes}
    edges = {(names[e.source], names[e.target], e.weight) for e in graph.edges}
    assert ("Odile Marchetti", "Piet Janssen", 2) in edges
    assert ("Piet Janssen", "Luca Marchetti", 1) in edges
    assert [n.name for n in graph.nodes if n.centre] == ["Odile Marchetti"]


def test_an_unknown_entity_is_none(store: Store) -> None:
    assert entity_view(store, 999) is None and entity_quotes(store, 999) is None
    assert find_entity(store, "Personne Inconnue", KnowledgeBase()) is None
