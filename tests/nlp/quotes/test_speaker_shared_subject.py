"""A cue verb without a subject of its own shares one: coordinated verbs, gerunds.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_a_gerund_after_coordinated_verbs_is_the_first_verbs_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # not the man who spoke before: the gerund's subject is the first verb's, "La SNCF"
    text = ("Le maire Octave Lenoir s'est exprimé jeudi. La SNCF a réagi dans la soirée et a "
            "démenti toute faute en affirmant que le retard venait d'une panne.")
    quote = quote_in(analyze_text(text).quotes, "le retard venait d'une panne")
    assert quote.speaker == "SNCF"
    assert quote.speaker_via == "subject"


def test_a_coordinated_cue_pair_shares_the_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le Premier ministre Paul Girard a reçu les élus. Le syndicat Force Rail a "
            "protesté et a fait savoir que la grève continuerait lundi.")
    quote = quote_in(analyze_text(text).quotes, "la grève continuerait")
    assert quote.speaker == "Force Rail"


def test_a_gerund_of_a_verb_with_a_pronoun_subject_is_no_noun_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # the pronoun's antecedent speaks (the last person), not a noun of another clause
    text = ("Claire Mounier dirige le chantier. Elle a réagi en affirmant que la digue "
            "tiendrait.")
    assert quote_in(analyze_text(text).quotes, "la digue tiendrait").speaker == "Claire Mounier"


def test_a_finite_verb_parsed_as_a_modifier_still_has_the_opening_phrase_as_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # the parser hangs "appelle" on "usagers"; "fait savoir" is coordinated with it
    text = ("Le maire Paul Girard a reçu les élus. La coordination nationale des usagers "
            "appelle à un moratoire et fait savoir que dix hôpitaux ont fermé.")
    quote = quote_in(analyze_text(text).quotes, "dix hôpitaux ont fermé")
    assert quote.speaker == "coordination nationale des usagers"
    assert quote.speaker_via == "subject"
