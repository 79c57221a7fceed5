"""The highlighted article: escaped text, well-nested tags, offsets honoured."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from veille.model import Entity, Mention, Quote, Record, Source, TimeExpr
from veille.web.highlight import Span, highlight, record_spans


class Nesting(HTMLParser):
    """Fails on a closing tag that does not match the innermost open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes the wrong tag"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Nesting:
    parser = Nesting()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


def span(start: int, end: int, name: str) -> Span:
    return Span(start, end, "span", (("class", name),))


def test_text_is_escaped_and_kept_whole() -> None:
    text = 'A <script>alert(1)</script> & <img src=x onerror="go()"> B'
    html = str(highlight(text, [span(0, 1, "a"), span(2, 10, "b")]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert "".join(parse(html).text) == text


def test_crossing_spans_are_closed_and_reopened() -> None:
    # "bcd" and "cde" cross: x stays open, y closes with it and reopens for "e".
    html = str(highlight("abcdef", [span(1, 4, "x"), span(2, 5, "y")]))
    assert html == 'a<span class="x">b<span class="y">cd</span></span><span class="y">e</span>f'
    parse(html)


def test_nested_spans_open_outermost_first() -> None:
    html = str(highlight("« Oui », dit Paul", [span(8, 17, "outer"), span(13, 17, "inner")]))
    assert html == ('« Oui »,<span class="outer"> dit <span class="inner">Paul</span></span>')


def test_out_of_range_spans_are_ignored() -> None:
    assert str(highlight("abc", [span(2, 9, "x"), span(3, 3, "y")])) == "abc"


def test_record_spans_link_entities_colour_quotes_and_anchor_once() -> None:
    text = "« Nous signerons », a dit Paulo Rangel mardi."
    rangel = Entity("e1", "Paulo Rangel", "PER", mentions=[Mention(26, 38, "Paulo Rangel")])
    record = Record(
        doc_id="d", source=Source(), text=text, entities=[rangel],
        quotes=[Quote("direct", "Nous signerons", 2, 16, "Paulo Rangel", "e1")],
        times=[TimeExpr(39, 44, "mardi", "2026-05-05")],
    )
    html = str(highlight(text, record_spans(record, {"e1": 7})))
    parsed = parse(html)
    assert '<a href="/entities/7" class="ent ent-PER"' in html
    assert re.search(r'<span id="at-2" class="quote spk-0"[^>]*>Nous signerons</span>', html)
    assert '<time class="time" datetime="2026-05-05"' in html
    assert parsed.ids == ["at-2"]
    assert "".join(parsed.text) == text
