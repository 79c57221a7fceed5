"""``speaker_via``: every attributed quote says which pass of the sieve found its speaker.

Each article is the project's own writing; the expected speakers and passes were checked by
hand against the grammar of the sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote, Record, Source
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_a_preposed_subject_is_found_by_subject(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Odile Marchand a affirmé que le tunnel serait rouvert avant l'été."
    quote = quote_in(analyze_text(text).quotes, "le tunnel serait rouvert")
    assert (quote.speaker, quote.speaker_via) == ("Odile Marchand", "subject")


def test_an_inverted_subject_after_the_quote_is_found_by_incise(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "« Nous tiendrons les délais », a assuré Gaspard Lenoir devant les élus."
    quote = quote_in(analyze_text(text).quotes, "Nous tiendrons les délais")
    assert (quote.speaker, quote.speaker_via) == ("Gaspard Lenoir", "incise")


def test_a_source_preposition_is_found_by_selon(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Selon Béatrice Carrel, la digue cédera au prochain orage."
    quote = quote_in(analyze_text(text).quotes, "la digue cédera")
    assert (quote.speaker, quote.speaker_via) == ("Béatrice Carrel", "selon")


def test_a_pronoun_is_found_by_pronoun(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Raoul Vidalenc a visité l'usine lundi. « Rien ne sera fermé », a-t-il promis "
            "aux ouvriers.")
    quote = quote_in(analyze_text(text).quotes, "Rien ne sera fermé")
    assert (quote.speaker, quote.speaker_via) == ("Raoul Vidalenc", "pronoun")


def test_an_uncued_quote_continuing_a_speaker_is_found_by_context(
        quote_in: QuoteIn, analyze_text: Analyze
                                                                  ) -> None:
    text = ("« Les travaux commencent demain », a déclaré Hélène Fabre. « Nous avons attendu "
            "trop longtemps. »")
    quote = quote_in(analyze_text(text).quotes, "Nous avons attendu trop longtemps")
    assert (quote.speaker, quote.speaker_via) == ("Hélène Fabre", "context")


def test_an_unnamed_source_has_no_speaker_and_no_via(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le maire Lucien Arnaud a inauguré le pont. Un proche du maire a confié que le "
            "budget avait doublé.")
    quote = quote_in(analyze_text(text).quotes, "le budget avait doublé")
    assert (quote.speaker, quote.speaker_via) == (None, None)


def test_speaker_via_is_in_the_serialized_record() -> None:
    quote = Quote(kind="direct", text="Oui", start=0, end=3, speaker="Ana Roux",
                  speaker_id="e1", speaker_via="incise")
    record = Record(doc_id="d1", source=Source(), text="Oui", quotes=[quote])
    data = record.to_dict()
    assert data["quotes"][0]["speaker_via"] == "incise"
    assert Record.from_dict(data).quotes[0].speaker_via == "incise"


def test_a_name_apposed_after_a_role_description_speaks(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La flotte restera au port, comme le précise l'ambassadeur de France en Italie, "
            "Paul Roux : « Les navires ne partiront pas avant l'automne prochain. »")
    quote = quote_in(analyze_text(text).quotes, "Les navires ne partiront pas")
    assert (quote.speaker, quote.speaker_via) == ("Paul Roux", "incise")


def test_a_participle_after_the_quote_leaves_the_main_subject_speaking(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La députée Irène Castagne estime que « la commission a été trompée sur les "
            "chiffres » évoquant des « rapports incomplets ».")
    quote = quote_in(analyze_text(text).quotes, "la commission a été trompée")
    assert (quote.speaker, quote.speaker_via) == ("Irène Castagne", "subject")


def test_a_plural_pronoun_names_the_body_its_paragraph_named_as_a_plural(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Les Verts ont voté contre le budget. « Le texte sacrifie les transports », "
            "ont-ils déclaré.")
    quote = quote_in(analyze_text(text).quotes, "Le texte sacrifie les transports")
    assert (quote.speaker, quote.speaker_via) == ("Verts", "pronoun")


def test_selon_eux_without_an_antecedent_is_unnamed(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Le conseil s'est réuni lundi.\n\nSelon eux, le vote était joué d'avance."
    quote = quote_in(analyze_text(text).quotes, "le vote était joué d'avance")
    assert (quote.speaker, quote.speaker_via) == (None, None)


def test_a_participle_after_a_comma_closes_no_reported_clause(analyze_text: Analyze) -> None:
    text = ("Le maire Firmin Gaudet a traversé la place sous les applaudissements, saluant les "
            "commerçants un par un.")
    assert analyze_text(text).quotes == []


def test_a_scare_quote_inside_a_reported_clause_keeps_the_clause(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le maire Octave Bellanger a présenté son plan. La « ville verte », c'est la "
            "réponse à la chaleur des étés et au manque d'ombre, plaide Octave Bellanger.")
    quotes = analyze_text(text).quotes
    quote = quote_in(quotes, "c'est la réponse à la chaleur")
    assert (quote.kind, quote.speaker, quote.speaker_via) == (
        "indirect", "Octave Bellanger", "incise")


def test_a_quote_closed_right_before_the_cue_is_direct_only(analyze_text: Analyze) -> None:
    text = "Après le vote, « nous ouvrirons le chantier en mars », assure Agathe Morvan."
    quotes = analyze_text(text).quotes
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].speaker == "Agathe Morvan"


def test_the_entourage_of_someone_is_unnamed(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le ministre Bastien Lorrain a quitté Paris. « Il ne reviendra pas avant lundi », "
            "indique l'entourage de Bastien Lorrain.")
    quote = quote_in(analyze_text(text).quotes, "Il ne reviendra pas avant lundi")
    assert (quote.speaker, quote.speaker_via) == (None, None)


def test_an_uncued_quote_inside_a_clause_is_its_subjects(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Le pont rouvrira lundi », a déclaré Lucie Garnier. La société Viaroute promet "
            "« une circulation normale dès la fin de la semaine prochaine ».")
    quote = quote_in(analyze_text(text).quotes, "une circulation normale")
    assert quote.speaker is not None and "Viaroute" in quote.speaker
    assert quote.speaker_via == "subject"


def test_an_uncued_quote_after_a_subject_naming_nobody_continues_the_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Le pont rouvrira lundi », a déclaré Lucie Garnier. Le chantier nécessite « encore "
            "deux jours de coulage du béton ».")
    quote = quote_in(analyze_text(text).quotes, "deux jours de coulage")
    assert (quote.speaker, quote.speaker_via) == ("Lucie Garnier", "context")


def test_a_t_on_appris_reports_an_unnamed_source(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le conseil se réunira jeudi à Lyon pour évoquer la crise, a-t-on appris vendredi "
            "de sources diplomatiques.")
    quote = quote_in(analyze_text(text).quotes, "Le conseil se réunira jeudi")
    assert (quote.kind, quote.speaker) == ("indirect", None)


def test_apprendre_without_inversion_reports_nothing(analyze_text: Analyze) -> None:
    assert analyze_text("Paulin Ravel a appris que sa sœur était partie.").quotes == []


def test_a_scare_quote_at_the_end_of_a_reported_clause_keeps_the_clause(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La région « a besoin » de ses voisins pour financer la ligne face à une dette "
            "« écrasante », a déclaré la présidente, Rosine Cabanel.")
    quote = quote_in(analyze_text(text).quotes, "de ses voisins pour financer")
    assert (quote.kind, quote.speaker) == ("indirect", "Rosine Cabanel")


def test_the_subject_not_the_object_of_a_reply_speaks(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le sénateur Rémi Castel a répondu à la ministre Inès Barrault : « Votre réforme "
            "est injuste. »")
    quote = quote_in(analyze_text(text).quotes, "Votre réforme est injuste")
    assert (quote.speaker, quote.speaker_via) == ("Rémi Castel", "subject")


def test_a_pronoun_after_a_role_apposition_is_the_person(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La juge Ondine Morel, présidente du tribunal de Nantes, a tranché. « Le dossier "
            "est clos », dit-elle.")
    quote = quote_in(analyze_text(text).quotes, "Le dossier est clos")
    assert (quote.speaker, quote.speaker_via) == ("Ondine Morel", "pronoun")


def test_a_source_close_to_a_named_person_is_unnamed(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = "Selon un proche du ministre Félix Brun, la visite est annulée."
    quote = quote_in(analyze_text(text).quotes, "la visite est annulée")
    assert (quote.speaker, quote.speaker_via) == (None, None)
