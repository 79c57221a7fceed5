"""The words and regular patterns of time expressions, read from a language pack's ``times/``.

The pack's ``times/patterns.toml`` gives one regular expression per kind of expression, built
from named parts; this module fills in the alternations it builds from the pack's tables
(months, weekdays, number words, units, deictic phrases) and compiles everything once per pack,
case-insensitive, each behind a lookahead on the characters it can begin with
(:mod:`veille.lookahead`: the same matches, found faster). Patterns run over text whose
typographic apostrophes are folded to ``'``.
Names of groups are the contract with :mod:`veille.nlp.times.grammar`: ``day``, ``month``,
``year``, ``wd`` / ``wdname`` (weekday), ``mod`` (a modifier), ``det``, ``n`` and ``unit``
(a span), ``dir`` (a shift's direction), ``phrase`` (deictic).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from veille.datecalc import Unit
from veille.lang.pack import LanguagePack, alternation
from veille.lookahead import guarded
from veille.nlp.scope import current_pack
from veille.nlp.times.twins import lowercase_twin
from veille.nlp.times.windows import Anchor, AnchorStrings, Scanner, anchor
from veille.prefilter import Needs, needs

PATTERNS = "times/patterns.toml"
# Kind of expression -> its entry in PATTERNS, in the order the grammar tries them (a tie
# between two matches of the same span goes to the kind listed first).
KINDS = {
    "dmy": "dmy", "dmy_short": "dmy_short", "numeric": "numeric", "iso": "iso",
    "numeric_dm": "numeric_dm",
    "numeric_my": "numeric_my", "range": "range", "day": "day_alone",
    "range_start": "range_start", "dm": "dm", "season": "season",
    "wdday": "wdday", "my": "my",
    "month": "month_alone", "year": "year_alone", "ago": "ago", "ahead": "ahead",
    "shift": "shift", "part": "part", "year_part": "year_part", "deictic": "deictic",
    "weekday": "weekday",
}


@dataclass(frozen=True)
class TimeLexicon:
    """One pack's time words and compiled patterns."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    deictic: dict[str, tuple[Unit, int, str]]
    seasons: dict[str, int]  # season -> the month it begins in
    modifiers: dict[str, tuple[int, str]]  # word -> (direction, "reference" | "previous")
    directions: dict[str, int]
    determiners: dict[str, str]  # det -> "this-week" | "by" | "from" | "since"
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # each of ``patterns`` for the lowercase text, where it finds the same (windows.py)
    twins: tuple[re.Pattern[str] | None, ...]
    # what a text must hold for each of ``patterns`` to match, beyond what its anchor holds
    # (the scanner tests these once the anchor is found)
    needs: tuple[Needs, ...]
    anchors: tuple[Anchor | None, ...]  # where in a text each of ``patterns`` can match
    anchor_strings: AnchorStrings  # the strings of every anchor, found in one scan
    enumeration: re.Pattern[str]
    enumeration_needs: Needs
    enumeration_twin: re.Pattern[str] | None
    enumerated_day: re.Pattern[str]
    generic_weekday: re.Pattern[str]
    event_of: re.Pattern[str]
    sentence_end: re.Pattern[str]


def lexicon(pack: LanguagePack | None = None) -> TimeLexicon:
    """The time lexicon of ``pack`` (default: the running component's), built once per pack."""
    return (pack or current_pack()).derive(_build)


def _numbers(pack: LanguagePack, name: str) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in pack.table(name)}


