"""Name identity: the keys and the fuzzy test that say two spellings name the same entity.

Pure functions over strings, used inside a document (``nlp/entities``) and across documents
(``resolve``, the stores). Names cross languages, so the data is the union of what every
installed pack says a name may start with (articles, titles) plus the multilingual pack's
transliteration tables (``lang/xx/translit.tsv``, ``translit-rules.tsv``): Sergueï, Sergey and
Sergei fold to one key whatever the language of the article.

- ``name_key(name)``: accents, case, hyphens, titles and articles off, transliteration folded;
- ``same_entity(a_name, a_type, b_name, b_type)``: equal keys, or near-equal spellings
  (rapidfuzz) of the same surname with compatible first names. Different people who share a
  surname stay apart (Jean-Marie and Marine Le Pen); a bare surname never merges with a full
  name, because nothing says which bearer of the surname it is;
- ``surname_key(name)`` / ``is_bare_surname(name)``: the folded surname with its particles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from veille.lang.pack import LanguagePack, shared

# Calibrated by hand on pairs (after folding): Kallas/Kalas scores 91 and merges (a typo),
# Macron/Marron 83 and Dati/Dali 75 do not. First names must agree as well, which keeps a
# sister or a father apart even where surnames tie.
SURNAME_MIN_RATIO = 90.0
GIVEN_MIN_RATIO = 85.0


# Names recur within a document and across a run: each is folded once (issue 15: the NFKD
# walk was a third of the entities stage).
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents off, hyphens, dots and apostrophes as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.,()\"«»]", " ", text).split())


def _all_packs(name: str) -> list[str]:
    return [line for code in LanguagePack.available()
            for line in LanguagePack.load(code).lines(name)]


@cache
def _word_table() -> dict[str, str]:
    return {fold(a): fold(b) for a, b in shared().mapping("translit.tsv").items()}


@cache
def _letter_rules() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in shared().table("translit-rules.tsv")
                 if len(row) == 2)


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted({fold(t) for t in _all_packs("titles.txt")}, key=len, reverse=True))


@cache
def _articles() -> tuple[str, ...]:
    return tuple(sorted({a + " " for a in _all_packs("name_articles.txt")},
                        key=len, reverse=True))


@cache
def _particles() -> frozenset[str]:
    return shared().words("name_particles.txt")


@lru_cache(maxsize=65536)
def translit_word(word: str) -> str:
    """One folded word with its transliteration variants made equal."""
    word = _word_table().get(word, word)
    for src, dst in _letter_rules():
        word = word.replace(src, dst)
    return word


def strip_title(key: str) -> str:
    """A folded name without leading articles and titles ("le president poutine" -> "poutine")."""
    changed = True
    while changed and key:
        changed = False
        for prefix in _articles():
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix):], True
        for title in _titles():
            if key.startswith(title + " "):
                key, changed = key[len(title) + 1:], True
                break
    return key


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key names compare on: folded, untitled, transliteration-folded."""
    return " ".join(translit_word(w) for w in strip_title(fold(name)).split())


def _compatible_types(a: str, b: str) -> bool:
    return a == b or "MISC" in (a, b)


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """First names (all words but the surname) agree: equal, initial of, or near-equal."""
    if not a or not b:
        return False
    ga, gb = " ".join(a), " ".join(b)
    if len(a[0]) == 1 or len(b[0]) == 1:
        return a[0][0] == b[0][0]
    return fuzz.ratio(ga, gb) >= GIVEN_MIN_RATIO


def same_entity(a_name: str, a_type: str, b_name: str, b_type: str) -> bool:
    """Whether two entity names from different documents name the same thing.

    Equal keys merge. Persons merge when their surnames are near-equal spellings and their first
    names agree; a bare surname merges only with the same bare surname. Other types merge on
    near-equal whole names (ratio >= 90), which absorbs "Maison-Blanche"/"Maison Blanche".
    """
    if not _compatible_types(a_type, b_type):
        return False
    ka, kb_ = name_key(a_name), name_key(b_name)
    if not ka or not kb_:
        return False
    if ka == kb_:
        return True
    if "PER" not in (a_type, b_type):
        return fuzz.ratio(ka, kb_) >= SURNAME_MIN_RATIO
    wa, wb = ka.split(), kb_.split()
    surname_a, surname_b = _surname(wa), _surname(wb)
    if fuzz.ratio(" ".join(surname_a), " ".join(surname_b)) < SURNAME_MIN_RATIO:
        return False
    given_a, given_b = wa[: len(wa) - len(surname_a)], wb[: len(wb) - len(surname_b)]
    if not given_a and not given_b:
        return True
    return _given_names_agree(given_a, given_b)


def _surname(words: Sequence[str]) -> Sequence[str]:
    """The surname words of a folded name: the last word with its particles ("le pen")."""
    i = len(words) - 1
    while i > 0 and words[i - 1] in _particles():
        i -= 1
    return words[i:]


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(translit_word(w) for w in _strip_titles(fold(name)).split())


def surname_key(name: str) -> str:
    """The folded surname of a person's name ("Jean-Marie Le Pen" -> "le pen")."""
    words = _name_words(name)
    return " ".join(_surname(words)) if words else ""


def is_bare_surname(name: str) -> bool:
    """Whether a person's name is a surname alone ("Lavrov", "Mme Le Pen")."""
    words = _name_words(name)
    return bool(words) and len(_surname(words)) == len(words)


def _strip_titles(key: str) -> str:
    """Leading titles off a folded name, articles kept: "M. Le Pen" -> "le pen"."""
    for title in _titles():
        if key.startswith(title + " "):
            return _strip_titles(key[len(title) + 1:])
    return key


def surname_of_key(key: str) -> str:
    """The surname words of a name key, particles included ("jean marie le pen" -> "le pen")."""
    words = key.split()
    return " ".join(_surname(words)) if words else ""
