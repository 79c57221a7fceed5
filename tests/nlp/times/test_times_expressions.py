"""French expressions news writes: bare years, spans at their unit's precision, ranges, weekdays
after "dès" / "depuis", a weekday whose parse hangs on another paragraph."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from veille.lang.pack import LanguagePack
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
    found = _values("Le salon se tiendra du 6 au 15 septembre l'an prochain, puis du 28 "
                    "février au 3 mars 2014, et la foire entre le 3 et le 7 mai.")
    assert found["du 6 au 15 septembre l'an prochain"] == "2013-09-06"
    assert found["du 28 février au 3 mars 2014"] == "2014-02-28"
    assert found["entre le 3 et le 7 mai"] == "2012-05-03"


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
