"""The reference date: inferred from the text only when the text names the day it is written;
never from its latest or a future date. Without one, relative expressions stay unresolved and a
day-month takes the year of the text's own full dates."""

from __future__ import annotations

from datetime import date

from veille.clean import metadata
from veille.clean.dates import explicit_dates
from veille.clean.document import clean_document
from veille.lang.pack import LanguagePack
from veille.model import RawDocument
from veille.nlp.times.grammar import find_times
from veille.settings import Settings

FR = LanguagePack.load("fr")
SETTINGS = Settings(db=":memory:")


def _source(text: str) -> tuple[str | None, str | None, str]:
    s = clean_document(RawDocument(text, "t"), SETTINGS).source
    return s.published, s.reference_date, s.reference_date_basis


def test_full_dates_in_words_and_figures() -> None:
    text = "Le 15 août 2025 à Anchorage ; signé le 02/09/2025, publié 2025-09-03."
    assert explicit_dates(text, FR) == ["2025-08-15", "2025-09-02", "2025-09-03"]


def test_impossible_dates_are_ignored() -> None:
    assert explicit_dates("le 31/02/2025", FR) == []


def test_a_future_date_of_the_text_is_no_reference() -> None:
    text = ("Le conseil municipal a voté le budget le 30 avril 2026. La prochaine séance "
            "se tiendra le 15 juin 2026, a annoncé le maire.")
    assert _source(text) == (None, None, "none")


def test_the_latest_date_of_the_text_is_no_reference() -> None:
    text = "Le pont, fermé le 2 février 2026, a rouvert le 9 mars 2026. Hier, les bus sont revenus."
    assert _source(text) == (None, None, "none")


def test_the_text_naming_its_day_is_evidence() -> None:
    assert _source("La grève a commencé ce lundi 2 mars 2026 dans les écoles.") == (
        None, "2026-03-02", "inferred")
    # without a year, the year of its full dates in which 2 March is a Monday
    text = "Le syndicat, créé le 12 janvier 2026, manifeste ce lundi 2 mars devant la mairie."
    assert _source(text) == (None, "2026-03-02", "inferred")
    # the weekday is wrong for every year the text gives: no evidence
    text = "Le syndicat, créé le 12 janvier 2026, manifeste ce mardi 2 mars devant la mairie."
    assert _source(text) == (None, None, "none")


def test_a_date_line_beats_a_later_meeting() -> None:
    text = ("Sommet à Rome\nROME, 3 mars 2026 (AFP) - Les ministres se retrouveront le 15 avril"
            " 2026 à Bruxelles. Lundi, le chef du gouvernement avait reçu ses homologues.")
    assert _source(text) == ("2026-03-03", "2026-03-03", "dateline")


def test_without_reference_relative_times_stay_unresolved() -> None:
    text = "Le 15 août 2025, les délégations se sont vues. Hier, le ministre a parlé vendredi."
    found = {t.text: (t.value, t.anchor) for t in find_times(text, None, pack=FR)}
    assert found["Le 15 août 2025"] == ("2025-08-15", "absolute")
    assert found["Hier"] == (None, "none")
    assert found["vendredi"] == (None, "none")


def test_without_reference_a_day_month_takes_the_year_of_the_text() -> None:
    text = ("Le 20 octobre, les ministres ont parlé au téléphone. Depuis le sommet du 15 août "
            "2025, rien n'a changé. Le 21 octobre, ils se sont revus.")
    found = {t.text: (t.value, t.anchor) for t in find_times(text, None, pack=FR)}
    assert found["Le 20 octobre"] == ("2025-10-20", "previous")  # the first full date after it
    assert found["Le 21 octobre"] == ("2025-10-21", "previous")
    assert find_times("Le 21 octobre, il a parlé.", None, pack=FR)[0].value is None


def test_reference_date_resolves_the_relative_dates() -> None:
    text = "ROME, 3 mars 2026 (AFP) - Lundi, le ministre a parlé."
    found = {t.text: t.value for t in find_times(text, date(2026, 3, 3), pack=FR)}
    assert found["Lundi"] == "2026-03-02"


def test_dated_today_needs_a_weekday_or_a_year() -> None:
    assert metadata.dated_today("Le débat a lieu ce 3 mars au Sénat.", FR) is None
    assert metadata.dated_today("Le débat a lieu ce 3 mars 2026 au Sénat.", FR) == "2026-03-03"


_FUTURE_BODIES = [
    "Le conseil se réunira le 15 avril 2026, puis le 2 juin 2026.",
    "La prochaine séance est fixée au 15/04/2026.",
    "Le chantier doit s'achever en 2028 ; la ligne ouvrira le 1er septembre 2027.",
    "Les négociations reprendront le jeudi 16 avril 2026 à Genève.",
    "Le vote, prévu le mardi 14 avril 2026, pourrait être reporté au 21 avril 2026.",
]


def test_no_article_takes_its_reference_from_a_future_date() -> None:
    """Each body names only dates later than the day it is written (3 March 2026): alone it
    dates nothing, under a date line it is dated by the line, and beside the text naming
    its day, by that day; never by a date of the body."""
    for body in _FUTURE_BODIES:
        later = set(explicit_dates(body, FR))
        assert later and _source(body) == (None, None, "none"), body
        lined = _source(f"Titre\nLYON, 3 mars 2026 (AFP) - {body}")
        assert lined == ("2026-03-03", "2026-03-03", "dateline"), body
        named = _source(f"Le syndicat manifeste ce mardi 3 mars 2026. {body}")
        assert named[1:] == ("2026-03-03", "inferred"), body


def test_a_later_day_of_the_week_the_text_names_is_no_reference() -> None:
    # "ce jeudi 5 mars" is a day to come of the week of "ce mardi 3 mars": the earlier dates it
    text = ("Les négociations reprendront ce jeudi 5 mars 2026. Ce mardi 3 mars 2026, les "
            "syndicats ont manifesté.")
    assert _source(text) == (None, "2026-03-03", "inferred")
