"""Sources a reporter learned the words from, and relatives on a source preposition.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_what_one_learned_from_a_body_is_the_bodys(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le préfet Paul Girard est arrivé sur place. Deux routes restent coupées, a-t-on "
            "appris auprès du ministère de l'Intérieur.")
    quote = quote_in(analyze_text(text).quotes, "Deux routes restent coupées")
    assert quote.speaker == "ministère de l'Intérieur"
    assert quote.speaker_via == "selon"


def test_what_an_agency_learned_from_a_body_is_the_bodys(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # the agency relays; the body it learned it from speaks
    text = ("Selon ce qu'a appris l'AFP auprès du ministère de l'Intérieur, le marché de Noël "
            "sera déplacé.")
    quote = quote_in(analyze_text(text).quotes, "le marché de Noël sera déplacé")
    assert quote.speaker == "ministère de l'Intérieur"


def test_a_relative_on_a_source_is_its_verbs_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Selon ce qu'a indiqué le ministre Paul Girard, le texte sera voté en juin."
    assert quote_in(analyze_text(text).quotes, "le texte sera voté").speaker == "Paul Girard"


def test_what_one_learned_from_unnamed_people_stays_unnamed(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le maire Paul Girard n'a pas répondu. Deux routes restent coupées, a-t-on appris "
            "auprès de l'entourage du maire.")
    assert quote_in(analyze_text(text).quotes, "Deux routes restent coupées").speaker is None
