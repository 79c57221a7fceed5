"""Time fixes met on the example reports: a story told in the past counts "la veille" from its
own days, not from a date announced for later; "d'ici vendredi" points ahead; a future verb
the parser mistags still points ahead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from veille.nlp.pipeline import Analysis
from veille.nlp.times.grammar import find_times


def values(text: str, reference: date) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, reference)}


def test_la_veille_skips_a_date_announced_for_later() -> None:
    text = ("La ministre a reçu mardi son homologue, avant un forum prévu le 9 mai. "
            "La veille, son conseiller avait jugé la rencontre « utile ».")
    found = values(text, date(2026, 3, 4))  # a Wednesday
    assert found["mardi"] == "2026-03-03"
    assert found["La veille"] == "2026-03-02"


def test_la_veille_of_a_date_in_the_past_is_unchanged() -> None:
    text = "Le sommet s'est tenu le 12 février. La veille, les ministres s'étaient réunis."
    assert values(text, date(2026, 3, 4))["La veille"] == "2026-02-11"


def test_d_ici_a_weekday_is_the_coming_one() -> None:
    text = "Le pays a indiqué qu'il déposerait ses amendements d'ici vendredi."
    assert values(text, date(2026, 6, 18))["d'ici vendredi"] == "2026-06-19"  # a Thursday


def test_a_future_the_model_tags_as_past_still_points_ahead(
        analyze_text: Callable[..., Analysis]) -> None:
    # the French model tags "recevra" Tense=Past; its form is the future of "recevoir"
    found = analyze_text("La présidente Marta Silva recevra jeudi son homologue.", "2026-03-04")
    assert [(t.text, t.value) for t in found.times] == [("jeudi", "2026-03-05")]
