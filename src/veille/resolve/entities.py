"""Cross-document entity identity: which global entity a document's entity belongs to.

Pure functions over plain records; the store calls them, the NLP stage uses the same name keys.

API:

- ``name_key(name) -> str``: accents, case, hyphens, titles and articles off, then
  transliteration variants folded (Sergueï/Sergey/Sergei, Poutine/Putin, Zelensky/Zelenskyy/
  Zelenski, Kiev/Kyiv), from ``resources/fr/translit.tsv`` and ``translit-rules.tsv``.
- ``global_key(entity) -> str``: the store's key for an entity: its Wikidata id (``"Q58217"``)
  when linked, else ``"<TYPE>:<name_key>"`` (``"PER:serguei lavrov"`` -> after folding
  ``"PER:sergei lavrov"``).
- ``entity_key(entity, kb) -> str``: like ``global_key`` but links through the knowledge base
  first, so an unlinked "Sergey Lavrov" still gets Lavrov's Wikidata key.
- ``same_entity(a_name, a_type, b_name, b_type) -> bool``: the fuzzy test the store applies
  before creating a new global entity: equal keys, or near-equal spellings (rapidfuzz) of the
  same surname with compatible first names. Different people who share a surname stay apart
  (Jean-Marie and Marine Le Pen); a bare surname never merges with a full name across documents,
  because across documents nothing says which bearer of the surname it is.
- ``match(entity, candidates, kb=None) -> int | None``: index of the candidate ``(name, type,
  kb_id)`` the entity belongs to, or None.
- ``surname_key(name)`` / ``is_bare_surname(name)``: the folded surname with its particles
  ("le pen"), to narrow the store's candidates before ``same_entity``/``match``.

A store that wants fuzzy merging beyond the keys: for an unlinked PER entity whose
``global_key`` is new, fetch stored PER entities with the same ``surname_key`` and call
``match``; take the match's key, else create the entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from veille.model import Entity
from veille.resources import read_lines, read_table

if TYPE_CHECKING:
    from veille.resolve.kb import KnowledgeBase

# Calibrated by hand on pairs (after folding): Kallas/Kalas scores 91 and merges (a typo),
# Macron/Marron 83 and Dati/Dali 75 do not. First names must agree as well, which keeps a
# sister or a father apart even where surnames tie.
SURNAME_MIN_RATIO = 90.0
GIVEN_MIN_RATIO = 85.0
_ARTICLES = ("le ", "la ", "les ", "l ", "du ", "des ", "de la ", "de l ", "de ", "d ", "au ",
             "aux ", "the ")


def fold(text: str) -> str:
    """Lower-case, accents off, hyphens, dots and apostrophes as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-'’.,()\"«»]", " ", text).split())


@lru_cache(maxsize=1)
def _word_table() -> dict[str, str]:
    return {fold(row[0]): fold(row[1]) for row in read_table("translit.tsv") if len(row) == 2}


@lru_cache(maxsize=1)
def _letter_rules() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in read_table("translit-rules.tsv") if len(row) == 2)


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted((fold(t) for t in read_lines("titles.txt")), key=len, reverse=True))


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
        for prefix in _ARTICLES:
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


def fold_name(name: str) -> str:
    """Kept for callers of the first pass: :func:`fold`."""
    return fold(name)


def global_key(entity: Entity) -> str:
    """The Wikidata id for a linked entity, else ``<TYPE>:<name key>``."""
    if entity.kb_id:
        return entity.kb_id
    return f"{entity.type}:{name_key(entity.name)}"


def entity_key(entity: Entity, kb: KnowledgeBase | None = None) -> str:
    """Like :func:`global_key`, linking through ``kb`` when the entity is not linked yet."""
    if not entity.kb_id and kb is not None:
        entry = kb.link(entity.name, entity.type)
        if entry is not None and entry.id:
            return entry.id
    return global_key(entity)


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


_PARTICLES = frozenset({"le", "la", "de", "du", "van", "von", "der", "den", "di", "da", "al",
                        "el", "ben", "bin", "ibn", "mac", "st"})


def _surname(words: list[str]) -> list[str]:
    """The surname words of a folded name: the last word with its particles ("le pen")."""
    i = len(words) - 1
    while i > 0 and words[i - 1] in _PARTICLES:
        i -= 1
    return words[i:]


def _name_words(name: str) -> list[str]:
    return [translit_word(w) for w in _strip_titles(fold(name)).split()]


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


def match(entity: Entity, candidates: Sequence[tuple[str, str, str | None]],
          kb: KnowledgeBase | None = None) -> int | None:
    """Index of the candidate ``(name, type, kb_id)`` this entity belongs to, or None.

    A shared Wikidata id decides; two different ids never merge; otherwise :func:`same_entity`.
    """
    key = entity_key(entity, kb)
    qid = key if ":" not in key else None
    for i, (name, etype, cand_qid) in enumerate(candidates):
        if qid and cand_qid:
            if qid == cand_qid:
                return i
            continue
        if same_entity(entity.name, entity.type, name, etype):
            return i
    return None
