"""Time expressions in plain text, resolved against a reference date. No spaCy here.

:func:`find_times` scans the text with the patterns of :mod:`veille.nlp.times.patterns`, keeps the
longest of overlapping matches, then resolves them in reading order: absolute dates stand alone,
deictic ones ("hier", "la semaine dernière") use the reference date, and narrative ones ("la
veille", "trois jours plus tard, le lundi") the date last mentioned. Without a reference date,
relative expressions stay unresolved (value None) rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from veille.datecalc import (
    Lean,
    Unit,
    add_months,
    cost,
    nearest_weekday,
    pick_weekday,
    pick_year,
    precise,
    shift,
    weekday_in_week,
)
from veille.lang.pack import LanguagePack
from veille.nlp.times.patterns import TimeLexicon, enumerated_days, lexicon
from veille.nlp.times.windows import Scanner

Anchor = str  # "published" | "previous" | "absolute" | "none"
TenseOf = Callable[[int, int], "Lean | None"]


@dataclass(frozen=True)
class FoundTime:
    """One time expression: its span, ISO value (or None) and what it was resolved against."""

    start: int
    end: int
    text: str
    value: str | None
    anchor: Anchor
    kind: str


@dataclass
class _State:
    lex: TimeLexicon
    reference: date | None
    lean: Lean
    tense: TenseOf | None
    previous: date | None = None
    past_previous: date | None = None
    found: list[FoundTime] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of full dates

    def year_near(self, start: int) -> int | None:
        """Without a reference date, the year a day-month ("le 20 octobre") takes: that of the
        full date last written before it, else of the first one after it. The text's own
        dates say which year its story is in; they say nothing of which day it is written."""
        before = [year for at, year in self.years if at < start]
        after = [year for at, year in self.years if at >= start]
        return before[-1] if before else after[0] if after else None

    def lean_at(self, start: int, end: int) -> Lean:
        told = self.tense(start, end) if self.tense else None
        return told or self.lean

    def narrative(self, start: int, end: int) -> date | None:
        """The date a narrative expression ("la veille") counts from: the date last
        mentioned, except that a story told in the past skips dates announced for later
        ("la conférence, prévue le 2 avril. La veille, le ministre avait estimé...")."""
        later = self.previous is not None and self.reference is not None \
            and self.previous > self.reference
        if later and self.past_previous is not None and self.lean_at(start, end) == "past":
            return self.past_previous
        return self.previous

    def moved_to(self, day: date) -> None:
        self.previous = day
        if self.reference is None or day <= self.reference:
            self.past_previous = day


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


def find_times(text: str, reference: date | None, lean: Lean = "past",
               tense: TenseOf | None = None, pack: LanguagePack | None = None
               ) -> list[FoundTime]:
    """Every time expression of ``text`` in reading order, resolved.

    Args:
        text: plain text; offsets in the result index into it.
        reference: the date "hier" and "vendredi" are relative to, or None.
        lean: which way an ambiguous date points when the text does not say ("past" for news).
        tense: optional ``(start, end) -> "past" | "future" | None`` telling the tense of the
            verb governing a span (from a parser); it overrides ``lean`` where it speaks.
        pack: the language pack whose ``times/`` patterns to read (default: the running
            component's, :func:`veille.nlp.scope.current_pack`).
    """
    lex = lexicon(pack)
    state = _State(lex, reference, lean, tense)
    selected = _select(_scan(text, lex))
    if reference is None:
        state.years = [(m.start, int(m.groups["year"] or 0)) for m in selected
                       if m.kind in _FULL_DATES and len(m.groups["year"] or "") == 4]
    for match in selected:
        value, anchor, day = _resolve(match, state)
        if day is not None:
            state.moved_to(day)
        state.found.append(FoundTime(match.start, match.end, text[match.start:match.end],
                                     value, anchor, match.kind))
    return _anchor_on_named_events(text, state)


# How far the date of the event a narrative phrase names may lie ("la veille du scrutin
# présidentiel du 6 mai"): past a clause, the date is another story's.
_EVENT_REACH = 80


def _anchor_on_named_events(text: str, state: _State) -> list[FoundTime]:
    """"la veille du scrutin du 6 mai": a day-narrative phrase followed by its event counts
    from the first day-precise date of the same sentence after it (5 May), not from the date
    last mentioned."""
    found, lex = state.found, state.lex
    for i, item in enumerate(found):
        if item.kind != "deictic":  # told first: the phrase is read for deictic items only
            continue
        phrase = " ".join(item.text.lower().replace("’", "'").split())
        unit, offset, relative = lex.deictic.get(phrase, ("year", 0, ""))
        if relative != "previous" or unit != "day" or not lex.event_of.match(text, item.end):
            continue
        for later in found[i + 1:]:
            between = text[item.end:later.start]
            if len(between) > _EVENT_REACH or lex.sentence_end.search(between):
                break
            if later.value is not None and len(later.value) == 10:
                day = shift(date.fromisoformat(later.value), offset, unit)
                found[i] = FoundTime(item.start, item.end, item.text, day.isoformat(),
                                     "previous", item.kind)
                break
    return found


def _scan(text: str, lex: TimeLexicon) -> list[_Match]:
    folded = text.replace("’", "'").replace("\u2011", "-")  # same length: offsets stay valid
    # each pattern over the parts of the text it can match, not over all of it (issue 15)
    scanner = Scanner(folded, lex.anchor_strings)
    matches = []
    for (kind, pattern), twin, needs, anchor in zip(lex.patterns, lex.twins, lex.needs,
                                                    lex.anchors, strict=True):
        for m, groups in scanner.matches(pattern, twin, needs, anchor):
            if kind == "weekday" and _generic_weekday(folded, m.start("wd"), lex):
                continue
            matches.append(_Match(m.start(), m.end(), kind, groups))
    for start, end, groups in enumerated_days(folded, lex, scanner):
        matches.append(_Match(start, end, "dm", groups))
    return matches


def _generic_weekday(text: str, start: int, lex: TimeLexicon) -> bool:
    """"un lundi", "chaque lundi", "tous les lundis" name no particular day."""
    before = text[max(0, start - 12):start].lower()
    return lex.generic_weekday.search(before) is not None


def _select(matches: list[_Match]) -> list[_Match]:
    """Longest first, then earliest; a match overlapping a kept one is dropped."""
    kept: list[_Match] = []
    # The kept spans in order, by bisection (a long text has 1,000s). They do not overlap
    # (and none is empty: a match holds a word), so their ends are in order too: of those
    # beginning before a match ends, only the last may reach into it.
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        at = bisect_left(starts, m.end)
        if not at or ends[at - 1] <= m.start:
            kept.append(m)
            starts.insert(at, m.start)
            ends.insert(at, m.end)
    return sorted(kept, key=lambda m: m.start)


def _resolve(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """(value, anchor, the day it names if day-precise) for one match."""
    handler = _HANDLERS[m.kind]
    return handler(m, state)


def _number(word: str | None, lex: TimeLexicon) -> int | None:
    """A day or an amount, in figures, as an ordinal ("1er") or as a number word."""
    if word is None:
        return None
    word = word.lower()
    if word in lex.ordinals:
        return lex.ordinals[word]
    return int(word) if word.isdigit() else lex.numbers.get(word)


def _day(value: date | None, anchor: Anchor) -> tuple[str | None, Anchor, date | None]:
    if value is None:
        return None, "none", None
    return value.isoformat(), anchor, value


# A two-digit year is the reference's own or a neighbour's, never further (a stamp's century
# is the page's).
_SHORT_YEAR_SPAN = 1


def _short_year_date(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """A stamp's date with a two-digit year ("27 mars 20 à 9:21"), in the reference's
    century; no date without a reference or far from it."""
    if state.reference is None:
        return None, "none", None
    year = state.reference.year // 100 * 100 + int(m.groups["year"] or 0)
    if abs(year - state.reference.year) > _SHORT_YEAR_SPAN:
        return None, "none", None
    month = state.lex.months.get((m.groups["month"] or "").lower().rstrip("."))
    try:
        return _day(date(year, month or 0, _number(m.groups["day"], state.lex) or 0), "absolute")
    except ValueError:
        return None, "none", None


def _direction(mod: str | None, lex: TimeLexicon) -> int:
    """-1 for a modifier pointing back ("dernier"), +1 forward ("prochain"), 0 without one."""
    return lex.modifiers.get((mod or "").lower(), (0, ""))[0]


def _full_date(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    year = int(m.groups["year"] or 0)
    if year < 100:  # "05/05/71": two-digit years pivot at 50, as Recognizers does
        year += 2000 if year < 50 else 1900
    month = state.lex.months.get((m.groups["month"] or "").lower().rstrip("."))
    month = month or _number(m.groups["month"], state.lex)
    try:
        return _day(date(year, month or 0, _number(m.groups["day"], state.lex) or 0), "absolute")
    except ValueError:
        return None, "none", None


def _day_month(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    if m.groups.get("year"):
        return _full_date(m, state)
    month = state.lex.months[(m.groups["month"] or "").lower().rstrip(".")]
    day = _number(m.groups["day"], state.lex) or 0
    if state.reference is None:
        return _in_year_near(m, state, month, day)
    named = state.lex.weekdays.get((m.groups.get("wdname") or "").lower())
    if named:  # "jeudi 16 octobre": the year whose 16 October is a Thursday, if one is near
        for year in (state.reference.year, state.reference.year - 1, state.reference.year + 1):
            try:
                if date(year, month, day).isoweekday() == named:
                    return _day(date(year, month, day), "published")
            except ValueError:
                break
    lean = state.lean_at(m.start, m.end)
    direction = _direction(m.groups.get("mod"), state.lex)
    found = pick_year(month, day, state.reference, lean, direction)
    return _day(found, "published")


def _in_year_near(m: _Match, state: _State, month: int, day: int
                  ) -> tuple[str | None, Anchor, date | None]:
    """A day-month without a reference date, in the year of the text's nearby full dates."""
    year = state.year_near(m.start)
    try:
        return _day(date(year, month, day) if year else None, "previous")
    except ValueError:
        return None, "none", None


def _range(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"du 6 au 15 septembre l'an prochain": the first day, in the year given, the year a
    deictic phrase names from the reference, or the year a day-month would take."""
    lex = state.lex
    month = lex.months.get((m.groups["month"] or "").lower().rstrip("."))
    day = _number(m.groups["day"], lex) or 0
    if not month:
        return None, "none", None
    phrase = " ".join((m.groups.get("phrase") or "").lower().split())
    if m.groups.get("year"):
        year: int | None = int(m.groups["year"] or 0)
    elif phrase and lex.deictic[phrase][0] == "year":
        unit, offset, relative = lex.deictic[phrase]
        base = state.narrative(m.start, m.end) if relative == "previous" else state.reference
        year = shift(base, offset, unit).year if base else None
    elif state.reference is None:
        return _in_year_near(m, state, month, day)
    else:
        found = pick_year(month, day, state.reference, state.lean_at(m.start, m.end))
        return _day(found, "published")
    try:
        return _day(date(year, month, day) if year else None,
                    "absolute" if m.groups.get("year") else "published")
    except ValueError:
        return None, "none", None


def _season(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"l'été dernier": the year of the last summer over by the reference (a season lasts three
    months); "l'hiver prochain": of the next one to begin."""
    if state.reference is None:
        return None, "none", None
    begins = state.lex.seasons[(m.groups["season"] or "").lower()]
    ref = state.reference
    if _direction(m.groups.get("mod"), state.lex) > 0:
        return str(ref.year if ref.month < begins else ref.year + 1), "published", None
    return str(ref.year if ref.month >= begins + 3 else ref.year - 1), "published", None


def _weekday_day(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"vendredi 22": the nearby date that is a Friday the 22nd."""
    reference = state.reference
    if reference is None:
        return None, "none", None
    weekday = state.lex.weekdays[(m.groups["wd"] or "").lower()]
    day = _number(m.groups["day"], state.lex)
    near = [reference + timedelta(days=d) for d in range(-75, 76)]
    fits = [d for d in near if d.day == day and d.isoweekday() == weekday]
    lean = state.lean_at(m.start, m.end)
    return _day(min(fits, key=lambda d: cost(d, reference, lean)) if fits else None, "published")


def _month_year(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    name = (m.groups["month"] or m.groups.get("month2") or "").lower().rstrip(".")
    month = state.lex.months.get(name) or int(name)
    year = int(m.groups["year"] or m.groups.get("year2") or 0)
    return f"{year:04d}-{month:02d}", "absolute", None


def _numeric_day_month(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"le 22/04": a day and month in figures, the year from the reference."""
    month, day = int(m.groups["month"] or 0), _number(m.groups["day"], state.lex) or 0
    if not 1 <= month <= 12:
        return None, "none", None
    if state.reference is None:
        return _in_year_near(m, state, month, day)
    found = pick_year(month, day, state.reference, state.lean_at(m.start, m.end))
    return _day(found, "published")


def _day_only(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"le 23," alone: that day of the reference's month, or of the month before (news)."""
    reference, day = state.reference, _number(m.groups["day"], state.lex) or 0
    if reference is None:
        return None, "none", None
    candidates = []
    for months in (-1, 0, 1):
        first = add_months(reference.replace(day=1), months)
        try:
            candidates.append(first.replace(day=day))
        except ValueError:
            continue
    lean = state.lean_at(m.start, m.end)
    best = min(candidates, key=lambda d: cost(d, reference, lean)) if candidates else None
    return _day(best, "published")


def _month(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    if state.reference is None:
        return None, "none", None
    name = m.groups["month"] or m.groups.get("month2") or m.groups.get("month3") or ""
    month = state.lex.months[name.lower().rstrip(".")]
    lean = state.lean_at(m.start, m.end)
    mod = m.groups.get("mod") or m.groups.get("mod2")
    found = pick_year(month, None, state.reference, lean, _direction(mod, state.lex))
    return (found.isoformat()[:7], "published", None) if found else (None, "none", None)


def _year(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    return m.groups["year"], "absolute", None


def _span(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"il y a trois semaines", "dans deux jours", "trois jours plus tard, le lundi"."""
    amount = _number(m.groups["n"], state.lex)
    unit = state.lex.units[(m.groups["unit"] or "").lower()]
    if amount is None:
        return None, "none", None
    if m.kind == "shift":
        base, anchor = state.narrative(m.start, m.end), "previous"
        back = state.lex.directions.get((m.groups.get("dir") or "").lower(), 1) < 0
    else:
        base, anchor, back = state.reference, "published", m.kind == "ago"
    if base is None:
        return None, "none", None
    moved = shift(base, -amount if back else amount, unit)
    if m.groups.get("wd"):
        moved = nearest_weekday(state.lex.weekdays[(m.groups["wd"] or "").lower()], moved)
    if m.kind != "shift" and unit in ("month", "year"):
        # "il y a deux mois" names a month, "il y a 108 ans" a year, not a day of it
        return precise(moved, unit), anchor, None
    return _day(moved, anchor)


def _deictic(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    phrase = " ".join((m.groups["phrase"] or "").lower().split())
    unit, offset, relative = state.lex.deictic[phrase]
    base = state.narrative(m.start, m.end) if relative == "previous" else state.reference
    if base is None:
        return None, "none", None
    anchor = "previous" if relative == "previous" else "published"
    moved = shift(base, offset, unit)
    # "la veille" and "le lendemain" hang on the narrative's date without moving it on:
    # "Le 15 août... La veille, ... Le lendemain, ..." are the 14th and the 16th
    keeps = unit == "day" and relative != "previous"
    return precise(moved, unit), anchor, moved if keeps else None


def _period_part(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"à la fin du mois dernier": the month (week, year) the modifier names, counted from
    the reference ("dernier") or the narrative ("suivant"); without one, the reference's."""
    unit = state.lex.units[(m.groups["unit"] or "").lower()]
    direction, relative = state.lex.modifiers.get((m.groups.get("mod") or "").lower(),
                                                  (0, "reference"))
    base = state.narrative(m.start, m.end) if relative == "previous" else state.reference
    if base is None:
        return None, "none", None
    anchor = "previous" if relative == "previous" else "published"
    return precise(shift(base, direction, unit), unit), anchor, None


def _year_part(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    """"au second semestre", "le premier trimestre 2025", "le premier semestre de l'année
    dernière": the year given, or the one its phrase names, else the reference's."""
    if m.groups.get("year"):
        return m.groups["year"], "absolute", None
    phrase = " ".join((m.groups.get("phrase") or "").lower().split())
    unit, offset, relative = state.lex.deictic.get(phrase, ("year", 0, "reference"))
    base = state.narrative(m.start, m.end) if relative == "previous" else state.reference
    if base is None or unit != "year":
        return None, "none", None
    return str(shift(base, offset, unit).year), \
        "previous" if relative == "previous" else "published", None


def _weekday(m: _Match, state: _State) -> tuple[str | None, Anchor, date | None]:
    weekday = state.lex.weekdays[(m.groups["wd"] or "").lower()]
    mod, det = (m.groups.get("mod") or "").lower(), (m.groups.get("det") or "").lower()
    if state.lex.modifiers.get(mod, (0, ""))[1] == "previous":
        # "le lundi suivant": after the date last mentioned
        base = state.narrative(m.start, m.end)
        if base is None:
            return None, "none", None
        return _day(pick_weekday(weekday, base, "none", _direction(mod, state.lex)), "previous")
    if state.reference is None:
        return None, "none", None
    reading = state.lex.determiners.get(det)
    if reading == "this-week":  # "ce vendredi"
        return _day(weekday_in_week(weekday, state.reference), "published")
    if reading == "by":  # "d'ici vendredi": by the coming Friday, whatever the verb's tense
        return _day(pick_weekday(weekday, state.reference, "future", 1), "published")
    if reading == "since":  # "depuis lundi": the last Monday, whatever the verb's tense
        return _day(pick_weekday(weekday, state.reference, "past"), "published")
    lean = state.lean_at(m.start, m.end)
    if reading == "from":  # "dès lundi": the coming Monday, unless a past verb tells otherwise
        told = state.tense(m.start, m.end) if state.tense else None
        lean = "past" if told == "past" else "future"
    found = pick_weekday(weekday, state.reference, lean, _direction(mod, state.lex))
    return _day(found, "published")


_FULL_DATES = ("dmy", "numeric", "iso", "range")
_Handler = Callable[[_Match, _State], "tuple[str | None, Anchor, date | None]"]
_HANDLERS: dict[str, _Handler] = {
    "dmy": _full_date, "dmy_short": _short_year_date, "numeric": _full_date, "iso": _full_date,
    "numeric_dm": _numeric_day_month, "numeric_my": _month_year, "day": _day_only,
    "range": _range, "range_start": _day_month, "season": _season,
    "dm": _day_month, "wdday": _weekday_day,
    "my": _month_year, "month": _month, "year": _year, "ago": _span, "ahead": _span,
    "shift": _span, "part": _period_part, "year_part": _year_part, "deictic": _deictic,
    "weekday": _weekday,
}

__all__ = ["FoundTime", "Lean", "TenseOf", "Unit", "find_times"]
