"""Bodies as speakers: unnamed officials and statements of a body, bodies without a name.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_a_statement_of_a_body_without_a_proper_name_is_that_body(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Trois entrepôts ont été perquisitionnés à l'aube dans le port, selon un communiqué "
            "de la police fluviale. Aucune arrestation n'a eu lieu.")
    quote = quote_in(analyze_text(text).quotes, "Trois entrepôts ont été perquisitionnés")
    assert quote.speaker == "police fluviale"
    assert quote.speaker_via == "body"


def test_an_official_of_a_described_body_speaks_for_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Un porte-parole de la gendarmerie maritime a précisé que le chalutier avait "
            "rejoint le port de Brest.")
    quote = quote_in(analyze_text(text).quotes, "le chalutier avait rejoint")
    assert quote.speaker == "gendarmerie maritime"


def test_a_statement_of_someone_close_is_no_body(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # "un proche du maire" is no official: unnamed, whoever the text named before
    text = ("Le maire Octave Lenoir n'a pas répondu. Un proche du maire a assuré que le projet "
            "serait abandonné.")
    assert quote_in(analyze_text(text).quotes, "le projet serait abandonné").speaker is None


# -- places that speak -------------------------------------------------------------------------

def test_a_capital_speaking_in_an_international_story_is_its_state(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La Russie a annoncé de nouvelles frappes dans la nuit. Kiev a démenti que ses "
            "troupes aient reculé près de la frontière.")
    quote = quote_in(analyze_text(text).quotes, "ses troupes aient reculé")
    assert quote.speaker == "Ukraine"
    assert quote.speaker_via == "body"


def test_a_capital_in_a_local_story_is_the_city(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # no other state in the text: the city's own services speak, not Canada
    text = ("Les travaux du tramway reprendront lundi. Ottawa a précisé que la ligne resterait "
            "fermée la nuit.")
    assert quote_in(analyze_text(text).quotes, "la ligne resterait fermée").speaker == "Ottawa"


def test_the_seat_of_a_body_speaks_for_the_body(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le gouvernement portugais a présenté son budget mardi. Bruxelles a estimé que le "
            "déficit restait trop élevé.")
    quote = quote_in(analyze_text(text).quotes, "le déficit restait trop élevé")
    assert quote.speaker == "Commission européenne"


def test_a_place_in_an_unnamed_persons_description_is_no_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le doyen de la faculté de Rennes a affirmé que les examens auraient lieu en "
            "juin.")
    assert quote_in(analyze_text(text).quotes, "les examens auraient lieu").speaker is None


def test_the_city_of_a_place_is_that_place(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "La ville de Lyon a annoncé que les piscines fermeraient en août."
    assert quote_in(analyze_text(text).quotes, "les piscines fermeraient").speaker == "Lyon"


def test_an_acronym_the_tagger_did_not_type_a_body_is_its_expansion(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La Fédération française de rugby (FFR) a publié un communiqué. La FFR estime que "
            "les sanctions sont justifiées.")
    quote = quote_in(analyze_text(text).quotes, "les sanctions sont justifiées")
    assert quote.speaker == "Fédération française de rugby"


def test_a_delegate_and_a_senior_official_speak_for_their_body(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Les discussions ont repris. « Rien n'est réglé », estime un délégué de la CGT. Un "
            "haut responsable de l'Union européenne a assuré que les sanctions seraient levées.")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "Rien n'est réglé").speaker == "CGT"
    assert quote_in(quotes, "les sanctions seraient levées").speaker == "Union européenne"


def test_a_former_official_no_longer_speaks_for_the_body(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Un ancien responsable de l'Union européenne a assuré que les sanctions seraient "
            "levées.")
    assert quote_in(analyze_text(text).quotes, "les sanctions seraient levées").speaker is None
