"""Events a text places right after another one: "un appel ..., consécutif à une rencontre"
takes the meeting's month; the joint press conference of a meeting's parties "par la suite"
takes the meeting's day and place. Our own stories."""

from __future__ import annotations

from veille.model import Event, Record, Source
from veille.resolve.timeline import merge_events
from veille.resolve.timeline_model import TimelineEvent

MACRON, SCHOLZ, MELONI = "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"


def event(text: str, trigger: str, kind: str, people: tuple[str, ...], date: str | None = None,
          place: str | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    return Event(kind, trigger, start, start + len(trigger), list(people), place, date)


def by_type(timeline: list[TimelineEvent], kind: str) -> list[TimelineEvent]:
    return [e for e in timeline if e.type == kind]


ROME = ("L'entretien téléphonique entre Macron et Scholz a porté sur l'Ukraine. Scholz parlait "
        "d'un appel entre les deux dirigeants, {link} une rencontre à Rome avec Giorgia Meloni "
        "le 4 mars.")


def rome_story(link: str, calls: int = 1) -> list[Record]:
    text = ROME.format(link=link)
    events = [event(text, "entretien téléphonique", "call", (MACRON, SCHOLZ)),
              event(text, "rencontre", "meeting", (SCHOLZ, MELONI), "2026-03-04", "Rome")]
    if calls == 2:  # another call the text tells of, with someone else
        text += " Macron a aussi appelé Meloni."
        events.append(event(text, "appelé", "call", (MACRON, MELONI)))
    return [Record("rome", Source(published="2026-03-08"), text, events=events)]


def test_a_call_right_after_a_dated_meeting_takes_its_month() -> None:
    (call,) = by_type(merge_events(rome_story("consécutif à")), "call")
    source = call.sources[0]
    # "right after" says no day: the month, and the source says how it was found
    assert (call.date, source.date, source.date_basis, source.date_from) == (
        "2026-03", "2026-03", "follows", "rome")
    assert call.place is None  # a call is not held where the meeting was


def test_an_article_between_the_cue_and_the_meeting_still_links_them() -> None:
    (call,) = by_type(merge_events(rome_story("à la suite d'")), "call")
    assert call.date == "2026-03"


def test_a_call_merely_told_beside_a_meeting_keeps_no_date() -> None:
    (call,) = by_type(merge_events(rome_story("et d'")), "call")
    assert call.date is None


def test_two_undated_calls_leave_it_open_which_one_followed() -> None:
    calls = by_type(merge_events(rome_story("consécutif à", calls=2)), "call")
    assert [c.date for c in calls] == [None, None]


GENEVA_DATED = "Le sommet de Macron et Scholz s'est tenu à Genève le 6 mars 2026."
GENEVA_UNDATED = ("Macron et Scholz se sont retrouvés à Genève pour un sommet. Les deux "
                  "dirigeants ont donné une conférence de presse commune par la suite.")


def geneva_story(press: tuple[str, ...], kind: str = "press_conference",
                 trigger: str = "conférence de presse") -> list[Record]:
    dated = Record("dated", Source(published="2026-03-07"), GENEVA_DATED, events=[
        event(GENEVA_DATED, "sommet", "summit", (MACRON, SCHOLZ), "2026-03-06", "Genève")])
    undated = Record("undated", Source(), GENEVA_UNDATED, events=[
        event(GENEVA_UNDATED, "sommet", "summit", (MACRON, SCHOLZ), None, "Genève"),
        event(GENEVA_UNDATED, trigger, kind, press)])
    return [dated, undated]


def test_the_joint_press_conference_after_a_summit_is_on_its_day_at_its_place() -> None:
    timeline = merge_events(geneva_story((MACRON, SCHOLZ)))
    (summit,) = by_type(timeline, "summit")
    assert [s.doc_id for s in summit.sources] == ["dated", "undated"]  # a sure merge dates it
    (press,) = by_type(timeline, "press_conference")
    source = press.sources[0]
    assert (press.date, press.place, press.place_id) == ("2026-03-06", "Genève", summit.place_id)
    assert (source.date_basis, source.date_from) == ("follows", "dated")


def test_a_press_conference_of_someone_not_at_the_summit_takes_nothing_from_it() -> None:
    (press,) = by_type(merge_events(geneva_story(("Steffen Hebestreit",))), "press_conference")
    assert (press.date, press.place) == (None, None)


def test_afterwards_alone_dates_no_call() -> None:
    # "par la suite" may be weeks later: only a meeting's own closing press conference is sure
    story = geneva_story((MACRON, SCHOLZ), "call", "conférence de presse")
    (call,) = by_type(merge_events(story), "call")
    assert call.date is None


def test_an_english_call_following_a_meeting_takes_its_month() -> None:
    text = ("The phone call between Macron and Scholz was about Ukraine. It was a call between "
            "the two leaders, following a meeting in Rome with Giorgia Meloni on March 4.")
    events = [event(text, "phone call", "call", (MACRON, SCHOLZ)),
              event(text, "meeting", "meeting", (SCHOLZ, MELONI), "2026-03-04", "Rome")]
    record = Record("en", Source(published="2026-03-08", language="en"), text, events=events)
    (call,) = by_type(merge_events([record]), "call")
    assert (call.date, call.sources[0].date_basis) == ("2026-03", "follows")


def test_a_dated_call_besides_leaves_it_open_which_call_the_words_name() -> None:
    text = ROME.format(link="consécutif à") + " Macron avait appelé Meloni le 2 mars."
    events = [event(text, "entretien téléphonique", "call", (MACRON, SCHOLZ)),
              event(text, "rencontre", "meeting", (SCHOLZ, MELONI), "2026-03-04", "Rome"),
              event(text, "appelé", "call", (MACRON, MELONI), "2026-03-02")]
    timeline = merge_events([Record("rome", Source(published="2026-03-08"), text,
                                    events=events)])
    assert sorted(str(c.date) for c in by_type(timeline, "call")) == ["2026-03-02", "None"]


def test_the_call_named_before_the_cue_is_the_one_that_follows() -> None:
    text = ("Macron avait appelé Meloni dimanche. Un appel téléphonique entre Macron et Scholz, "
            "consécutif à une rencontre à Rome le 4 mars, a suivi.")
    events = [event(text, "appelé", "call", (MACRON, MELONI)),
              event(text, "appel téléphonique", "call", (MACRON, SCHOLZ)),
              event(text, "rencontre", "meeting", (SCHOLZ, MELONI), "2026-03-04", "Rome")]
    timeline = merge_events([Record("rome", Source(), text, events=events)])
    dates = {tuple(sorted(c.participants)): c.date for c in by_type(timeline, "call")}
    assert dates == {(MACRON, MELONI): None, (MACRON, SCHOLZ): "2026-03"}
