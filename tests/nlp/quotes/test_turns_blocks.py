"""Interview turns read from question/answer blocks (nlp/quotes/blocks.py), on the interview
pages written for these tests (tests/data/web/interview-*.html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.extract import extract_records
from veille.model import Block, RawDocument, Record
from veille.nlp.quotes.blocks import block_turns, with_box_marks
from veille.nlp.quotes.marks import find_marked
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


def _box_quotes(record: Record, text: str) -> list[tuple[str, str | None]]:
    box = next(b for b in record.blocks if record.text[b.start : b.end].startswith(text))
    return [(q.kind, q.speaker) for q in record.quotes if box.start <= q.start < box.end]


def test_an_announced_unsigned_quote_box_is_a_direct_quote_of_the_announcer(
        settings: Settings) -> None:
    record = _record("quote-boxes.html", settings)
    box = next(b for b in record.blocks if record.text[b.start : b.end].startswith("Ce budget"))
    assert box.kind == "blockquote"
    quote = next(q for q in record.quotes if q.start == box.start)
    assert (quote.kind, quote.speaker) == ("direct", "Hélène Garnier")
    assert quote.text == ("Ce budget protège les familles et prépare les écoles dont la ville "
                          "aura besoin dans dix ans.")
    # The cue's clause reports the box: it is not an indirect statement besides.
    assert _box_quotes(record, "Ce budget") == [("direct", "Hélène Garnier")]


def test_a_box_nothing_announces_is_no_quote(settings: Settings) -> None:
    record = _record("quote-boxes.html", settings)
    assert _box_quotes(record, "La commune consacrera") == []


def test_embedded_posts_are_no_quotes(settings: Settings) -> None:
    record = _record("quote-boxes.html", settings)
    tweet = next(b for b in record.blocks
                 if record.text[b.start : b.end].startswith("Un budget voté"))
    assert tweet.kind == "paragraph"  # the embed's class marks it
    assert _box_quotes(record, "Un budget voté") == []
    post = next(b for b in record.blocks if record.text[b.start : b.end].startswith("Enfin"))
    assert post.kind == "blockquote"  # no embed class: its handle signature tells
    assert _box_quotes(record, "Enfin") == []


def test_box_marks_skip_signed_marked_and_unannounced_boxes() -> None:
    text = ("Elle a dit :\n"
            "Nous resterons ici tout l'hiver.\n"
            "Il a ajouté :\n"
            "Rien ne changera. —Paul Roux, maire\n"
            "Puis :\n"
            "« Nous verrons bien. »\n"
            "Fin du conseil.\n"
            "Une phrase mise en avant.")
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    kinds = ["paragraph", "blockquote", "paragraph", "blockquote", "paragraph", "blockquote",
             "paragraph", "blockquote"]
    blocks = [Block(a, b, kind) for (a, b), kind in zip(lines, kinds, strict=True)]  # type: ignore[arg-type]
    marked = find_marked(text)
    found = with_box_marks(text, blocks, marked)
    added = [m for m in found if m not in marked]
    assert [(m.start, m.end) for m in added] == [lines[1]]
    assert text[added[0].start : added[0].end] == "Nous resterons ici tout l'hiver."
