"""A small store of our own invented articles, written as extraction records (no spaCy):
what every view test reads, and what the CLI and the API render in the agreement test.

The cast: Odile Marchetti (an invented foreign minister, 25 quotes over three articles),
Luca Marchetti (another person of that surname, one quote: never hers), Piet Janssen. Events:
a meeting in Varsovie on 14 August 2025 reported by two articles (one untitled), a call
planned with no date, and a summit cancelled in September.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from veille.clean.dedup import signature
from veille.model import Block, Entity, Event, Mention, Quote, Record, Source
from veille.store import Store, open_store

ODILE_QUOTES = 25


def person(eid: str, name: str, *texts: str) -> Entity:
    return Entity(eid, name, "PER", mentions=[Mention(0, len(t), t) for t in texts])


def said(n: int, speaker: str, sid: str, on: str | None, via: str | None = "subject") -> Quote:
    return Quote("direct", f"Nous avancerons pas à pas, étape {n}.", 100 + 60 * n,
                 140 + 60 * n, speaker=speaker, speaker_id=sid, speaker_via=via, said_on=on)


def summit_report() -> Record:
    text = ("Sommet de Varsovie\n\nOdile Marchetti a rencontré Piet Janssen jeudi à Varsovie. "
            "La ministre a parlé longuement. " + "Elle a ajouté une phrase. " * 60)
    return Record(
        doc_id="a1b2c3d4e5f60718", text=text,
        source=Source(title="Varsovie : Odile Marchetti rencontre Piet Janssen",
                      publisher="Le Courrier inventé", published="2025-08-15",
                      path="/corpus/varsovie.txt"),
        blocks=[Block(0, 18, "title"), Block(20, len(text), "paragraph")],
        entities=[person("e1", "Odile Marchetti", "Odile Marchetti", "du chef de la diplomatie",
                         "Marco (Rubio"),
                  person("e2", "Piet Janssen", "Piet Janssen"),
                  Entity("e3", "Varsovie", "LOC", mentions=[Mention(0, 8, "Varsovie")])],
        quotes=[said(n, "Odile Marchetti", "e1", "2025-08-14") for n in range(12)],
        events=[Event("meeting", "a rencontré", 36, 47, ["Odile Marchetti", "Piet Janssen"],
                      "Varsovie", "2025-08-14")],
    )


def untitled_note() -> Record:
    text = ("Odile Marchetti et Piet Janssen se sont vus à Varsovie le 14 août, rappelle "
            "Luca Marchetti. " + "Un appel est prévu entre eux. " * 30)
    return Record(
        doc_id="0f1e2d3c4b5a6978", text=text,
        source=Source(published="2025-08-20", path="/corpus/notes/breve-42.txt"),
        entities=[person("e1", "Odile Marchetti", "Odile Marchetti"),
                  person("e2", "Piet Janssen", "Piet Janssen"),
                  person("e4", "Luca Marchetti", "Luca Marchetti")],
        quotes=[*(said(20 + n, "Odile Marchetti", "e1", None, via=None) for n in range(8)),
                said(40, "Luca Marchetti", "e4", "2025-08-19")],
        events=[Event("meeting", "se sont vus", 34, 45, ["Odile Marchetti", "Piet Janssen"],
                      "Varsovie", "2025-08-14"),
                Event("call", "appel", 100, 105, ["Odile Marchetti", "Piet Janssen"], None,
                      None, "planned")],
    )


def september_report() -> Record:
    text = ("Le sommet de Gdansk est annulé. Odile Marchetti le regrette. "
            + "Les diplomates se taisent. " * 40)
    return Record(
        doc_id="99aa88bb77cc66dd", text=text,
        source=Source(title="Le sommet de Gdansk n'aura pas lieu", published="2025-09-03"),
        entities=[person("e1", "Odile Marchetti", "Odile Marchetti")],
        quotes=[said(60 + n, "Odile Marchetti", "e1", "2025-09-02") for n in range(5)],
        events=[Event("summit", "sommet", 3, 9, ["Odile Marchetti"], "Gdansk", "2025-09-10",
                      "cancelled")],
    )


RECORDS = (summit_report, untitled_note, september_report)


@pytest.fixture(scope="session")
def workbench_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("workbench") / "veille.sqlite")
    store = open_store(path)
    try:
        for build in RECORDS:
            record = build()
            assert store.add(record, signature(record.text), 0.9).status == "added"
    finally:
        store.close()
    return path


@pytest.fixture()
def store(workbench_db: str) -> Iterator[Store]:
    opened = open_store(workbench_db)
    yield opened
    opened.close()
