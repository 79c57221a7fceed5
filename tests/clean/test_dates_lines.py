"""Date lines in newsroom styles, on articles written for these tests: each gives the article's
``published`` and ``reference_date`` (basis ``dateline``) unless something better is given, and
the relative dates of the article then count from it."""

from __future__ import annotations

from datetime import date

import pytest

from veille.clean.dates import TextYears
from veille.clean.document import clean_document
from veille.extract import extract_records
from veille.lang.pack import LanguagePack
from veille.model import RawDocument, Record
from veille.nlp.times.grammar import find_times
from veille.settings import Settings

FR = LanguagePack.load("fr")
SETTINGS = Settings(db=":memory:")
HEADLINE = "Les dockers de Marseille cessent le travail"
STANDFIRST = ("Le mouvement, lancé par deux syndicats, touche les terminaux à conteneurs "
              "comme les quais des ferries.")
# Tuesday 3 March 2026; "lundi" in the past is Monday 2 March, "le 15 avril" a meeting to come.
BODY = ("Les dockers ont cessé le travail lundi, a indiqué un responsable syndical. Une "
        "rencontre avec la direction est prévue le 15 avril 2026.")


def _source(text: str, published: str | None = None) -> tuple[str | None, str | None, str]:
    s = clean_document(RawDocument(text, "t", published=published), SETTINGS).source
    return s.published, s.reference_date, s.reference_date_basis


def _monday(text: str) -> str | None:
    """The value of the body's "lundi", read against the reference date the text gets."""
    _, reference, _ = _source(text)
    found = find_times(text, date.fromisoformat(reference) if reference else None, pack=FR)
    return next(t.value for t in found if t.text == "lundi")


@pytest.mark.parametrize("line", [
    # city and agency, every dash and separator
    "MARSEILLE, 3 mars 2026 (AFP) - ",
    "MARSEILLE, 3 mars 2026 (AFP) – ",
    "MARSEILLE, 3 mars 2026 (AFP) — ",
    "MARSEILLE, 3 mars 2026 (AFP)—",
    "MARSEILLE, 3 mars 2026 (Reuters) -- ",
    "MARSEILLE, mardi 3 mars 2026 (AP) — ",
    "MARSEILLE (AFP), le 3 mars 2026 - ",
    "MARSEILLE 3 mars 2026 (BELGA) - ",
    "Marseille (Keystone-ATS) - 3 mars 2026 - ",
    "Marseille (ats), le mardi 3 mars 2026 – ",
    "Marseille, 3 mars 2026 (APS) - ",
    "Marseille, 03/03/2026 (MAP) - ",
    "Marseille, 3 mars 2026 (ANP) | ",
    "Marseille, 3 mars 2026 (Xinhua) -- ",
    "Marseille, 3 mars 2026 (Anadolu) - ",
    "Marseille, 3 mars 2026 (AFP/Reuters) - ",
    # the correspondent's form, with or without "le" and weekday
    "Marseille, le 3 mars 2026. ",
    "Marseille, le mardi 3 mars 2026. ",
    "Marseille, mardi, 3 mars 2026 - ",
    "3 mars 2026. - ",
    "Mardi 3 mars 2026 - ",
])
def test_a_date_line_opening_the_body_dates_the_article(line: str) -> None:
    text = f"{HEADLINE}\n{line}{BODY}"
    assert _source(text) == ("2026-03-03", "2026-03-03", "dateline")
    assert _monday(text) == "2026-03-02"


@pytest.mark.parametrize("line", [
    "Publié le 03/03/2026 à 14h05",
    "Publié le 3 mars 2026 à 14 h 05",
    "Publié le mardi 3 mars 2026 à 14:05",
    "Publiée le 03.03.2026",
    "Mis en ligne le 2026-03-03 14:05",
    "Publié le 03/03/2026 à 14h05, mis à jour le 04/03/2026 à 09h12",
    "Mis à jour le 04/03/2026 à 09h12 - Publié le 03/03/2026 à 14h05",
    "Par Jeanne Martin, le 3 mars 2026",
    "Par Jeanne Martin - 03/03/2026 à 14h05",
])
def test_a_publication_line_under_the_headline_or_standfirst(line: str) -> None:
    for head in (HEADLINE, f"{HEADLINE}\n{STANDFIRST}"):
        text = f"{head}\n{line}\n{BODY}"
        assert _source(text) == ("2026-03-03", "2026-03-03", "dateline")
        assert _monday(text) == "2026-03-02"


def test_an_update_line_alone_dates_the_article() -> None:
    for line in ("Mis à jour le 03/03/2026 à 18h40", "Modifié le mardi 3 mars 2026 à 18h40",
                 "Dernière mise à jour : 03/03/2026"):
        assert _source(f"{HEADLINE}\n{line}\n{BODY}")[1:] == ("2026-03-03", "dateline")


