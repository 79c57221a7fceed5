"""French expressions news writes: bare years, spans at their unit's precision, ranges, weekdays
after "dès" / "depuis", a weekday whose parse hangs on another paragraph."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from veille.lang.pack import LanguagePack
from veille.nlp.pipeline import Analysis
from veille.nlp.times.component import verb_tense
from veille.nlp.times.grammar import find_times

FR = LanguagePack.load("fr")
# 5 July 2012 is a Thursday
REFERENCE = date(2012, 7, 5)


def _values(text: str, reference: date | None = REFERENCE) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, reference, pack=FR)}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Le budget prévu pour 2025 reste flou.", "pour 2025", "2025"),
    ("La Constitution de 2014 l'interdit.", "de 2014", "2014"),
    ("Une baisse attendue vers 2030 au plus tôt.", "vers 2030", "2030"),
    ("Le plan vise la neutralité à l'horizon 2050.", "l'horizon 2050", "2050"),
])
def test_a_year_after_a_preposition(text: str, span: str, value: str) -> None:
    assert _values(text)[span] == value


@pytest.mark.parametrize("text", [
    "Un chèque pour 2000 euros a été signé.",
    "Le rapport de 1500 pages a été remis.",
    "Une prime pour 1800 emplois menacés.",
])
def test_other_numbers_are_no_years(text: str) -> None:
    assert _values(text) == {}


def test_a_span_of_months_or_years_names_a_month_or_a_year() -> None:
    found = _values("Abrogé il y a deux mois, le texte date d'il y a 108 ans; voté il y a "
                    "trois semaines, il entrera en vigueur dans deux ans.")
    assert found["il y a deux mois"] == "2012-05"
    assert found["il y a 108 ans"] == "1904"
    assert found["il y a trois semaines"] == "2012-06-14"
    assert found["dans deux ans"] == "2014"


def test_a_range_is_one_expression_valued_at_its_first_day() -> None:
    found = _values("Le salon se tiendra du 6 au 15 septembre l'an prochain, et la foire entre "
                    "le 3 et le 7 mai; les ventes entre le 1er novembre et le 31 décembre.")
    assert found["du 6 au 15 septembre l'an prochain"] == "2013-09-06"
    assert found["entre le 3 et le 7 mai"] == "2012-05-03"
    # ends with a month each are two dates
    assert found["le 1er novembre"] == "2011-11-01"
    assert found["le 31 décembre"] == "2011-12-31"
    found = _values("Le salon se tiendra du 28 février au 3 mars 2014.")
    assert found["du 28 février"] == "2014-02-28"
    assert found["au 3 mars 2014"] == "2014-03-03"


def test_dès_points_to_the_coming_weekday_depuis_to_the_last() -> None:
    found = _values("Les écoles rouvrent dès lundi; les grévistes occupent le site depuis lundi.")
    assert found["dès lundi"] == "2012-07-09"
    assert found["depuis lundi"] == "2012-07-02"


def _parsed(heads: list[int]) -> Doc:
    words = ["le", "22", "novembre", ".", "\n", "Jeudi", ",", "il", "viendra"]
    return Doc(Vocab(), words=words, heads=heads,
               spaces=[True, True, False, False, False, False, True, True, False],
               pos=["DET", "NUM", "NOUN", "PUNCT", "SPACE", "NOUN", "PUNCT", "PRON", "VERB"],
               deps=["det", "nummod", "obl:mod", "punct", "dep", "obl:mod", "punct", "nsubj",
                     "ROOT"],
               morphs=[""] * 8 + ["Mood=Ind|Tense=Fut|VerbForm=Fin"])


def test_a_date_does_not_take_the_tense_of_the_next_paragraph() -> None:
    # the parser hung "le 22 novembre." on the next paragraph's verb: no verb governs it
    doc = _parsed([2, 2, 8, 2, 3, 8, 8, 8, 8])
    assert verb_tense(doc[5]) == "future"  # "Jeudi, il viendra": same line
    assert verb_tense(doc[2]) is None


def test_la_veille_of_a_named_event_counts_from_its_date() -> None:
    found = find_times("Le 2 mai, les bureaux ont ouvert. La veille du scrutin du 6 mai, le "
                       "candidat a parlé. Le lendemain de l'attaque du 3 mars, rien. La veille,"
                       " il pleuvait.", REFERENCE, pack=FR)
    values = [(t.text, t.value) for t in found]
    assert values == [("Le 2 mai", "2012-05-02"), ("La veille", "2012-05-05"),
                      ("du 6 mai", "2012-05-06"), ("Le lendemain", "2012-03-04"),
                      ("du 3 mars", "2012-03-03"), ("La veille", "2012-03-02")]


def test_an_event_date_in_the_next_sentence_is_not_the_named_one() -> None:
    found = _values("Le 2 mai, tout a commencé. Le lendemain de sa visite, il a parlé. Le 9 mai,"
                    " rien.")
    assert found["Le lendemain"] == "2012-05-03"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Les ventes ont chuté au premier semestre, puis le second semestre a rassuré.",
     "le second semestre", "2012"),
    ("Le chantier sera fini en fin d'année.", "en fin d'année", "2012"),
    ("La loi entrera en vigueur début de l'année, pas cet été.", "cet été", "2012"),
    ("Le texte, voté fin de l'année dernière, est appliqué.", "fin de l'année dernière", "2011"),
    ("Le budget de fin de l'année 2013 est prêt.", "l'année 2013", "2013"),
    ("Les comptes du premier semestre 2013 sont publiés.", "du premier semestre 2013", "2013"),
    ("Les ventes ont chuté au second semestre.", "au second semestre", "2012"),
    ("Le premier trimestre de l'année dernière fut bon.",
     "Le premier trimestre de l'année dernière", "2011"),
    ("Les prix ont baissé à la fin du mois dernier.", "à la fin du mois dernier", "2012-06"),
    ("La loi entrera en vigueur au début du mois prochain.", "au début du mois prochain",
     "2012-08"),
    ("Les stocks seront vides à la fin du mois.", "à la fin du mois", "2012-07"),
    ("Le texte sera voté au début de l'année prochaine.", "au début de l'année prochaine",
     "2013"),
    ("Il a plu au milieu de la semaine dernière.", "au milieu de la semaine dernière",
     "2012-W26"),
    ("Le bilan de la fin du mois de mai est lourd.", "fin du mois de mai", "2012-05"),
])
def test_parts_of_a_year_name_the_year(text: str, span: str, value: str) -> None:
    assert _values(text)[span] == value


def test_a_visit_one_was_to_make_lies_ahead(analyze_text: Callable[..., Analysis]) -> None:
    # 2 March 2026 is a Monday: the visit he was to make on Thursday is the 5th
    result = analyze_text("Le ministre a annulé la visite qu'il devait effectuer jeudi à Lyon.",
                          "2026-03-02")
    assert [t.value for t in result.times] == ["2026-03-05"]


@pytest.mark.parametrize(("text", "reference", "value"), [
    ("Le chantier a commencé l'été dernier.", date(2012, 11, 5), "2012"),  # summer is over
    ("Le chantier a commencé l'été dernier.", date(2012, 7, 5), "2011"),  # this one is not
    ("Le chantier reprendra au printemps prochain.", date(2012, 2, 1), "2012"),
    ("Le chantier reprendra au printemps prochain.", date(2012, 7, 5), "2013"),
])
def test_a_season_with_its_direction_names_a_year(text: str, reference: date, value: str
                                                  ) -> None:
    assert [t.value for t in find_times(text, reference, pack=FR)] == [value]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Les dossiers seront reçus jusqu'au lundi 9 juillet au soir.",
     "jusqu'au lundi 9 juillet au soir", "2012-07-09"),
    ("Le scrutin s'est ouvert le 1er juillet 2012 dans la matinée.",
     "le 1er juillet 2012 dans la matinée", "2012-07-01"),
    ("Les secours sont arrivés mardi 3 à l'aube.", "mardi 3 à l'aube", "2012-07-03"),
    ("Le train est reparti mercredi en fin de journée.", "mercredi en fin de journée",
     "2012-07-04"),
    ("Le 2 juillet au matin, puis le 3 juillet dans l'après-midi.", "le 3 juillet dans "
     "l'après-midi", "2012-07-03"),
])
def test_the_part_of_a_day_belongs_to_its_date(text: str, span: str, value: str) -> None:
    # the whole phrase is one expression, valued at its day
    assert _values(text).get(span) == value


def test_a_part_of_a_day_alone_is_not_glued_to_a_month() -> None:
    # "en juillet" is a month: no day for the part of a day to belong to
    assert _values("Les pluies reviendront en juillet au soir des vacances.") == {
        "en juillet": "2012-07"}
