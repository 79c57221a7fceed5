"""Dates, periods, type colours and lanes as the pages show them (web/present.py)."""

from __future__ import annotations

from dataclasses import dataclass

from veille.web.present import (
    date_label,
    lanes,
    mark_trigger,
    month_chips,
    period_label,
    type_colour,
    type_keys,
)


@dataclass
class En:
    id: str
    type: str
    type_label: str
    date: str | None


def test_dates_read_in_french_at_their_precision() -> None:
    assert date_label("2025-08-15") == "15 août 2025"
    assert date_label("2025-02") == "février 2025"
    assert date_label("2025") == "2025"
    assert date_label(None) == "sans date"
    assert period_label("2025-12", short=True) == "déc. 25"
    assert period_label("2025-03", short=True) == "mars 25"
    assert period_label("2025-W33") == "2025-W33"


def test_each_type_its_colour_and_an_unknown_type_a_neutral_one() -> None:
    assert type_colour("meeting") == "tc-0"  # first row of events/taxonomy.tsv
    assert type_colour("summit") != type_colour("meeting")
    assert type_colour("no_such_type") == "tc-x"


def test_trigger_is_marked_and_the_sentence_escaped() -> None:
    html = str(mark_trigger("Le <b>sommet</b> d'Anchorage : un Sommet", "sommet"))
    assert html == ("Le &lt;b&gt;<mark class=\"trigger\">sommet</mark>&lt;/b&gt; "
                    "d&#39;Anchorage : un Sommet")
    assert str(mark_trigger("rien", "sommet")) == "rien"


def test_lanes_by_month_with_the_undated_last_and_month_links() -> None:
    entries = [En("a", "summit", "sommet", "2025-08-15"), En("x", "call", "appel", None),
               En("b", "meeting", "rencontre", "2025-08"), En("c", "call", "appel", "2025-09-02")]
    assert [(lane.period, [e.id for e in lane.entries]) for lane in lanes(entries)] == [
        ("2025-08", ["a", "b"]), ("2025-09", ["c"]), (None, ["x"])]
    chips = month_chips(entries, "Rangel", "2025-09", "2025-09")
    assert [(c.period, c.count, c.current) for c in chips] == [
        ("2025-08", 2, False), ("2025-09", 1, True)]
    assert chips[0].url == "/timeline?entity=Rangel&since=2025-08&until=2025-08"
    assert [k.type for k in type_keys(entries)] == ["meeting", "summit", "call"]
