"""Attribution rules for real news: "ce dernier", common nouns, bodies, paragraph openers.

Each article is the project's own writing; the expected speakers were checked by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def test_ce_dernier_is_the_last_person_mentioned_not_the_last_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Marie Lefort a réclamé une enquête. « Les faits sont graves », a déclaré le maire "
            "de la commune, Jacques Perrin. Ce dernier rappelle que la mairie avait déjà "
            "alerté la préfecture.")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "Les faits sont graves").speaker == "Jacques Perrin"
    assert quote_in(quotes, "la mairie avait déjà alerté").speaker == "Jacques Perrin"


def test_cette_derniere_skips_a_man_named_after_her(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Mme Claire Vasseur a rencontré M. Henri Dalmas mardi. Cette dernière a estimé "
            "que la réforme arrivait trop tard.")
    quote = quote_in(analyze_text(text).quotes, "la réforme arrivait trop tard")
    assert quote.speaker == "Claire Vasseur"


def test_a_common_noun_before_a_verb_is_no_speaker(analyze_text: Analyze) -> None:
    text = ("Armand Texier dirige le chantier. La construction de la digue a confirmé que le "
            "fleuve avait changé de lit.")
    quotes = analyze_text(text).quotes
    assert all(q.speaker != "construction de la digue" for q in quotes)
    assert all(q.speaker is None for q in quotes if "fleuve" in q.text)


def test_their_direction_speaks_for_the_body_named_in_the_words(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La station Radio Lumière avait perdu le contact avec deux envoyés spéciaux.\n\n"
            "Les reporters de Radio Lumière sont rentrés sains et saufs, a indiqué leur "
            "direction.")
    quote = quote_in(analyze_text(text).quotes, "sont rentrés sains et saufs")
    assert quote.speaker == "Radio Lumière"


def test_a_bare_body_noun_is_the_body_named_in_its_paragraph(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le syndicat Force Ouvrière Énergie estime que la direction a menti. La centrale "
            "syndicale précise que trois agents avaient déjà démissionné.")
    quote = quote_in(analyze_text(text).quotes, "trois agents avaient déjà démissionné")
    assert quote.speaker is not None and "Force Ouvrière" in quote.speaker


def test_a_bare_surname_typed_as_a_body_is_the_person(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le sénateur Étienne Marchal a défendu son texte. « Nous irons jusqu'au bout », "
            "assure Marchal devant les élus.")
    quote = quote_in(analyze_text(text).quotes, "Nous irons jusqu'au bout")
    assert quote.speaker == "Étienne Marchal"


def test_a_quote_without_cue_belongs_to_the_person_its_paragraph_opens_on(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Il faut investir dans les trains », a déclaré Sophie Garnier.\n\n"
            "Le député Lucien Brossard conteste ce choix devant la commission. « Les routes "
            "rurales ont été oubliées depuis vingt ans. »")
    quote = quote_in(analyze_text(text).quotes, "Les routes rurales ont été oubliées")
    assert quote.speaker == "Lucien Brossard"


def test_unnamed_sources_stay_null_whoever_was_named_before(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le ministre de l'Intérieur, Gérald Vernon, a visité Lyon. « Ce texte est un "
            "naufrage », a glissé un ténor de la droite. Un proche du ministre assure que la "
            "décision sera prise lundi. « C'est indigne », ont réagi des internautes.")
    quotes = analyze_text(text).quotes
    for words in ("Ce texte est un naufrage", "la décision sera prise lundi", "C'est indigne"):
        assert quote_in(quotes, words).speaker is None


def test_an_unnamed_spokesperson_speaks_for_the_body(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le président Omar Sylla a reçu les négociateurs. Un porte-parole de la Commission "
            "européenne a déclaré que l'accord était proche.")
    quote = quote_in(analyze_text(text).quotes, "l'accord était proche")
    assert quote.speaker == "Commission européenne"


def test_an_acronym_and_its_expansion_are_one_speaker(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("La Fédération française de voile (FFV) a réagi jeudi. Selon la FFV, la course aura "
            "lieu. « Nous sommes prêts », a déclaré la FFV.")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "la course aura lieu").speaker == "Fédération française de voile"
    assert quote_in(quotes, "Nous sommes prêts").speaker == "Fédération française de voile"


def test_a_former_role_is_the_role(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le président Omar Sylla est arrivé à Dakar. La crise sera longue, poursuit "
            "l'ancien président.")
    assert quote_in(analyze_text(text).quotes, "La crise sera longue").speaker == "Omar Sylla"


def test_the_person_a_role_is_apposed_to_speaks_not_the_body_in_the_role(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Le juge Paul Bamba a rendu sa décision.\nJeanne Morel, présidente de l'association "
            "Terre Vive, affirme « C'est une victoire pour les forêts ».\nLe procureur Henri "
            "Sako déclare « la peine est juste ».\nLuc Faye, fondateur GREENCAM déclare « Nous "
            "ferons appel de ce jugement ».")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "C'est une victoire").speaker == "Jeanne Morel"
    assert quote_in(quotes, "Nous ferons appel").speaker == "Luc Faye"


def test_words_a_paragraph_frames_with_no_person_are_nobodys(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("« Le pays est prêt », a déclaré Jean Morvan.\n\nLes réactions allaient de « c'est "
            "un scandale absolu » à « enfin une bonne nouvelle pour nous ».")
    quotes = analyze_text(text).quotes
    assert quote_in(quotes, "Le pays est prêt").speaker == "Jean Morvan"
    assert quote_in(quotes, "c'est un scandale absolu").speaker is None


def test_a_passive_verb_is_no_cue_and_comme_le_precise_inverts_the_subject(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    text = ("Si la responsabilité de la province est confiée aux forces locales, l'armée ne "
            "partira pas, comme le précise l'ambassadeur de France, Paul Girard : « Nous "
            "restons aux côtés de la population. »")
    quote = quote_in(analyze_text(text).quotes, "Nous restons aux côtés")
    assert (quote.cue, quote.speaker) == ("précise", "Paul Girard")
