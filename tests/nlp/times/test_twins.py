"""A case-insensitive time pattern as a case-sensitive twin over the lowercase text: where it
has one, and what over every character makes the two agree. That the packs' patterns and
their twins find the same matches: test_prefilter.py."""

from __future__ import annotations

import re

from veille.nlp.times.twins import lowercase_twin
from veille.prefilter import filterable


def test_a_pattern_naming_a_capital_or_a_sigma_has_no_twin() -> None:
    assert lowercase_twin(re.compile(r"\ble\s+(?:mai|juin)", re.IGNORECASE)) is not None
    assert lowercase_twin(re.compile(r"\bLe\s+mai", re.IGNORECASE)) is None
    assert lowercase_twin(re.compile(r"[A-Z]\d", re.IGNORECASE)) is None
    assert lowercase_twin(re.compile(r"ως", re.IGNORECASE)) is None  # "ΩΣ".lower() is "ως"
    assert lowercase_twin(re.compile(r"mai", 0)) is None  # already case-sensitive
    twin = lowercase_twin(re.compile(r"(?P<m>mai)\b", re.IGNORECASE))
    assert twin is not None and [m.span() for m in twin.finditer("le 3 mai")] == [(5, 8)]


def test_every_character_and_its_lowercase_are_alike_to_the_twins() -> None:
    # What lowercase_twin relies on, over every character: \d, \s and \w (and so \b) tell a
    # character as they tell its lowercase, and re's IGNORECASE matches a character with
    # what str.lower gives (a lowercase twin's literal), but for the characters filterable()
    # refuses and the sigmas.
    chars = [chr(c) for c in range(0x110000)
             if len(chr(c).lower()) == 1 and filterable(chr(c)) and chr(c) not in "Σσς"]
    text, lowered = "".join(chars), "".join(c.lower() for c in chars)
    for category in (r"\d", r"\s", r"\w"):
        pattern = re.compile(category)
        assert [m.start() for m in pattern.finditer(text)] == [
            m.start() for m in pattern.finditer(lowered)], category
    changed = [(c, c.lower()) for c in chars if c.lower() != c]
    assert len(changed) > 1000
    for char, lower in changed:
        assert re.compile(re.escape(lower), re.IGNORECASE).fullmatch(char), hex(ord(char))
