"""What the time-pattern tests share."""

from __future__ import annotations

import pytest

# Our own sentences, with dates of every shape the French and English packs read.
DATED = (
    "Le ministre s'est rendu à Rome le 3 mars 2024, puis du 6 au 15 septembre l'an prochain. "
    "Dès lundi, et jusqu'au 22/04, la réunion prévue jeudi 16 octobre a été repoussée à "
    "fin 2025. Il y a trois semaines, dans deux jours, trois jours plus tard, le lundi. "
    "L'été dernier, au second semestre, à la fin du mois dernier, les 16 et 17 mai, 05/05/71, "
    "2024-03-01, 3/2026, en janvier dernier, mi-juillet, la veille, hier, aujourd'hui.",
    "On March 3, 2026 the minister said that three weeks ago, last Monday and next year the "
    "talks of 3/22/2026 and of early May would go on until Friday 22.",
)


@pytest.fixture(scope="session")
def dated_texts() -> tuple[str, ...]:
    """Our own texts with dates of every shape the packs read."""
    return DATED
