"""The event rules with the English pack: English triggers, cues and sentence words apply, the
French ones do not (and the reverse with the French pack)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from veille.kb.base import KnowledgeBase, get_kb
from veille.lang.pack import LanguagePack
from veille.model import Event
from veille.nlp.events.frames import by_phone, calls_for, denied
from veille.nlp.events.rules import Actor, EventContext, build_events
from veille.nlp.events.triggers import find_triggers
from veille.nlp.scope import scope

EN = LanguagePack.load("en")
FR = LanguagePack.load("fr")
PUBLISHED = EventContext(date(2026, 3, 3), published=True)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return get_kb()


@pytest.fixture
def english(kb: KnowledgeBase) -> Iterator[None]:
    with scope(EN, kb):
        yield


def _events(text: str, *names: tuple[str, str]) -> list[Event]:
    actors = [Actor(text.index(n), text.index(n) + len(n), n, t) for n, t in names]
    return build_events(text, (0, len(text)), actors, [], PUBLISHED)


def _told(events: list[Event]) -> list[tuple[str, str, str | None, str, str | None]]:
    return [(e.type, e.trigger, e.place, e.status, e.cameo) for e in events]


@pytest.mark.usefixtures("english")
def test_an_english_meeting_has_its_parties_and_place() -> None:
    events = _events("Ada Ferrer met Jonas Berg in Oslo on Monday.",
                     ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"), ("Oslo", "LOC"))
    assert _told(events) == [("meeting", "met", "Oslo", "happened", "040")]
    assert events[0].participants == ["Ada Ferrer", "Jonas Berg"]


@pytest.mark.usefixtures("english")
def test_an_english_conversation_without_a_venue_is_a_call_and_with_one_talks() -> None:
    call = _events("Ada Ferrer and Jonas Berg had a conversation.",
                   ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"))
    talks = _events("Ada Ferrer and Jonas Berg had a conversation in Geneva.",
                    ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"), ("Geneva", "LOC"))
    # the resolved type takes its CAMEO code from the taxonomy (talks 040, call 041)
    assert _told(call) == [("call", "conversation", None, "happened", "041")]
    assert _told(talks) == [("talks", "conversation", "Geneva", "happened", "040")]


@pytest.mark.usefixtures("english")
def test_english_cues_cancel_plan_and_deny() -> None:
    cancelled = _events("The summit between Ada Ferrer and Jonas Berg was cancelled.",
                        ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"))
    planned = _events("Ada Ferrer will travel to Moscow next week.",
                      ("Ada Ferrer", "PER"), ("Moscow", "LOC"))
    assert _told(cancelled) == [("summit", "summit", None, "cancelled", "044")]
    assert _told(planned) == [("visit", "will travel to", "Moscow", "planned", "042")]
    text = "Ada Ferrer ruled out any meeting with Jonas Berg."
    assert denied(text, text.index("meeting"), text.index("meeting") + 7)
    assert _events(text, ("Ada Ferrer", "PER"), ("Jonas Berg", "PER")) == []


@pytest.mark.usefixtures("english")
def test_english_phone_and_calls_for_frames() -> None:
    text = "Ada Ferrer called for a ceasefire."
    assert calls_for(text, 11, 17)
    assert not calls_for("Ada Ferrer had a call with Jonas Berg.", 17, 21)
    text = "Ada Ferrer held discussions by phone with Jonas Berg."
    start = text.index("discussions")
    assert by_phone(text, start, start + len("discussions"))
    assert _told(_events(text, ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"))) == [
        ("call", "discussions", None, "happened", "041")]


@pytest.mark.usefixtures("english")
def test_french_triggers_are_no_triggers_with_the_english_pack() -> None:
    text = "Ada Ferrer a rencontré Jonas Berg lors d'un sommet à Genève."
    assert find_triggers(text, 0, len(text)) == []
    assert _events(text, ("Ada Ferrer", "PER"), ("Jonas Berg", "PER"), ("Genève", "LOC")) == []


def test_english_triggers_are_no_triggers_with_the_french_pack(kb: KnowledgeBase) -> None:
    text = "Ada Ferrer met Jonas Berg for talks at a summit in Oslo."
    with scope(EN, kb):
        assert [t.text for t in find_triggers(text, 0, len(text))] == ["met", "talks", "summit"]
    with scope(FR, kb):
        assert find_triggers(text, 0, len(text)) == []
        french = "Ada Ferrer a rencontré Jonas Berg lors d'un sommet."
        assert [t.text for t in find_triggers(french, 0, len(french))] == ["rencontré", "sommet"]


@pytest.mark.parametrize("code", [c for c in LanguagePack.available() if c != "fr"])
def test_every_pack_names_the_patterns_and_cue_kinds_the_rules_read(code: str) -> None:
    pack = LanguagePack.load(code)
    assert set(pack.regexes("events/patterns.toml")) == set(FR.regexes("events/patterns.toml"))
    for table in ("events/cues.tsv", "events/frames.tsv"):
        assert {k for _, k in pack.table(table)} == {k for _, k in FR.table(table)}, table


@pytest.mark.usefixtures("english")
def test_telling_or_being_questioned_by_a_medium_is_an_english_interview() -> None:
    told = _events("Ada Ferrer told the Guardian that she would stay.",
                   ("Ada Ferrer", "PER"), ("Guardian", "ORG"))
    assert [(e.type, e.participants) for e in told] == [("interview", ["Ada Ferrer", "Guardian"])]
    asked = _events("Questioned by the BBC, Ada Ferrer declined to comment.",
                    ("BBC", "ORG"), ("Ada Ferrer", "PER"))
    assert [(e.type, e.participants) for e in asked] == [("interview", ["BBC", "Ada Ferrer"])]
    assert _events("Ada Ferrer told Jonas Berg the news.",
                   ("Ada Ferrer", "PER"), ("Jonas Berg", "PER")) == []
