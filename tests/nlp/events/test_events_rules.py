"""Event rules on plain data (no spaCy): triggers, types, status, participants, place, date."""

from __future__ import annotations

import re
from datetime import date

from veille.lang.pack import LanguagePack
from veille.model import Event, TimeExpr
from veille.nlp.events.rules import Actor, EventContext, build_events, split_sentences

PUBLISHED = EventContext(date(2025, 10, 26), published=True)


def actors(text: str, names: dict[str, tuple[str, str]]) -> list[Actor]:
    """Actors at the first occurrence of each surface form: form -> (name, type)."""
    return [Actor(text.index(form), text.index(form) + len(form), name, kind)
            for form, (name, kind) in names.items()]


def events(text: str, names: dict[str, tuple[str, str]], times: list[TimeExpr] | None = None,
           ctx: EventContext = PUBLISHED) -> list[Event]:
    return build_events(text, (0, len(text)), actors(text, names), times or [], ctx)


def time(text: str, form: str, value: str) -> TimeExpr:
    return TimeExpr(text.index(form), text.index(form) + len(form), form, value, "published")


def test_phone_conversation_is_a_call_with_both_sides_and_its_date() -> None:
    text = ("Lavrov a confirmé à Marco Rubio lors de leur conversation téléphonique "
            "du 20 octobre que rien n'avait changé.")
    found = events(text, {"Lavrov": ("Sergueï Lavrov", "PER"),
                          "Marco Rubio": ("Marco Rubio", "PER")},
                   [time(text, "20 octobre", "2025-10-20")])
    assert [(e.type, e.date, e.status, e.cameo, e.date_basis) for e in found] == [
        ("call", "2025-10-20", "happened", "041", "text")]
    assert found[0].participants == ["Sergueï Lavrov", "Marco Rubio"]


def test_a_conversation_with_a_venue_is_talks_there() -> None:
    text = "Trump et Poutine ont eu des conversations à Anchorage."
    found = events(text, {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER"),
                          "Anchorage": ("Anchorage", "LOC")})
    assert [(e.type, e.place) for e in found] == [("talks", "Anchorage")]
    assert "Anchorage" not in found[0].participants


def test_cancelled_summit() -> None:
    text = "Le sommet entre Trump et Poutine prévu à Budapest a été annulé."
    found = events(text, {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER"),
                          "Budapest": ("Budapest", "LOC")})
    assert [(e.type, e.status, e.place) for e in found] == [("summit", "cancelled", "Budapest")]


def test_future_date_makes_an_event_planned() -> None:
    text = "Une rencontre entre Lavrov et Rubio le 30 octobre."
    found = events(text, {"Lavrov": ("Sergueï Lavrov", "PER"), "Rubio": ("Marco Rubio", "PER")},
                   [time(text, "30 octobre", "2025-10-30")])
    assert [(e.type, e.status) for e in found] == [("meeting", "planned")]


def test_a_later_date_is_not_planned_when_the_reference_is_only_inferred() -> None:
    text = "Une rencontre entre Lavrov et Rubio le 30 octobre."
    found = events(text, {"Lavrov": ("Sergueï Lavrov", "PER"), "Rubio": ("Marco Rubio", "PER")},
                   [time(text, "30 octobre", "2025-10-30")],
                   EventContext(date(2025, 10, 26), published=False))
    assert [e.status for e in found] == ["happened"]


def test_denied_meeting_is_no_event() -> None:
    text = "Aucune rencontre entre Trump et Poutine n'est prévue."
    assert events(text, {"Trump": ("Donald Trump", "PER"),
                         "Poutine": ("Vladimir Poutine", "PER")}) == []


def test_capitals_stand_for_their_states_and_listed_dates_make_one_event_each() -> None:
    text = ("Istanbul a accueilli des pourparlers entre Moscou et Kiev "
            "les 16 mai, 2 juin et 23 juillet.")
    times = [time(text, "16 mai", "2025-05-16"), time(text, "2 juin", "2025-06-02"),
             time(text, "23 juillet", "2025-07-23")]
    found = events(text, {"Istanbul": ("Istanbul", "LOC"), "Moscou": ("Moscou", "LOC"),
                          "Kiev": ("Kiev", "LOC")}, times)
    talks = [e for e in found if e.type == "talks"]
    assert [e.date for e in talks] == ["2025-05-16", "2025-06-02", "2025-07-23"]
    assert talks[0].participants == ["Russie", "Ukraine"]


