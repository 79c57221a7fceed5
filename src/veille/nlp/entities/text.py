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
from typing import NamedTuple

from veille.kb.names import fold
from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_pack

SPANS = "entities/spans.toml"
_EDGE_CHARS = " \t\n\u00a0.,;:!?«»\"'’()[]-–—_/*•|"
_BRACKETS_AS_SPACES = str.maketrans("()[]", "    ")


@dataclass(frozen=True, eq=False)
class SpanRules:
    """The pack's span patterns (``entities/spans.toml``) and word lists, compiled once per
    pack: a span's checks look them up here, not in the pack on every call (issue 15).
    Compared and hashed by identity: the span memos below are keyed on it."""

    leading: re.Pattern[str]
    trailing: re.Pattern[str]
    hyphen_right: re.Pattern[str]
    hyphen_left: re.Pattern[str]
    spaced_right: re.Pattern[str]
    spaced_left: re.Pattern[str]
    # What ``spaced_left`` ends with, searched first: it opens on a space, which the engine
    # skips to, where ``spaced_left`` tries its look-behind at every offset of the window.
    spaced_before: re.Pattern[str]
    titles_by_initial: dict[str, tuple[str, ...]]
    title_keys: frozenset[str]
    noise: frozenset[str]


def span_rules() -> SpanRules:
    """The current pack's :class:`SpanRules`."""
    return current_pack().derive(span_rules_of)


