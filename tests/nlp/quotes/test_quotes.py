"""Quotes, one construction per test: marks, turns, indirect speech, speakers, said_on, medium."""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.context import DocContext
from veille.nlp.pipeline import Analysis, analyze
from veille.nlp.quotes.marks import find_marked, sentences
from veille.nlp.quotes.turns import find_turns, label_role
from veille.settings import Settings

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


# -- marks and sentences (plain text) ---------------------------------------------------------

def test_guillemets_and_curly_and_straight_quotes_are_found() -> None:
    text = 'Il a dit « un deux trois quatre ». Elle a dit “cinq six”. Puis "sept huit".'
    got = [text[m.start : m.end] for m in find_marked(text)]
    assert got == ["un deux trois quatre", "cinq six", "sept huit"]


def test_quote_left_open_stops_at_paragraph_end_and_next_paragraph_continues_it() -> None:
    text = "« Première partie du propos.\n« Suite du propos », a-t-il dit."
    marks = find_marked(text)
    assert [text[m.start : m.end] for m in marks] == ["Première partie du propos.",
                                                     "Suite du propos"]
    assert not marks[0].closed and marks[1].chained


def test_open_quote_closed_in_the_next_paragraph_without_reopening() -> None:
    text = "« Première partie du propos.\nSuite et fin du propos », a-t-il dit."
    marks = find_marked(text)
    assert [text[m.start : m.end] for m in marks] == ["Première partie du propos.",
                                                     "Suite et fin du propos"]
    assert marks[1].chained and marks[1].closed


def test_quote_nested_in_another_is_not_a_quote_of_its_own() -> None:
    text = "« Il m'a répondu “jamais de la vie” devant tous », raconte-t-elle."
    assert len(find_marked(text)) == 1


def test_scraper_line_breaks_do_not_end_the_sentence() -> None:
    text = 'Il a précisé que les routes devaient être\n"entièrement refaites"\n.\nFin.'
    spans = sentences(text, find_marked(text))
    assert text[spans[0][0] : spans[0][1]].endswith('"\n.')


def test_abbreviated_title_does_not_end_a_sentence() -> None:
    text = "Selon M. Durand, tout va bien. Le reste suit."
    spans = sentences(text, find_marked(text))
    assert [text[a:b] for a, b in spans] == ["Selon M. Durand, tout va bien.", "Le reste suit."]


# -- transcript turns (plain text) ------------------------------------------------------------

def test_headline_with_a_colon_is_not_a_turn() -> None:
    text = ("Durand : la réforme est prête\nJeanne Durand : Bonjour.\nQuestion : Merci.\n"
            "Jeanne Durand : Avec plaisir.")
    turns = find_turns(text, None)
    assert [t.label for t in turns] == ["Jeanne Durand", "Question", "Jeanne Durand"]


def test_turn_runs_on_across_unlabelled_paragraphs() -> None:
    text = "Intro.\nQ - Alors ?\nR - Premier paragraphe.\nDeuxième paragraphe.\nQ - Merci."
    turns = find_turns(text, None)
    assert text[turns[1].start : turns[1].end] == "Premier paragraphe.\nDeuxième paragraphe."


def test_label_with_a_parenthesised_role_is_a_name_label() -> None:
    text = ("Intro.\nJeanne Durand (ministre de la Culture) : Bonjour.\nQuestion : Merci.\n"
            "Jeanne Durand : Avec plaisir.")
    assert [t.label for t in find_turns(text, None)] == ["Jeanne Durand", "Question",
                                                         "Jeanne Durand"]


def test_a_single_labelled_line_is_not_a_transcript() -> None:
    assert find_turns("Texte.\nCrédit photo : AFP\nLavrov : une phrase.\nFin.", None) == []


def test_interview_labels_have_roles_and_page_furniture_is_no_label() -> None:
    assert label_role("Question") == "interviewer"
    assert label_role("R") == "interviewee"
    assert label_role("Crédit photo") is None
    assert label_role("Jean de La Fontaine") == "speaker"
    assert label_role("le ministre a dit") is None


# -- direct quotes and their speakers ---------------------------------------------------------

def test_quote_split_by_attribution_clause_keeps_its_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le maire de Brest, Yves Le Gall, a présenté son budget. « Les impôts ne bougeront "
        "pas », a déclaré Yves Le Gall. « Nous financerons les écoles par l'épargne. »"
    ).quotes
    first, second = quote_in(quotes, "impôts"), quote_in(quotes, "écoles")
    assert first.kind == second.kind == "direct"
    assert first.speaker == second.speaker == "Yves Le Gall"
    assert first.cue == "a déclaré"


