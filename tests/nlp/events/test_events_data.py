"""The event rules' tables follow the pack in scope, even when packs alternate in one process
(the tables a caller asked for last are kept with their pack: :mod:`veille.nlp.events.data`)."""

from __future__ import annotations

import re

from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.events.data import PATTERNS, kind_tests_reader, kinds, pattern_reader, patterns
from veille.nlp.scope import scope

_FLAGS = {"sentence_end": 0}


def test_patterns_follow_the_pack_when_packs_alternate() -> None:
    kb = get_kb()
    seen: list[str] = []
    for code in ("fr", "en", "fr", "en"):
        pack = LanguagePack.load(code)
        with scope(pack, kb):
            seen.append(patterns(_FLAGS)["sentence_end"].pattern)
        assert seen[-1] == pack.regex(PATTERNS, "sentence_end", 0).pattern
    # the two packs end a sentence on different capitals ("À" is French only)
    assert seen[0] != seen[1] and seen[0] == seen[2] and seen[1] == seen[3]


def test_kinds_follow_the_pack_when_packs_alternate() -> None:
    french, english = LanguagePack.load("fr"), LanguagePack.load("en")
    found = [kinds(pack, "events/cues.tsv")["cancelled"] for pack in (french, english, french)]
    assert found[0] is found[2] and found[1] is not found[0]
    assert found[0].pattern != found[1].pattern
    assert isinstance(found[1], re.Pattern)


def test_readers_follow_the_pack_when_packs_alternate() -> None:
    # a reader keeps the pack it read last: the next pack must be read anew, not kept
    kb, read, cues = get_kb(), pattern_reader(_FLAGS), kind_tests_reader("events/cues.tsv")
    seen: list[tuple[str, re.Pattern[str]]] = []
    for code in ("fr", "en", "fr", "en"):
        pack = LanguagePack.load(code)
        with scope(pack, kb):
            seen.append((read()["sentence_end"].pattern, cues()["cancelled"]))
            assert read() is read()  # kept while the pack stays
        assert seen[-1][0] == pack.regex(PATTERNS, "sentence_end", 0).pattern
    assert seen[0][0] != seen[1][0] and seen[0] == seen[2] and seen[1] == seen[3]
    assert seen[0][1] is not seen[1][1]