def test_fronted_date_frames_every_event_of_the_sentence() -> None:
    text = ("Le 11 avril, le Kazakhstan a hébergé une réunion de la CEI, après laquelle "
            "Lavrov a tenu une conférence de presse.")
    found = events(text, {"Kazakhstan": ("Kazakhstan", "LOC"), "CEI": ("CEI", "ORG"),
                          "Lavrov": ("Sergueï Lavrov", "PER")},
                   [time(text, "Le 11 avril", "2025-04-11")])
    assert sorted((e.type, e.date) for e in found) == [
        ("meeting", "2025-04-11"), ("press_conference", "2025-04-11")]


def test_cet_entretien_in_a_transcript_is_the_interview_itself() -> None:
    text = "Lorsque nous avons planifié cet entretien, il était prévu que vous veniez."
    found = build_events(text, (0, len(text)), [], [],
                         EventContext(date(2025, 10, 26), True, host="Sergueï Lavrov"))
    assert [(e.type, e.participants, e.date, e.status, e.date_basis) for e in found] == [
        ("interview", ["Sergueï Lavrov"], "2025-10-26", "happened", "reference")]


def test_an_event_nobody_takes_part_in_is_left_out() -> None:
    assert events("La réunion a duré deux heures.", {}) == []


def test_sentences_end_at_full_stops_and_line_breaks() -> None:
    text = "Deuxième sommet annulé\nLe président a parlé. Puis il est parti."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Deuxième sommet annulé", "Le président a parlé.", "Puis il est parti."]


def test_sentences_end_after_a_stop_before_a_capital_or_a_quote_and_at_line_breaks() -> None:
    text = "Il a dit oui.  « Non », a-t-il repris ! 3 jours. e.g. fin\n\nTitre\n"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Il a dit oui.", "« Non », a-t-il repris !", "3 jours. e.g. fin", "Titre"]


# how each pack's "sentence_end" read before it was written to open on its white space
SENTENCE_ENDS = {"fr": r'(?<=[.!?…»”"])\s+(?=[«“"A-ZÀ-Ý0-9])|\n+',
                 "en": r'(?<=[.!?…”"])\s+(?=[“"A-Z0-9])|\n+'}


def test_sentence_ends_are_those_of_the_plain_pattern() -> None:
    texts = ["Fin. Début", "Fin.\u00a0\u00a0« Oui", "a ! \n\n B", "\n\nx.\n Y", ". A", "fin.a B",
             "x?\t\t3", "Fin » Début", "A.\nb", "x.  y.  Z", "“Oui.” Non"]
    for code, plain in SENTENCE_ENDS.items():
        ours = LanguagePack.load(code).regex("events/patterns.toml", "sentence_end", 0)
        for text in texts:
            for start in range(len(text)):  # a search from inside the text reads behind it
                assert [m.span() for m in ours.finditer(text, start)] == \
                    [m.span() for m in re.compile(plain).finditer(text, start)], (code, text)


def test_talks_that_are_the_purpose_of_a_meeting_are_the_same_event() -> None:
    text = "Trump et Poutine se sont rencontrés à Anchorage pour des conversations difficiles."
    found = events(text, {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER"),
                          "Anchorage": ("Anchorage", "LOC")})
    assert [(e.type, e.trigger, e.place) for e in found] == [
        ("meeting", "se sont rencontrés", "Anchorage")]


def test_a_state_a_summit_is_for_is_not_a_party_to_it() -> None:
    text = "Le sommet de Budapest, une chance de paix pour l'Ukraine, a été annulé."
    assert events(text, {"Budapest": ("Budapest", "LOC"), "Ukraine": ("Ukraine", "LOC")}) == []