def test_inverted_pronoun_cue_refers_to_the_last_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "La juge Martine Roussel a rendu sa décision mardi. « Le dossier était vide de "
        "preuves sérieuses », explique-t-elle."
    ).quotes
    quote = quote_in(quotes, "dossier")
    assert quote.speaker == "Martine Roussel" and quote.cue == "explique-t-elle"


def test_inverted_subject_after_a_dative_complement(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« Nous attendons des réponses depuis des mois », déclare à l'AFP Jean Moulinier."
    ).quotes
    quote = quote_in(quotes, "réponses")
    assert quote.speaker == "Jean Moulinier"
    assert quote.medium == "AFP"


def test_interface_labels_in_quote_marks_are_not_quotes(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        'En cliquant sur "Tout accepter", vous consentez au dépôt de cookies sur ce '
        "site. Choisissez « Paramétrer mes choix » pour refuser."
    ).quotes
    assert quotes == []


def test_short_scare_quote_without_a_speaker_is_left_out(analyze_text: Analyze) -> None:
    quotes = analyze_text("Les habitants surnomment ce pont « la passoire » depuis des années.")
    assert quotes.quotes == []


# -- indirect speech ----------------------------------------------------------------------------

def test_reported_que_clause_is_the_content(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le ministre belge de l'Intérieur, Luc Vandamme, a souligné que les contrôles aux "
        "frontières seraient renforcés dès lundi."
    ).quotes
    quote = quote_in(quotes, "contrôles")
    assert quote.kind == "indirect"
    assert quote.text == "les contrôles aux frontières seraient renforcés dès lundi"
    assert quote.speaker == "Luc Vandamme"


def test_selon_source_first_takes_what_follows(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Selon Nathalie Perrin, la fusion des deux hôpitaux sera achevée en juin."
    ).quotes
    quote = quote_in(quotes, "fusion")
    assert quote.text == "la fusion des deux hôpitaux sera achevée en juin"
    assert quote.speaker == "Nathalie Perrin" and quote.cue == "selon"


def test_declared_infinitive_and_advice_are_reported_content(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le sélectionneur Marc Aubert a déclaré avoir choisi ses joueurs sans pression. "
        "Marc Aubert a conseillé aux supporters de rester calmes pendant le match."
    ).quotes
    assert quote_in(quotes, "avoir choisi").text.startswith("avoir choisi ses joueurs")
    assert quote_in(quotes, "supporters").text == (
        "aux supporters de rester calmes pendant le match")


def test_inverted_cue_closing_a_sentence_without_quote_marks(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le chantier du tramway sera terminé en septembre, a annoncé la maire de Grenoble, "
        "Claire Fontaine."
    ).quotes
    quote = quote_in(quotes, "tramway")
    assert quote.kind == "indirect"
    assert quote.speaker == "Claire Fontaine"


def test_fact_subject_is_not_a_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le fait que les ventes aient baissé indique que les clients attendent les soldes."
    ).quotes
    assert quotes == []


# -- turns with speakers ------------------------------------------------------------------------

def test_answers_belong_to_the_interviewee_and_questions_to_the_interviewer(
        analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Ce mois-ci, la navigatrice Anne Kerdoncuff raconte sa course. Anne Kerdoncuff "
        "revient de trois mois en mer.\nQ - Avez-vous eu peur ?\nR - Jamais vraiment.\n"
        "Q - Et maintenant ?\nR - Je repars en mars."
    ).quotes
    turns = [q for q in quotes if q.kind == "turn"]
    assert [(t.speaker, t.speaker_role) for t in turns] == [
        (None, "interviewer"), ("Anne Kerdoncuff", None),
        (None, "interviewer"), ("Anne Kerdoncuff", None),
    ]


def test_common_noun_label_alternating_with_a_named_party_is_that_party(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Transcription de l'échange entre Louise Garnier et Harold Bishop.\n"
        "Louise Garnier : Bienvenue à Nantes.\nHarold Bishop : Merci de votre invitation.\n"
        "Louise Garnier : Parlons de la croissance.\nÉvêque : Elle reviendra, j'en suis sûr.\n"
        "Louise Garnier : Merci."
    ).quotes
    turn = quote_in(quotes, "reviendra")
    assert turn.speaker == "Harold Bishop" and turn.cue == "Évêque :"


# -- when and where -------------------------------------------------------------------------

def test_weekday_in_the_attribution_clause_gives_said_on(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« La saison touristique sera excellente », a affirmé Paul Brémond dans un entretien "
        "diffusé dimanche par France Bleu.", "2024-06-12",
    ).quotes
    quote = quote_in(quotes, "saison")
    assert quote.said_on == "2024-06-09"  # 12 June 2024 is a Wednesday
    assert quote.speaker == "Paul Brémond"


def test_date_inside_the_content_is_not_said_on(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Sophie Garnier a indiqué que les travaux commenceraient le 3 septembre 2024.",
        "2024-06-12",
    ).quotes
    assert quote_in(quotes, "travaux").said_on is None


