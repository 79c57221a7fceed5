"""Speakers from the sentence's structure: fronted phrases, agreement, paragraph openers.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_a_role_opening_the_main_clause_is_no_apposition_to_the_name_before_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le Premier ministre Paul Girard a présidé le conseil. Après le discours de Claire "
            "Mounier, le Premier ministre a défendu sa réforme. « Je tiendrai le cap », "
            "dit-il.")
    analysis = analyze_text(text)
    assert quote_in(analysis.quotes, "Je tiendrai le cap").speaker == "Paul Girard"
    mounier = next(e for e in analysis.entities if e.name == "Claire Mounier")
    assert [m.text for m in mounier.mentions] == ["Claire Mounier"]


def test_a_role_closed_by_commas_is_still_apposed_to_the_name(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Hélène Bastide, la ministre de la Santé, a déclaré que les hôpitaux seraient "
            "aidés. Plus tard, la ministre a ajouté que les médecins seraient consultés.")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "les médecins seraient consultés").speaker == "Hélène Bastide"


def test_a_bare_role_without_its_closing_comma_is_still_an_apposition(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # A singular role noun with no article cannot be a clause's subject in French.
    text = ("Le tribunal a rendu sa décision mardi.\nClaire Dumas, fondatrice de l'association "
            "Terre Vive affirme « C'est une victoire pour tous les riverains ».")
    quote = quote_in(analyze_text(text).quotes, "une victoire pour tous")
    assert quote.speaker == "Claire Dumas"


def test_a_name_in_a_fronted_phrase_is_not_the_role_subject_after_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Hélène Bastide s'est dite inquiète. Après la rencontre avec Hélène Bastide, le "
            "ministre a déclaré que la réforme serait votée.")
    assert quote_in(analyze_text(text).quotes, "la réforme serait votée").speaker is None


def test_a_subject_with_an_aside_between_dashes_keeps_its_name(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le maire Louis Perrot, avec son nouveau budget – voté à Lyon – souhaite « tenir "
            "les comptes de la ville jusqu'en 2030 ».")
    quote = quote_in(analyze_text(text).quotes, "tenir les comptes")
    assert quote.speaker == "Louis Perrot"


def test_il_skips_a_woman_the_participle_agrees_with(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Anne Vidal est arrivée à la mairie pour rencontrer Louis Perrot. « Nous avons "
            "trouvé un accord », a-t-il déclaré.")
    quote = quote_in(analyze_text(text).quotes, "Nous avons trouvé un accord")
    assert (quote.speaker, quote.speaker_via) == ("Louis Perrot", "pronoun")


def test_elle_skips_a_man_the_participle_agrees_with(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Louis Perrot est arrivé à la mairie pour rencontrer Anne Vidal. « Nous avons "
            "trouvé un accord », a-t-elle déclaré.")
    quote = quote_in(analyze_text(text).quotes, "Nous avons trouvé un accord")
    assert quote.speaker == "Anne Vidal"


def test_an_uncued_quote_belongs_to_the_name_opening_its_paragraph(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Le projet est mort », a déclaré Louis Perrot.\nMarc Dufresne, de son côté, "
            "défend le texte. « Il faut du temps pour convaincre. »")
    quote = quote_in(analyze_text(text).quotes, "Il faut du temps")
    assert (quote.speaker, quote.speaker_via) == ("Marc Dufresne", "context")


def test_a_place_in_a_persons_description_is_no_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Le maire de Lyon a estimé que la ville était prête pour les Jeux."
    assert quote_in(analyze_text(text).quotes, "la ville était prête").speaker is None


def test_the_authorities_are_a_body_that_speaks(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Un incendie a ravagé l'usine de textile, ont précisé les autorités portuaires "
            "dimanche.")
    quote = quote_in(analyze_text(text).quotes, "Un incendie a ravagé l'usine")
    assert (quote.speaker, quote.speaker_via) == ("autorités portuaires", "body")


def test_residents_stay_unnamed(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Un incendie a ravagé l'usine de textile, ont indiqué les habitants dimanche."
    assert quote_in(analyze_text(text).quotes, "Un incendie a ravagé l'usine").speaker is None


def test_an_uncued_quote_after_pronouns_belongs_to_the_paragraphs_topic(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    # The parser gives this paragraph no subject for its name; its pronouns are the topic's.
    text = ("« Le budget est prêt », a assuré Louis Perrot.\nEn tête du cortège, Anne Vidal "
            "défile contre la réforme. Elle dénonce les « promesses vides » du maire. « Combien "
            "de temps faudra-t-il encore attendre ? Les habitants méritent mieux. »")
    quote = quote_in(analyze_text(text).quotes, "Combien de temps")
    assert (quote.speaker, quote.speaker_via) == ("Anne Vidal", "context")


def test_a_name_after_a_preposition_is_no_topic_and_the_speaker_goes_on(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Le budget est prêt », a assuré Louis Perrot.\nFace à Anne Vidal, il a ensuite "
            "longuement détaillé les comptes. « Nous tiendrons nos engagements jusqu'au bout. »")
    quote = quote_in(analyze_text(text).quotes, "Nous tiendrons")
    assert quote.speaker == "Louis Perrot"


def test_elle_refers_back_to_a_body_subject_of_her_gender(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La Commission européenne a publié son rapport mardi. Elle estime que la "
            "croissance ralentira l'an prochain.")
    quote = quote_in(analyze_text(text).quotes, "la croissance ralentira")
    assert (quote.speaker, quote.speaker_via) == ("Commission européenne", "pronoun")


def test_il_refers_back_to_a_government_without_a_name(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le gouvernement belge a présenté son budget. Il estime que le déficit sera réduit "
            "de moitié.")
    quote = quote_in(analyze_text(text).quotes, "le déficit sera réduit")
    assert quote.speaker == "gouvernement belge"


def test_a_bare_body_noun_is_the_body_the_article_introduced(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le ministère de la Défense a confirmé l'envoi de troupes. Le ministère a précisé "
            "que la mission durerait six mois.")
    quote = quote_in(analyze_text(text).quotes, "la mission durerait six mois")
    assert (quote.speaker, quote.speaker_via) == ("ministère de la Défense", "body")


def test_the_unnamed_spokesperson_of_a_ministry_speaks_for_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le ministère de l'Intérieur a ouvert une enquête. Le porte-parole du ministère a "
            "précisé que trois policiers avaient été suspendus.")
    quote = quote_in(analyze_text(text).quotes, "trois policiers avaient été suspendus")
    assert (quote.speaker, quote.speaker_via) == ("ministère de l'Intérieur", "body")
