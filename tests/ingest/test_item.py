"""One pydantic model validates every input item's fields; a bad one fails that item only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.errors import InputError
from veille.extract import extract_records
from veille.ingest.files import read_path
from veille.ingest.item import ItemFields, iso_day, validated
from veille.model import RawDocument, Record
from veille.settings import Settings

TEXT = ("Le maire de Nantes, Paul Durand, a inauguré mardi une nouvelle ligne de tramway "
        "entre la gare et le quartier de l'île.")


@pytest.mark.parametrize("bad", [12345, "not-a-date", "2026-13-45", "2026-03-12junk",
                                 "2026-02-30", "", True, {"y": 2026}])
def test_a_bad_published_value_names_the_input_and_the_field(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        validated(ItemFields, {"published": bad}, "batch.jsonl:3")
    message = str(caught.value)
    assert message.startswith("batch.jsonl:3: field 'published':")
    assert "\n" not in message


def test_a_title_object_is_refused_not_stored_as_its_repr() -> None:
    with pytest.raises(InputError, match="field 'title': Input should be a valid string"):
        validated(ItemFields, {"title": {"fr": "Titre"}}, "a.json")


@pytest.mark.parametrize(("given", "day"), [
    ("2026-03-12", "2026-03-12"), ("2026-03-12T23:30:00Z", "2026-03-12"),
    (" 2026-03-12 ", "2026-03-12"), ("2026-03-12 08:15", "2026-03-12"),
    ("2026-03-12T08:15:00+01:00", "2026-03-12"),
])
def test_a_day_or_a_datetime_gives_the_day(given: str, day: str) -> None:
    assert iso_day(given) == day


def test_integer_ids_are_ids_and_languages_are_normalised() -> None:
    fields = validated(ItemFields, {"id": 12, "language": "fr-FR"}, "x")
    assert (fields.id, fields.language) == ("12", "fr")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://a.b/c",
                                 "http://", "//example.org/a"])
def test_a_source_url_must_be_http_or_https(url: str) -> None:
    with pytest.raises(InputError, match="field 'url': not an http"):
        validated(ItemFields, {"url": url}, "x")


def test_jsonl_batch_skips_only_the_bad_items(tmp_path: Path) -> None:
    lines = [{"id": "ok-1", "text": TEXT},
             {"id": "bad-1", "text": TEXT + " Un.", "published": 12345},
             {"id": "bad-2", "text": TEXT + " Deux.", "published": "2026-13-45"},
             {"id": "bad-3", "text": TEXT + " Trois.", "published": "2026-03-12junk"},
             {"id": "bad-4", "text": TEXT + " Quatre.", "title": {"x": 1}},
             {"id": "ok-2", "text": "Le préfet de la Gironde a reçu jeudi à Bordeaux les "
                                    "représentants des viticulteurs.", "published": "2026-03-12"}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    items = list(read_path(path, 1_000_000))
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["ok-1", "ok-2"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [e.split(": field ")[0] for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "'published'" in errors[0] and "'title'" in errors[3]


@pytest.mark.slow
def test_a_bad_date_from_a_page_fails_that_document_not_the_batch(settings: Settings) -> None:
    # A date that bypassed the edge (e.g. from a page's metadata) must not escape nlp/ as a
    # ValueError that ends the batch: the documents around it are still extracted.
    good = RawDocument(text=TEXT, origin="good.txt")
    bad = RawDocument(text=TEXT + " Encore.", origin="bad.txt", published="2026-13-45")
    out = list(extract_records([good, bad, RawDocument(text=TEXT + " Fin.", origin="c.txt")],
                               settings))
    assert [type(o) for o in out] == [Record, InputError, Record]
    assert "bad.txt: field 'published'" in str(out[1])


@pytest.mark.parametrize("deep", ["[" * 100_000, '{"text": ' + "9" * 5000 + "}"])
def test_pathological_json_lines_are_input_errors(tmp_path: Path, deep: str) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(deep + "\n" + json.dumps({"text": TEXT}), encoding="utf-8")
    first, second = read_path(path, 10_000_000)
    assert isinstance(first, InputError) and "malformed JSON" in str(first)
    assert isinstance(second, RawDocument)
