"""Text helpers for entity spans: offset-preserving folding, trimming, titles and noise.

Everything works on plain strings and character offsets so that the cleaned span still points at
the right characters of the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from veille.kb.names import fold
from veille.lang.pack import read_lines

# Leading words NER spans swallow ("des États-Unis", "l'OTAN"); stripped, longest first.
# Lower-case articles always go; capitalised "Le", "La", "De", "L'" may begin a name ("Le Pen",
# "Le Drian", "De Gaulle", "La Haye") and stay.
_LEADING = re.compile(r"^(?:(?:de la|de l['’]|des|du|de|d['’]|la|le|les|l['’]|au|aux|à"
                      r"|Les|Des|Du|Aux|Au|À|De la|De l['’])\s*)+")
_TRAILING = re.compile(r"(?:\s+(?:de la|de l['’]|des|du|de|d['’]|la|le|les|l['’]|et))+$",
                       re.IGNORECASE)
_EDGE_CHARS = " \t\n\u00a0.,;:!?«»\"'’()[]-–—_/*•|"


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character, lower-case and accent-free, always one character long."""
    if ch in "’‘`´":
        return "'"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


def fold_keep_offsets(text: str) -> str:
    """``text`` folded character by character: same length, so offsets carry over."""
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Folded titles, longest first."""
    return tuple(sorted({fold_keep_offsets(t) for t in read_lines("titles.txt")},
                        key=len, reverse=True))


@lru_cache(maxsize=1)
def title_keys() -> frozenset[str]:
    """Titles folded like names ("m", "secretaire d etat")."""
    return frozenset(fold(t) for t in titles())


@lru_cache(maxsize=1)
def noise() -> frozenset[str]:
    return frozenset(fold(line) for line in read_lines("ner_noise.txt"))


@dataclass(frozen=True)
class Trimmed:
    """A span after trimming: offsets into the document, the name and the stripped title."""

    start: int
    end: int
    name: str
    title: str | None


def trim_span(text: str, start: int, end: int) -> Trimmed | None:
    """Strip edges, leading articles and titles from ``text[start:end]``; None when nothing left.

    The name drops parentheses and line breaks ("Marco (Rubio" -> "Marco Rubio").
    """
    span = text[start:end]
    lead = len(span) - len(span.lstrip(_EDGE_CHARS))
    stripped = span.strip(_EDGE_CHARS)
    if not stripped:
        return None
    start += lead
    end = start + len(stripped)
    match = _LEADING.match(stripped)
    if match and match.end() < len(stripped):
        start += match.end()
        stripped = stripped[match.end():]
    title = None
    folded = fold_keep_offsets(stripped)
    for candidate in titles():
        cut = len(candidate)
        if folded.startswith(candidate) and len(folded) > cut and not folded[cut].isalnum():
            rest = stripped[cut:].lstrip(" \u00a0.")
            if rest and rest[0].isupper():
                title, start, stripped = candidate, start + len(stripped) - len(rest), rest
                break
    trailing = _TRAILING.search(stripped)
    if trailing and trailing.start() > 0:
        end -= len(stripped) - trailing.start()
        stripped = stripped[:trailing.start()]
    name = " ".join(re.sub(r"[()\[\]]", " ", stripped).split())
    return Trimmed(start, end, name, title) if name else None


def is_noise(name: str, raw: str) -> bool:
    """Page furniture, interview labels, lower-case or line-broken spans, bare titles."""
    key = fold(name)
    if not key or key in noise() or fold(raw) in noise():
        return True
    if "\n" in raw or ":" in raw or not name[0].isupper():
        return True
    if key in title_keys():
        return True
    words = key.split()
    return all(w in noise() for w in words)


def split_title(text: str) -> tuple[str | None, str]:
    """``"Président Poutine" -> ("président", "Poutine")``; no title gives ``(None, text)``."""
    lowered = fold_keep_offsets(text)
    for title in titles():
        if lowered.startswith(title + " ") and len(text) > len(title) + 1:
            return text[: len(title)].casefold(), text[len(title) + 1:].strip()
    return None, text


_CAP = r"[A-ZÉÈÀÂÎÔÛÇ][\w’']*"
# Lower-case links inside hyphenated place names: "Port-au-Prince", "Aix-en-Provence".
_LINK = r"(?:au|aux|de|du|des|la|le|les|sur|en|lès|les|sous|d'|d’)"
_HYPHEN_RIGHT = re.compile(rf"(?:-(?:{_LINK}-)*{_CAP})+")
_HYPHEN_LEFT = re.compile(rf"(?<![\w’'-])(?:{_CAP}-(?:{_LINK}-)*)+$")
# Spaced links ("Rio de Janeiro") join only names the knowledge base knows.
_SPACED_RIGHT = re.compile(rf" (?:de|do|da|del|dos|das|di) {_CAP}")
_SPACED_LEFT = re.compile(rf"(?<![\w’'-]){_CAP} (?:de|do|da|del|dos|das|di) $")


def join_hyphens(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` over hyphen-joined capitalised parts the tagger cut off.

    spaCy splits "Addis-Abeba" into "Addis" and "Abeba"; French joins the parts of a compound
    place name with hyphens ("Saint-Pétersbourg", "Port-au-Prince"), so a capitalised word
    hyphen-joined to a span belongs to it.
    """
    right = _HYPHEN_RIGHT.match(text, end)
    if right:
        end = right.end()
    left = _HYPHEN_LEFT.search(text, max(0, start - 60), start)
    if left:
        start = left.start()
    return start, end


def join_known(text: str, start: int, end: int, known: Callable[[str], bool]
               ) -> tuple[int, int]:
    """Grow a span over a spaced link ("Rio" + " de Janeiro") when ``known`` accepts the whole."""
    right = _SPACED_RIGHT.match(text, end)
    if right and known(text[start : right.end()]):
        return start, right.end()
    left = _SPACED_LEFT.search(text, max(0, start - 40), start)
    if left and known(text[left.start() : end]):
        return left.start(), end
    return start, end
