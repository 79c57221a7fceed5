"""The French time grammar on plain text (no spaCy). Expected dates checked on a calendar:
26 October 2025 is a Sunday, 16 October 2025 a Thursday, 2 January 2026 a Friday."""

from __future__ import annotations

from datetime import date

import pytest

from veille.nlp.times.grammar import FoundTime, find_times

SUNDAY = date(2025, 10, 26)


def values(text: str, reference: date | None = SUNDAY, **kw: object) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, reference, **kw)}  # type: ignore[arg-type]


def only(text: str, reference: date | None = SUNDAY) -> FoundTime:
    found = find_times(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("Il a parlé hier.", "2025-10-25"),
    ("avant-hier", "2025-10-24"),
    ("Aujourd’hui, la Russie répond.", "2025-10-26"),
    ("Il partira demain.", "2025-10-27"),
    ("ce matin", "2025-10-26"),
    ("la semaine dernière", "2025-W42"),
    ("le mois dernier", "2025-09"),
    ("l'an prochain", "2026"),
    ("l’année dernière", "2024"),
    ("il y a trois semaines", "2025-10-05"),
    ("il y a à peine trois semaines", "2025-10-05"),
    ("il y a deux jours", "2025-10-24"),
    ("dans 10 jours", "2025-11-05"),
    ("vendredi dernier", "2025-10-24"),
    ("dimanche prochain", "2025-11-02"),
    ("en février", "2025-02"),
    ("fin août", "2025-08"),
    ("à la mi-juillet", "2025-07"),
    ("l'été 2024", "2024"),
    ("le 23,", "2025-10-23"),
    ("le 22/04", "2025-04-22"),
    ("en 2022", "2022"),
    ("septembre 2024", "2024-09"),
    ("le 15 août 2025", "2025-08-15"),
    ("le 1er août 2025", "2025-08-01"),
    ("15/08/2025", "2025-08-15"),
    ("2025-08-15", "2025-08-15"),
])
def test_expression_resolves_against_the_reference(text: str, value: str) -> None:
    assert only(text).value == value


def test_absolute_dates_need_no_reference() -> None:
    found = only("le 15 août 2025", None)
    assert (found.value, found.anchor) == ("2025-08-15", "absolute")


def test_relative_dates_stay_unresolved_without_reference() -> None:
    assert values("hier ; vendredi ; le 16 octobre ; en février", None) == {
        "hier": None, "vendredi": None, "le 16 octobre": None, "en février": None}


def test_bare_weekday_leans_to_the_past_and_includes_the_day_itself() -> None:
    assert values("vendredi") == {"vendredi": "2025-10-24"}
    assert values("dimanche") == {"dimanche": "2025-10-26"}


def test_future_tense_turns_a_weekday_forward() -> None:
    found = find_times("Il se rendra vendredi à Paris.", SUNDAY,
                       tense=lambda start, end: "future")
    assert found[0].value == "2025-10-31"


def test_partial_date_in_early_january_goes_back_a_year() -> None:
    assert values("le 28 décembre", date(2026, 1, 2)) == {"le 28 décembre": "2025-12-28"}


def test_partial_date_shortly_ahead_stays_ahead() -> None:
    assert values("le 5 janvier", date(2025, 12, 20)) == {"le 5 janvier": "2026-01-05"}


def test_dernier_forces_the_past() -> None:
    assert values("le 30 octobre dernier") == {"le 30 octobre dernier": "2024-10-30"}


def test_weekday_named_with_the_date_picks_the_matching_year() -> None:
    # 16 October is a Thursday in 2025, a Wednesday in 2024
    assert values("jeudi 16 octobre", date(2026, 2, 1)) == {"jeudi 16 octobre": "2025-10-16"}


def test_shift_with_weekday_counts_from_the_date_last_mentioned() -> None:
    text = "leur échange le 16 octobre. Puis trois jours plus tard, le lundi, elle m'a écrit."
    found = find_times(text, SUNDAY)
    assert [(t.value, t.anchor) for t in found] == [
        ("2025-10-16", "published"), ("2025-10-20", "previous")]
    assert found[1].text == "trois jours plus tard, le lundi"


def test_veille_and_lendemain_follow_the_narrative() -> None:
    found = find_times("Le sommet du 15 août 2025. La veille, puis le lendemain.", SUNDAY)
    assert [t.value for t in found] == ["2025-08-15", "2025-08-14", "2025-08-16"]


def test_shift_without_a_previous_date_is_unresolved() -> None:
    assert values("Deux jours plus tard, il est parti.") == {"Deux jours plus tard": None}


def test_enumerated_dates_share_their_month() -> None:
    # days of one month are one expression, valued at the first day (the dev set's convention)
    assert values("les 16 et 17 mai", date(2025, 8, 18)) == {"les 16 et 17 mai": "2025-05-16"}
    assert values("les 3, 4 et 5 mai 2024", date(2025, 8, 18)) == {
        "les 3, 4 et 5 mai 2024": "2024-05-03"}
    # the modifier of the month counts for the first day too (6 August 2025 is past)
    assert values("les 6 et 7 août prochains", date(2025, 8, 18)) == {
        "les 6 et 7 août prochains": "2026-08-06"}
    assert values("les 16 mai, 2 juin et 23 juillet", date(2025, 8, 18)) == {
        "16 mai": "2025-05-16", "2 juin": "2025-06-02", "23 juillet": "2025-07-23"}


def test_generic_weekdays_name_no_day() -> None:
    assert values("C'était un jeudi. Il vient chaque lundi et tous les mardis.") == {}


def test_numbers_that_are_not_years_are_left_alone() -> None:
    assert values("de 2000 soldats et 12 ans de prison") == {}


def test_an_abbreviated_month_needs_a_day_or_a_year() -> None:
    assert values("en sept ans") == {}
    assert values("le 3 sept") == {"le 3 sept": "2025-09-03"}


def test_both_ends_of_a_year_range() -> None:
    assert values("Entre 2014 et 2022, la guerre.") == {"Entre 2014": "2014", "et 2022": "2022"}


def test_full_stop_after_a_date_is_not_part_of_it() -> None:
    assert only("le 16 octobre.").text == "le 16 octobre"


def test_the_longest_of_overlapping_matches_is_kept_then_the_earliest() -> None:
    from veille.nlp.times.grammar import _Match, _select

    def match(start: int, end: int) -> _Match:
        return _Match(start, end, "dm", {})

    # (0, 9) beats the shorter (5, 12) it overlaps; (12, 15) only touches (5, 12), which is
    # dropped, so it stays; of two of one length, (20, 24) comes first and (22, 26) goes;
    # (9, 12) touches (0, 9) and (12, 15) without overlapping either
    found = _select([match(5, 12), match(0, 9), match(12, 15), match(22, 26), match(20, 24),
                     match(9, 12), match(30, 31), match(26, 40)])
    assert [(m.start, m.end) for m in found] == [(0, 9), (9, 12), (12, 15), (20, 24),
                                                  (26, 40)]