def span_rules_of(pack: LanguagePack) -> SpanRules:
    """``pack``'s :class:`SpanRules`."""
    def part(key: str) -> str:
        return pack.regex_source(SPANS, key)
    cap = rf"[{part('upper')}][\w’']*"
    link, spaced = part("hyphen_link"), part("spaced_link")
    return SpanRules(
        leading=pack.regex(SPANS, "leading"),
        trailing=pack.regex(SPANS, "trailing", re.IGNORECASE),
        hyphen_right=re.compile(rf"(?:-(?:{link}-)*{cap})+"),
        hyphen_left=re.compile(rf"(?<![\w’'-])(?:{cap}-(?:{link}-)*)+$"),
        spaced_right=re.compile(rf" {spaced} {cap}"),
        spaced_left=re.compile(rf"(?<![\w’'-]){cap} {spaced} $"),
        spaced_before=re.compile(rf" {spaced} $"),
        titles_by_initial=_titles_by_initial(pack),
        title_keys=_title_keys(pack),
        noise=_noise(pack),
    )


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character, lower-case and accent-free, always one character long."""
    if ch in "’‘`´":
        return "'"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`fold_char`, filled as characters are met: one
    translate call folds a whole text in C instead of a Python call per character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
# fold_char of the 256 Latin-1 characters, each again Latin-1 (test_text checks): a text of
# them folds as bytes, one table look-up a character in C, where str.translate's mapping
# costs a dict look-up and an int object a character (80 ns: 70 us a generated article).
_LATIN1_FOLD = bytes(ord(fold_char(chr(code))) for code in range(256))
_NOT_LATIN1 = re.compile(r"[^\x00-\xff]+")
_APOSTROPHE = "’"  # folds to "'": the one character beyond Latin-1 most texts hold


# The last long text folded, and its fold: the entity and quote stages both fold a whole
# document (one tuple, read and replaced at once, so threads never see half of a pair).
_last_fold: tuple[str, str] = ("", "")
_REMEMBERED = 500  # characters: shorter texts are words and windows, not documents
_NAME_SIZE = 64  # characters: a name or a word, folded again and again (a window seldom is)


def fold_keep_offsets(text: str) -> str:
    """``text`` folded character by character: same length, so offsets carry over."""
    global _last_fold
    if len(text) <= _NAME_SIZE:
        return _fold_name(text)
    last = _last_fold
    if text is last[0]:
        return last[1]
    folded = _fold_text(text)
    if len(text) > _REMEMBERED:
        _last_fold = (text, folded)
    return folded


@lru_cache(maxsize=65536)
def _fold_name(text: str) -> str:
    return _fold_text(text)


def _fold_text(text: str) -> str:
    """``text.translate(_FOLD)``: its Latin-1 stretches through the byte table, the few other
    characters one stretch at a time."""
    text = text.replace(_APOSTROPHE, "'")
    try:
        return _fold_latin1(text)
    except UnicodeEncodeError:
        pass
    parts: list[str] = []
    done = 0
    for other in _NOT_LATIN1.finditer(text):
        parts += [_fold_latin1(text[done:other.start()]), other.group().translate(_FOLD)]
        done = other.end()
    parts.append(_fold_latin1(text[done:]))
    return "".join(parts)


def _fold_latin1(text: str) -> str:
    return text.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1")


def titles() -> tuple[str, ...]:
    """Folded titles of the current pack, longest first."""
    return current_pack().derive(_titles)


def _titles(pack: LanguagePack) -> tuple[str, ...]:
    return tuple(sorted({fold_keep_offsets(t) for t in pack.lines("titles.txt")},
                        key=len, reverse=True))


def titles_starting(initial: str) -> tuple[str, ...]:
    """:func:`titles` that begin with the folded character ``initial``, longest first: a span
    is tried against those only, not all of them (issue 15)."""
    return span_rules().titles_by_initial.get(initial, ())


def _titles_by_initial(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    by_initial: dict[str, list[str]] = {}
    for title in _titles(pack):  # titles are never empty: the pack's lines are not
        by_initial.setdefault(title[0], []).append(title)
    return {initial: tuple(found) for initial, found in by_initial.items()}


def title_keys() -> frozenset[str]:
    """Titles folded like names ("m", "secretaire d etat")."""
    return span_rules().title_keys


def _title_keys(pack: LanguagePack) -> frozenset[str]:
    return frozenset(fold(t) for t in _titles(pack))


def noise() -> frozenset[str]:
    """Spans the tagger finds that are page furniture (``entities/ner_noise.txt``), folded."""
    return span_rules().noise


def _noise(pack: LanguagePack) -> frozenset[str]:
    return frozenset(fold(line) for line in pack.lines("entities/ner_noise.txt"))


class Trimmed(NamedTuple):
    """A span after trimming: offsets into the document, the name and the stripped title (a
    tuple: made for every NER span, where a frozen dataclass cost a call a field)."""

    start: int
    end: int
    name: str
    title: str | None


def trim_span(text: str, start: int, end: int, rules: SpanRules | None = None
              ) -> Trimmed | None:
    """Strip edges, leading articles and titles from ``text[start:end]``; None when nothing left.

    The name drops parentheses and line breaks ("Marco (Rubio" -> "Marco Rubio"). ``rules``:
    the current pack's by default (a caller trimming many spans passes them once).
    """
    found = _trim(text[start:end], rules or span_rules())
    if found is None:
        return None
    first, last, name, title = found
    return Trimmed(start + first, start + last, name, title)


def trim_name(text: str, start: int, end: int, rules: SpanRules) -> Trimmed | None:
    """:func:`trim_span` of a tagger's span, None also when the span is noise (:func:`is_noise`
    of its name and its text): both are answered from the span's text, with one look-up of
    the two for a name already met (a document has dozens of spans, issue 15)."""
    found = _trim_clean(text[start:end], rules)
    if found is None:
        return None
    first, last, name, title = found
    return Trimmed(start + first, start + last, name, title)


@lru_cache(maxsize=65536)
def _trim_clean(span: str, rules: SpanRules) -> tuple[int, int, str, str | None] | None:
    found = _trim(span, rules)
    return None if found is None or _is_noise(found[2], span, rules) else found


# Names recur within a document and across a run: each span is trimmed once.
@lru_cache(maxsize=65536)
def _trim(span: str, rules: SpanRules) -> tuple[int, int, str, str | None] | None:
    """:func:`trim_span` of a whole ``span``: offsets in it, the name and the title."""
    lead = len(span) - len(span.lstrip(_EDGE_CHARS))
    stripped = span.strip(_EDGE_CHARS)
    if not stripped:
        return None
    start = lead
    end = start + len(stripped)
    match = rules.leading.match(stripped)
    if match and match.end() < len(stripped):
        start += match.end()
        stripped = stripped[match.end():]
    title = None
    folded = fold_keep_offsets(stripped)
    for candidate in rules.titles_by_initial.get(folded[:1], ()):
        cut = len(candidate)
        if folded.startswith(candidate) and len(folded) > cut and not folded[cut].isalnum():
            rest = stripped[cut:].lstrip(" \u00a0.")
            if rest and rest[0].isupper():
                title, start, stripped = candidate, start + len(stripped) - len(rest), rest
                break
    trailing = rules.trailing.search(stripped)
    if trailing and trailing.start() > 0:
        end -= len(stripped) - trailing.start()
        stripped = stripped[:trailing.start()]
    name = " ".join(stripped.translate(_BRACKETS_AS_SPACES).split())
    return (start, end, name, title) if name else None


def is_noise(name: str, raw: str, rules: SpanRules | None = None) -> bool:
    """Page furniture, interview labels, lower-case or line-broken spans, bare titles."""
    return _is_noise(name, raw, rules or span_rules())


@lru_cache(maxsize=65536)
def _is_noise(name: str, raw: str, rules: SpanRules) -> bool:
    key = fold(name)
    if not key or key in rules.noise or fold(raw) in rules.noise:
        return True
    if "\n" in raw or ":" in raw or not name[0].isupper():
        return True
    if key in rules.title_keys:
        return True
    return rules.noise.issuperset(key.split())


def split_title(text: str) -> tuple[str | None, str]:
    """``"Président Poutine" -> ("président", "Poutine")``; no title gives ``(None, text)``."""
    lowered = fold_keep_offsets(text)
    for title in titles_starting(lowered[:1]):
        if lowered.startswith(title + " ") and len(text) > len(title) + 1:
            return text[: len(title)].casefold(), text[len(title) + 1:].strip()
    return None, text


def join_hyphens(text: str, start: int, end: int, rules: SpanRules | None = None
                 ) -> tuple[int, int]:
    """Grow ``[start, end)`` over hyphen-joined capitalised parts the tagger cut off.

    spaCy splits "Addis-Abeba" into "Addis" and "Abeba"; French joins the parts of a compound
    place name with hyphens ("Saint-Pétersbourg", "Port-au-Prince", the pack's ``hyphen_link``
    words), so a capitalised word hyphen-joined to a span belongs to it.
    """
    rules = rules or span_rules()
    # The patterns open (or close) on the hyphen: most spans have none beside them. (``$``
    # also matches before a final line break.)
    right = rules.hyphen_right.match(text, end) if text[end : end + 1] == "-" else None
    if right:
        end = right.end()
    # The pattern ends on a hyphen at ``start``, or before a line break there.
    left = rules.hyphen_left.search(text, max(0, start - 60), start) if text[
        start - 1 : start] == "-" or text[start - 2 : start] == "-\n" else None
    if left:
        start = left.start()
    return start, end


def join_known(text: str, start: int, end: int, known: Callable[[str], bool],
               rules: SpanRules | None = None) -> tuple[int, int]:
    """Grow a span over a spaced link ("Rio" + " de Janeiro") when ``known`` accepts the whole."""
    rules = rules or span_rules()
    right = rules.spaced_right.match(text, end) if text[end : end + 1] == " " else None
    if right and known(text[start : right.end()]):
        return start, right.end()
    first = max(0, start - 40)
    left = rules.spaced_left.search(text, first, start) if text[start - 1 : start] in (
        " ", "\n") and rules.spaced_before.search(text, first, start) else None
    if left and known(text[left.start() : end]):
        return left.start(), end
    return start, end
