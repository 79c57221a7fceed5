"""The reference date inferred from the text when no publication date or dateline is known."""

from __future__ import annotations

from veille.clean.dates import explicit_dates, latest_explicit_date
from veille.lang.pack import LanguagePack

FR = LanguagePack.load("fr")


def test_full_dates_in_words_and_figures() -> None:
    text = "Le 15 août 2025 à Anchorage ; signé le 02/09/2025, publié 2025-09-03."
    assert explicit_dates(text, FR) == ["2025-08-15", "2025-09-02", "2025-09-03"]


def test_a_later_day_month_in_the_same_year_moves_the_reference_on() -> None:
    text = "Le sommet du 15 août 2025 à Anchorage. Le 21 octobre, Lavrov a parlé."
    assert latest_explicit_date(text, FR) == "2025-10-21"


def test_an_earlier_day_month_does_not() -> None:
    text = "Les pourparlers des 16 mai et 2 juin. Photo du 18 août 2025."
    assert latest_explicit_date(text, FR) == "2025-08-18"


def test_no_full_date_no_reference() -> None:
    assert latest_explicit_date("Le 21 octobre, Lavrov a parlé.", FR) is None


def test_impossible_dates_are_ignored() -> None:
    assert explicit_dates("le 31/02/2025", FR) == []
