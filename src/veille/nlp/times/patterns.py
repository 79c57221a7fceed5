"""The French words and regular patterns of time expressions, built from lang/fr/ data.

Patterns run over text whose typographic apostrophes are folded to ``'``; every one is
case-insensitive. Names of groups are the contract with :mod:`veille.nlp.times.grammar`:
``day``, ``month``, ``year``, ``wd`` / ``wdname`` (weekday), ``mod`` (dernier, prochain),
``det``, ``n`` and ``unit`` (a span), ``dir`` (plus tard, plus tôt), ``phrase`` (deictic).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from veille.datecalc import Unit
from veille.lang.pack import read_table


@lru_cache(maxsize=1)
def MONTHS() -> dict[str, int]:  # noqa: N802 - a constant table, read lazily
    return {name.lower(): int(n) for name, n in read_table("months.tsv")}


@lru_cache(maxsize=1)
def WEEKDAYS() -> dict[str, int]:  # noqa: N802
    return {name: int(n) for name, n in read_table("weekdays.tsv")}


@lru_cache(maxsize=1)
def NUMBERS() -> dict[str, int]:  # noqa: N802
    return {name: int(n) for name, n in read_table("time_numbers.tsv")}


@lru_cache(maxsize=1)
def UNITS() -> dict[str, Unit]:  # noqa: N802
    return {name: cast(Unit, unit) for name, unit in read_table("time_units.tsv")}


@lru_cache(maxsize=1)
def DEICTIC() -> dict[str, tuple[Unit, int, str]]:  # noqa: N802
    return {phrase: (cast(Unit, unit), int(offset), anchor)
            for phrase, unit, offset, anchor in read_table("time_deictic.tsv")}


def _alternation(words: list[str]) -> str:
    """Longest first, so that "juillet" wins over "juil"; spaces match any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


_DAY = r"(?P<day>1er|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
_LEAD = r"(?:(?:le|du|au|ce|dès\s+le|depuis\s+le|jusqu'au|d'ici\s+au|d'ici\s+le)\s+)?"
_QUALIFIER = (r"(?:(?:à\s+peine|près\s+de|environ|plus\s+de|moins\s+de|seulement|exactement|"
              r"déjà|presque|tout\s+juste|quelque|un\s+peu\s+plus\s+de|bientôt)\s+)?")
_MONTH_LEAD = (r"(?:en|depuis|dès|début|fin|courant|jusqu'en|jusqu'à\s+fin|d'ici|"
               r"au\s+mois\s+de|le\s+mois\s+de|depuis\s+le\s+mois\s+de|en\s+ce\s+mois\s+de|"
               r"(?:au\s+)?début\s+(?:du\s+mois\s+)?(?:de|d')|(?:à\s+la\s+)?fin\s+(?:du\s+mois\s+)?"
               r"(?:de|d')|cette|ce)")
_YEAR_LEAD = (r"(?:en|depuis|dès|jusqu'en|avant|après|début|fin|courant|printemps|été|automne|"
              r"hiver|l'année|l'an|d'ici|année|de|entre|et|à|au\s+printemps|à\s+l'automne|en\s+été|en\s+hiver)")
_NOT_A_YEAR = (r"(?!\s*(?:%|€|\$|euros?|dollars?|km|kilomètres|mètres|personnes|habitants|"
               r"morts|soldats|victimes|tonnes|hommes|fois|exemplaires|voix|mots|\d))")


def _months(group: str = "month") -> str:
    # the dot of "oct. 2" belongs to the date; the full stop after "le 16 octobre." does not
    return rf"(?P<{group}>{_alternation(list(MONTHS()))})(?:\.(?=\s*\d))?(?![a-zà-ÿ])"


def _full_months(group: str) -> str:
    """Month names alone ("en sept ans" is not September): abbreviations only beside a day."""
    names = [n for n in MONTHS() if len(n) > 4 or n in ("mars", "mai", "juin", "août", "aout")]
    return rf"(?P<{group}>{_alternation(names)})(?![a-zà-ÿ])"


def _weekday(group: str = "wd") -> str:
    return rf"(?P<{group}>{_alternation(list(WEEKDAYS()))})\b"


def _number() -> str:
    return rf"(?P<n>\d{{1,3}}|{_alternation(list(NUMBERS()))})"


def _unit() -> str:
    return rf"(?P<unit>{_alternation(list(UNITS()))})\b"


