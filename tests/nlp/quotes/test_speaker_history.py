"""The speaker resolver's memory: the latest speaker of a window, ties, lazily read subjects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack
from veille.model import Entity
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.speaker_history import RECENT, SpeakerHistory, Subjects
from veille.nlp.quotes.speaker_rules import Said
from veille.nlp.scope import scope

KB = KnowledgeBase()
TEXT = "Anne Morel est arrivée. Paul Roux aussi. Puis elle a parlé longuement de la région."


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    with scope(LanguagePack.load("fr"), KB):
        yield


def _history(subjects: Subjects | Callable[[], Subjects] | None = None) -> SpeakerHistory:
    return SpeakerHistory(TEXT, EntityTable(TEXT, date(2025, 3, 1), KB),
                          subjects=[] if subjects is None else subjects)


ANNE, PAUL = Said("Anne Morel", "e1", "PER"), Said("Paul Roux", "e2", "PER")
BODY = Said("Région Sud", "e3", "ORG")


def test_the_latest_speaker_before_the_pronoun_answers() -> None:
    history = _history()
    history.remember(0, ANNE)
    history.remember(24, PAUL)
    assert history.last(50) == PAUL
    assert history.last(10) == ANNE  # Paul spoke after position 10


def test_a_speaker_remembered_at_the_same_place_as_another_loses_to_the_first() -> None:
    history = _history()
    history.remember(24, PAUL)
    history.remember(24, ANNE)
    assert history.last(50) == PAUL


def test_a_speaker_too_far_back_is_no_antecedent() -> None:
    history = _history()
    history.remember(0, ANNE)
    assert history.last(RECENT + 10, recent_only=True) == Said()
    assert history.last(RECENT - 10, recent_only=True) == ANNE


def test_people_and_bodies_are_remembered_apart() -> None:
    history = _history()
    history.remember(0, ANNE)
    history.remember(24, BODY)
    assert history.last(50) == ANNE
    assert history.last(50, "ORG") == BODY
    assert history.recent_body(50, lambda said: said.name == "Région Sud") == BODY
    assert history.recent_body(50, lambda said: False) is None
    assert history.recent_body(10, lambda said: True) is None  # the body spoke later


def test_the_clause_subjects_are_read_once_and_only_when_a_pronoun_asks() -> None:
    paul = Entity("e2", "Paul Roux", "PER")
    reads: list[int] = []

    def subjects() -> list[tuple[int, Entity]]:
        reads.append(1)
        return [(24, paul)]

    history = _history(subjects=subjects)
    assert reads == []
    assert history.last(50).name == "Paul Roux"
    assert history.last(60).name == "Paul Roux"
    assert reads == [1]


def test_a_subject_added_later_counts_after_the_parse_s() -> None:
    anne, paul = Entity("e1", "Anne Morel", "PER"), Entity("e2", "Paul Roux", "PER")
    history = _history(subjects=[(0, anne)])
    assert history.last(50).name == "Anne Morel"
    history.add_subject(24, paul)
    assert history.last(50).name == "Paul Roux"


GROUP_TEXT = ("La CGT a signé.\nLes Verts ont quitté la salle. Le Parti vert hésite, "
              "car selon eux rien ne change.")


def test_a_plural_pronoun_names_the_body_its_paragraph_named_after_a_plural_article() -> None:
    table = EntityTable(GROUP_TEXT, date(2025, 3, 1), KB)
    table.add("CGT", "ORG", 3, 6, "CGT")  # another paragraph: no antecedent
    verts = table.add("Verts", "ORG", 20, 25, "Verts")  # after "Les"
    table.add("Parti vert", "ORG", 50, 60, "Parti vert")  # after "Le": singular
    history = SpeakerHistory(GROUP_TEXT, table)
    pos = GROUP_TEXT.index("eux")
    said = history.group_antecedent(pos)
    assert (said.name, said.id) == ("Verts", verts.id)
    assert history.group_antecedent(GROUP_TEXT.index("Verts")) == Said()  # nothing before
    assert SpeakerHistory(GROUP_TEXT, table, quoted=[(16, 30)]).group_antecedent(pos) == Said()
