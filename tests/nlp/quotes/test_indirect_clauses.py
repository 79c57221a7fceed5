"""Where reported content begins and ends, and what is no one's statement (nlp/quotes/indirect.py,
indirect_forms.py, cues.py): appositions after a source, "selon" meaning "depending on", the
author's imperative aside, medial incises, the narrator's words around a reported clause."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


def _indirect(analyze: Analyze, text: str) -> list[str]:
    return [q.text for q in analyze(text).quotes if q.kind == "indirect"]


def _with_speakers(analyze: Analyze, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyze(text).quotes if q.kind == "indirect"]


def test_apposition_after_a_fronted_source_is_not_content(analyze_text: Analyze) -> None:
    text = ("Selon Anne Roux, géographe et chercheuse au CNRS, la ville perd des habitants "
            "depuis dix ans.")
    assert _with_speakers(analyze_text, text) == [
        ("la ville perd des habitants depuis dix ans", "Anne Roux")]


def test_a_phrase_with_a_figure_after_a_fronted_source_stays_content(
        analyze_text: Analyze) -> None:
    # a phrase holding a figure ("45 ans") is not taken for an apposition: it stays content
    text = "Selon Paul Roux, 45 ans, la ville perd des habitants depuis dix ans."
    assert _with_speakers(analyze_text, text) == [
        ("45 ans, la ville perd des habitants depuis dix ans", "Paul Roux")]


@pytest.mark.parametrize(("source", "said"), [
    ("les régions", False),  # no person, body or evidence: "depending on the regions"
    ("des sources proches du dossier", True),  # a noun of evidence
    ("Paul Roux", True),  # a name
])
def test_selon_names_a_source_only_with_a_name_or_a_source_noun(
        analyze_text: Analyze, source: str, said: bool) -> None:
    text = f"Selon {source}, la ville perd des habitants depuis dix ans."
    expected = ["la ville perd des habitants depuis dix ans"] if said else []
    assert _indirect(analyze_text, text) == expected


def test_adjunct_after_a_fronted_source_stays_content(analyze_text: Analyze) -> None:
    text = "Selon elle, en 2025, la ville comptera dix mille habitants de plus."
    assert _indirect(analyze_text, text) == [
        "en 2025, la ville comptera dix mille habitants de plus"]


def test_trailing_source_with_an_apposition_governs_the_sentence(analyze_text: Analyze) -> None:
    text = ("Malgré les promesses, la route n'a jamais été aussi dangereuse, selon Marc Dubois, "
            "le président de l'association des riverains.")
    assert _with_speakers(analyze_text, text) == [
        ("Malgré les promesses, la route n'a jamais été aussi dangereuse", "Marc Dubois")]


def test_selon_with_a_distributive_word_means_depending_on(analyze_text: Analyze) -> None:
    tail = "agences régionales de santé, les résultats sont publiés entre 8 heures et 19 heures."
    assert _indirect(analyze_text, "Selon les différentes " + tail) == []
    # the same source noun without the distributive word is a source
    assert _indirect(analyze_text, "Selon les " + tail) == [
        "les résultats sont publiés entre 8 heures et 19 heures"]


def test_imperative_aside_is_the_authors(analyze_text: Analyze) -> None:
    said = "que la ville avait voté ce budget en mars."
    assert _indirect(analyze_text, "Le maire a visité le chantier lundi. Rappelons " + said) == []
    assert _indirect(analyze_text, "Le maire rappelle " + said) == [
        "la ville avait voté ce budget en mars"]


@pytest.mark.parametrize("opener", ["De l'avis d'", "De l’opinion d’"])
def test_source_phrase_with_an_elided_de(analyze_text: Analyze, opener: str) -> None:
    text = opener + "Hélène Martin, on ne peut pas réformer l'école sans les enseignants."
    assert _with_speakers(analyze_text, text) == [
        ("on ne peut pas réformer l'école sans les enseignants", "Hélène Martin")]


@pytest.mark.parametrize(("text", "content"), [
    ("Par ailleurs, poursuit l'ancienne ministre Hélène Martin, une réforme n'a de sens que si "
     "elle est financée.", "une réforme n'a de sens que si elle est financée"),
    ("Contrairement aux idées reçues, appuie-t-il, le vélo est plus rapide que la voiture en "
     "ville.", "le vélo est plus rapide que la voiture en ville"),
    ("Il est, disent-ils, le seul candidat capable de rassembler la gauche et le centre.",
     "le seul candidat capable de rassembler la gauche et le centre"),
])
def test_medial_incise_reports_what_follows_it(analyze_text: Analyze, text: str,
                                               content: str) -> None:
    # the adjunct or the two words before the incise are no statement of their own
    assert _indirect(analyze_text, text) == [content]


@pytest.mark.parametrize("text", [
    "Une nouvelle ligne de tramway va être lancée, a annoncé Paul Morel, le président de la "
    "métropole.",
    "Une nouvelle ligne de tramway va être lancée, a déclaré le maire, qui s'exprimait devant "
    "le conseil municipal.",
])
def test_what_follows_a_closing_incise_is_not_content(analyze_text: Analyze, text: str) -> None:
    assert _indirect(analyze_text, text) == ["Une nouvelle ligne de tramway va être lancée"]


@pytest.mark.parametrize(("text", "content"), [
    ("Le préfet a assuré que la route rouvrirait bientôt, sans préciser quand.",
     "la route rouvrirait bientôt"),
    ("Le ministère a démenti en affirmant que la fermeture était liée à des travaux, sans que "
     "soient précisées les dates du chantier.", "la fermeture était liée à des travaux"),
    ("Le projet ne plaît ni aux riverains, qui demandaient que la route soit déplacée vers le "
     "nord, ni aux agriculteurs.", "la route soit déplacée vers le nord"),
])
def test_reported_clause_ends_before_the_narrators_words(analyze_text: Analyze, text: str,
                                                         content: str) -> None:
    assert _indirect(analyze_text, text) == [content]


def test_opening_conjunction_is_the_narrators_link(analyze_text: Analyze) -> None:
    text = ("Les habitants sont inquiets. Mais depuis lundi, les camions roulent à toute vitesse "
            "sur la départementale. C'est la remarque de Paul Girard.")
    assert _with_speakers(analyze_text, text) == [
        ("depuis lundi, les camions roulent à toute vitesse sur la départementale",
         "Paul Girard")]


def test_relative_without_comma_after_a_name_reports_a_judgement(analyze_text: Analyze) -> None:
    text = "La réforme déplaît à la CFDT pour qui seule une hausse générale serait acceptable."
    assert _with_speakers(analyze_text, text) == [
        ("seule une hausse générale serait acceptable", "CFDT")]


def test_relative_without_comma_on_the_prepositions_object_is_no_opinion(
        analyze_text: Analyze) -> None:
    text = "Les électeurs ont choisi Jean Morel pour qui ils avaient déjà voté en 2015."
    assert _indirect(analyze_text, text) == []


def test_quote_coordinated_with_the_speakers_own_items_is_in_the_clause(
        analyze_text: Analyze) -> None:
    text = ("Des écoles rénovées, des transports plus sûrs et « une ville qui respire enfin pour "
            "tous ses habitants », promet Claire Vidal devant ses électeurs.")
    found = [(q.kind, q.text, q.speaker) for q in analyze_text(text).quotes]
    assert found == [
        ("indirect", "Des écoles rénovées, des transports plus sûrs et « une ville qui respire "
         "enfin pour tous ses habitants", "Claire Vidal"),
        ("direct", "une ville qui respire enfin pour tous ses habitants", "Claire Vidal")]


def test_quote_after_a_fronted_adjunct_is_direct_only(analyze_text: Analyze) -> None:
    text = ("Après les premières décisions difficiles, « on voit enfin le bout du tunnel », "
            "ajoute-t-on de même source.")
    assert [q.kind for q in analyze_text(text).quotes] == ["direct"]


def test_each_coordinated_que_clause_is_a_statement(analyze_text: Analyze) -> None:
    text = ("Le maire a déclaré que la piscine rouvrira en juin et que les tarifs baisseront pour "
            "les familles.")
    assert _indirect(analyze_text, text) == [
        "la piscine rouvrira en juin", "les tarifs baisseront pour les familles"]


@pytest.mark.parametrize("text", [
    "Cela signifie que les prix vont encore augmenter dans les prochains mois.",
    "Ceci explique que les ventes reculent depuis le printemps.",
    "Cette décision signifie que les prix vont encore augmenter.",
])
def test_demonstrative_subject_states_a_fact_not_speech(analyze_text: Analyze,
                                                        text: str) -> None:
    assert _indirect(analyze_text, text) == []


def test_speech_noun_relative_holds_what_was_said(analyze_text: Analyze) -> None:
    text = ("La déclaration du ministre Paul Morel selon laquelle les impôts baisseront a surpris "
            "les élus.")
    # the content ends before the verb the noun is the subject of
    assert _with_speakers(analyze_text, text) == [("les impôts baisseront", "Paul Morel")]


def test_disputed_rumour_is_no_ones_statement(analyze_text: Analyze) -> None:
    text = "Le syndicat a démenti la rumeur selon laquelle l'usine fermerait à la fin de l'année."
    assert _with_speakers(analyze_text, text) == [("l'usine fermerait à la fin de l'année", None)]


def test_relative_of_a_noun_naming_no_statement_reports_nothing(analyze_text: Analyze) -> None:
    text = "Le maire rappelle la règle selon laquelle les vélos doivent rouler sur la piste."
    assert _indirect(analyze_text, text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("Paul Morel juge que la réforme arrive trop tard pour les agriculteurs.",
     "la réforme arrive trop tard pour les agriculteurs"),
    ("Paul Morel a tweeté que la réforme était une erreur historique.",
     "la réforme était une erreur historique"),
])
def test_reporting_form_the_tagger_misreads_before_que_is_a_cue(analyze_text: Analyze,
                                                                text: str, content: str) -> None:
    assert _indirect(analyze_text, text) == [content]


def test_noun_with_the_same_letters_before_a_relative_que_is_no_cue(analyze_text: Analyze) -> None:
    text = "Le juge que la famille a rencontré a refusé de commenter."
    assert _indirect(analyze_text, text) == []


def test_reported_clause_ends_before_a_closing_cue_of_another_source(
        analyze_text: Analyze) -> None:
    text = ("Les deux dirigeants ont affirmé que leurs pays partageaient les mêmes objectifs, a "
            "indiqué la présidence.")
    # once: the closing cue reports the same statement, not the sentence around it
    assert _indirect(analyze_text, text) == ["leurs pays partageaient les mêmes objectifs"]


@pytest.mark.parametrize(("text", "content"), [
    # the cue's auxiliary serves a second reporting verb: the speaker's next act
    ("Le ministre a affirmé que l'armée avait repris trois villages et salué le courage des "
     "soldats sur le front.", "l'armée avait repris trois villages"),
    # a participle that reports nothing continues the content's own verb group
    ("Le ministre a affirmé que l'armée avait repris trois villages et libéré plusieurs otages.",
     "l'armée avait repris trois villages et libéré plusieurs otages"),
])
def test_coordinated_participle_after_a_compound_cue(analyze_text: Analyze, text: str,
                                                     content: str) -> None:
    assert _indirect(analyze_text, text) == [content]
