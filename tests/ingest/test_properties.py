"""Property tests: the input decoders and field validation never fail other than by an
InputError naming the input, whatever bytes or JSON they are given."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.errors import FeedError, InputError
from veille.ingest.decode import decode_bytes
from veille.ingest.feeds import parse_feed
from veille.ingest.files import from_json_object, read_jsonl
from veille.ingest.item import ItemFields, iso_day, validated
from veille.model import RawDocument

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELDS = ("id", "title", "url", "published", "publisher", "language", "text", "html")
ITEMS = st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=8)


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt", 1000)
    except InputError as err:
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
    else:
        assert isinstance(text, str) and text.strip()


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=300).filter(str.strip),
       st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_text_with_a_byte_order_mark_comes_back_unchanged(text: str, encoding: str) -> None:
    try:
        decoded = decode_bytes(text.encode(encoding), "x.txt", 10_000)
    except InputError as err:  # never a crash: one line naming the input, and only for
        # degenerate texts (control characters read as binary; a leading NUL, which makes UTF-16's
        # mark read as UTF-32's; nothing but marks and spaces once decoded)
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
        assert (re.search(r"[\x00-\x08\x0b\x0e-\x1f]", text) or text.startswith("\x00")
                or not text.replace("\ufeff", "").strip())
    else:
        assert decoded == text


@settings(max_examples=300)
@given(ITEMS)
def test_any_json_object_is_a_document_or_one_line_naming_the_field(item: dict[str, object]
                                                                   ) -> None:
    out = from_json_object(item, "batch.jsonl:7")
    if isinstance(out, InputError):
        assert str(out).startswith("batch.jsonl:7: ") and "\n" not in str(out)
    else:
        assert isinstance(out, RawDocument) and out.text.strip()
        assert out.published is None or date.fromisoformat(out.published)
        assert out.title is None or isinstance(out.title, str)


@settings(max_examples=200)
@given(st.lists(JSON, max_size=6))
def test_a_jsonl_file_of_anything_never_raises(values: list[object]) -> None:
    data = "\n".join(json.dumps(v) for v in values).encode("utf-8")
    out = list(read_jsonl(data + b"\n{broken", "f.jsonl", None, 100_000))
    assert all(isinstance(o, RawDocument | InputError) for o in out)
    assert isinstance(out[-1], InputError)


@given(st.dates(), st.times(), st.booleans())
def test_every_real_day_and_datetime_validates_to_its_day(day: date, moment: time,
                                                          utc: bool) -> None:
    assert iso_day(day.isoformat()) == day.isoformat()
    stamp = datetime.combine(day, moment, UTC if utc else None)
    assert iso_day(stamp.isoformat()) == day.isoformat()


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_published_is_a_real_day_or_refused(value: str) -> None:
    try:
        fields = validated(ItemFields, {"published": value}, "x")
    except InputError as err:
        assert "field 'published'" in str(err)
    else:
        assert fields.published is not None and date.fromisoformat(fields.published)


@settings(max_examples=150)
@given(st.binary(max_size=1500) | st.text(max_size=500).map(str.encode))
def test_any_bytes_are_a_feed_or_a_feed_error(data: bytes) -> None:
    try:
        feed = parse_feed(data, "https://news.example/rss")
    except FeedError:
        return
    assert all(e.error or e.link.startswith(("http://", "https://")) for e in feed.entries)
