"""The event taxonomy: one file per pack, the same types in every pack, read by every user of
event types (rules, timeline, pages)."""

from __future__ import annotations

import pytest

from veille.lang.pack import LanguagePack
from veille.model import Event, Record, Source
from veille.nlp.events import rules
from veille.resolve.timeline import TimelineEvent
from veille.resolve.timeline_formats import summary, timeline_text
from veille.taxonomy import event_taxonomy, ui_taxonomy
from veille.web.highlight import record_spans
from veille.web.pages import templates

PACKS = LanguagePack.available()


def _shared(code: str) -> list[tuple[str, str, str, str | None, int]]:
    return [(k.type, k.family, k.group, k.cameo, k.rank)
            for k in event_taxonomy(LanguagePack.load(code))]


def test_every_pack_lists_the_same_types_family_group_cameo_and_rank() -> None:
    # Event.type is a plain str in the record: this is its contract, checked on the data.
    assert len(PACKS) >= 2
    for code in PACKS:
        assert _shared(code) == _shared("fr"), code


@pytest.mark.parametrize("code", PACKS)
def test_every_trigger_type_is_a_taxonomy_type(code: str) -> None:
    pack = LanguagePack.load(code)
    kinds = event_taxonomy(pack)
    named = {part for _, kind, _ in pack.table("events/triggers.tsv") for part in kind.split("|")}
    assert named and named <= set(kinds.kinds), named - set(kinds.kinds)


def test_the_types_the_rules_name_are_taxonomy_types() -> None:
    kinds = event_taxonomy(LanguagePack.load("fr"))
    named = {part for kind in rules._BY_PHONE for part in kind.split("|")}
    assert named | {"call", "talks", "interview"} <= set(kinds.kinds)
    assert kinds.of_family("meet") >= {"meeting", "summit", "talks", "visit"}


def test_labels_are_the_packs_language() -> None:
    fr, en = (event_taxonomy(LanguagePack.load(code)) for code in ("fr", "en"))
    assert fr.label("press_conference") == "conférence de presse"
    assert en.label("press_conference") == "press conference"
    assert en.plural("summit") == "summits"
    assert fr.kinds["call"].cameo_root == "04"
    assert ui_taxonomy().label("summit") == "sommet"  # the interface is French
    assert fr.label("unknown_type") == "unknown_type"


def test_the_timeline_is_written_in_the_packs_words() -> None:
    event = TimelineEvent("press_conference", None, ["Ada Ferrer"], None, "happened", "010")
    assert summary(event) == "conférence de presse: Ada Ferrer"
    assert summary(event, LanguagePack.load("en")) == "press conference: Ada Ferrer"
    assert timeline_text([event], pack=LanguagePack.load("en"))[0].startswith("undated ")
    assert timeline_text([event])[0].startswith("sans date ")


def test_the_pages_show_the_interfaces_labels() -> None:
    label = templates.env.filters["event_label"]
    assert (label("summit"), label("press_conference")) == ("sommet", "conférence de presse")
    page = templates.env.from_string('{{ "summit" | event_label }}').render()
    assert page == "sommet"
    record = Record("d1", Source(), "Le sommet de Genève.",
                    events=[Event("summit", "sommet", 3, 9, ["Ada Ferrer"])])
    titles = [dict(s.attrs)["title"] for s in record_spans(record, {})]
    assert titles == ["événement : sommet"]
