"""views/labels.py: an untitled document is labelled from its opening, exactly as from its
whole record, and from the record when its first words run past the opening."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from veille.clean.dedup import signature
from veille.model import Record, Source
from veille.store import Store
from veille.store.base import OPENING_CHARS
from veille.store.sqlite import SQLiteStore
from veille.views.labels import labels, record_label


class CountingStore(SQLiteStore):
    """The SQLite store, counting the whole records read from it."""

    records_read = 0

    def get(self, doc_id: str) -> Record | None:
        self.records_read += 1
        return super().get(doc_id)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[CountingStore]:
    opened = CountingStore(str(tmp_path / "labels.sqlite"))
    yield opened
    opened.close()


def add(store: Store, rec: Record) -> Record:
    assert store.add(rec, signature(rec.text), 0.99).status == "added"
    return rec


def test_untitled_documents_are_labelled_from_their_openings(sqlite_store: CountingStore
                                                             ) -> None:
    many = add(sqlite_store, Record(doc_id="many", source=Source(), text=(
        "La commission a rendu hier son rapport sur les transports régionaux après huit mois "
        "d'auditions publiques.")))
    few = add(sqlite_store, Record(doc_id="few", source=Source(title="  "),
                                   text="Réunion reportée."))
    named = add(sqlite_store, Record(doc_id="named", source=Source(path="/notes/vide.txt"),
                                     text=""))
    found = labels(sqlite_store, [("many", None), ("few", "  "), ("named", None),
                                  ("titled", "Un  titre"), ("gone", None)])
    assert found == {"many": record_label(many), "few": "Réunion reportée.",
                     "named": record_label(named), "titled": "Un titre", "gone": "gone"}
    assert found["many"].endswith(" après…") and found["named"] == "vide.txt"
    assert sqlite_store.records_read == 0
    assert record_label(few) == found["few"]


def test_first_words_past_the_opening_are_read_from_the_record(sqlite_store: CountingStore
                                                               ) -> None:
    word = "a" * 70  # twelve such words are 851 characters, past the opening
    assert 12 * (len(word) + 1) > OPENING_CHARS
    rec = add(sqlite_store, Record(doc_id="long", source=Source(),
                                   text=" ".join([word] * 20)))
    found = labels(sqlite_store, [("long", None)])
    assert found == {"long": record_label(rec)} and found["long"].endswith("…")
    assert sqlite_store.records_read == 1
