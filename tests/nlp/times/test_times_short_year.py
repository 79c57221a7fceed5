"""A publication stamp with a two-digit year ("Publié le 8 Jun 24 à 9:21"): its century is
the reference date's (the page's metadata), and it is no date far from it. 8 June 2024 checked
on a calendar (a Saturday)."""

from __future__ import annotations

from datetime import date

from veille.lang.pack import LanguagePack
from veille.nlp.times.grammar import find_times

FR = LanguagePack.load("fr")
EN = LanguagePack.load("en")
PUBLISHED = date(2024, 6, 8)


def _values(text: str, reference: date | None, pack: LanguagePack = FR) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, reference, pack=pack)}


def test_a_stamp_with_a_two_digit_year_takes_the_reference_century() -> None:
    assert _values("Publié le 8 Jun 24 à 9:21", PUBLISHED) == {"le 8 Jun 24": "2024-06-08"}
    assert _values("Mis à jour le 9 juin 24 à 10h05", PUBLISHED) == {"le 9 juin 24": "2024-06-09"}


def test_the_two_digit_year_is_no_date_without_a_reference_or_far_from_it() -> None:
    assert _values("Publié le 8 Jun 24 à 9:21", None) == {"le 8 Jun 24": None}
    assert _values("Publié le 8 Jun 94 à 9:21", PUBLISHED) == {"le 8 Jun 94": None}


def test_a_number_after_a_day_and_month_is_no_year_without_a_time_of_day() -> None:
    # "24" counts people here: the day and month alone are the date.
    assert _values("Le 3 juin 24 personnes ont été évacuées.", PUBLISHED) == {
        "Le 3 juin": "2024-06-03"}


def test_an_english_abbreviation_is_no_month_alone() -> None:
    # "mar" and "may" are months of the French pack only beside a day or a year.
    assert _values("Il a parlé en mar et en may.", PUBLISHED) == {}


def test_an_english_stamp_with_a_two_digit_year() -> None:
    assert _values("Published Jun 8, 24 9:21", PUBLISHED, EN) == {"Jun 8, 24": "2024-06-08"}
