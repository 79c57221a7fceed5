"""One document's mentions of one event made one report, and when they stay apart."""

from __future__ import annotations

from veille.model import Block, Event, Record, Source
from veille.resolve.timeline import TimelineEvent, document_events

CALVINO, ALBARES, SANCHEZ = "Nadia Calviño", "José Manuel Albares", "Pedro Sánchez"


def call(text: str, trigger: str, date: str | None, *people: str) -> Event:
    start = text.index(trigger)
    return Event("call", trigger, start, start + len(trigger), list(people), None, date)


def reports(text: str, *events: Event) -> list[list[str]]:
    items = document_events(Record("doc", Source(), text, events=list(events)))
    return sorted(sorted(i.participants) for i in items)


def test_the_caller_then_the_one_called_in_the_next_sentence_are_one_call() -> None:
    text = "Calviño m'a appelé lundi. Nous avons eu une conversation franche, dit Albares."
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO),
                    call(text, "conversation", None, ALBARES))
    assert found == [[ALBARES, CALVINO]]


def test_one_name_each_further_apart_are_two_calls() -> None:
    text = ("Calviño m'a appelé lundi. Le budget reste en débat. "
            "Nous avons eu une conversation franche, dit Albares.")
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO),
                    call(text, "conversation", None, ALBARES))
    assert found == [[ALBARES], [CALVINO]]


def test_a_call_of_another_pair_in_the_next_sentence_stays_apart() -> None:
    text = "Calviño a appelé Albares lundi. Sánchez a eu une conversation avec Albares."
    found = reports(text, call(text, "appelé", "2026-01-12", CALVINO, ALBARES),
                    call(text, "conversation", None, SANCHEZ, ALBARES))
    assert found == [[ALBARES, CALVINO], [ALBARES, SANCHEZ]]


def talks(text: str, trigger: str, date: str | None, *people: str) -> Event:
    start = text.index(trigger)
    return Event("talks", trigger, start, start + len(trigger), list(people), "Genève", date)


def two_rounds_then(words: str) -> list[TimelineEvent]:
    """Two dated rounds of talks, then a mention of talks opening on ``words``."""
    text = ("L'Arménie et l'Azerbaïdjan ont négocié à Genève le 3 mars et le 9 avril. "
            f"Lors {words} pourparlers, Bakou a fait une offre.")
    first = talks(text, "négocié", "2026-03-03", "Arménie", "Azerbaïdjan")
    second = Event("talks", "négocié", first.start, first.end, ["Arménie", "Azerbaïdjan"],
                   "Genève", "2026-04-09")
    mention = talks(text, "pourparlers", None, "Azerbaïdjan")
    return document_events(Record("doc", Source(), text, events=[first, second, mention]))


def test_the_latest_talks_are_the_latest_of_the_dated_rounds() -> None:
    items = two_rounds_then("des derniers")
    assert sorted((i.date, i.sources[0].mentions) for i in items) == [
        ("2026-03-03", 1), ("2026-04-09", 2)]


def test_talks_not_called_the_latest_fit_both_rounds_and_stay_apart() -> None:
    assert len(two_rounds_then("des")) == 3


HEADLINE = ("Scholz, Macron et l'OCDE à Berlin : une visite utile\n"
            "Olaf Scholz a reçu Emmanuel Macron à Berlin.")


def headline_record(body_people: tuple[str, ...]) -> Record:
    visit, body, cut = HEADLINE.index("visite"), HEADLINE.index("a reçu"), HEADLINE.index("\n")
    headline = Event("visit", "visite", visit, visit + 6,
                     ["Olaf Scholz", "Emmanuel Macron", "OCDE"], "Berlin")
    told = Event("visit", "a reçu", body, body + 6, list(body_people), "Berlin")
    return Record("h", Source(), HEADLINE, events=[headline, told],
                  blocks=[Block(0, cut, "title"), Block(cut + 1, len(HEADLINE))])


def test_a_name_only_the_headline_gives_takes_no_part_once_the_body_names_both_sides() -> None:
    (report,) = document_events(headline_record(("Olaf Scholz", "Emmanuel Macron")))
    assert report.participants == ["Olaf Scholz", "Emmanuel Macron"]
    assert report.sources[0].participants == ["Olaf Scholz", "Emmanuel Macron"]


def test_a_body_naming_one_side_keeps_the_headline_names() -> None:
    (report,) = document_events(headline_record(("Olaf Scholz",)))
    assert report.participants == ["Olaf Scholz", "Emmanuel Macron", "OCDE"]