def test_selon_after_the_quote_names_the_speaker(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« Aucune décision ne sera prise avant l'hiver », selon la porte-parole du "
        "gouvernement, Inès Barthe."
    ).quotes
    assert quote_in(quotes, "décision").speaker == "Inès Barthe"


def test_headline_name_before_a_colon_speaks_the_quote(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Hélène Carrère : « Nous rouvrirons toutes les classes fermées »\n"
        "La rectrice a fait cette annonce jeudi."
    ).quotes
    quote = quote_in(quotes, "classes")
    assert quote.speaker == "Hélène Carrère" and quote.cue == ":"


def test_bare_organisation_description_refers_to_the_last_one_that_spoke(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le quotidien Ouest-France a rapporté que la grève serait reconduite. Jean Tessier a "
        "affirmé que les négociations reprendraient. Le quotidien a précisé que les trains "
        "régionaux rouleraient normalement."
    ).quotes
    assert quote_in(quotes, "trains").speaker == quote_in(quotes, "grève").speaker == "Ouest-France"


def test_lines_labelled_with_places_are_not_a_transcript(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Bilan des intempéries de la nuit.\nMarseille : trois routes fermées.\n"
        "Toulon : deux écoles inondées.\nNice : pas de dégâts signalés."
    ).quotes
    assert [q for q in quotes if q.kind == "turn"] == []


def test_role_label_and_publisher_label_in_an_interview(settings: Settings) -> None:
    text = ("Le président du club, Bruno Falcone, a reçu notre rédaction.\n"
            "La Gazette : Le stade sera-t-il prêt ?\n"
            "Le président Falcone : Oui, pour la reprise du championnat.")
    ctx = DocContext(publisher="La Gazette")
    quotes = next(iter(analyze([(text, ctx)], settings.model))).quotes
    turns = [(q.speaker, q.speaker_role) for q in quotes if q.kind == "turn"]
    assert turns == [(None, "interviewer"), ("Bruno Falcone", None)]


def test_author_voice_infinitive_cues_and_passives_name_no_speaker(
        analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le maire Paul Vernet a inauguré la digue. Il faut rappeler que la ville a déjà connu "
        "une crue en 1910. Je pense que cette digue arrive bien trop tard. Il a été précisé "
        "que les travaux avaient coûté deux millions."
    ).quotes
    assert [q.text for q in quotes] == ["les travaux avaient coûté deux millions"]
    assert quotes[0].speaker is None


def test_pronoun_takes_the_latest_clause_subject_not_an_older_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« La grève durera tant qu'il le faudra », a prévenu le syndicaliste Karim Belkacem. "
        "Le ministre des Transports, François Delorme, a dénoncé une grève irresponsable. "
        "Il a assuré que le dialogue restait ouvert."
    ).quotes
    assert quote_in(quotes, "dialogue").speaker == "François Delorme"


def test_opinion_pour_with_a_named_person_attributes_the_quote(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Pour l'économiste Anne Vidal, ces grèves « coûtent des centaines de millions "
        "d'euros » au secteur aérien."
    ).quotes
    assert quote_in(quotes, "millions").speaker == "Anne Vidal"


def test_weekday_bounding_something_else_is_not_said_on(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« J'ai dormi deux nuits à l'aéroport », raconte Julie Marchand, bloquée à Nice "
        "depuis mercredi.", "2024-11-14",
    ).quotes
    assert quote_in(quotes, "dormi").said_on is None


def test_glued_words_from_scraping_still_cue(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le sommet s'est achevé sans accord. “Rien n'est signé tant que tout n'est pas "
        "signé”, Marie Dufresne ditPlus tard dans la soirée."
    ).quotes
    quote = quote_in(quotes, "signé")
    assert quote.speaker == "Marie Dufresne" and quote.cue == "dit"


def test_name_apposed_to_a_subject_is_the_pronoun_antecedent(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« Le compromis est solide », a déclaré le rapporteur Pedro Álvarez. La commissaire "
        "européenne à l'Énergie, Kadri Simson, a salué le vote. Elle a rappelé que la crise de "
        "2022 avait montré les failles du système."
    ).quotes
    assert quote_in(quotes, "crise").speaker == "Kadri Simson"


def test_faire_savoir_is_a_reporting_cue(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "La ministre Agnès Ferrand a fait savoir qu'elle soutiendrait la réforme au Conseil."
    ).quotes
    quote = quote_in(quotes, "réforme")
    assert quote.text == "elle soutiendrait la réforme au Conseil"
    assert quote.speaker == "Agnès Ferrand" and quote.cue == "a fait savoir"


def test_titles_and_names_in_quote_marks_are_not_statements(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le réalisateur Luc Berthier présente le film « Les enfants du grand large » à "
        "Cannes. Son port d'attache reste connu sous le nom de « Cité des quatre vents du "
        "nord »."
    ).quotes
    assert quotes == []


