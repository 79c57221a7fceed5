"""Who takes part and where: "entre A et B", a newspaper's report, a subordinate clause, the
most specific of two apposed places (plain data, no spaCy)."""

from __future__ import annotations

from datetime import date

from veille.model import Event, TimeExpr
from veille.nlp.events.rules import Actor, EventContext, build_events

PUBLISHED = EventContext(date(2025, 10, 26), published=True)


def events(text: str, names: dict[str, tuple[str, str]],
           times: list[TimeExpr] | None = None) -> list[Event]:
    found = [Actor(text.index(form), text.index(form) + len(form), name, kind)
             for form, (name, kind) in names.items()]
    return build_events(text, (0, len(text)), found, times or [], PUBLISHED)


def test_a_call_between_two_people_is_theirs_only() -> None:
    text = ("Selon l'Élysée, après l'échange entre la ministre Catherine Colonna et son "
            "homologue Annalena Baerbock, Paris a jugé qu'Emmanuel Macron n'avait pas à "
            "se déplacer.")
    found = events(text, {"Élysée": ("Élysée", "ORG"), "Catherine Colonna": ("Catherine Colonna",
                          "PER"), "Annalena Baerbock": ("Annalena Baerbock", "PER"),
                          "Paris": ("Paris", "LOC"), "Emmanuel Macron": ("Emmanuel Macron", "PER")})
    assert [e.participants for e in found] == [["Catherine Colonna", "Annalena Baerbock"]]


def test_a_list_after_entre_stops_at_a_place() -> None:
    text = ("Il a parlé d'une réunion entre Pedro Sánchez, le président Emmanuel Macron, "
            "et trois ministres à Madrid jeudi.")
    found = events(text, {"Pedro Sánchez": ("Pedro Sánchez", "PER"),
                          "Emmanuel Macron": ("Emmanuel Macron", "PER"),
                          "Madrid": ("Madrid", "LOC")})
    assert [(e.participants, e.place) for e in found] == [
        (["Pedro Sánchez", "Emmanuel Macron"], "Madrid")]


def test_the_newspaper_that_reports_an_exchange_takes_no_part_in_it() -> None:
    text = ("Le Temps a rapporté que la Suisse et l'Italie avaient procédé à un échange de "
            "prisonniers à Genève.")
    found = events(text, {"Le Temps": ("Le Temps", "ORG"), "Suisse": ("Suisse", "LOC"),
                          "Italie": ("Italie", "LOC"), "Genève": ("Genève", "LOC")})
    assert [(e.type, e.participants, e.place) for e in found] == [
        ("exchange", ["Suisse", "Italie"], "Genève")]


def test_who_announces_their_own_meeting_takes_part() -> None:
    text = "Olaf Scholz a annoncé qu'il rencontrera Emmanuel Macron à Berlin."
    found = events(text, {"Olaf Scholz": ("Olaf Scholz", "PER"),
                          "Emmanuel Macron": ("Emmanuel Macron", "PER"),
                          "Berlin": ("Berlin", "LOC")})
    assert [e.participants for e in found] == [["Olaf Scholz", "Emmanuel Macron"]]


def test_a_subordinate_clause_with_its_own_subject_tells_who_spoke() -> None:
    text = ("Les liens avec Giorgia Meloni restent bons, après que les présidents Macron et "
            "Mattarella ont eu leur conversation le 3 mars.")
    found = events(text, {"Giorgia Meloni": ("Giorgia Meloni", "PER"),
                          "Macron": ("Emmanuel Macron", "PER"),
                          "Mattarella": ("Sergio Mattarella", "PER")},
                   [TimeExpr(text.index("3 mars"), text.index("3 mars") + 6, "3 mars",
                             "2025-03-03", "published")])
    assert [(e.type, e.participants) for e in found] == [
        ("call", ["Emmanuel Macron", "Sergio Mattarella"])]


def test_the_city_is_the_place_not_its_region() -> None:
    text = "Macron et Sánchez se sont rencontrés à Séville, en Andalousie, lundi."
    found = events(text, {"Macron": ("Emmanuel Macron", "PER"),
                          "Sánchez": ("Pedro Sánchez", "PER"),
                          "Séville": ("Séville", "LOC"), "Andalousie": ("Andalousie", "LOC")})
    assert [e.place for e in found] == ["Séville"]


def test_the_city_named_before_its_country_is_the_place_of_talks_after_them() -> None:
    text = "La France et l'Italie ont conclu à Oslo, en Norvège, un cycle de pourparlers."
    found = events(text, {"France": ("France", "LOC"), "Italie": ("Italie", "LOC"),
                          "Oslo": ("Oslo", "LOC"), "Norvège": ("Norvège", "LOC")})
    assert [(e.place, e.participants) for e in found] == [("Oslo", ["France", "Italie"])]


def test_a_city_that_hosts_talks_is_their_place_not_a_party() -> None:
    text = "Genève a accueilli trois séries de pourparlers entre Moscou et Kiev."
    found = events(text, {"Genève": ("Genève", "LOC"), "Moscou": ("Moscou", "LOC"),
                          "Kiev": ("Kiev", "LOC")})
    assert [(e.place, e.participants) for e in found] == [("Genève", ["Russie", "Ukraine"])]


def test_a_country_that_hosts_a_meeting_is_its_place() -> None:
    text = "Le 3 mai, le Portugal a hébergé une réunion des ministres de l'OTAN."
    found = events(text, {"Portugal": ("Portugal", "LOC"), "OTAN": ("OTAN", "ORG")})
    assert [(e.place, e.participants) for e in found] == [("Portugal", ["OTAN"])]
