"""Remove page furniture from plain text, listing every removal with its reason.

Works line by line on text (HTML has first been reduced to text by :mod:`veille.clean.html`):
cookie and consent banners, share prompts, photo credits, image placeholders, advertising labels
a headline repeated as a footer, and a closing section of related headlines (a ``related-section``
line removes itself and everything after it). Patterns live in the language pack of the document
(``lang/<code>/clean/boilerplate.tsv``); the caller picks the pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from veille.lang.pack import LanguagePack
from veille.lookahead import guarded
from veille.model import Block, BlockKind, Removed
from veille.prefilter import DIGIT, filterable, needs, rarity

# An inline credit glued to a caption: "Sergueï Lavrov© RIA Novosti".
_CREDIT_MARK = "©"
_INLINE_CREDIT = re.compile(rf"\s*{_CREDIT_MARK}\s*[\w .'’/-]{{2,60}}$")
# UI words left between two banner lines ("OK", "Réseaux sociaux") belong to the banner.
_MAX_SANDWICH_WORDS = 3
# A "related-section" heading ("À la une de …", "Sur le même sujet") ends the article only after
# this many lines of article text: a page that opens with one is not cut to nothing.
_MIN_LINES_BEFORE_SECTION = 3

# The layout of one line: the index of the block it belongs to and the block's kind. Lines of
# one block are contiguous; a blank line belongs to no block (``None``).
LineLayout = tuple[int, BlockKind] | None


@dataclass
class Line:
    start: int
    end: int
    text: str
    reason: str | None = None


Rules = tuple[tuple[str, re.Pattern[str]], ...]


def _rules(pack: LanguagePack) -> Rules:
    """(reason, pattern) rows of the pack's ``clean/boilerplate.tsv``, compiled once per pack."""
    table = pack.table("clean/boilerplate.tsv")
    return tuple((reason, re.compile(rx, re.IGNORECASE)) for reason, rx in table)


# A back-reference means a group number, which joining the patterns into one would shift.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@dataclass(frozen=True)
class Screen:
    """Whether a line matches some row of ``clean/boilerplate.tsv``, in a search or two and
    a few look-ups where each of the 30-odd rows was tried in turn (issue 15): most lines are
    article text. The rows anchored at the line's start are joined into one pattern tried at
    the start only (searched, each would still try every position). A row searched anywhere
    or opening with a run of any characters ("^.{0,120}\\bsoutenez ...") is tried alone, on
    a line that holds one of the words it needs most (:mod:`veille.prefilter`): searched, it
    tries its words at every position; at the start, the run takes its characters then gives
    them back one at a time, trying the rest after each (such rows were four fifths of the
    screen's time). The rows searched that need no word are joined into one searched."""

    at_start: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None
    needy: tuple[Needy, ...] = ()

    def matches(self, line: str) -> bool:
        return bool(self.at_start and self.at_start.match(line)) or bool(
            self.anywhere and self.anywhere.search(line)) or self._needy_match(line)

    def within(self, text: str) -> Screen:
        """The screen for the lines of ``text``: without the rows tried alone whose words the
        whole text lacks (most texts hold none of them: a test a document, not one a line)."""
        if not self.needy or not filterable(text):
            return self
        lowered = text.lower()
        # made directly: dataclasses.replace reads the fields first, twice the cost
        return Screen(self.at_start, self.anywhere, tuple(
            row for row in self.needy if any(map(lowered.__contains__, row.words))))

    def _needy_match(self, line: str) -> bool:
        if not self.needy:
            return False
        lowered = line.lower() if filterable(line) else None  # None: each row is tried
        for row in self.needy:
            if (lowered is None or any(map(lowered.__contains__, row.words))) \
                    and row.test(line):
                return True
        return False


@dataclass(frozen=True)
class Needy:
    """A row tried alone: ``words`` (lowercase, shortest first) are its rarest need."""

    words: tuple[str, ...]
    test: Callable[[str], re.Match[str] | None]  # the row's match (anchored) or search


# A row that opens with a run of any characters, which tries the rest at every length of it.
_ANY_RUN_FIRST = re.compile(r"\^\.[{*+?]")


