"""Context cards worded in a language pack: labels, roles and country names from its data."""

from __future__ import annotations

from datetime import date

from veille.kb.base import Position, get_kb
from veille.lang.pack import LanguagePack
from veille.resolve.cards import card, card_word, country_label, role_label

EN = LanguagePack.load("en")
FR = LanguagePack.load("fr")


def test_a_card_is_worded_in_the_pack_it_is_given() -> None:
    kb = get_kb()
    lavrov = kb.get("Q58217")
    assert lavrov is not None
    english = card(lavrov, date(2025, 10, 26), kb, EN)
    assert (english["label"], english["role"], english["country"]) == (
        "Sergey Lavrov", "foreign minister (Russia)", "Russia")
    french = card(lavrov, date(2025, 10, 26), kb, FR)
    assert (french["label"], french["role"], french["country"]) == (
        "Sergueï Lavrov", "ministre des Affaires étrangères (Russie)", "Russie")


def test_international_bodies_are_named_by_the_pack() -> None:
    kb = get_kb()
    # A position from Wikidata (an id, no curated label) is worded from the role's label.
    nato = Position("secretary_general", "NATO", id="Q-test")
    assert role_label(nato, kb, EN) == "secretary-general (NATO)"
    assert role_label(nato, kb, FR) == "secrétaire général (OTAN)"
    assert country_label("EU", kb, EN) == "European Union"
    assert country_label("EU", kb, FR) == "Union européenne"


def test_the_store_counts_are_worded_by_the_pack() -> None:
    assert card_word("cited_in", EN).format(documents=2, mentions=5) == (
        "cited in 2 article(s), 5 mention(s)")
    assert card_word("cited_in", FR).format(documents=2, mentions=5) == (
        "cité(e) dans 2 article(s), 5 mention(s)")