def _build(pack: LanguagePack, guard: Callable[[str, int], str] = guarded) -> TimeLexicon:
    """The lexicon of ``pack``; ``guard`` puts each pattern and word list behind the
    lookahead on its first characters (:mod:`veille.lookahead`)."""
    months = {row[0].lower(): int(row[1]) for row in pack.table("months.tsv")}
    weekdays = _numbers(pack, "weekdays.tsv")
    numbers = _numbers(pack, "times/numbers.tsv")
    units = {row[0]: cast(Unit, row[1]) for row in pack.table("times/units.tsv")}
    deictic = {row[0]: (cast(Unit, row[1]), int(row[2]), row[3])
               for row in pack.table("times/deictics.tsv")}
    abbreviations = pack.words("times/month_abbreviations.txt")
    seasons = _numbers(pack, "times/seasons.tsv")
    parts = {
        "month_names": alternation(list(months)),
        "full_month_names": alternation([m for m in months if m not in abbreviations]),
        "weekday_names": alternation(list(weekdays)),
        "number_words": alternation(list(numbers)),
        "unit_words": alternation(list(units)),
        "deictic_phrases": alternation(list(deictic)),
        "season_names": alternation(list(seasons)),
    }

    parts = {name: guard(source, re.IGNORECASE) for name, source in parts.items()}
    parts.update(_word_lists(pack, parts, guard))

    def compiled(key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return pack.cached((PATTERNS, guard, key, flags), lambda: re.compile(
            guard(pack.regex_source(PATTERNS, key, **parts), flags), flags))

    kinds = tuple((kind, compiled(key)) for kind, key in KINDS.items())
    anchors = tuple(anchor(pattern.pattern, pattern.flags) for _, pattern in kinds)

    return TimeLexicon(
        months=months, weekdays=weekdays, numbers=numbers,
        ordinals=_numbers(pack, "times/day_ordinals.tsv"), units=units, deictic=deictic,
        seasons=seasons,
        modifiers={row[0]: (int(row[1]), row[2]) for row in pack.table("times/modifiers.tsv")},
        directions=_numbers(pack, "times/directions.tsv"),
        determiners=pack.mapping("times/weekday_determiners.tsv"),
        patterns=kinds,
        twins=tuple(lowercase_twin(pattern) for _, pattern in kinds),
        needs=tuple(needs(pattern.pattern, pattern.flags).beyond(found.strings) if found
                    else needs(pattern.pattern, pattern.flags)
                    for (_, pattern), found in zip(kinds, anchors, strict=True)),
        anchors=anchors,
        anchor_strings=AnchorStrings(found.strings for found in anchors if found is not None),
        enumeration=compiled("enumeration"),
        enumeration_needs=needs(compiled("enumeration").pattern),
        enumeration_twin=lowercase_twin(compiled("enumeration")),
        enumerated_day=compiled("enumerated_day", 0),
        generic_weekday=compiled("generic_weekday", 0),
        event_of=compiled("event_of"),
        sentence_end=compiled("sentence_end", 0),
    )


def _word_lists(pack: LanguagePack, parts: dict[str, str], guard: Callable[[str, int], str]
                ) -> dict[str, str]:
    """The word lists of ``times/patterns.toml`` (its list entries: "lead_words", ...),
    expanded and guarded like the tables' alternations."""
    data = tomllib.loads(pack.text(PATTERNS))
    return {key: guard(pack.regex_source(PATTERNS, key, **parts), re.IGNORECASE)
            for key, value in data.items() if isinstance(value, list)}


def enumerated_days(text: str, lex: TimeLexicon, scanner: Scanner | None = None
                    ) -> list[tuple[int, int, dict[str, str | None]]]:
    """"les 16 et 17 mai", "les 9 et 10 juillet prochains": days that share one month are one
    expression, from the first day to the month (and its year or modifier), valued at the
    first day. ``scanner`` (of ``text``) skips a text without the words an enumeration needs."""
    found = []
    matches = scanner.matches(lex.enumeration, lex.enumeration_twin, lex.enumeration_needs,
                              None) if scanner \
        else ((m, m.groupdict()) for m in lex.enumeration.finditer(text))
    for m, named in matches:
        # the first day, before or after the month
        first = lex.enumerated_day.search(text, m.start(), m.end())
        if first is None:
            continue
        groups: dict[str, str | None] = {"day": first.group(), "month": named["month"],
                                         "year": named["year"], "mod": named.get("mod"),
                                         "wdname": None}
        found.append((m.start(), m.end(), groups))
    return found
