"""Geometry of the pages' SVG charts: where each bar, dot and label goes, in viewBox units.

Pure functions over the views' records; the templates (``_charts.html``) draw the shapes, so
every text that reaches the SVG is autoescaped there and every word stays in the templates.
A chart is drawn at a fixed viewBox width and scales to the page: sizes were chosen so that its
smallest text is still about 9 px at a phone's 390 px.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

WIDTH = 480.0
MAX_TICKS = 6  # more period labels than this overlap at 480 units
MAX_BAR = 28.0  # a bar no wider than this, though there be one period only
UNDATED_X = 92.0  # the undated lane's first mark, after its label ("sans date" at 14 px)
NAME_CHARS = 16  # a graph label longer than this is cut (the full name is the node's title)


class Period(Protocol):
    period: str
    documents: int
    quotes: int


class Node(Protocol):
    id: int
    name: str
    type: str
    url: str
    documents: int
    centre: bool


class Edge(Protocol):
    source: int
    target: int
    weight: int


class Dated(Protocol):
    id: str
    url: str
    type: str
    date: str | None
    status: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str  # "documents" or "quotes"
    value: int
    period: str


@dataclass(frozen=True)
class Tick:
    x: float
    period: str


@dataclass(frozen=True)
class ActivityChart:
    width: float
    height: float
    baseline: float
    peak: int
    bars: list[Bar]
    ticks: list[Tick]
    undated_x: float | None  # where the undated group's label goes; None without undated


def activity_chart(periods: Sequence[Period], undated: Period | None, height: float = 170.0
                   ) -> ActivityChart:
    """Two bars a period (documents that mention the entity, quotes), the undated group apart
    after a gap, so that no "????" period sorts among the dates."""
    has_undated = undated is not None and bool(undated.documents or undated.quotes)
    slots = len(periods) + (1.5 if has_undated else 0)  # the half slot is the gap
    slot = WIDTH / max(slots, 1)
    baseline = height - 24
    every = [*periods, *([undated] if undated else [])]
    peak = max([max(p.documents, p.quotes) for p in every] or [0]) or 1
    bars: list[Bar] = []

    bar = min(slot * 0.4, MAX_BAR)

    def group(p: Period, left: float) -> None:
        start = left + slot / 2 - bar  # the pair centred in its slot
        for n, (series, value) in enumerate((("documents", p.documents), ("quotes", p.quotes))):
            h = (baseline - 8) * value / peak
            bars.append(Bar(start + n * bar, baseline - h, bar, h, series, value, p.period))

    for n, p in enumerate(periods):
        group(p, n * slot)
    undated_x = None
    if undated is not None and has_undated:
        left = (len(periods) + 0.5) * slot
        group(undated, left)
        undated_x = left + slot / 2
    step = max(1, math.ceil(len(periods) / MAX_TICKS))
    ticks = [Tick(n * slot + slot / 2, p.period) for n, p in enumerate(periods) if n % step == 0]
    return ActivityChart(WIDTH, height, baseline, peak, bars, ticks, undated_x)


@dataclass(frozen=True)
class NodeAt:
    id: int
    name: str
    short: str
    type: str
    url: str
    documents: int
    centre: bool
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start, middle or end


@dataclass(frozen=True)
class EdgeAt:
    x1: float
    y1: float
    x2: float
    y2: float
    weight: int
    width: float


@dataclass(frozen=True)
class GraphLayout:
    width: float
    height: float
    nodes: list[NodeAt]
    edges: list[EdgeAt]


def graph_layout(nodes: Sequence[Node], edges: Sequence[Edge], height: float = 340.0
                 ) -> GraphLayout:
    """The entity in the middle, the others on an ellipse around it (most documents first,
    clockwise from the top), labels outside the circle so that none crosses a node."""
    # An ellipse: wide enough for the labels on its sides to stay inside the box.
    cx, cy, ring_x, ring_y = WIDTH / 2, height / 2, WIDTH / 2 - 125, height / 2 - 34
    centre = [n for n in nodes if n.centre]
    others = sorted((n for n in nodes if not n.centre), key=lambda n: -n.documents)
    most = max([n.documents for n in nodes] or [1]) or 1
    placed: dict[int, NodeAt] = {}
    for n in centre[:1]:
        placed[n.id] = _node(n, cx, cy, 0.0, 0.0, most, cy + 26, "middle")
    for k, n in enumerate(others):
        angle = 2 * math.pi * k / max(len(others), 1) - math.pi / 2
        dx, dy = math.cos(angle), math.sin(angle)
        anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
        placed[n.id] = _node(n, cx + ring_x * dx, cy + ring_y * dy, dx, dy, most, 0.0, anchor)
    lightest = min([e.weight for e in edges] or [1])
    spread = max([e.weight for e in edges] or [1]) - lightest or 1
    # The lightest edges hairlines, the heaviest 4 units: most pairs share one article.
    drawn = [EdgeAt(placed[e.source].x, placed[e.source].y, placed[e.target].x,
                    placed[e.target].y, e.weight, 1 + 3 * (e.weight - lightest) / spread)
             for e in edges if e.source in placed and e.target in placed]
    return GraphLayout(WIDTH, height, list(placed.values()), drawn)


def _node(n: Node, x: float, y: float, dx: float, dy: float, most: int, label_y: float,
          anchor: str) -> NodeAt:
    r = 6 + 10 * math.sqrt(n.documents / most)
    short = n.name if len(n.name) <= NAME_CHARS else n.name[:NAME_CHARS - 1] + "…"
    lx, ly = x + dx * (r + 5), label_y or y + dy * (r + 5) + 4
    return NodeAt(n.id, n.name, short, n.type, n.url, n.documents, n.centre, x, y, r, lx, ly,
                  anchor)


@dataclass(frozen=True)
class Mark:
    id: str
    url: str
    type: str
    status: str
    x: float
    y: float
    span: float  # width of the period the date names (0 for a day)


@dataclass(frozen=True)
class Strip:
    width: float
    height: float
    axis_y: float
    marks: list[Mark]
    ticks: list[Tick]
    undated: list[Mark]
    undated_y: float | None


def timeline_strip(entries: Sequence[Dated], row: float = 16.0) -> Strip:
    """A time axis with one mark an event, stacked where marks would touch; a month or a year
    spans its period; events with no date sit on their own lane under the axis."""
    dated = [(e, _bounds(e.date)) for e in entries]
    spans = [(e, b) for e, b in dated if b is not None]
    first = min((b[0] for _, b in spans), default=date(2000, 1, 1))
    last = max((b[1] for _, b in spans), default=first)
    days = max((last - first).days, 1)
    left, usable = 12.0, WIDTH - 24.0

    def x_of(day: date) -> float:
        return left + usable * (day - first).days / days

    rows: list[float] = []  # the right edge of each stacked row
    placed: list[tuple[Dated, float, float, int]] = []
    for e, (start, end) in sorted(spans, key=lambda s: s[1][0]):
        x0, x1 = x_of(start), x_of(end)
        level = next((k for k, edge in enumerate(rows) if edge + 12 <= x0), None)
        if level is None:
            rows.append(x1)
            level = len(rows) - 1
        rows[level] = x1
        placed.append((e, x0, x1 - x0, level))
    top = 10.0
    axis_y = top + row * max(len(rows), 1) + 4
    marks = [Mark(e.id, e.url, e.type, e.status, x, axis_y - 10 - level * row, span)
             for e, x, span, level in placed]
    ticks = _month_ticks(first, last, x_of)
    loose = [e for e, b in dated if b is None]
    undated_y = axis_y + 38 if loose else None
    gap = usable / max(len(loose), 1)
    undated = [Mark(e.id, e.url, e.type, e.status, UNDATED_X + min(gap, 18) * k,
                    undated_y or 0, 0.0) for k, e in enumerate(loose)]
    height = (undated_y or axis_y + 18) + 14
    return Strip(WIDTH, height, axis_y, marks, ticks, undated, undated_y)


def _bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day of a date given at its precision ("2025", "2025-08", a day)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 1, 1), date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            nxt = date(y + m // 12, m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        day = date(y, m, int(parts[2]))
    except ValueError:  # a malformed date in a stored record: drawn with the undated
        return None
    return day, day


def _month_ticks(first: date, last: date, x_of: Callable[[date], float]) -> list[Tick]:
    months = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    step = max(1, math.ceil(len(months) / MAX_TICKS))
    return [Tick(x_of(max(d, first)), d.strftime("%Y-%m"))
            for n, d in enumerate(months) if n % step == 0]