def _any_rule(pack: LanguagePack) -> Screen | None:
    """The :class:`Screen` of ``pack``'s rows, or None when they cannot be joined safely."""
    sources = [rx for _, rx in pack.table("clean/boilerplate.tsv")]
    if not sources or any(_BACKREFERENCE.search(rx) for rx in sources):
        return None
    try:
        anchored = {rx: _anchored(rx) for rx in sources}
        slow = [rx for rx in sources if not anchored[rx] or _ANY_RUN_FIRST.match(rx)]
        needy = {rx: words for rx in slow if (words := _rarest(rx))}
        joined = [rx for rx in sources if rx not in needy]
        return Screen(_joined([rx for rx in joined if anchored[rx]]),
                      _joined([rx for rx in joined if not anchored[rx]]),
                      tuple(_needy(rx, words, anchored[rx]) for rx, words in needy.items()))
    except re.error:
        return None  # e.g. the same group name in two rows: each row is tried alone


def _needy(source: str, words: tuple[str, ...], anchored: bool) -> Needy:
    row = re.compile(guarded(source, re.IGNORECASE), re.IGNORECASE)
    return Needy(words, row.match if anchored else row.search)


def _rarest(source: str) -> tuple[str, ...]:
    """The strings of the rarest group of words every match of ``source`` holds (one is in
    the lowercase line), shortest first; none where it needs no word or a figure."""
    groups = needs(source, re.IGNORECASE).groups
    group = max(groups, key=rarity) if groups else frozenset()
    return () if DIGIT in group else tuple(sorted(group, key=lambda s: (len(s), s)))


def _joined(sources: list[str]) -> re.Pattern[str] | None:
    """The rows as one pattern, behind a lookahead on the characters a match can begin with:
    the rows searched anywhere ("... cookies ...") otherwise try each of their words at every
    position of every line (0.06 of 0.11 ms a generated article saved; the same matches).
    The guard is pure ``re`` (it reads the parsed pattern), shared with the times stage."""
    if not sources:
        return None
    joined = "|".join(f"(?:{rx})" for rx in sources)
    return re.compile(guarded(joined, re.IGNORECASE), re.IGNORECASE)


def _anchored(source: str) -> bool:
    """Whether the row can only match at the line's start: it opens with ``^`` (not in
    multi-line mode) and no ``|`` outside its groups offers another way ("^a|b")."""
    multiline = bool(re.compile(source, re.IGNORECASE).flags & re.MULTILINE)
    return source.startswith("^") and not multiline and not _top_level_bar(source)


def _top_level_bar(source: str) -> bool:
    """Whether ``source`` has a ``|`` outside every group and character class."""
    depth, at, in_class = 0, 0, False
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += source.startswith("^", at + 1)  # "[^]...]" and "[]...]": "]" is a member
            at += source.startswith("]", at + 1)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return False


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


def classify(line: str, pack: LanguagePack) -> str | None:
    """The boilerplate reason for one line in ``pack``'s language, or None when it is article
    text."""
    return _reason(line, pack.derive(_any_rule), pack.derive(_rules))


def _reason(line: str, screen: Screen | None, rules: Rules) -> str | None:
    """:func:`classify` with the pack's screen and rows looked up (once per document)."""
    if not line.strip():
        return None
    if screen is not None and not screen.matches(line):
        return None
    for reason, pattern in rules:
        if pattern.search(line):
            return reason
    return None


def strip_boilerplate(text: str, pack: LanguagePack, title: str | None = None
                      ) -> tuple[str, list[Removed]]:
    """Return the cleaned text and what was removed (offsets into ``text``), with the furniture
    patterns of ``pack`` (the document's language)."""
    cleaned, removed, _ = strip_layout(text, pack, title)
    return cleaned, removed


