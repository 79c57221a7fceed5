"""An undated event dated by another sentence of its own document, and the document's date."""

from __future__ import annotations

import re

from veille.model import Event, Record, Source, TimeExpr
from veille.resolve.timeline import document_events, merge_events
from veille.resolve.timeline_context import (
    after_reference,
    context_date,
    sentence_bounds,
    week_of,
)
from veille.resolve.timeline_formats import timeline_text

CAPTION = ("Giorgia Meloni à Helsinki, en Finlande, le 12 mai 2026, et Ulf Kristersson à "
           "Stockholm, le 11 mai 2026.\n")


def times(text: str) -> list[TimeExpr]:
    """The day expressions of our texts, as the time tagger gives them (checked by hand)."""
    values = {"12 mai 2026": "2026-05-12", "11 mai 2026": "2026-05-11", "11 mai": "2026-05-11"}
    found: list[TimeExpr] = []
    for written in sorted(values, key=len, reverse=True):
        for hit in re.finditer(written, text):
            if not any(t.start <= hit.start() < t.end for t in found):
                found.append(TimeExpr(hit.start(), hit.end(), written, values[written]))
    for hit in re.finditer("en février", text):
        found.append(TimeExpr(hit.start(), hit.end(), "en février", None, "none"))
    return found


def meeting(text: str, trigger: str = "rencontre") -> tuple[Record, Event]:
    start = text.index(trigger)
    ev = Event("meeting", trigger, start, start + len(trigger),
               ["Giorgia Meloni", "Alexander Stubb"], "Helsinki")
    return Record("doc", Source(), text, times=times(text), events=[ev]), ev


def test_a_caption_naming_the_place_and_a_participant_dates_the_meeting() -> None:
    text = CAPTION + "La rencontre à Helsinki entre Meloni et Alexander Stubb a porté sur l'OTAN."
    rec, ev = meeting(text)
    assert context_date(rec, ev) == "2026-05-12"
    source = document_events(rec)[0].sources[0]
    assert (source.date, source.date_basis) == ("2026-05-12", "context")


def test_a_day_attached_to_another_place_dates_nothing() -> None:
    text = ("La rencontre à Helsinki entre Meloni et Stubb a suivi un sommet de Meloni tenu "
            "à Stockholm le 11 mai.\nLa rencontre à Helsinki a été brève.")
    rec, ev = meeting(text, "a été brève")
    assert context_date(rec, ev) is None


def test_an_event_whose_sentence_holds_an_unread_date_keeps_no_date() -> None:
    text = CAPTION + "Meloni avait eu une rencontre à Helsinki avec Stubb en février."
    rec, ev = meeting(text)
    assert context_date(rec, ev) is None


def test_a_caption_without_any_participant_dates_nothing() -> None:
    text = ("Le port d'Helsinki, le 12 mai 2026.\n"
            "La rencontre à Helsinki entre Meloni et Stubb a porté sur l'OTAN.")
    rec, ev = meeting(text)
    assert context_date(rec, ev) is None


def test_two_days_for_one_place_are_no_sure_date() -> None:
    text = (CAPTION + "Meloni à Helsinki, le 11 mai 2026.\n"
            "La rencontre à Helsinki entre Meloni et Stubb a porté sur l'OTAN.")
    rec, ev = meeting(text)
    assert context_date(rec, ev) is None


def test_sentence_bounds_include_the_stop() -> None:
    text = "Avant. Le sommet a eu lieu. Après."
    left, right = sentence_bounds(text, text.index("sommet"), text.index("sommet") + 6)
    assert text[left:right].strip() == "Le sommet a eu lieu."


def test_an_event_after_the_document_date_is_after_its_reference() -> None:
    assert after_reference("2025-10", "2025-08-20")
    assert after_reference("2025-08-21", "2025-08-20")
    assert not after_reference("2025-08", "2025-08-20")  # the month holds the day
    assert not after_reference("2025-08-20", "2025-08-20")
    assert not after_reference("2025-10", None) and not after_reference(None, "2025-08-20")


def _frame_story(weekday: str) -> list[Record]:
    dated = "Le sommet de Genève entre Macron et Scholz s'est tenu le 6 mars 2026."
    week = (f"{weekday}, à Genève, Macron et Scholz ont tenu un sommet. "
            "Scholz avait reçu Macron à Berlin en janvier.")
    summit = Event("summit", "sommet", dated.index("sommet"), dated.index("sommet") + 6,
                   ["Emmanuel Macron", "Olaf Scholz"], "Genève", "2026-03-06")
    undated = Event("summit", "sommet", week.index("sommet"), week.index("sommet") + 6,
                    ["Macron", "Scholz"], "Genève")
    earlier = Event("visit", "reçu", week.index("reçu"), week.index("reçu") + 4,
                    ["Scholz", "Macron"], "Berlin")
    unread = [TimeExpr(0, len(weekday), weekday, None, "none"),
              TimeExpr(week.index("en janvier"), week.index("en janvier") + 10, "en janvier",
                       None, "none")]
    return [Record("dated", Source(published="2026-03-07"), dated, events=[summit]),
            Record("week", Source(), week, times=unread, events=[undated, earlier])]


def test_a_text_naming_the_lent_day_by_its_weekday_dates_its_unread_months() -> None:
    by_place = {e.place: e for e in merge_events(_frame_story("Vendredi"))}
    assert [s.doc_id for s in by_place["Genève"].sources] == ["dated", "week"]
    berlin = by_place["Berlin"].sources[0]
    assert (by_place["Berlin"].date, berlin.date_basis, berlin.date_from) == (
        "2026-01", "frame", "dated")
    # the text names who lent it, as for a date lent by a merge
    lines = timeline_text([by_place["Berlin"]])
    assert lines[0].startswith("2026-01") and "(date de la fusion: dated)" in lines[1]


def test_another_weekday_gives_the_text_no_week() -> None:
    by_place = {e.place: e for e in merge_events(_frame_story("Jeudi"))}
    assert by_place["Berlin"].date is None


def test_a_malformed_lent_day_gives_no_week() -> None:
    rec = Record("doc", Source(), "Vendredi, le sommet.",
                 times=[TimeExpr(0, 8, "Vendredi", None, "none")])
    assert not week_of(rec, "Vendredi, le sommet.", "2025-13-45")
    assert week_of(rec, "Vendredi, le sommet.", "2025-08-15")
