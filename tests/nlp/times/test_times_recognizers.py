"""Regression suite from the French date specs of Microsoft Recognizers-Text (MIT, read from
``../shared/corpus/datetime-fr/`` at test time; skipped cleanly when it is absent).

What Veille is held to, and why:

- Only results that name one day, one week, one month or one year (``date`` results and
  ``daterange`` results whose timex is ``2016-W45``, ``2016-11`` or ``2016``). Ranges
  ("du 4 au 22"), times of day, durations and sets are out of scope: the extraction record
  keeps one value per expression.
- Where the spec gives a past and a future reading (the specs are written for assistants,
  which lean to the future), Veille is held to the *past* one: news reports what happened.
  Where only one value is given, that value.
- A case passes when a time Veille finds overlaps the expected span and has the expected
  value. Cases without a ReferenceDateTime use the runner's default, 2016-11-07.
- Extractor files (no values) are not scored here.

The floors below are the rates measured when the suite was written (Veille's French grammar
covers what news writes; the specs also test assistant phrasings such as "le 27e" or "ma
journée"); raise them when the grammar improves, never lower them silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from veille.nlp.times.grammar import find_times

DEFAULT_REFERENCE = date(2016, 11, 7)
_CONCRETE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")
FLOORS = {"DateParser.json": 0.45, "DatePeriodParser.json": 0.80,
          "DateTimeModel.json": 0.40, "MergedParser.json": 0.85}


def _expected(result: dict[str, Any]) -> str | None:
    """The single value Veille is held to for one expected result, or None (out of scope)."""
    value = result.get("Value") or {}
    if "Timex" in value:  # *Parser.json
        past = value.get("PastResolution") or {}
        timex = value["Timex"]
        if "date" in past:
            return str(past["date"])
        return timex if _CONCRETE.match(timex) else None
    values = (result.get("Resolution") or value).get("values") or []
    dates = sorted(str(v["value"]) for v in values if v.get("type") == "date" and "value" in v)
    if dates:
        return dates[0]  # the earliest, i.e. the past reading
    timexes = [str(v.get("timex")) for v in values if v.get("type") == "daterange"]
    return timexes[0] if len(timexes) == 1 and _CONCRETE.match(timexes[0]) else None


def _cases(path: Path) -> Iterator[tuple[str, date, int, int, str]]:
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        if case.get("NotSupported") and "python" in case["NotSupported"]:
            continue
        stamp = (case.get("Context") or {}).get("ReferenceDateTime")
        reference = date.fromisoformat(stamp[:10]) if stamp else DEFAULT_REFERENCE
        for result in case.get("Results") or []:
            want = _expected(result)
            start = result.get("Start", result.get("start"))
            if want is None or start is None:
                continue
            end = result["End"] if "End" in result else start + result.get("Length", 0)
            yield case["Input"], reference, int(start), int(end), want


def score_file(path: Path) -> tuple[int, int, list[str]]:
    """(passed, held, a few failures) for one spec file."""
    passed, held = 0, 0
    failures: list[str] = []
    for text, reference, start, end, want in _cases(path):
        held += 1
        found = [t for t in find_times(text, reference, "past")
                 if t.start < max(end, start + 1) and t.end > start]
        if any(t.value == want for t in found):
            passed += 1
        elif len(failures) < 15:
            failures.append(f"{text!r} @{reference}: want {want}, "
                            f"got {[(t.text, t.value) for t in found]}")
    return passed, held, failures


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recognizers_specs_meet_their_floor(shared_dir: Path, name: str) -> None:
    path = shared_dir / "corpus" / "datetime-fr" / name
    if not path.exists():
        pytest.skip(f"{path} is missing")
    passed, held, failures = score_file(path)
    rate = passed / max(1, held)
    print(f"{name}: {passed}/{held} = {rate:.3f}")
    assert held >= 10, f"{name}: too few cases in scope ({held})"
    assert rate >= FLOORS[name], f"{name}: {rate:.3f} < {FLOORS[name]}\n" + "\n".join(failures)
