"""Compound place names the tagger cuts: hyphen-joined parts and KB-known spaced links."""

from __future__ import annotations

from veille.model import Entity
from veille.nlp.context import DocContext
from veille.nlp.entities.component import build_entity_table
from veille.nlp.entities.text import join_hyphens, join_known
from veille.nlp.model import load_pipeline
from veille.settings import Settings


def _grown(text: str, part: str) -> str:
    start = text.index(part)
    a, b = join_hyphens(text, start, start + len(part))
    return text[a:b]


def test_hyphen_joined_capitalised_parts_join_the_span() -> None:
    assert _grown("Il vole vers Addis-Abeba demain.", "Addis") == "Addis-Abeba"
    assert _grown("Il vole vers Addis-Abeba demain.", "Abeba") == "Addis-Abeba"
    assert _grown("Arrivée à Port-au-Prince hier.", "Prince") == "Port-au-Prince"
    assert _grown("Arrivée à Port-au-Prince hier.", "Port") == "Port-au-Prince"


def test_lower_case_after_a_hyphen_is_not_part_of_the_name() -> None:
    assert _grown("Vient Dupont-t-il ? Non.", "Dupont") == "Dupont"
    assert _grown("Le sommet franco-Allemand", "Allemand") == "Allemand"


def test_spaced_link_joins_only_a_known_name() -> None:
    text = "Escale à Rio de Janeiro puis à Lyon de Bretagne."
    start = text.index("Rio")
    known = {"Rio de Janeiro"}.__contains__
    assert join_known(text, start, start + 3, known) == (start, start + len("Rio de Janeiro"))
    lyon = text.index("Lyon")
    assert join_known(text, lyon, lyon + 4, known) == (lyon, lyon + 4)


def test_a_name_grows_back_over_a_link_or_a_hyphen_before_it() -> None:
    # The span starts after the link ("Janeiro" of "Rio de Janeiro"), after a hyphen, or on
    # the next line after a hyphen at the end of one.
    text = "Escale à Rio de Janeiro, à Port-au-\nPrince et à Addis-Abeba."
    known = {"Rio de Janeiro"}.__contains__
    janeiro = text.index("Janeiro")
    assert join_known(text, janeiro, janeiro + 7, known) == (text.index("Rio"), janeiro + 7)
    assert join_known(text, janeiro, janeiro + 7, set().__contains__) == (janeiro, janeiro + 7)
    assert _grown(text, "Abeba") == "Addis-Abeba"
    assert _grown(text, "Prince") == "Port-au-\nPrince"
    assert _grown("Escale à\nPrince et Lyon.", "Prince") == "Prince"


def test_cut_place_name_is_one_entity(settings: Settings) -> None:
    doc = load_pipeline(settings.model)(
        "Le président s'est rendu à Addis-Abeba puis à Saint-Pétersbourg.")
    table = build_entity_table(doc, DocContext.from_iso("2025-06-02", "published"))
    places: list[Entity] = [e for e in table.entities() if e.type == "LOC"]
    assert [e.name for e in places] == ["Addis-Abeba", "Saint-Pétersbourg"]


def test_place_and_name_in_one_span_are_split(settings: Settings) -> None:
    doc = load_pipeline(settings.model)(
        "Le ministre a reçu mardi à Cotonou Kossi Amegan, ministre togolais de l'Économie.")
    table = build_entity_table(doc, DocContext.from_iso("2025-06-02", "published"))
    got = {(e.name, e.type) for e in table.entities()}
    assert {("Cotonou", "LOC"), ("Kossi Amegan", "PER")} <= got


def test_name_run_over_from_the_title_keeps_its_last_line(settings: Settings) -> None:
    doc = load_pipeline(settings.model)(
        "Sommet de l'Union africaine\n\nMoussa Diallo, président de la Commission de l'Union "
        "africaine, a accueilli le président kényan à Addis-Abeba.")
    table = build_entity_table(doc, DocContext.from_iso("2025-06-02", "published"))
    assert ("Moussa Diallo", "PER") in {(e.name, e.type) for e in table.entities()}
