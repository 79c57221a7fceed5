"""The language of a document, told from its text with py3langid.

py3langid was measured against lingua-language-detector 2.1.1 on short news texts (README,
"Language"): both named every French and English text of our samples and of the dev set, but
py3langid took 0.1-1.3 ms a text and 1.3 s to load where lingua took 3-16 ms and 36 s with its
models preloaded (and missed "Macron arrives in Berlin"). It scores every one of its 97
languages, so a Spanish page is "es", not forced into French or English.
"""

from __future__ import annotations

import re

import py3langid

# Below this many words a text tells nothing reliable about its language: a name alone
# ("Emmanuel Macron") or a caption reads as Italian or English as well as French.
_MIN_WORDS = 4
# The start of a long text is enough, and keeps the cost bounded: py3langid walks every byte
# in Python (0.6-0.9 ms a 1,000 characters). 3,000 characters name the same language as
# 20,000 on every seed, dev and test document.
_MAX_CHARS = 3_000
_WORD = re.compile(r"[^\W\d_]{2,}")

UNDETERMINED = "und"


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``und`` when it has too few words."""
    sample = text[:_MAX_CHARS]
    if len(_WORD.findall(sample)) < _MIN_WORDS:
        return UNDETERMINED
    code, _score = py3langid.classify(sample)
    return str(code)


def document_language(given: str | None, declared: str | None, text: str) -> str:
    """The language a document is in: the caller's word first (a feed or a user who knows),
    then what its text says, then what its page declares (``<html lang>``, which sites often
    leave at their main language on pages in another one), else ``und``."""
    if given:
        return given[:2].lower()
    found = detect_language(text)
    if found != UNDETERMINED:
        return found
    return (declared or UNDETERMINED)[:2].lower() if declared else UNDETERMINED
