"""Merging the events of several records into one timeline, and writing it out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from veille.model import Event, Quote, Record, Source
from veille.resolve.timeline import (
    document_events,
    filter_timeline,
    merge_events,
    period_bounds,
    sentence_of,
)
from veille.resolve.timeline_formats import timeline_ics, timeline_json, timeline_text

TRUMP, POUTINE, ZELENSKY = "Donald Trump", "Vladimir Poutine", "Volodymyr Zelensky"


def record(doc_id: str, text: str, *events: Event, quotes: list[Quote] | None = None) -> Record:
    return Record(doc_id, Source(title=f"Titre {doc_id}", publisher="Agence"), text,
                  events=list(events), quotes=quotes or [])


def summit(text: str, date: str | None, place: str | None = "Anchorage",
           people: tuple[str, ...] = (TRUMP, POUTINE), kind: str = "summit",
           status: str = "happened") -> Event:
    start = text.index("sommet") if "sommet" in text else 0
    return Event(kind, "sommet", start, start + 6, list(people), place, date,
                 status, "044")  # type: ignore[arg-type]


def anchorage_reports() -> list[Record]:
    texts = ["Le sommet d'Anchorage du 15 août 2025.",
             "Poutine et Trump au sommet en Alaska le 15 août.",
             "Les deux présidents ont tenu un sommet à Anchorage, en Alaska.",
             "Tous les yeux étaient sur Anchorage vendredi pour le sommet."]
    return [
        record("a", texts[0], summit(texts[0], "2025-08-15")),
        record("b", texts[1], summit(texts[1], "2025-08-15", "Alaska", (POUTINE, TRUMP))),
        record("c", texts[2], summit(texts[2], "2025-08-15", "Anchorage", kind="talks")),
        record("d", texts[3], summit(texts[3], None, "Anchorage", (TRUMP, POUTINE),
                                     kind="meeting")),
    ]


def test_four_reports_of_one_summit_become_one_event_with_four_sources() -> None:
    timeline = merge_events(anchorage_reports())
    assert len(timeline) == 1
    event = timeline[0]
    assert (event.type, event.date, event.place) == ("summit", "2025-08-15", "Anchorage")
    assert [s.doc_id for s in event.sources] == ["a", "b", "c", "d"]
    assert event.conflicts == []


def test_a_source_without_a_date_takes_the_merged_one() -> None:
    event = merge_events(anchorage_reports())[0]
    undated = [s for s in event.sources if s.doc_id == "d"][0]
    assert (undated.date, undated.date_basis, undated.date_from) == ("2025-08-15", "merged", "a")
    assert all(s.date_basis == "reported" for s in event.sources if s.doc_id != "d")


def test_two_different_days_are_two_events_even_between_the_same_people() -> None:
    one, two, three = ("Sommet le 15 août.", "Sommet le 15 août.", "Sommet le 16 août.")
    timeline = merge_events([record("a", one, summit(one, "2025-08-15")),
                             record("b", two, summit(two, "2025-08-15")),
                             record("c", three, summit(three, "2025-08-16"))])
    assert [(e.date, len(e.sources)) for e in timeline] == [("2025-08-15", 2), ("2025-08-16", 1)]
    assert all(e.conflicts == [] for e in timeline)


def test_a_month_holds_its_day() -> None:
    one, two = "Sommet le 15 août.", "Sommet en août."
    timeline = merge_events([record("a", one, summit(one, "2025-08-15")),
                             record("b", two, summit(two, "2025-08"))])
    assert [(e.date, len(e.sources)) for e in timeline] == [("2025-08-15", 2)]


def call(text: str, date: str | None, *people: str) -> Event:
    return Event("call", "appel", 0, 5, list(people), None, date, "happened", "041")


def test_two_calls_on_one_day_between_other_pairs_stay_apart() -> None:
    one, two, three = ("Rubio a appelé Lavrov.", "Trump a appelé Poutine.",
                       "Lavrov a parlé à Rubio.")
    timeline = merge_events([
        record("a", one, call(one, "2025-10-20", "Marco Rubio", "Sergueï Lavrov")),
        record("b", two, call(two, "2025-10-20", TRUMP, POUTINE)),
        record("c", three, call(three, "2025-10-20", "Sergey Lavrov", "Rubio")),
        record("d", two, call(two, "2025-10-20", POUTINE, "Sergueï Lavrov")),
    ])
    assert sorted([s.doc_id for s in e.sources] for e in timeline) == [["a", "c"], ["b"], ["d"]]


def test_a_report_naming_one_side_joins_the_call_of_its_day() -> None:
    one, two = "Rubio a appelé Lavrov.", "Lundi, Rubio m'a téléphoné."
    timeline = merge_events([
        record("a", one, call(one, "2025-10-20", "Marco Rubio", "Sergueï Lavrov")),
        record("b", two, call(two, "2025-10-20", "Rubio")),
    ])
    assert [[s.doc_id for s in e.sources] for e in timeline] == [["a", "b"]]


def test_a_summit_planned_elsewhere_is_not_the_one_that_happened() -> None:
    one, two = "Le sommet d'Anchorage en août.", "Un prochain sommet à Moscou en août."
    timeline = merge_events([record("a", one, summit(one, "2025-08")),
                             record("b", two, summit(two, "2025-08", "Moscou", status="planned"))])
    assert sorted((e.place, e.status) for e in timeline) == [("Anchorage", "happened"),
                                                             ("Moscou", "planned")]


def test_different_people_make_different_events() -> None:
    one, two = "Un sommet à Anchorage.", "Une rencontre à la Maison Blanche."
    timeline = merge_events([
        record("a", one, summit(one, None)),
        record("b", two, summit(two, None, "Maison Blanche", (TRUMP, ZELENSKY), "meeting")),
    ])
    assert len(timeline) == 2


def test_a_cancelled_summit_is_not_the_summit_that_happened() -> None:
    one, two = "Le sommet du 15 août.", "Le deuxième sommet annulé."
    timeline = merge_events([record("a", one, summit(one, "2025-08-15")),
                             record("b", two, summit(two, None, "Budapest",
                                                     status="cancelled"))])
    assert sorted(e.status for e in timeline) == ["cancelled", "happened"]


def test_weeks_apart_are_two_events_even_between_the_same_people() -> None:
    one, two = "Sommet le 15 août.", "Sommet le 20 octobre."
    timeline = merge_events([record("a", one, summit(one, "2025-08-15")),
                             record("b", two, summit(two, "2025-10-20"))])
    assert [e.date for e in timeline] == ["2025-08-15", "2025-10-20"]


def test_filter_by_entity_and_dates() -> None:
    one, two = "Sommet le 15 août.", "Un appel le 20 octobre."
    timeline = merge_events([
        record("a", one, summit(one, "2025-08-15")),
        record("b", two, Event("call", "appel", 4, 9, ["Marco Rubio", "Sergueï Lavrov"], None,
                               "2025-10-20", "happened", "041")),
    ])
    assert [e.type for e in filter_timeline(timeline, entity="Poutine")] == ["summit"]
    assert [e.type for e in filter_timeline(timeline, entity="Sergey Lavrov")] == ["call"]
    assert [e.type for e in filter_timeline(timeline, since="2025-09-01")] == ["call"]
    assert [e.type for e in filter_timeline(timeline, until="2025-08-31")] == ["summit"]


def test_quotes_of_a_participant_near_the_event_are_tied_to_it() -> None:
    text = "Le sommet a eu lieu. « Nous avons bien avancé », a dit Poutine."
    said = Quote("direct", "Nous avons bien avancé", 22, 44, speaker=POUTINE)
    timeline = merge_events([record("a", text, summit(text, "2025-08-15"), quotes=[said])])
    assert [q["text"] for q in timeline[0].quotes] == ["Nous avons bien avancé"]


def test_sentence_of_a_span() -> None:
    text = "Avant. Le sommet a eu lieu à Anchorage. Après."
    start = text.index("sommet")
    assert sentence_of(text, start, start + 6) == "Le sommet a eu lieu à Anchorage."


def test_ics_is_valid_icalendar_with_all_day_events() -> None:
    timeline = merge_events(anchorage_reports())
    ics = timeline_ics(timeline, datetime(2025, 10, 26, 12, 0, tzinfo=UTC))
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20250815" in lines and "DTEND;VALUE=DATE:20250816" in lines
    assert "DTSTAMP:20251026T120000Z" in lines
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") == 1
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:sommet: Donald Trump\\, Vladimir Poutine" in unfolded
    assert "\n" not in ics.replace("\r\n", "")


def test_undated_events_stay_out_of_the_calendar_but_not_the_text() -> None:
    text = "Un sommet."
    timeline = merge_events([record("a", text, summit(text, None))])
    assert "BEGIN:VEVENT" not in timeline_ics(timeline, datetime(2025, 1, 1, tzinfo=UTC))
    assert timeline_text(timeline)[0].startswith("sans date")
    assert timeline_json(timeline)[0]["source_count"] == 1


def test_sources_that_disagree_on_the_place_are_kept_and_flagged() -> None:
    one, two, three = "Sommet à Genève.", "Sommet à Genève.", "Sommet à Vienne."
    timeline = merge_events([record("a", one, summit(one, "2025-08-15", "Genève")),
                             record("b", two, summit(two, "2025-08-15", "Genève")),
                             record("c", three, summit(three, "2025-08-15", "Vienne"))])
    assert len(timeline) == 1
    assert (timeline[0].place, timeline[0].conflicts) == ("Genève", ["place: Genève, Vienne"])


def test_each_name_is_folded_once_however_many_comparisons() -> None:
    from veille.resolve import timeline, timeline_model

    timeline_model._folded.cache_clear()
    reports = anchorage_reports() * 5
    merged = merge_events(reports)
    assert [s.doc_id for s in merged[0].sources] == ["a", "b", "c", "d"]
    names = {p for r in reports for e in r.events for p in e.participants}
    info = timeline_model._folded.cache_info()
    assert info.hits > info.misses >= len(names)
    assert timeline.fold_name("le président Vladimir Poutine") == ["vladimir", "poutine"]


def test_a_summit_planned_then_cancelled_is_one_cancelled_event() -> None:
    one, two, three = ("Un sommet prévu à Budapest.", "Le sommet de Budapest est annulé.",
                       "Le sommet d'Anchorage.")
    timeline = merge_events([
        record("a", one, summit(one, None, "Budapest", status="planned")),
        record("b", two, summit(two, None, "Budapest", status="cancelled")),
        record("c", three, summit(three, None)),
    ])
    assert sorted((e.place, e.status, len(e.sources)) for e in timeline) == [
        ("Anchorage", "happened", 1), ("Budapest", "cancelled", 2)]


def test_an_undated_call_joins_no_call_of_another_document() -> None:
    one, two = "Trump a appelé Poutine le 16 octobre.", "Trump et Poutine se sont parlé."
    dated = call(one, "2025-10-16", TRUMP, POUTINE)
    timeline = merge_events([
        record("a", one, dated, call(one, None, TRUMP, POUTINE)),
        record("b", two, call(two, None, TRUMP, POUTINE)),
    ])
    assert sorted([s.doc_id for s in e.sources] for e in timeline) == [["a"], ["b"]]
    assert [e.date for e in timeline] == ["2025-10-16", None]


def test_month_and_year_bounds_are_inclusive() -> None:
    one, two = "Sommet le 15 août.", "Sommet le 20 octobre."
    timeline = merge_events([record("a", one, summit(one, "2025-08-15")),
                             record("b", two, summit(two, "2025-10-20"))])
    assert [e.date for e in filter_timeline(timeline, since="2025-08", until="2025-08")] == [
        "2025-08-15"]
    assert len(filter_timeline(timeline, since="2025", until="2025")) == 2
    assert [e.date for e in filter_timeline(timeline, since="2025-09")] == ["2025-10-20"]
    assert filter_timeline(timeline, until="2025-07-31") == []


def meeting(text: str, trigger: str, date: str | None, place: str | None,
            people: tuple[str, ...], kind: str = "meeting", status: str = "happened") -> Event:
    start = text.index(trigger)
    return Event(kind, trigger, start, start + len(trigger), list(people), place, date,
                 status, "040")  # type: ignore[arg-type]


def test_three_outlets_on_one_meeting_make_one_entry_at_its_venue() -> None:
    one = "Donald Trump a reçu Volodymyr Zelensky à la Maison Blanche le 18 août."
    two = "À Washington, la rencontre entre Trump et Zelensky a duré deux heures."
    three = "La réunion de la Maison-Blanche entre Zelensky et Trump a déçu Kiev."
    timeline = merge_events([
        record("one", one, meeting(one, "a reçu", "2025-08-18", "Maison Blanche",
                                   (TRUMP, ZELENSKY), "visit")),
        record("two", two, meeting(two, "rencontre", "2025-08-18", "Washington",
                                   ("Trump", "Zelensky"))),
        record("three", three, meeting(three, "réunion", None, "Maison-Blanche",
                                       ("Zelensky", "Trump"))),
    ])
    assert len(timeline) == 1
    event = timeline[0]
    assert [s.doc_id for s in event.sources] == ["one", "two", "three"]
    # the venue over its city, linked to Wikidata; Washington holds it: no conflict
    assert (event.place, event.place_id, event.conflicts) == ("Maison Blanche", "Q35525", [])
    lent = event.sources[2]
    assert (lent.date, lent.date_basis, lent.date_from) == ("2025-08-18", "merged", "one")


def test_undated_meetings_of_one_pair_in_two_documents_stay_apart() -> None:
    one = "Trump avait accueilli Zelensky à la Maison Blanche."
    two = "La rencontre de Trump et Zelensky à la Maison Blanche."
    timeline = merge_events([
        record("a", one, meeting(one, "accueilli", None, "Maison Blanche", (TRUMP, ZELENSKY))),
        record("b", two, meeting(two, "rencontre", None, "Maison Blanche", (TRUMP, ZELENSKY))),
    ])
    # nothing dates them: February's meeting and August's are both "at the White House"
    assert sorted([s.doc_id for s in e.sources] for e in timeline) == [["a"], ["b"]]


def test_two_different_calls_on_one_day_are_two_entries() -> None:
    one = "Rubio a appelé Lavrov lundi, le jour où Trump a appelé Poutine."
    two = "Lundi, Marco Rubio s'est entretenu au téléphone avec Sergueï Lavrov."
    three = "Trump a appelé Poutine lundi, puis Zelensky."
    rubio = call(one, "2025-10-20", "Marco Rubio", "Sergueï Lavrov")
    trump = call(one, "2025-10-20", TRUMP, POUTINE)
    timeline = merge_events([
        record("a", one, rubio, trump),
        record("b", two, call(two, "2025-10-20", "Marco Rubio", "Sergueï Lavrov")),
        record("c", three, call(three, "2025-10-20", TRUMP, ZELENSKY)),
    ])
    pairs = sorted((sorted(e.participants), [s.doc_id for s in e.sources]) for e in timeline)
    assert pairs == [([TRUMP, POUTINE], ["a"]), ([TRUMP, ZELENSKY], ["c"]),
                     (["Marco Rubio", "Sergueï Lavrov"], ["a", "b"])]


def test_a_summit_planned_then_cancelled_is_one_entry_at_its_city() -> None:
    one = "Trump et Poutine doivent se retrouver à Budapest pour un sommet."
    two = "Le sommet de Budapest entre Trump et Poutine est annulé."
    three = "Le sommet d'Anchorage entre Trump et Poutine a eu lieu le 15 août."
    four = "Trump et Poutine pourraient se revoir, a dit Trump."
    timeline = merge_events([
        record("a", one, summit(one, None, "Budapest", status="planned")),
        record("b", two, summit(two, None, "Budapest", status="cancelled")),
        record("c", three, summit(three, "2025-08-15")),
        record("d", four, meeting(four, "se revoir", None, None, (TRUMP, POUTINE),
                                  status="planned")),
    ])
    found = {(e.place, e.status): [s.doc_id for s in e.sources] for e in timeline}
    assert found == {("Budapest", "cancelled"): ["a", "b"], ("Anchorage", "happened"): ["c"],
                     (None, "planned"): ["d"]}  # a plan with no place is no sure match
    cancelled = next(e for e in timeline if e.status == "cancelled")
    assert cancelled.place_id == "Q1781"


def test_a_document_naming_its_event_three_times_gives_one_source() -> None:
    text = ("Le sommet de Trump et Poutine s'est tenu à Anchorage le 15 août. La rencontre "
            "a duré trois heures. Après les pourparlers, Poutine est reparti.")
    events = [summit(text, "2025-08-15"),
              meeting(text, "rencontre", None, None, ()),
              meeting(text, "pourparlers", None, None, (POUTINE,), "talks")]
    items = document_events(record("a", text, *events))
    assert len(items) == 1 and items[0].sources[0].mentions == 3
    assert items[0].type == "summit"


def test_a_mention_that_fits_two_events_of_its_document_stays_apart() -> None:
    text = ("Les pourparlers du 16 mai et ceux du 2 juin, à Istanbul, entre la Russie et "
            "l'Ukraine. Les pourparlers n'ont rien donné pour la Russie.")
    first = meeting(text, "pourparlers", "2025-05-16", "Istanbul", ("Russie", "Ukraine"), "talks")
    second = meeting(text, "ceux", "2025-06-02", "Istanbul", ("Russie", "Ukraine"), "talks")
    vague = Event("talks", "pourparlers", text.rindex("pourparlers"),
                  text.rindex("pourparlers") + 11, ["Russie"], None, None, "happened", "040")
    items = document_events(record("a", text, first, second, vague))
    assert sorted(i.date or "" for i in items) == ["", "2025-05-16", "2025-06-02"]


def test_the_most_specific_place_wins_and_a_name_only_one_source_gives_is_flagged() -> None:
    one, two = "Le sommet en Alaska le 15 août.", "Le sommet d'Anchorage le 15 août."
    timeline = merge_events([
        record("a", one, summit(one, "2025-08-15", "Alaska", (TRUMP, POUTINE, ZELENSKY))),
        record("b", two, summit(two, "2025-08-15", "Anchorage")),
    ])
    assert len(timeline) == 1
    event = timeline[0]
    assert (event.place, event.place_id) == ("Anchorage", "Q39450")
    assert event.conflicts == [f"participants: {ZELENSKY} (1 of 2 sources)"]


def test_a_country_alone_does_not_pin_two_undated_reports_together() -> None:
    one, two = "Lavrov en visite en Turquie.", "Lavrov a rencontré son homologue en Turquie."
    timeline = merge_events([
        record("a", one, meeting(one, "visite", "2025-04", "Turquie", ("Sergueï Lavrov",),
                                 "visit")),
        record("b", two, meeting(two, "rencontré", None, "Turquie", ("Lavrov", "Hakan Fidan"))),
    ])
    assert len(timeline) == 2


@pytest.mark.parametrize(("since", "until", "bounds"), [
    ("2025-08", "2025-08", ("2025-08-01", "2025-08-31")),
    ("2025", "2025", ("2025-01-01", "2025-12-31")),
    ("2024-02", "2024-02", ("2024-02-01", "2024-02-29")),
    ("2025-08-15", None, ("2025-08-15", None)),
    (None, "2025-02", (None, "2025-02-28")),
])
def test_period_bounds_are_inclusive_days(since: str | None, until: str | None,
                                          bounds: tuple[str | None, str | None]) -> None:
    assert period_bounds(since, until) == bounds


@pytest.mark.parametrize("bad", ["août", "2025-13", "2025-02-30", "25-08"])
def test_a_bound_that_is_no_date_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        period_bounds(bad, None)


def test_an_event_dated_to_its_month_is_in_a_period_holding_one_of_its_days() -> None:
    text = "Sommet en août à Anchorage."
    timeline = merge_events([record("a", text, summit(text, "2025-08"))])
    assert len(filter_timeline(timeline, since="2025-08-20", until="2025-09")) == 1
    assert filter_timeline(timeline, since="2025-09") == []


def test_the_text_gives_the_place_id_and_who_lent_a_date() -> None:
    lines = timeline_text(merge_events(anchorage_reports()))
    assert lines[0].startswith("2025-08-15") and "— Anchorage (Q39450)" in lines[0]
    assert any(line.endswith("(date de la fusion: a): « sommet »") for line in lines)
