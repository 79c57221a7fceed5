"""One behavioural suite, run against every store back-end: SQLite and PostgreSQL.

Records are built by hand (no spaCy) so the suite pins the store, not the extractor.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from veille.clean.dedup import doc_id_for, signature
from veille.errors import VeilleError
from veille.model import Entity, Event, Mention, Quote, Record, Source
from veille.store import Store, open_store

THRESHOLD = 0.85

SUMMIT = (
    "Les chefs d'État de l'Union européenne se sont retrouvés jeudi à Bruxelles. "
    "Les négociations sur le budget de la défense ont duré toute la nuit, selon un diplomate. "
    "« Nous avons trouvé un accord », a déclaré Ursula von der Leyen à l'issue du sommet. "
    "Viktor Orban a fait savoir qu'il ne soutiendrait pas de nouvelles sanctions contre Moscou."
)
VISIT = (
    "Le président brésilien est arrivé mardi à Pékin pour une visite d'État de trois jours. "
    "Il doit rencontrer son homologue chinois pour parler du commerce agricole et du climat. "
    "« La coopération entre nos deux pays est essentielle », a affirmé le ministre des Affaires "
    "étrangères à la télévision publique."
)


def long_story(seed: str) -> str:
    """A story long enough for MinHash to tell near-copies from different texts."""
    sentences = [f"Le {seed} numéro {i} a déclaré que la réunion {i * 7} se tiendrait au palais "
                 f"{i * 3} avec des délégations venues de {i + 11} pays." for i in range(40)]
    return " ".join(sentences)


def make_record(text: str, *, title: str | None = None, published: str | None = None,
                path: str | None = None, url: str | None = None, publisher: str | None = None,
                entities: list[Entity] | None = None, quotes: list[Quote] | None = None,
                events: list[Event] | None = None) -> Record:
    return Record(
        doc_id=doc_id_for(text),
        source=Source(path=path, url=url, title=title, publisher=publisher, published=published,
                      reference_date=published, reference_date_basis="published"
                      if published else "none"),
        text=text, entities=entities or [], quotes=quotes or [], events=events or [],
    )


def von_der_leyen(local: str = "e1") -> Entity:
    return Entity(local, "Ursula von der Leyen", "PER", "Q60772", [
        Mention(0, 20, "Ursula von der Leyen"), Mention(40, 54, "Mme von der Leyen", "alias")])


def summit_record() -> Record:
    return make_record(
        SUMMIT, title="Sommet à Bruxelles", published="2026-03-12", path="/news/sommet.txt",
        publisher="Veille Actu",
        entities=[von_der_leyen(), Entity("e2", "Viktor Orban", "PER", None,
                                          [Mention(0, 12, "Viktor Orban")]),
                  Entity("e3", "Bruxelles", "LOC", None, [Mention(0, 9, "Bruxelles")])],
        quotes=[Quote("direct", "Nous avons trouvé un accord", 10, 38, "Ursula von der Leyen",
                      "e1", None, speaker_via="incise", cue="a déclaré",
                      said_on="2026-03-12")],
        events=[Event("summit", "sommet", 0, 6, ["Ursula von der Leyen", "Viktor Orban"],
                      "Bruxelles", "2026-03-12")],
    )


def visit_record() -> Record:
    return make_record(
        VISIT, title="Visite à Pékin", published="2026-04-02", url="https://example.org/pekin",
        publisher="Autre Journal",
        entities=[Entity("e1", "Pékin", "LOC", None, [Mention(0, 5, "Pékin")]),
                  Entity("e2", "Ursula von der Leyen", "PER", "Q60772",
                         [Mention(0, 9, "von der Leyen")])],
        quotes=[Quote("direct", "La coopération entre nos deux pays est essentielle", 0, 50,
                      "le ministre des Affaires étrangères", None, "ministre",
                      speaker_via="role", cue="a affirmé")],
        events=[Event("visit", "visite", 0, 6, [], "Pékin", "2026-04-02")],
    )


def add(store: Store, record: Record) -> str:
    return store.add(record, signature(record.text), THRESHOLD).status


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "veille.sqlite")
    url: str = request.getfixturevalue("fresh_postgres_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def filled(store: Store) -> Store:
    assert add(store, summit_record()) == "added"
    assert add(store, visit_record()) == "added"
    return store


def test_added_record_comes_back_whole(store: Store) -> None:
    record = summit_record()
    assert add(store, record) == "added"
    got = store.get(record.doc_id)
    assert got is not None
    assert got.to_dict() == record.to_dict()
    assert store.get("nope") is None


def test_same_text_is_a_duplicate_even_under_another_id(store: Store) -> None:
    first = summit_record()
    add(store, first)
    again = summit_record()
    again.doc_id = "another-id"
    result = store.add(again, signature(again.text), THRESHOLD)
    assert (result.status, result.existing) == ("duplicate", first.doc_id)
    assert store.stats()["documents"] == 1


def test_near_copy_is_reported_and_not_stored(store: Store) -> None:
    original = make_record(long_story("porte-parole"))
    copy = make_record(long_story("porte-parole") + " Tous droits réservés, reprise interdite.")
    other = make_record(long_story("ambassadeur"))
    assert add(store, original) == "added"
    result = store.add(copy, signature(copy.text), THRESHOLD)
    assert (result.status, result.existing) == ("near-duplicate", original.doc_id)
    assert result.similarity is not None and result.similarity >= THRESHOLD
    assert add(store, other) == "added"
    assert store.stats()["documents"] == 2


def test_failed_add_leaves_nothing_behind(store: Store) -> None:
    broken = summit_record()
    # A set is not JSON: the write fails on the events, after the document, its bands,
    # entities and quotes went in; all of them must be rolled back.
    broken.events[0].cameo = {"not", "json"}  # type: ignore[assignment]
    with pytest.raises((VeilleError, TypeError, sqlite3.Error, psycopg.Error)):
        add(store, broken)
    assert store.stats() == {"documents": 0, "entities": 0, "quotes": 0, "events": 0}
    assert store.get(broken.doc_id) is None
    assert add(store, summit_record()) == "added"  # and the store still works


@pytest.mark.parametrize("query", ["negociation", "Négociations", "NEGOCIER budget"])
def test_search_ignores_accents_and_inflection(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert [h.doc_id for h in hits] == [summit_record().doc_id]
    assert hits[0].title == "Sommet à Bruxelles"
    # SQLite marks only words matched in the body column, not via stems: no "[" check.
    assert "négociations" in hits[0].snippet


def test_search_finds_a_lemma_the_text_inflects(store: Store) -> None:
    record = make_record("Le ministre a dit que la réunion aurait lieu à Genève.")
    record.lemmas = "le ministre avoir dire que le réunion avoir lieu à Genève ."
    add(store, record)
    assert [h.doc_id for h in store.search("dire")] == [record.doc_id]
    assert store.search("affirmer") == []


def test_search_stems_each_document_in_its_own_language(store: Store) -> None:
    # English Snowball takes "running" and "runs" to "run"; French leaves "running" whole,
    # so only an English index of the English text finds it from "runs".
    english = make_record("The delegation was running late for the talks in Geneva.")
    english.source.language = "en"
    french = make_record("Les négociations ont repris à Genève après une longue pause.")
    add(store, english)
    add(store, french)
    assert [h.doc_id for h in store.search("runs")] == [english.doc_id]
    assert [h.doc_id for h in store.search("negociation")] == [french.doc_id]


def test_search_requires_every_word_and_honours_filters(filled: Store) -> None:
    assert filled.search("négociations Pékin") == []
    assert [h.doc_id for h in filled.search("président")] == [visit_record().doc_id]
    summit, visit = summit_record().doc_id, visit_record().doc_id
    assert [h.doc_id for h in filled.search("coopération", limit=5)] == [visit]
    from veille.store import SearchFilters

    assert filled.search("coopération", SearchFilters(since="2026-05-01")) == []
    assert filled.search("coopération", SearchFilters(publisher="Veille Actu")) == []
    assert [h.doc_id for h in filled.search("sommet", SearchFilters(entity="Orban"))] == [summit]
    assert [h.doc_id for h in filled.search("sommet", SearchFilters(speaker="Leyen"))] == [summit]


def test_facets_count_documents_per_value(filled: Store) -> None:
    summit, visit = summit_record().doc_id, visit_record().doc_id
    both = filled.facets([summit, visit])
    assert both["publisher"] == {"Veille Actu": 1, "Autre Journal": 1}
    assert both["month"] == {"2026-03": 1, "2026-04": 1}
    assert both["speaker"] == {"Ursula von der Leyen": 1,
                               "le ministre des Affaires étrangères": 1}
    # People and organisations only (not Bruxelles, Pékin); a document counts once.
    assert both["entity"] == {"Ursula von der Leyen": 2, "Viktor Orban": 1}
    assert filled.facets([summit])["entity"] == {"Ursula von der Leyen": 1, "Viktor Orban": 1}
    assert filled.facets([]) == {"speaker": {}, "entity": {}, "publisher": {}, "month": {}}


def test_quotes_filter_by_speaker_and_date(filled: Store) -> None:
    assert [q.text for q in filled.quotes(speaker="von der Leyen")] == [
        "Nous avons trouvé un accord"]
    assert [q.speaker for q in filled.quotes(since="2026-04-01")] == [
        "le ministre des Affaires étrangères"]
    assert filled.quotes(speaker="Orban") == []
    newest_first = [q.published for q in filled.quotes()]
    assert newest_first == ["2026-04-02", "2026-03-12"]


def test_quotes_say_how_their_speaker_was_found(filled: Store) -> None:
    assert [(q.speaker, q.speaker_via) for q in filled.quotes()] == [
        ("le ministre des Affaires étrangères", "role"), ("Ursula von der Leyen", "incise")]


def test_quotes_stored_before_speaker_via_take_it_from_their_record(store_url: str,
                                                                    store: Store) -> None:
    add(store, summit_record())
    conn = store.conn  # type: ignore[attr-defined]
    # The store as it was before migration 0007: no column, the via only in the record.
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_via")
    conn.execute("DELETE FROM schema_migrations WHERE version = 7")
    if store_url.startswith("postgresql://"):
        conn.commit()
    store.close()
    reopened = open_store(store_url)
    try:
        assert [q.speaker_via for q in reopened.quotes()] == ["incise"]
    finally:
        reopened.close()


def test_entities_merge_across_documents(filled: Store) -> None:
    people = filled.entities(type="PER")
    vdl = next(e for e in people if e.kb_id == "Q60772")
    assert (vdl.name, vdl.documents, vdl.mentions) == ("Ursula von der Leyen", 2, 3)
    assert vdl.aliases == ["Mme von der Leyen", "Ursula von der Leyen", "von der Leyen"]
    assert [e.name for e in filled.entities(name="Orban")] == ["Viktor Orban"]
    assert {e.type for e in filled.entities(type="LOC")} == {"LOC"}


def test_events_filter_by_entity_and_date(filled: Store) -> None:
    assert [e.event.type for e in filled.events()] == ["summit", "visit"]
    assert [e.event.type for e in filled.events(entity="Orban")] == ["summit"]
    assert [e.event.type for e in filled.events(since="2026-04-01")] == ["visit"]
    row = filled.events(entity="Q60772")[0]
    assert (row.title, row.event.place) == ("Sommet à Bruxelles", "Bruxelles")


def test_resolve_doc_by_id_prefix_path_and_url(filled: Store) -> None:
    summit, visit = summit_record().doc_id, visit_record().doc_id
    assert filled.resolve_doc(summit) == summit
    assert filled.resolve_doc(summit[:8]) == summit
    assert filled.resolve_doc("/news/sommet.txt") == summit
    assert filled.resolve_doc("https://example.org/pekin") == visit
    assert filled.resolve_doc("zzzz") is None


def test_iter_records_and_stats(filled: Store) -> None:
    assert {r.doc_id for r in filled.iter_records()} == {summit_record().doc_id,
                                                         visit_record().doc_id}
    assert filled.stats() == {"documents": 2, "entities": 4, "quotes": 2, "events": 2}


def test_migrations_are_recorded_and_applied_once(store_url: str, store: Store) -> None:
    from veille.store.migrate import migration_files

    dialect = "postgres" if store_url.startswith("postgresql://") else "sqlite"
    expected = [(version, name) for version, name, _sql in migration_files(dialect)]
    assert expected[0] == (1, "0001_initial.sql")
    conn = store.conn  # type: ignore[attr-defined]
    applied = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [tuple(row) for row in applied.fetchall()] == expected
    reopened = open_store(store_url)  # a second open must not re-apply anything
    again = reopened.conn.execute(  # type: ignore[attr-defined]
        "SELECT count(*) FROM schema_migrations").fetchone()
    reopened.close()
    assert again[0] == len(expected)


def test_both_back_ends_have_the_same_migrations() -> None:
    from veille.store.migrate import migration_files

    names = {d: [n for _v, n, _s in migration_files(d)] for d in ("sqlite", "postgres")}
    assert names["sqlite"] == names["postgres"]


def test_spelling_variants_of_one_person_merge_on_both(store: Store) -> None:
    def person(doc: str, name: str, filler: str) -> Record:
        text = f"{name} a parlé. " + " ".join(f"{filler} {i} ne ressemble à rien."
                                             for i in range(30))
        return Record(doc_id=doc, source=Source(), text=text,
                      entities=[Entity("e1", name, "PER", None, [Mention(0, len(name), name)])])

    add(store, person("a", "Steven Witkoff", "alpha"))
    add(store, person("b", "Steve Witkoff", "bravo"))
    add(store, person("c", "Marie Witkoff", "charlie"))
    rows = sorted((e.name, e.documents) for e in store.entities(type="PER"))
    assert rows == [("Marie Witkoff", 1), ("Steven Witkoff", 2)]
