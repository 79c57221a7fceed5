"""The event rules' tables follow the pack in scope, even when packs alternate in one process
(the tables a caller asked for last are kept with their pack: :mod:`veille.nlp.events.data`)."""

from __future__ import annotations

import re

from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.events.data import PATTERNS, kinds, patterns
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