def test_inverted_subject_after_a_circumstance(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le sénateur Paul Ribot a défendu le texte. « Nous ne reculerons pas sur les "
        "retraites », a affirmé sous couvert d'anonymat un responsable du ministère. « Les "
        "prix baisseront en juin », a déclaré mardi le ministre Henri Valade."
    ).quotes
    assert quote_in(quotes, "reculerons").speaker is None  # unnamed, not the last named person
    assert quote_in(quotes, "prix").speaker == "Henri Valade"


def test_short_quote_that_is_a_sentence_is_kept_with_the_last_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« Nous ne céderons rien sur les frontières », a martelé le ministre Piotr Nowak. "
        "« Pas un mètre. »"
    ).quotes
    assert quote_in(quotes, "mètre").speaker == "Piotr Nowak"


def test_role_with_a_complement_refers_back_only_to_a_holder_of_that_role(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le ministre Ilir Berisha a annoncé la libération des otages. « Ils sont enfin "
        "libres », a écrit le ministre kosovar de l'Intérieur sur les réseaux sociaux. "
        "« Les familles seront reçues demain », a ajouté le porte-parole du gouvernement."
    ).quotes
    assert quote_in(quotes, "libres").speaker == "Ilir Berisha"
    # An unnamed spokesperson: the spec wants a null speaker, not the description.
    assert quote_in(quotes, "familles").speaker is None


def test_subject_with_a_relative_clause_still_speaks(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le ministre Jacques Perrault, qui s'exprimait devant le Sénat, a affirmé que la "
        "réforme serait votée avant l'été."
    ).quotes
    assert quote_in(quotes, "réforme").speaker == "Jacques Perrault"


def test_next_sentence_c_est_ce_qu_attributes_the_quote(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le débat a été vif. « Nous ne céderons pas sur les retraites. » C'est ce qu'a "
        "affirmé mardi le ministre Henri Valade devant les députés."
    ).quotes
    quote = quote_in(quotes, "retraites")
    assert quote.speaker == "Henri Valade" and quote.cue == "a affirmé"


def test_participle_between_the_verb_and_que_does_not_break_the_cue(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le ministre Henri Valade a déclaré aux journalistes réunis à Paris que la réforme "
        "serait votée avant l'été."
    ).quotes
    assert quote_in(quotes, "réforme").text == "la réforme serait votée avant l'été"


def test_turn_stops_at_a_paragraph_that_names_its_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "La ministre Jeanne Durand a accordé un entretien à la presse.\n"
        "Question : Quelles sont vos priorités ?\nJeanne Durand : Les musées.\n"
        "Nous en parlerons à Lyon.\nQuestion : Et la suite ?\nJeanne Durand : Nous verrons.\n"
        "Durand a ensuite visité le chantier. Elle a affirmé que les travaux avançaient bien."
    ).quotes
    last = [q for q in quotes if q.kind == "turn"][-1]
    assert last.text == "Nous verrons."
    assert quote_in(quotes, "travaux").kind == "indirect"


def test_selon_needs_a_source_and_skips_its_modifiers(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Les prix varient selon les régions. Le chantier avance selon le calendrier prévu. "
        "Selon un sondage publié lundi, la majorité des habitants soutient la réforme."
    ).quotes
    assert [q.text for q in quotes] == ["la majorité des habitants soutient la réforme"]


def test_reflexive_reporting_verb_attributes_the_quote(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« C'est la première fois qu'un tel accord est signé », s'est félicité le président "
        "de la conférence, Karim Haddad, sous les applaudissements."
    ).quotes
    quote = quote_in(quotes, "accord")
    assert quote.speaker == "Karim Haddad" and quote.cue == "s'est félicité"


def test_quote_completing_a_reported_noun_phrase_is_kept_with_it(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le secrétaire général, Jonas Lindqvist, a jugé que l'ère du charbon « doit prendre "
        "fin ». Il a salué « un accord historique » tout en reconnaissant qu'il faudrait "
        "« aller plus loin »."
    ).quotes
    assert quote_in(quotes, "charbon").kind == "indirect"
    assert quote_in(quotes, "prendre fin").speaker == "Jonas Lindqvist"
    assert quote_in(quotes, "plus loin").speaker == "Jonas Lindqvist"


def test_bare_institution_speaks_as_itself_not_as_the_last_organisation(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "La préfecture a demandé aux habitants de limiter leurs déplacements. Les écoles "
        "resteront fermées mercredi, a précisé le rectorat dans un communiqué."
    ).quotes
    assert quote_in(quotes, "déplacements").speaker == "préfecture"
    assert quote_in(quotes, "écoles").speaker == "rectorat"