@lru_cache(maxsize=1)
def pattern_table() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled pattern) for every kind of expression the grammar resolves."""
    months, mod = _months(), r"(?:\s+(?P<mod>dernier|prochain|passé))?"
    table = {
        "dmy": rf"\b{_LEAD}(?:{_weekday('wdname')},?\s+)?{_DAY}\s+{months},?\s+"
               rf"(?:de\s+l'an\s+)?{_YEAR}",
        "numeric": r"(?<![\d/.-])(?P<day>[0-3]?\d)([/.-])(?P<month>[01]?\d)\2(?P<year>\d{4}|\d\d)"
                   r"(?![\d/-])",
        "iso": r"(?<![\d/.-])(?P<year>(?:1[5-9]|20)\d\d)([/-])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)"
               r"(?![\d/-])",
        "numeric_dm": r"\b(?:le|du|au|ce)\s+(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?![\d/])",
        "numeric_my": r"(?<![\d/.-])(?:(?P<month>0?[1-9]|1[0-2])\s*[/-]\s*"
                      r"(?P<year>(?:1[5-9]|20)\d\d)|"
                      r"(?P<year2>(?:1[5-9]|20)\d\d)\s*[/-]\s*(?P<month2>0?[1-9]|1[0-2]))(?![\d/-])",
        "day": r"\b(?:le|au|du)\s+(?P<day>1er|[12]\d|3[01]|0?[1-9])(?=\s*[,.;:)]|\s*$)",
        "dm": rf"\b{_LEAD}(?:{_weekday('wdname')},?\s+(?:le\s+)?)?{_DAY}\s+{months}{mod}",
        "wdday": rf"\b{_LEAD}{_weekday()},?\s+(?:le\s+)?{_DAY}"
                 rf"(?!\s*(?:h\b|heures?|[,.]?\d|{_alternation(list(MONTHS()))}))",
        "my": rf"(?:\b{_MONTH_LEAD}\s+)?\b{months}\s+(?:de\s+l'année\s+)?{_YEAR}",
        "month": rf"(?:\b{_MONTH_LEAD}\s+{_full_months('month')}{mod}|"
                 rf"\bmi-\s*{_full_months('month3')}|"
                 rf"\b{_full_months('month2')}\s+(?P<mod2>dernier|prochain))",
        "year": rf"(?:\b{_YEAR_LEAD}\s+|\bmi-\s*){_YEAR}{_NOT_A_YEAR}",
        "ago": rf"\bil\s+y\s+a\s+{_QUALIFIER}{_number()}\s+{_unit()}",
        "ahead": rf"\b(?:dans|d'ici)\s+{_QUALIFIER}{_number()}\s+{_unit()}",
        "shift": rf"\b{_number()}\s+{_unit()}\s+(?P<dir>plus\s+tard|plus\s+tôt|auparavant|"
                 rf"après|avant)(?:\s*,?\s*(?:le|ce|soit\s+le)\s+{_weekday()}|(?=\s*[,.;:)]))",
        "deictic": rf"(?<![\w-])(?P<phrase>{_alternation(list(DEICTIC()))})(?![\w-])",
        "weekday": rf"\b(?:(?P<det>le|ce|cette|dès|depuis|jusqu'à|d'ici)\s+)?{_weekday()}"
                   r"(?:\s+(?:matin|soir|après-midi|midi|dans\s+la\s+soirée|dans\s+la\s+matinée))?"
                   r"(?:\s+(?P<mod>dernier|prochain|passé|suivant|précédent|d'avant|d'après))?",
    }
    return tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in table.items())


@lru_cache(maxsize=1)
def _enumeration() -> re.Pattern[str]:
    day = r"(?:1er|[12]\d|3[01]|0?[1-9])(?!\d)"
    return re.compile(
        rf"\b(?:les|du|entre\s+le|entre\s+les)\s+(?P<days>(?:{day}\s*(?:,|et|au|à|-)\s*"
        rf"(?:le\s+)?)+){day}\s+{_months()}(?:\s+{_YEAR})?", re.IGNORECASE)


def enumerated_days(text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    """The leading days of "les 16 et 17 mai", "du 3 au 5 mars 2024", with the shared month.

    The last day is left to the ordinary day-month pattern, which sees its month directly.
    """
    found = []
    for m in _enumeration().finditer(text):
        offset = m.start("days")
        for d in re.finditer(r"\d+(?:er)?", m["days"]):
            groups: dict[str, str | None] = {"day": d.group(), "month": m["month"],
                                             "year": m["year"], "mod": None, "wdname": None}
            found.append((offset + d.start(), offset + d.end(), groups))
    return found
