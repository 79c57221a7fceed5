"""The indexes the statement context reads (nlp/quotes/context.py): the times and mentions
inside a clause, found by bisection, are the ones a scan of them all finds, in the same order."""

from __future__ import annotations

import itertools
from datetime import date

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack
from veille.model import Entity, Mention, TimeExpr
from veille.nlp.entities.component import EntityTable
from veille.nlp.quotes.context import TimesByStart, _mentions_inside, medium
from veille.nlp.scope import scope

# Given out of text order, with an empty time at a range's very end and one that overlaps
# a range's end (outside it).
_TIMES = [TimeExpr(40, 46, "mardi", None), TimeExpr(3, 9, "lundi", None),
          TimeExpr(20, 20, "", None), TimeExpr(18, 25, "hier soir", None),
          TimeExpr(3, 12, "lundi soir", None), TimeExpr(60, 70, "en mars", None)]
_CLAUSES = [[(0, 20)], [(0, 10), (38, 50)], [(20, 30)], [(0, 100)], [], [(45, 45)],
            [(0, 20), (10, 30)]]


def _scan(times: list[TimeExpr], clause: list[tuple[int, int]]) -> list[TimeExpr]:
    return [t for t in times if any(a <= t.start and t.end <= b for a, b in clause)]


def test_times_inside_a_clause_are_the_scans_in_given_order() -> None:
    index = TimesByStart(_TIMES)
    for clause in _CLAUSES:
        assert index.inside(clause) == _scan(_TIMES, clause), clause
    assert [t.text for t in index.inside([(0, 20)])] == ["lundi", "", "lundi soir"]


def test_mentions_inside_a_clause_are_the_scans() -> None:
    mentions = [Mention(a, b, "x") for a, b in itertools.product((0, 5, 20, 45), (6, 21, 50))
                if a < b]
    mentions.sort(key=lambda m: (m.start, m.end))
    body = Entity("e1", "Radio Nord", "ORG", mentions=mentions)
    for clause in _CLAUSES[:-1]:  # a statement's clause: disjoint ranges
        expected = [m for m in mentions if any(a <= m.start and m.end <= b for a, b in clause)]
        assert sorted(_mentions_inside(body, clause), key=mentions.index) == expected, clause
    assert _mentions_inside(body, [(5, 21)]) == [Mention(5, 6, "x"), Mention(5, 21, "x"),
                                                  Mention(20, 21, "x")]


def test_the_medium_from_the_table_is_the_first_fitting_organisation_in_table_order() -> None:
    text = "Elle a déclaré sur Radio Nord puis à la Gazette du Sud qu'elle partait."
    table = EntityTable(text, date(2025, 3, 1), KnowledgeBase())
    for name in ("Gazette du Sud", "Radio Nord"):  # table order: the Gazette first
        start = text.index(name)
        table.add(name, "ORG", start, start + len(name), name)
    # ("radio" is a medium noun: every organisation after a preposition may be the medium)
    whole, before_gazette = [(0, len(text))], [(0, text.index(" puis"))]
    with scope(LanguagePack.load("fr"), KnowledgeBase()):
        cue_end = text.index(" sur")
        assert medium(text, whole, table, cue_end) == "Gazette du Sud"
        assert medium(text, whole, table, cue_end) == medium(text, whole, table.entities(),
                                                             cue_end)
        assert medium(text, before_gazette, table, cue_end) == "Radio Nord"
        assert medium(text, [(text.index(" puis"), len(text))], table, None) is None
