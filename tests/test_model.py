from __future__ import annotations

import json

from veille.model import SCHEMA, Entity, Event, Mention, Quote, Record, Removed, Source, TimeExpr


def make_record() -> Record:
    return Record(
        doc_id="d1",
        source=Source(path="a.txt", title="T", published="2026-01-02",
                      reference_date="2026-01-02", reference_date_basis="published"),
        text="Jean Dupont a dit « bonjour ».",
        removed=[Removed(0, 5, "share-prompt", "Suivez")],
        entities=[Entity("e1", "Jean Dupont", "PER", "Q1", [Mention(0, 11, "Jean Dupont")])],
        quotes=[Quote("direct", "bonjour", 20, 27, "Jean Dupont", "e1", cue="a dit")],
        times=[TimeExpr(0, 3, "hier", "2026-01-01", "published")],
        events=[Event("call", "appel", 0, 5, ["Jean Dupont"], None, "2026-01-01")],
        lemmas="jean dupont dire bonjour",
    )


def test_record_round_trips_through_json() -> None:
    record = make_record()
    again = Record.from_dict(json.loads(json.dumps(record.to_dict())))
    again.lemmas = record.lemmas
    assert again == record


def test_public_record_has_schema_first_and_no_internal_fields() -> None:
    data = make_record().to_dict()
    assert list(data)[:2] == ["schema", "doc_id"]
    assert data["schema"] == SCHEMA
    assert "lemmas" not in data
    assert set(data) == {"schema", "doc_id", "source", "text", "removed", "blocks", "entities",
                         "quotes", "times", "events"}


def test_unknown_fields_from_newer_records_are_ignored() -> None:
    data = make_record().to_dict()
    data["quotes"][0]["confidence"] = 0.9
    assert Record.from_dict(data).quotes[0].text == "bonjour"
