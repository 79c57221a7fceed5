"""Role nouns as speakers: "le ministre" is the last person the text called a minister."""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Entity, Mention, Quote
from veille.nlp.pipeline import Analysis
from veille.nlp.quotes.roles import antecedent, country_of, role_holders, words_of

Analyze = Callable[..., Analysis]


QuoteIn = Callable[[list[Quote], str], Quote]


def _person(eid: str, text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(eid, name, "PER", mentions=[Mention(start, start + len(name), name)])


# -- plain text ------------------------------------------------------------------------------

def test_roles_in_apposition_before_after_and_as_a_title() -> None:
    text = ("Le directeur de l'usine, Marc Aubry, a reçu Lina Haddad, porte-parole du syndicat, "
            "puis la sénatrice écologiste Hélène Roux.")
    people = [_person("e1", text, "Marc Aubry"), _person("e2", text, "Lina Haddad"),
              _person("e3", text, "Hélène Roux")]
    got = {(h.entity.id, h.head, tuple(sorted(h.words))) for h in role_holders(text, people)}
    assert got == {("e1", "directeur", ("usine",)), ("e2", "porte-parole", ("syndicat",))}


def test_a_title_takes_an_adjective_the_nationality_table_lacks() -> None:
    text = "Il a reçu le président kényan William Ruto, puis le président reçoit Omar Kaci."
    people = [_person("e1", text, "William Ruto"), _person("e2", text, "Omar Kaci")]
    assert [(h.entity.id, sorted(h.words)) for h in role_holders(text, people)] == [
        ("e1", ["kenyan"])]


def test_a_clause_before_the_comma_gives_no_role() -> None:
    text = "Le ministre a salué son homologue, Omar Kaci, puis il est reparti."
    assert role_holders(text, [_person("e1", text, "Omar Kaci")]) == []


def test_a_preposition_with_an_accent_is_no_auxiliary() -> None:
    text = "La commissaire à l'Énergie, Eva Lind, a parlé."
    holders = role_holders(text, [_person("e1", text, "Eva Lind")])
    assert [(h.head, sorted(h.words)) for h in holders] == [("commissaire", ["energie"])]


def test_a_resolved_role_mention_is_its_own_description() -> None:
    text = "Le ministre russe de l'Énergie est arrivé."
    entity = Entity("e1", "Ivan Sokolov", "PER", mentions=[
        Mention(0, len("Le ministre russe de l'Énergie"), "Le ministre russe de l'Énergie",
                "title")])
    holders = role_holders(text, [entity])
    assert [(h.head, h.country) for h in holders] == [("ministre", "RU")]


def test_a_nationality_must_agree_with_the_holder() -> None:
    text = ("Ivan Sokolov, ministre russe de l'Énergie, et Tomas Berg, ministre norvégien du "
            "Pétrole, ont signé.")
    people = [_person("e1", text, "Ivan Sokolov"), _person("e2", text, "Tomas Berg")]
    holders = role_holders(text, people)
    end = len(text)
    assert antecedent(holders, "ministre", words_of("russe"), end) is people[0]
    assert antecedent(holders, "ministre", [], end) is people[1]  # the most recent one
    assert antecedent(holders, "ministre", words_of("danois"), end) is None


# -- through the pipeline ---------------------------------------------------------------------

def test_bare_role_noun_is_the_last_holder_of_that_role_not_the_last_person(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Mme Petit, présidente de la région, avait reçu le ministre belge de l'Agriculture, "
        "Luc Janssens, à Namur. Mme Petit a ensuite quitté la salle. Le ministre a assuré que "
        "les aides seraient versées en mai."
    ).quotes
    assert quote_in(quotes, "aides").speaker == "Luc Janssens"


def test_pronoun_after_a_role_subject_follows_it(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Paul Ferrand, ambassadeur de France au Mali, a dîné avec Amadou Keita. Amadou Keita "
        "est parti tôt. L'ambassadeur a démenti toute brouille. Il a affirmé que le dialogue "
        "continuerait."
    ).quotes
    assert quote_in(quotes, "dialogue").speaker == "Paul Ferrand"


def test_role_noun_with_a_nationality_picks_the_holder_of_that_country(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Ivan Sokolov, ministre russe de l'Énergie, a rencontré Tomas Berg, ministre norvégien "
        "du Pétrole, à Oslo. Le ministre russe a déclaré que les livraisons reprendraient."
    ).quotes
    assert quote_in(quotes, "livraisons").speaker == "Ivan Sokolov"


def test_unnamed_spokesperson_is_named_by_the_next_sentence(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le maire a reporté le conseil municipal, a annoncé mardi son porte-parole. « Le "
        "quorum n'était pas atteint », a précisé Julie Marchand, porte-parole de la mairie."
    ).quotes
    assert quote_in(quotes, "conseil municipal").speaker == "Julie Marchand"


def test_spokesperson_nobody_names_stays_null(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Jean Morel a reporté le conseil municipal, a annoncé mardi son porte-parole. "
        "La séance aura lieu en juin."
    ).quotes
    assert quote_in(quotes, "conseil municipal").speaker is None


# -- a reporting clause inside the quote marks ------------------------------------------------

def test_incise_is_cut_out_of_the_quote_and_names_its_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Claire Dumas a ouvert la séance. Louis Brun est arrivé ensuite. « Nous ne reculerons "
        "pas, a affirmé Claire Dumas, car le budget est voté. »"
    ).quotes
    got = [(q.text, q.speaker) for q in quotes]
    assert got == [("Nous ne reculerons pas", "Claire Dumas"),
                   ("car le budget est voté.", "Claire Dumas")]


