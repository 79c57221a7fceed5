"""Interview turns read from question/answer blocks (nlp/quotes/blocks.py), on the interview
pages written for these tests (tests/data/web/interview-*.html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.extract import extract_records
from veille.model import Block, RawDocument, Record
from veille.nlp.quotes.blocks import block_turns
from veille.settings import Settings

WEB = Path(__file__).parent.parent.parent / "data" / "web"


def _record(name: str, settings: Settings) -> Record:
    html = (WEB / name).read_text(encoding="utf-8")
    out = next(iter(extract_records([RawDocument(html, name, is_html=True)], settings)))
    assert isinstance(out, Record)
    return out


def test_answer_paragraphs_make_one_turn_until_the_next_question() -> None:
    blocks = [Block(0, 5, "title"), Block(6, 20, "question"), Block(21, 40, "answer"),
              Block(41, 60, "answer"), Block(61, 70, "question"), Block(71, 90, "answer")]
    turns = block_turns(blocks)
    assert [(t.role, t.start, t.end) for t in turns] == [
        ("interviewer", 6, 20), ("interviewee", 21, 60), ("interviewer", 61, 70),
        ("interviewee", 71, 90)]


def test_answers_without_a_question_are_no_interview() -> None:
    assert block_turns([Block(0, 10, "answer"), Block(11, 20, "paragraph")]) == []


@pytest.mark.parametrize(("page", "interviewee", "turns"), [
    ("interview-h3.html", "Claire Dumoulin", 6),
    ("interview-bold.html", "Marc Olivier", 6),
])
def test_interview_turns_name_the_interviewee_from_the_headline(
        settings: Settings, page: str, interviewee: str, turns: int) -> None:
    record = _record(page, settings)
    found = [q for q in record.quotes if q.kind == "turn"]
    assert len(found) == turns
    questions = [q for q in found if q.speaker_role == "interviewer"]
    answers = [q for q in found if q.speaker_role is None]
    assert len(questions) == len(answers) == turns // 2
    assert all(q.speaker is None and q.text.rstrip().endswith("?") for q in questions)
    assert {q.speaker for q in answers} == {interviewee}
    first_answer = next(b for b in record.blocks if b.kind == "answer")
    assert answers[0].start == first_answer.start


def test_a_signed_quote_box_is_a_direct_quote_of_its_signatory(settings: Settings) -> None:
    text = ("Agression d'une reporter à Lyon\n\n"
            "La reporter Anne Moreau a porté plainte samedi après avoir été bousculée pendant "
            "la manifestation.\n\n"
            "On m'a tirée vers le sol, puis des passants m'ont aidée à me relever et à sortir "
            "de la foule —Anne Moreau, reporter\n\n"
            "La préfecture a ouvert une enquête.")
    out = next(iter(extract_records([RawDocument(text, "box.txt")], settings)))
    assert isinstance(out, Record)
    box = [q for q in out.quotes if q.text.startswith("On m'a tirée")]
    assert len(box) == 1
    assert box[0].kind == "direct" and box[0].speaker == "Anne Moreau"
    assert box[0].text.endswith("de la foule")
