"""The SVG charts' geometry (web/charts.py), on small hand-made inputs."""

from __future__ import annotations

from dataclasses import dataclass

from veille.views.entity import GraphEdge as E
from veille.views.entity import GraphNode as N
from veille.web.charts import WIDTH, activity_chart, graph_layout, timeline_strip


@dataclass
class P:
    period: str
    documents: int
    quotes: int


@dataclass
class Ev:
    id: str
    url: str
    type: str
    date: str | None
    status: str


def test_activity_bars_scale_to_the_peak_and_undated_sits_apart() -> None:
    chart = activity_chart([P("2025-07", 1, 0), P("2025-08", 4, 2)], P("sans date", 2, 1))
    docs = [b for b in chart.bars if b.series == "documents"]
    assert [b.period for b in docs] == ["2025-07", "2025-08", "sans date"]
    assert chart.peak == 4
    assert docs[1].height == 4 * docs[0].height  # 4 documents against 1
    assert docs[2].x - docs[1].x > docs[1].x - docs[0].x  # a gap before the undated group
    assert chart.undated_x is not None and chart.undated_x < WIDTH
    assert all(b.y + b.height == chart.baseline for b in chart.bars)


def test_activity_without_undated_has_no_undated_label() -> None:
    chart = activity_chart([P("2025-08", 1, 1)], P("sans date", 0, 0))
    assert chart.undated_x is None
    assert len(chart.bars) == 2


def test_many_periods_get_at_most_six_labels() -> None:
    periods = [P(f"2025-W{n:02d}", 1, 0) for n in range(1, 30)]
    assert len(activity_chart(periods, P("sans date", 0, 0)).ticks) <= 6


def test_graph_puts_the_entity_in_the_middle_and_the_others_inside_the_box() -> None:
    nodes = [N(1, "Paulo Rangel", "PER", "/entities/1", 3, True),
             *(N(k, f"Entité numéro {k} au nom très long", "ORG", f"/entities/{k}", k, False)
               for k in range(2, 9))]
    layout = graph_layout(nodes, [E(1, 2, 2), E(1, 8, 1), E(1, 99, 5)])
    centre = next(n for n in layout.nodes if n.centre)
    assert (centre.x, centre.y) == (WIDTH / 2, layout.height / 2)
    assert len(layout.edges) == 2  # the edge to an unknown node is dropped
    assert layout.edges[0].width > layout.edges[1].width  # heavier edge, thicker line
    for n in layout.nodes:
        assert n.x - n.r > 0 and n.x + n.r < WIDTH and 0 < n.y - n.r < layout.height
        assert len(n.short) <= 16
    top = next(n for n in layout.nodes if n.id == 8)  # most documents: first, at the top
    assert top.y < centre.y and abs(top.x - centre.x) < 1e-6


def test_strip_stacks_touching_marks_spans_months_and_keeps_undated_apart() -> None:
    entries = [Ev("a", "/events/a", "summit", "2025-08-15", "happened"),
               Ev("b", "/events/b", "meeting", "2025-08-15", "planned"),
               Ev("c", "/events/c", "call", "2025-10", "cancelled"),
               Ev("d", "/events/d", "visit", None, "happened"),
               Ev("e", "/events/e", "visit", "2025-13-40", "happened")]
    strip = timeline_strip(entries)
    by_id = {m.id: m for m in strip.marks}
    assert set(by_id) == {"a", "b", "c"}
    assert by_id["a"].x == by_id["b"].x and by_id["a"].y != by_id["b"].y  # stacked
    assert by_id["a"].span == 0 and by_id["c"].span > 0  # a month is a span
    assert by_id["c"].x + by_id["c"].span <= WIDTH
    assert [m.id for m in strip.undated] == ["d", "e"]  # a malformed date is undated too
    assert strip.undated_y is not None and strip.undated_y > strip.axis_y
    assert strip.ticks[0].period == "2025-08"