def strip_layout(text: str, pack: LanguagePack, title: str | None = None,
                 layout: list[LineLayout] | None = None
                 ) -> tuple[str, list[Removed], list[Block]]:
    """:func:`strip_boilerplate`, and the blocks of the cleaned text: ``layout`` gives each line
    of ``text`` its block (see :data:`LineLayout`); without it each paragraph (lines between
    blank lines) is one block."""
    lines = split_lines(text)
    if layout is None or len(layout) != len(lines):
        layout = paragraph_layout(text)
    screen, rules = pack.derive(_any_rule), pack.derive(_rules)
    screen = screen.within(text) if screen is not None else None
    for line in lines:
        line.reason = _reason(line.text, screen, rules)
    _absorb_banner_labels(lines)
    _mark_repeated_headline(lines, title)
    _cut_related_section(lines)
    removed: list[Removed] = []
    kept: list[tuple[str, LineLayout]] = []
    for line, place in zip(lines, layout, strict=True):
        if line.reason:
            removed.append(Removed(line.start, line.end, line.reason, line.text))
            continue
        # A line without the mark has no credit: searching it would try every position.
        credit = _INLINE_CREDIT.search(line.text) if _CREDIT_MARK in line.text else None
        if credit and len(line.text) - len(credit.group()) > 3:
            cut = line.start + credit.start()
            removed.append(Removed(cut, line.end, "photo-credit", credit.group().strip()))
            kept.append((line.text[: credit.start()], place))
            continue
        kept.append((line.text, place))
    cleaned, blocks = _join(kept)
    return cleaned, removed, blocks


def paragraph_layout(text: str) -> list[LineLayout]:
    """Each run of non-blank lines one paragraph block (plain text's layout)."""
    layout: list[LineLayout] = []
    index, open_block = 0, False
    # the lines of split_lines without their Line objects: the same breaks, and a line blank
    # with its break is blank without it (every line break is whitespace)
    for line in text.splitlines():
        if not line.strip():
            layout.append(None)
            index += open_block
            open_block = False
            continue
        layout.append((index, "paragraph"))
        open_block = True
    return layout


def _cut_related_section(lines: list[Line]) -> None:
    """Everything from a closing related-headlines heading on is furniture."""
    seen = 0
    for index, line in enumerate(lines):
        if line.reason == "related-section" and seen >= _MIN_LINES_BEFORE_SECTION:
            for rest in lines[index:]:
                if rest.text.strip():
                    rest.reason = rest.reason or "related-links"
            return
        if line.reason == "related-section":
            line.reason = None
        if line.text.strip() and not line.reason:
            seen += 1


def _absorb_banner_labels(lines: list[Line]) -> None:
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    for pos, index in enumerate(content):
        line = lines[index]
        before = lines[content[pos - 1]].reason if pos > 0 else None
        if line.reason or before != "cookie-banner":  # told before counting a line's words
            continue
        after = lines[content[pos + 1]].reason if pos + 1 < len(content) else None
        if after in ("cookie-banner", None) and len(line.text.split()) <= _MAX_SANDWICH_WORDS:
            line.reason = "cookie-banner"


def _mark_repeated_headline(lines: list[Line], title: str | None) -> None:
    content = [line for line in lines if line.text.strip() and not line.reason]
    if len(content) < 3:
        return
    head = (title or content[0].text).strip().casefold()
    last = content[-1]
    if head and last.text.strip().casefold() == head:
        last.reason = "repeated-headline"


def _join(kept: list[tuple[str, LineLayout]]) -> tuple[str, list[Block]]:
    """The kept lines joined (trailing blanks cut, at most one blank line in a row, none at the
    ends) and the blocks over them, each ``Block`` indexing the joined text."""
    parts: list[str] = []
    blocks: list[Block] = []
    spans: dict[int, Block] = {}
    pos, blank = 0, False
    for body, place in kept:
        line = body.rstrip(" \t")
        if not line:
            blank = bool(parts)
            continue
        if parts:
            sep = "\n\n" if blank else "\n"
            parts.append(sep)
            pos += len(sep)
        blank = False
        parts.append(line)
        start, pos = pos + len(line) - len(line.lstrip()), pos + len(line)
        if place is None:
            continue
        index, kind = place
        block = spans.get(index)
        if block is None:
            spans[index] = block = Block(start, pos, kind)
            blocks.append(block)
        block.end = pos
    return "".join(parts), blocks
