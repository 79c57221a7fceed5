"""Places of the bundled KB: Wikidata ids, specificity and containment."""

from __future__ import annotations

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.places import PlaceIndex, bundled_places


def test_a_city_carries_its_wikidata_id() -> None:
    moscou = bundled_places().place("Moscou")
    assert moscou is not None and moscou.kb_id == "Q649"


def test_a_venue_is_more_specific_than_its_city_and_a_city_than_its_country() -> None:
    places = bundled_places()
    venue, city = places.place("Maison Blanche"), places.place("Washington")
    country = places.place("États-Unis")
    assert venue and city and country
    assert venue.specificity > city.specificity > country.specificity


def test_containment_follows_country_codes_and_the_within_table() -> None:
    places = bundled_places()
    anchorage, alaska, usa = (places.place(n) for n in ("Anchorage", "Alaska", "États-Unis"))
    budapest = places.place("Budapest")
    assert anchorage and alaska and usa and budapest
    assert places.contains(alaska, anchorage) and places.contains(usa, anchorage)
    assert not places.contains(anchorage, alaska)
    assert not places.contains(usa, budapest)


def test_an_unknown_name_is_no_place_and_a_later_variant_is_tried() -> None:
    places = bundled_places()
    assert places.place("Zzyzxville") is None
    found = places.place("Zzyzxville", "Budapest")
    assert found is not None and found.kb_id == "Q1781"


def test_two_cities_of_one_name_of_like_size_are_ambiguous() -> None:
    kb = KnowledgeBase([
        KBEntry("geonames:1", "LOC", "Q1", "city", {"fr": "Valence"}, country="FR",
                population=60_000),
        KBEntry("geonames:2", "LOC", "Q2", "city", {"fr": "Valence"}, country="ES",
                population=80_000)])
    assert PlaceIndex(kb, within={}).place("Valence") is None
