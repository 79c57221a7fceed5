"""The characters a pattern's matches end with (what a spaced anchor's whitespace follows)."""

from __future__ import annotations

import importlib
import re
from typing import Any

from veille.nlp.times.endings import follows
from veille.prefilter import DIGIT

sre_parse: Any = importlib.import_module("re._parser")


def ends(source: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    return follows(list(sre_parse.parse(source, flags)), flags)


def test_a_day_ends_with_a_figure_or_the_r_of_1er() -> None:
    # "1er", "[12]\d" (any figure), "0?[1-9]" (1 to 9, never the optional 0)
    assert ends(r"(?:1er|[12]\d|0?[1-9])(?!\d)") == frozenset({"r", DIGIT, *"123456789"})


def test_capitals_are_read_as_the_lowercase_text_holds_them() -> None:
    assert ends(r"(?:Lundi|MARDI)") == frozenset({"i"})
    assert ends(r"[A-C]", 0) == frozenset({"a", "b", "c"})


def test_what_may_be_empty_or_end_with_a_whitespace_tells_nothing() -> None:
    assert ends(r"(?:le)?") is None
    assert ends(r"le\s*") is None  # "\s*" may take the whitespace
    assert ends(r"le[ ,]") is None
    assert ends(r"\w") is None  # a class too wide to list
    assert ends(r"(?:le|du)\b") == frozenset({"e", "u"})  # a position reads nothing