def test_given_and_page_dates_beat_the_date_line() -> None:
    text = f"{HEADLINE}\nMARSEILLE, 2 mars 2026 (AFP) - {BODY}"
    assert _source(text, published="2026-03-03") == ("2026-03-03", "2026-03-03", "published")
    assert _source(text) == ("2026-03-02", "2026-03-02", "dateline")


def test_a_date_line_beats_the_evidence_of_the_text() -> None:
    text = (f"{HEADLINE}\nMARSEILLE, 3 mars 2026 (AFP) - Ce lundi 9 mars 2026, les dockers "
            "reprendront le travail.")
    assert _source(text)[1:] == ("2026-03-03", "dateline")


def test_a_date_line_without_year_takes_it_from_its_weekday() -> None:
    # the agencies' own style; 3 March is a Tuesday in 2026 and in no other year the text names
    text = (f"{HEADLINE}\nMARSEILLE, mardi 3 mars (Reuters) - Les dockers, en grève depuis le "
            "12 février 2026, ont cessé le travail lundi.")
    assert _source(text) == ("2026-03-03", "2026-03-03", "dateline")
    assert _monday(text) == "2026-03-02"


def test_a_date_line_without_year_or_weekday_dates_nothing() -> None:
    # which year is not said: an anniversary piece dated "11 septembre" talks of 2001
    text = (f"{HEADLINE}\nNEW YORK, 11 septembre (AFP) - Vingt-cinq ans après les attentats du "
            "11 septembre 2001, la ville s'est recueillie lundi.")
    assert _source(text) == (None, None, "none")
    assert _monday(text) is None
    # the wrong weekday for every year of the text is no evidence either
    text = (f"{HEADLINE}\nMARSEILLE, mercredi 3 mars (Reuters) - Les dockers, en grève depuis "
            "le 12 février 2026, ont cessé le travail lundi.")
    assert _source(text)[1:] == (None, "none")


def test_a_date_line_without_year_with_a_given_date() -> None:
    text = f"{HEADLINE}\nMARSEILLE, 3 mars (Reuters) - {BODY}"
    assert _source(text, published="2026-03-03")[1:] == ("2026-03-03", "published")


@pytest.mark.parametrize("text", [
    # a date in running text is no date line, even on the first lines
    f"{HEADLINE}\nLe 3 mars 2026, les dockers ont cessé le travail lundi.",
    f"{HEADLINE}\nHier, le 3 mars 2026, les dockers ont cessé le travail lundi.",
    f"{HEADLINE}\nMarseille (AFP) - Les dockers, réunis le 3 mars 2026 - ont cessé le travail.",
    f"{HEADLINE}\nLes dockers se réuniront le 15 avril 2026, a annoncé lundi le syndicat.",
])
def test_a_date_in_running_text_is_no_date_line(text: str) -> None:
    assert _source(text) == (None, None, "none")


def _extract(text: str) -> Record:
    record = next(iter(extract_records([RawDocument(text, "t")], SETTINGS)))
    assert isinstance(record, Record)
    return record


def test_the_agency_dispatch_of_issue_eleven_end_to_end() -> None:
    """The dispatch the issue reported: its date line, not the meeting it announces, dates
    it, and its "lundi" is the Monday before (the parse sees the past tense)."""
    record = _extract("Les ministres de l'énergie se retrouvent à Rome\nROME, 3 mars 2026 "
                      "(AFP) - Les ministres se retrouveront le 15 avril 2026 à Bruxelles. "
                      "Lundi, le chef du gouvernement avait reçu ses homologues.")
    source = record.source
    assert (source.published, source.reference_date, source.reference_date_basis) == (
        "2026-03-03", "2026-03-03", "dateline")
    times = {t.text: (t.value, t.anchor) for t in record.times}
    assert times["Lundi"] == ("2026-03-02", "published")
    assert times["le 15 avril 2026"] == ("2026-04-15", "absolute")


def test_english_date_lines_follow_the_same_rules() -> None:
    en = "The dockers stopped work on Monday, a union official said."
    text = f"Dockers strike\nMARSEILLE, March 3, 2026 (Reuters) - {en}"
    source = clean_document(RawDocument(text, "t", language="en"), SETTINGS).source
    assert (source.published, source.reference_date_basis) == ("2026-03-03", "dateline")
    text = (f"Dockers strike\nMARSEILLE, Tuesday, March 3 (Reuters) - {en} The strike began "
            "on February 12, 2026.")
    source = clean_document(RawDocument(text, "t", language="en"), SETTINGS).source
    assert (source.published, source.reference_date_basis) == ("2026-03-03", "dateline")


def test_the_years_of_a_text_are_read_once_when_asked() -> None:
    pack = LanguagePack.load("fr")
    years = TextYears("Signé le 12 février 2026, révisé le 03/04/2027, après 2001.", pack)
    assert years._years is None  # nothing read until a date without its year asks
    assert list(years) == [2026, 2027]  # full dates only: "2001" alone is no date
    assert list(years) == [2026, 2027] and years._years == [2026, 2027]
    assert list(TextYears("Aucune date ici.", pack)) == []