def test_inverted_pronoun_incise(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Louis Brun a reçu les élus. « Le chantier, a-t-il précisé, commencera en mai. »"
    ).quotes
    assert [q.text for q in quotes] == ["Le chantier", "commencera en mai."]
    assert {q.speaker for q in quotes} == {"Louis Brun"}


def test_comparison_between_commas_is_not_an_incise(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« Nous pensons, comme l'a dit le maire, que tout ira bien », a ajouté Louis Brun."
    ).quotes
    assert [q.text for q in quotes] == ["Nous pensons, comme l'a dit le maire, que tout ira bien"]


def test_feminine_role_noun_skips_a_man_when_nobody_holds_the_role(
        quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Mme Roche a pris la parole. M. Garnier a ouvert la séance à Lille. La porte-parole a "
        "précisé que la séance reprendrait lundi."
    ).quotes
    assert quote_in(quotes, "reprendrait").speaker == "Roche"


def test_incise_ending_with_a_full_stop_and_selon_lui(analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Léa Morin a ouvert le débat. « Nous irons jusqu'au bout, a-t-elle insisté. Le texte "
        "sera voté. » Paul Durand, député, a critiqué la méthode. « C'est un passage en force, "
        "selon lui, et chacun le sait. »"
    ).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Nous irons jusqu'au bout", "Léa Morin"), ("Le texte sera voté.", "Léa Morin"),
        ("C'est un passage en force", "Paul Durand"), ("et chacun le sait.", "Paul Durand")]


def test_selon_with_a_common_noun_inside_a_quote_is_the_speakers_words(
        analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "« La croissance sera, selon nos prévisions, de deux points », a déclaré Léa Morin."
    ).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("La croissance sera, selon nos prévisions, de deux points", "Léa Morin")]


def test_cataphora_to_a_possessive_apposition(quote_in: QuoteIn, analyze_text: Analyze) -> None:
    quotes = analyze_text(
        "Le club a limogé son entraîneur, a confirmé dimanche sa porte-parole. « La décision "
        "a été prise à l'unanimité », a ajouté Inès Carvalho, sa porte-parole, lors d'un point "
        "presse."
    ).quotes
    assert quote_in(quotes, "limogé").speaker == "Inès Carvalho"


def test_country_of_a_qualifier() -> None:
    assert country_of(words_of("des États-Unis")) == "US"
    assert country_of(words_of("tunisien des Affaires étrangères")) == "TN"
    assert country_of(words_of("de la Commission")) is None
