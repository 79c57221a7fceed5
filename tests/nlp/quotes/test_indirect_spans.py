"""Where reported content ends and who speaks through a participle (nlp/quotes/indirect.py):
the clause, its partial quotes included, and nothing the narrator adds after it."""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Quote
from veille.nlp.pipeline import Analysis

Analyze = Callable[..., Analysis]


def _indirect(analyze: Analyze, text: str) -> list[Quote]:
    return [q for q in analyze(text).quotes if q.kind == "indirect"]


def _texts(analyze: Analyze, text: str) -> list[str]:
    return [q.text for q in _indirect(analyze, text)]


def test_participle_after_an_incise_speaks_for_the_inverted_subject(analyze_text: Analyze
                                                                    ) -> None:
    text = ("Le pont a été fermé à la circulation, a indiqué le maire Paul Vidal sur la radio "
            "locale, précisant que les travaux dureraient au moins trois semaines.")
    found = [q for q in _indirect(analyze_text, text) if q.cue == "précisant"]
    assert [(q.text, q.speaker) for q in found] == [
        ("les travaux dureraient au moins trois semaines", "Paul Vidal")]


def test_gerund_cue_after_a_noun_object_reports_its_clause(analyze_text: Analyze) -> None:
    text = ("La directrice Claire Morin a rejeté toute faute en affirmant que l'incendie était "
            "d'origine électrique.")
    found = _indirect(analyze_text, text)
    assert [(q.text, q.cue, q.speaker) for q in found] == [
        ("l'incendie était d'origine électrique", "affirmant", "Claire Morin")]


def test_participle_after_a_noun_speaks_for_that_noun(analyze_text: Analyze) -> None:
    text = ("La mairie a publié mardi un communiqué, après une lettre de la préfète Anne Roy "
            "jugeant que le chantier était dangereux.")
    found = [q for q in _indirect(analyze_text, text) if q.cue == "jugeant"]
    assert [q.speaker for q in found] == ["Anne Roy"]


def test_coordinated_participle_ends_the_reported_clause(analyze_text: Analyze) -> None:
    text = ("Le préfet Marc Dubois a précisé que la route resterait fermée jusqu'à lundi et "
            "demandant aux riverains de patienter.")
    assert _texts(analyze_text, text)[0] == "la route resterait fermée jusqu'à lundi"


def test_coordinated_second_verb_of_the_cue_is_the_narrators(analyze_text: Analyze) -> None:
    text = ("Le ministre Jean Roux a déclaré que la grève était terminée et a quitté la salle "
            "sous les huées.")
    assert _texts(analyze_text, text) == ["la grève était terminée"]


def test_reported_clause_stops_before_another_source(analyze_text: Analyze) -> None:
    text = "Anne Roy a déclaré que le budget serait voté en mars, selon le quotidien régional."
    found = _indirect(analyze_text, text)
    assert [(q.text, q.speaker) for q in found] == [("le budget serait voté en mars", "Anne Roy")]


def test_partial_quote_inside_the_clause_is_part_of_it(analyze_text: Analyze) -> None:
    text = ("La générale Anne Roy a affirmé que l'armée avait « repoussé les colonnes ennemies » "
            "venues du nord.")
    assert _texts(analyze_text, text) == [
        "l'armée avait « repoussé les colonnes ennemies » venues du nord"]


def test_quote_that_ends_the_clause_is_a_direct_quote_of_its_own(analyze_text: Analyze) -> None:
    text = ("Le ministre Jean Roux a estimé que la réforme des lycées « devait être revue de "
            "fond en comble ».")
    quotes = analyze_text(text).quotes
    assert [q.text for q in quotes if q.kind == "indirect"] == ["la réforme des lycées"]
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "devait être revue de fond en comble"]


def test_short_partial_quote_at_the_end_stays_in_the_clause(analyze_text: Analyze) -> None:
    text = "Le maire Paul Vidal a déclaré que la situation de la ville était « critique »."
    assert _texts(analyze_text, text) == ["la situation de la ville était « critique »"]


def test_infinitive_object_after_a_time_adjunct(analyze_text: Analyze) -> None:
    text = "La région a affirmé jeudi avoir reçu toutes les subventions promises pour 2026."
    assert _texts(analyze_text, text) == ["avoir reçu toutes les subventions promises pour 2026"]


def test_infinitive_object_stops_before_a_circumstance(analyze_text: Analyze) -> None:
    text = ("La région a affirmé avoir reçu toutes les subventions promises, au lendemain "
            "d'une réunion avec le ministre.")
    assert _texts(analyze_text, text) == ["avoir reçu toutes les subventions promises"]


def test_heading_line_reports_no_indirect_speech(analyze_text: Analyze) -> None:
    text = ("Le maire affirme que la piscine municipale rouvrira en juin\n"
            "Le maire Paul Vidal a présenté lundi son plan pour la piscine municipale.")
    assert _texts(analyze_text, text) == []
