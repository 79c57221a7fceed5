"""Document entities: cleaned NER, grouping, roles, KB links, and the EntityTable contract."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from veille.kb.base import get_kb
from veille.model import Entity
from veille.nlp.context import DocContext
from veille.nlp.entities.component import EntityTable, build_entity_table, kb_type
from veille.nlp.entities.text import is_noise, span_rules, trim_name, trim_span
from veille.nlp.model import load_pipeline
from veille.settings import Settings

TableFor = Callable[..., EntityTable]


@pytest.fixture(scope="session")
def table_for(settings: Settings) -> TableFor:
    nlp = load_pipeline(settings.model)

    def build(text: str, reference: str | None = "2025-06-02") -> EntityTable:
        return build_entity_table(nlp(text), DocContext.from_iso(reference, "published"))

    return build


def people(table: EntityTable) -> list[Entity]:
    return [e for e in table.entities() if e.type == "PER"]


def named(table: EntityTable, name: str) -> Entity:
    found = [e for e in table.entities() if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in table.entities()]
    return found[0]


def test_trim_strips_articles_titles_and_brackets() -> None:
    text = "Selon des États-Unis, le Président Poutine et Marco (Rubio) ..."
    usa = trim_span(text, 6, 20)
    assert usa is not None and usa.name == "États-Unis" and text[usa.start:usa.end] == "États-Unis"
    putin = trim_span(text, 25, 42)
    assert putin is not None and putin.name == "Poutine" and putin.title == "president"
    rubio = trim_span(text, 46, 59)
    assert rubio is not None and rubio.name == "Marco Rubio"


def test_known_place_tagged_as_person_is_retyped() -> None:
    assert kb_type("Washington", "PER", get_kb()) == "LOC"
    assert kb_type("Maison Blanche", "LOC", get_kb()) == "ORG"
    assert kb_type("Gérard Dupontel", "PER", get_kb()) == "PER"


def test_surname_of_a_leader_in_office_tagged_as_place_is_a_person() -> None:
    assert kb_type("Poutine", "LOC", get_kb(), date(2025, 6, 1)) == "PER"
    assert kb_type("Moscou", "LOC", get_kb(), date(2025, 6, 1)) == "LOC"
    assert kb_type("Dupontel", "MISC", get_kb(), date(2025, 6, 1)) == "MISC"


@pytest.mark.parametrize("raw", ["Question : Merci", "Tout Refuser", "Crédit Photo", "Monsieur",
                                 "Feu", "Président", "Lire aussi", "ministre des Affaires"])
def test_noise_spans(raw: str) -> None:
    assert is_noise(raw, raw)


@pytest.mark.parametrize("raw", ["Sergueï Lavrov", "Maison Blanche", "Kremlin", "Feurs"])
def test_real_names_are_not_noise(raw: str) -> None:
    assert not is_noise(raw, raw)


def test_trim_name_trims_as_trim_span_and_drops_noise() -> None:
    text = "Selon le Président Poutine, Tout Refuser et Crédit Photo ; Monsieur Lavrov"
    for raw in ["le Président Poutine", "Tout Refuser", "Crédit Photo", "Monsieur Lavrov",
                "Monsieur"]:
        start = text.index(raw)
        trimmed = trim_span(text, start, start + len(raw))
        noise = trimmed is None or is_noise(trimmed.name, raw)
        found = trim_name(text, start, start + len(raw), span_rules())
        assert found == (None if noise else trimmed), raw
    assert trim_name(text, 6, 26, span_rules()) is not None  # "le Président Poutine"
    assert trim_name(text, 28, 40, span_rules()) is None  # "Tout Refuser"


def test_page_furniture_is_not_an_entity(table_for: TableFor) -> None:
    table = table_for("Tout Refuser\n\nCrédit Photo\n\nQuestion : Merci d'être venue à Lyon.")
    names = {e.name.casefold() for e in table.entities()}
    assert not names & {"tout refuser", "crédit photo", "question : merci", "question", "merci"}


def test_title_and_role_stay_outside_the_name(table_for: TableFor) -> None:
    table = table_for("Le Président Poutine a reçu mardi à Moscou une délégation chinoise.")
    putin = named(table, "Vladimir Poutine")
    assert putin.kb_id == "Q7747"
    assert all("Président" not in m.text or m.via == "title" for m in putin.mentions)


def test_hyphenated_and_spaced_maison_blanche_are_one(table_for: TableFor) -> None:
    table = table_for("La Maison-Blanche a d'abord démenti. Mardi, la Maison Blanche a confirmé "
                      "la rencontre.")
    house = named(table, "Maison Blanche")
    assert house.type == "ORG" and len(house.mentions) == 2


def test_transliterations_surname_and_title_group_into_one_person(table_for: TableFor) -> None:
    table = table_for("Sergey Lavrov est arrivé mardi à Ankara. Sergueï Lavrov a ensuite parlé "
                      "aux journalistes. M. Lavrov a refusé de répondre.")
    lavrovs = [e for e in people(table) if "Lavrov" in e.name]
    assert len(lavrovs) == 1
    assert lavrovs[0].name == "Sergueï Lavrov" and lavrovs[0].kb_id == "Q58217"
    vias = {m.text: m.via for m in lavrovs[0].mentions}
    assert vias["Sergueï Lavrov"] == "name" and vias["Sergey Lavrov"] == "alias"
    assert vias.get("M. Lavrov", vias.get("Lavrov")) in ("title", "alias")


def test_apposed_role_names_the_holder_in_both_orders(table_for: TableFor) -> None:
    table = table_for(
        "Arnaud Montebourg, ministre du Redressement productif, a visité une usine à Lyon. "
        "A. Montebourg a promis des aides. Le ministre du Redressement productif a conclu."
    )
    minister = named(table, "Arnaud Montebourg")
    texts = [m.text for m in minister.mentions]
    assert "A. Montebourg" in texts
    assert sum(1 for m in minister.mentions if m.via == "title") == 2
    assert len(people(table)) == 1


def test_role_before_name_then_alone(table_for: TableFor) -> None:
    table = table_for("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré "
                      "son homologue à Ankara. Le chef de la diplomatie russe a ensuite quitté "
                      "la Turquie.")
    lavrov = named(table, "Sergueï Lavrov")
    roles = [m.text for m in lavrov.mentions if m.via == "title"]
    assert roles == ["Le ministre russe des Affaires étrangères", "Le chef de la diplomatie russe"]


@pytest.mark.parametrize(("day", "holder"), [("2025-06-02", "Marco Rubio"),
                                             ("2023-06-02", "Antony Blinken")])
def test_unnamed_role_is_the_kb_holder_at_the_reference_date(
        table_for: TableFor, day: str, holder: str) -> None:
    table = table_for("Le secrétaire d'État américain a téléphoné à son homologue chinois.", day)
    entity = named(table, holder)
    assert entity.mentions[0].via == "title"


def test_two_people_with_one_surname_stay_apart(table_for: TableFor) -> None:
    table = table_for("Jean-Marie Le Pen a fondé le parti en 1972 ; sa fille Marine Le Pen l'a "
                      "dirigé à partir de 2011.")
    names = sorted(e.name for e in people(table))
    assert names == ["Jean-Marie Le Pen", "Marine Le Pen"]


def test_bare_surname_goes_to_the_bearer_mentioned_last() -> None:
    table = EntityTable("x" * 200)
    father = table.add("Jean-Marie Le Pen", "PER", 0, 17, "Jean-Marie Le Pen")
    daughter = table.add("Marine Le Pen", "PER", 50, 63, "Marine Le Pen")
    assert father is not daughter
    assert table.find_by_name("Le Pen", ("PER",), before=40) is father
    assert table.find_by_name("Le Pen", ("PER",), before=100) is daughter


def test_resolve_speaker_spans_of_every_kind(table_for: TableFor) -> None:
    text = ("Sergueï Lavrov a reçu mardi des journalistes. Selon le Kremlin, la rencontre est "
            "reportée. Le Wall Street Journal affirme le contraire.")
    table = table_for(text)
    lavrov = table.resolve("M. Lavrov", 0, 9, types=("PER", "ORG"))
    assert lavrov is not None and lavrov.name == "Sergueï Lavrov"
    role = table.resolve("le chef de la diplomatie russe", 0, 30)
    assert role is lavrov
    start = text.index("le Kremlin")
    kremlin = table.resolve("le Kremlin", start, start + 10)
    assert kremlin is not None and kremlin.name == "Kremlin" and kremlin.type == "ORG"
    start = text.index("Le Wall")
    wsj = table.resolve("Le Wall Street Journal", start, start + 22)
    assert wsj is not None and wsj.name == "Wall Street Journal"


def test_resolve_creates_a_known_organisation_spacy_missed(table_for: TableFor) -> None:
    table = table_for("Rien n'a filtré de la réunion de mardi.")
    found = table.resolve("la Maison Blanche", 0, 17)
    assert found is not None and found.type == "ORG" and found.kb_id == "Q35525"
    assert found in table.entities()


def test_resolve_unknown_description_is_none(table_for: TableFor) -> None:
    table = table_for("Un diplomate a parlé sous couvert d'anonymat.")
    assert table.resolve("un diplomate", 0, 12) is None


def test_last_before_and_lookup(table_for: TableFor) -> None:
    text = "Kaja Kallas a parlé à Bruxelles. Elle a ensuite rencontré Emmanuel Macron."
    table = table_for(text)
    pronoun = text.index("Elle")
    assert table.last_before(pronoun, ("PER",)) is named(table, "Kaja Kallas")
    start = text.index("Emmanuel")
    found = table.lookup(start, start + 15)
    assert found is not None and found.kb_id == "Q3052772"


def test_find_by_name_with_variant_spelling(table_for: TableFor) -> None:
    table = table_for("Volodymyr Zelensky a été reçu à Paris.")
    found = table.find_by_name("Zelenskyy", ("PER",))
    assert found is not None and found.kb_id == "Q3874799"


def test_transcript_bracketed_surname_joins_the_first_name(table_for: TableFor) -> None:
    table = table_for("Ils devront accepter ce que Julien (Moreau) et Claire (Bastide) ont "
                      "négocié à Genève (AFP).")
    names = sorted(e.name for e in people(table))
    assert names == ["Claire Bastide", "Julien Moreau"]


def test_peoples_are_not_places(table_for: TableFor) -> None:
    table = table_for("Les Américains et les Estoniens ont voté le texte à Tallinn.")
    types = {e.name: e.type for e in table.entities()}
    assert types["Américains"] == "MISC" and types["Estoniens"] == "MISC"  # spaCy says LOC
    assert types.get("Tallinn") == "LOC"


def test_former_holder_is_not_the_current_one(table_for: TableFor) -> None:
    table = table_for("L'ancien président américain a critiqué la décision, que le président "
                      "américain a défendue.", "2025-06-02")
    assert [e.name for e in people(table)] == ["Donald Trump"]
    [trump] = people(table)
    assert [m.text for m in trump.mentions] == ["le président américain"]


def test_particle_surname_and_sentence_initial_first_name(table_for: TableFor) -> None:
    table = table_for("Marine Le Pen a tenu meeting à Perpignan. Mme Le Pen a ensuite attaqué "
                      "le gouvernement.")
    [person] = people(table)
    assert person.name == "Marine Le Pen"
    assert [m.via for m in person.mentions] == ["name", "title"]
