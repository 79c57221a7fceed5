"""Role descriptions as speakers: a role with a complement the text gave nobody in full.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_an_accented_role_with_a_complement_is_the_person_who_just_spoke_with_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # "le sénateur de la Manche": the text called Paul Garnier "le sénateur" only; he is the
    # one who just spoke, so the longer description is his (the accent must not hide it)
    text = ("Le sénateur Paul Garnier a défendu son amendement mardi, jugeant que la loi "
            "arrivait trop tard. « Nous ne pouvons plus attendre un an de plus » estime le "
            "sénateur de la Manche.")
    quote = quote_in(analyze_text(text).quotes, "Nous ne pouvons plus attendre")
    assert quote.speaker == "Paul Garnier"
    assert quote.speaker_via == "role"


def test_a_role_with_a_complement_nobody_was_given_stays_unnamed(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # the last speaker is a mayor: "le sénateur de la Manche" is someone else, unnamed
    text = ("Le maire Paul Garnier a défendu son projet mardi, jugeant que la loi arrivait "
            "trop tard. « Nous ne pouvons plus attendre un an de plus » estime le sénateur "
            "de la Manche.")
    assert quote_in(analyze_text(text).quotes, "Nous ne pouvons plus attendre").speaker is None


# -- sources that are the speaker's own --------------------------------------------------------

def test_his_own_sources_are_the_claim_of_the_person_the_possessive_names(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le conseil a tranché hier. C'est aussi la lecture de Damien Ferrand, pour qui, "
            "selon ses propres sources, le préfet avait reçu des consignes écrites.")
    quote = quote_in(analyze_text(text).quotes, "le préfet avait reçu des consignes")
    assert quote.speaker == "Damien Ferrand"
    assert quote.speaker_via == "pronoun"


def test_the_people_close_to_someone_stay_unnamed(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Damien Ferrand est resté silencieux. Selon ses proches, le préfet avait reçu des "
            "consignes écrites.")
    assert quote_in(analyze_text(text).quotes, "le préfet avait reçu").speaker is None


# -- the article's own titles ------------------------------------------------------------------

def test_a_title_the_article_gives_a_person_names_them_later(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le projet a été conçu par la céramiste bretonne Maëlle Quéré. Pour le défendre, "
            "la céramiste a rappelé son principe : « Chaque pièce doit pouvoir servir tous "
            "les jours. »")
    quote = quote_in(analyze_text(text).quotes, "Chaque pièce doit pouvoir servir")
    assert quote.speaker == "Maëlle Quéré"
    assert quote.speaker_via == "role"


def test_a_place_named_after_a_person_gives_no_title(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # "le lycée Jean Jaurès" names a school: "le lycée" later is no person
    text = ("Les élèves du lycée Jean Jaurès ont manifesté. Le lycée a indiqué que les cours "
            "reprendraient lundi.")
    quote = quote_in(analyze_text(text).quotes, "les cours reprendraient")
    assert quote.speaker != "Jean Jaurès"
