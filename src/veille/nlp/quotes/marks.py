"""Quote marks and sentences over plain text (no spaCy): where direct quotes are, where clauses end.

Newsroom conventions handled here (the marks and punctuation are the pack's: ``quotes/marks*``):
- the pack's pairs (French: « », “ ”, ‹ ›, the German-style „ “ of some Swiss and Belgian copy
  and of machine translation, straight " and ” used as both marks); a quote left open at the end
  of a paragraph stops there (the next paragraph usually reopens it: multi-paragraph quotes), and
  the pieces form a chain;
- a quote whose opening mark was lost (scraped away, or a drop cap): a paragraph with no mark
  before a closing one (``orphan_closers``) followed by a comma and a lower-case incise
  (``Nous ne céderons rien », a déclaré X``) is quoted from its start; nothing else is guessed;
- scrapers break a quote onto its own line (``"évoquée plus tard"`` then a line with only ``.``):
  a line break is ignored for sentence purposes when the next line starts with lower case or
  punctuation, or when the line before ends without terminal punctuation and the next line opens
  a quote.
Sentences are computed with quote contents masked, so a quoted ``A. B.`` stays one unit with its
attribution clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_pack

_TERMINAL = ".!?…"
# Where a sentence may end: the loop of `sentences` visits these characters only.
_BREAKS = re.compile("[\n" + re.escape(_TERMINAL) + "]")


@dataclass(frozen=True)
class MarkRules:
    """A language's quote marks and the punctuation around them (``quotes/marks*``)."""

    pairs: dict[str, str]  # opening mark -> its first closing mark
    closers: dict[str, frozenset[str]]  # opening mark -> every mark that closes it
    openers: frozenset[str]
    abbreviation: re.Pattern[str]  # a period that ends no sentence: "M. Lavrov"
    closing_after_stop: re.Pattern[str]  # after final punctuation, keeps the sentence open
    line_continues: re.Pattern[str]  # first character of a line that continues the one before
    line_open_end: re.Pattern[str]  # last character of a line a quote on the next does not join
    orphan_closers: re.Pattern[str]  # closing marks that may close a quote whose opener was lost
    dialogue_dash: re.Pattern[str]  # the dash opening a line of dialogue, at a line's start
    # a line break the dash follows: the scan for dialogue lines after the first
    dialogue_break: re.Pattern[str]
    dialogue_incise: re.Pattern[str]  # the end of a dialogue line's speech and its incise
    reporting_forms: frozenset[str]  # inflected reporting verbs: an incise holds one
    opener: re.Pattern[str]  # any opening mark: a search skips the text between them
    # opening mark -> a pattern of its closing marks, and of itself when it nests (it is not
    # its own closer): the marks a quote's span looks at
    span_marks: dict[str, re.Pattern[str]]
    any_mark: re.Pattern[str]  # any opening or closing mark
    # the characters ``orphan_closers`` was asked of, and those it matched, as characters
    # are met: a text has a hundred distinct ones, nearly all met in the texts before
    orphan_tested: set[str] = field(default_factory=set)
    orphan_closer_chars: set[str] = field(default_factory=set)
    # a pattern of any character not in ``orphan_tested``, keyed by how many it holds
    _untested: dict[int, re.Pattern[str]] = field(default_factory=dict)

    def orphan_closers_in_text(self, text: str) -> set[str]:
        """:meth:`orphan_closers_in` the characters of ``text``: when a search in C finds no
        character never met in it (nearly every text), the closers met before are looked for
        in the text, and its set of characters is not built."""
        untested = self._untested.get(len(self.orphan_tested))
        if untested is None:
            self._untested.clear()
            tested = "".join(sorted(map(re.escape, self.orphan_tested)))
            untested = self._untested[len(self.orphan_tested)] = re.compile(
                f"[^{tested}]" if tested else "(?s:.)")
        if untested.search(text) is not None:
            return self.orphan_closers_in(set(text))
        return {ch for ch in self.orphan_closer_chars if ch in text}

    def orphan_closers_in(self, chars: set[str]) -> set[str]:
        """The characters of ``chars`` that may close a quote whose opener was lost (set
        operations in C; only the characters never met are matched)."""
        for ch in chars - self.orphan_tested:
            self.orphan_tested.add(ch)
            if self.orphan_closers.fullmatch(ch) is not None:
                self.orphan_closer_chars.add(ch)
        return chars & self.orphan_closer_chars


def mark_rules() -> MarkRules:
    """The current pack's quote marks."""
    return current_pack().derive(_build_rules)


def _build_rules(pack: LanguagePack) -> MarkRules:
    # One opener may have several closers: „ closes with “ (German) or ” (French outlets and
    # machine translation); ``pairs`` keeps the first, for the readers of a single mark.
    pairs: dict[str, str] = {}
    closers: dict[str, set[str]] = {}
    for row in pack.table("quotes/marks_pairs.tsv"):
        if len(row) >= 2:
            pairs.setdefault(row[0], row[1])
            closers.setdefault(row[0], set()).add(row[1])
    name = "quotes/marks.toml"
    return MarkRules(pairs, {k: frozenset(v) for k, v in closers.items()}, frozenset(pairs),
                     pack.regex(name, "abbreviation"),
                     pack.regex(name, "closing_after_stop"), pack.regex(name, "line_continues"),
                     pack.regex(name, "line_open_end"), pack.regex(name, "orphan_closers"),
                     *_line_start(pack.regex_source(name, "dialogue_dash")),
                     pack.regex(name, "dialogue_incise"),
                     pack.words("reporting_verb_forms.txt")
                     | pack.words("reporting_verb_forms_added.txt"),
                     _any_of(c for c in pairs if len(c) == 1),
                     {opener: _any_of(c for c in {opener, *ends} if len(c) == 1)
                      for opener, ends in closers.items()},
                     _any_of(c for c in {*pairs, *pairs.values()} if len(c) == 1))


def _line_start(source: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``source`` anchored at a line's start, and a line break it follows (the break alone):
    a search for the break opens on its one character, which re skips to in C, where the
    anchored pattern was tried at every character of the text."""
    return (re.compile(f"^(?:{source})", re.MULTILINE),
            re.compile(f"\\n(?=(?:{source}))"))


def _any_of(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching one of ``chars`` (nothing when there is none)."""
    found = "".join(sorted(map(re.escape, chars)))
    return re.compile(f"[{found}]" if found else "(?!)")


@dataclass(frozen=True)
class Marked:
    """A quoted span: ``start``/``end`` bound the words, ``left``/``right`` the marks."""

    start: int
    end: int
    left: int
    right: int
    closed: bool
    chained: bool = False  # continues an open quote of the previous paragraph


def find_marked(text: str) -> list[Marked]:
    """All top-level quoted spans, left to right; quotes nested inside another are skipped."""
    found: list[Marked] = []
    rules = mark_rules()
    openers = rules.openers
    spoken = dialogue_lines(text)
    # Only an opener, a closer that may close an orphan quote or a dialogue line's start can
    # begin a span: the scan jumps from one to the next (it stepped through every character
    # of the text in Python, issue 15). Each distinct character is tested once per pack.
    closers = rules.orphan_closers_in_text(text)
    stops = sorted({i for ch in openers | closers for i in _positions(text, ch)} | set(spoken))
    i = 0
    for at in stops:
        if at < i:
            continue  # inside the span found last
        i = at
        if i in spoken:
            found.append(spoken[i])
            i = spoken[i].right
            continue
        ch = text[i]
        if ch in openers and _opens(text, i):
            mark = _span_from(text, i)
            if mark is not None:
                chained = bool(found) and _continues(text, found[-1], mark)
                found.append(Marked(mark.start, mark.end, mark.left, mark.right, mark.closed,
                                    chained))
                i = mark.right
                rest = None if mark.closed else _closed_later(text, mark.right, ch)
                if rest is not None:
                    found.append(rest)
                    i = rest.right
                continue
        orphan = _orphan_closed(text, i, found) if ch in closers else None
        if orphan is not None:
            found.append(orphan)
        i += 1
    return found


def _positions(text: str, ch: str) -> list[int]:
    """Every offset of the character ``ch`` in ``text``."""
    found, at = [], text.find(ch)
    while at >= 0:
        found.append(at)
        at = text.find(ch, at + 1)
    return found


_INCISE_MAX_WORDS = 8  # "a déclaré la ministre de la Santé"; a longer clause is narrative
_INCISE_VERB_WITHIN = 4  # the verb opens the incise: "dit-il", "a-t-elle ajouté", "a dit X"


def dialogue_lines(text: str) -> dict[int, Marked]:
    """Line start -> the speech of each dialogue line of narrative copy.

    French (and Belgian, Swiss, Québec, African) copy sets a line of dialogue after a dash,
    not between marks: "— Nous partirons demain, a dit la ministre." The speech runs from the
    dash to the reporting incise; the dash is its opening mark, the comma (or the speech's own
    ? ! …) its closing one, so the incise is read as after « … ». A dashed line with no incise
    (a list item, a dash-led heading, an interview's turn) is no quote: the incise must start
    lower case, be short and hold a reporting verb form among its first words; the speech must
    start upper case and hold no quote mark (the marks' own rules then apply), and the line end
    with a final stop.
    """
    found: dict[int, Marked] = {}
    for dash in _dialogue_dashes(text, mark_rules()):
        line_end = text.find("\n", dash.end())
        mark = _dialogue_speech(text, dash, len(text) if line_end < 0 else line_end)
        if mark is not None:
            found[dash.start()] = mark
    return found


def _dialogue_dashes(text: str, rules: MarkRules) -> Iterator[re.Match[str]]:
    """``rules.dialogue_dash.finditer(text)``: the pattern matches only at a line's start,
    so at the text's start and after the breaks ``dialogue_break`` finds (a break followed by
    a match, so each is a match), each one not inside the match before it as finditer's."""
    first = rules.dialogue_dash.match(text)
    if first is not None:
        yield first
    done = first.end() if first is not None else 0
    for found in rules.dialogue_break.finditer(text):
        if found.end() < done:
            continue
        dash = rules.dialogue_dash.match(text, found.end())
        if dash is not None:  # (always: the break's look-ahead is the pattern)
            done = dash.end()
            yield dash


def dialogue_line_at(text: str, pos: int) -> Marked | None:
    """The speech of the dialogue line starting at ``pos`` (see :func:`dialogue_lines`)."""
    dash = mark_rules().dialogue_dash.match(text, pos)
    if dash is None:
        return None
    line_end = text.find("\n", dash.end())
    return _dialogue_speech(text, dash, len(text) if line_end < 0 else line_end)


def _dialogue_speech(text: str, dash: re.Match[str], line_end: int) -> Marked | None:
    rules = mark_rules()
    start = dash.end()
    if (start >= line_end or not text[start].isupper()
            or text[start:line_end].rstrip()[-1] not in _TERMINAL):
        return None  # lower case: a list item; no final stop: a heading ("— Le bilan, expliqué")
    for incise in rules.dialogue_incise.finditer(text, start, line_end):
        words = re.findall(r"[^\W\d_]+", incise.group("incise"))
        if (not incise.group("incise")[:1].islower() or len(words) > _INCISE_MAX_WORDS
                or rules.reporting_forms.isdisjoint(
                    w.casefold() for w in words[:_INCISE_VERB_WITHIN])):
            continue
        end = incise.start("sep") + (incise.group("sep") != ",")
        marks = rules.openers.union(*rules.closers.values())
        if any(ch in marks for ch in text[start:end]):
            return None
        return _trimmed(text, start, end, dash.start(), end, True)
    return None


_ORPHAN_MIN_WORDS = 4  # fewer words before a lone closing mark are no evidence of a quote


def _orphan_closed(text: str, i: int, found: list[Marked]) -> Marked | None:
    """The quote closed at ``i`` whose opening mark is missing: ``i`` holds a closing mark
    followed by ``,`` and a lower-case word (the incise ", a déclaré ..."), and the paragraph
    before it is one sentence with no quote mark, starting with a capital letter."""
    rules = mark_rules()
    if not rules.orphan_closers.fullmatch(text[i]):
        return None
    after = text[i + 1 : i + 40].lstrip(" \u00a0\u202f")
    if not after.startswith(",") or not after[1:].lstrip(" \u00a0\u202f")[:1].islower():
        return None
    line_start = text.rfind("\n", 0, i) + 1
    if found and (found[-1].right > line_start or not found[-1].closed):
        return None  # a quote already in this paragraph, or one left open before it
    before = text[line_start:i]
    marks = rules.openers.union(*rules.closers.values())
    if any(ch in marks for ch in before) or word_count(before) < _ORPHAN_MIN_WORDS:
        return None
    if any(ch in _TERMINAL and _ends_sentence(before, k, rules) for k, ch in enumerate(before)):
        return None  # where in the paragraph the quote began is a guess: none is made
    mark = _trimmed(text, line_start, i, line_start, i + 1, True)
    return mark if mark is not None and text[mark.start].isupper() else None


def _closed_later(text: str, pos: int, opener: str) -> Marked | None:
    """The next paragraph of an open quote when it ends the quote without reopening it
    (``« A`` / ``B », a-t-il dit.``): its words up to the closing mark."""
    start = pos
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    rules = mark_rules()
    close = rules.closers[opener]
    for k in range(start, end):
        if text[k] in rules.openers and _opens(text, k) and (text[k] not in close or k == start):
            return None  # reopened or a new quote: the usual rules apply
        if text[k] in close:
            mark = _trimmed(text, start, k, start, k + 1, True)
            return Marked(mark.start, mark.end, mark.left, mark.right, True, True) if mark else None
    return None


def _opens(text: str, i: int) -> bool:
    """A mark opens unless it is its own closer (``"``) with a letter before it or a space after."""
    if text[i] not in mark_rules().closers[text[i]]:
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _span_from(text: str, i: int) -> Marked | None:
    rules = mark_rules()
    nests = text[i] not in rules.closers[text[i]]  # "« a « b » c »"; a straight " does not
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    depth = 0
    # from one of its marks to the next (a search in C): the words between them change nothing
    for found in rules.span_marks[text[i]].finditer(text, i + 1, line_end):
        if nests and found.group() == text[i]:
            depth += 1
        elif depth == 0:
            j = found.start()
            return _trimmed(text, i + 1, j, i, j + 1, True)
        else:
            depth -= 1
    # Left open: the quote runs to the end of its paragraph (newsroom convention).
    return _trimmed(text, i + 1, line_end, i, line_end, False)


def _trimmed(text: str, start: int, end: int, left: int, right: int, closed: bool
             ) -> Marked | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return Marked(start, end, left, right, closed)


def _continues(text: str, prev: Marked, mark: Marked) -> bool:
    """``mark`` reopens ``prev``: prev was left open and mark starts the next paragraph."""
    if prev.closed:
        return False
    between = text[prev.right : mark.left]
    return "\n" in between and not between.strip()


def mask_quotes(text: str, marks: list[Marked]) -> str:
    """``text`` with every quoted word replaced by ``x`` (same length), so clauses see one unit;
    a capital stays one (``X``), so a quote box opening a line after a colon starts a sentence."""
    # Masking is the same on a masked character, so overlapping marks are masked as their
    # union; the text between them is copied as slices, not character by character.
    pieces: list[str] = []
    at = 0
    for start, end in sorted((m.start, m.end) for m in marks):
        if end <= at:
            continue
        start = max(start, at)
        pieces += (text[at:start], text[start:end].translate(_MASK))
        at = end
    return "".join([*pieces, text[at:]]) if pieces else text


class _Masked(dict[int, str]):
    """``str.translate``'s table for :func:`mask_quotes`, filled as characters are met: a
    space is kept, a capital is ``X``, any other character ``x``."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        found = self[code] = ch if ch.isspace() else "X" if ch.isupper() else "x"
        return found


_MASK = _Masked()


def sentences(text: str, marks: list[Marked]) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, quote contents atomic and scraper line breaks repaired."""
    masked = mask_quotes(text, marks)
    rules = mark_rules()
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _BREAKS.finditer(masked):
        i, ch = found.start(), found.group()
        if ch == "\n" and not _soft_break(masked, i, rules):
            spans.append((start, i))
            start = i + 1
        elif ch in _TERMINAL and _ends_sentence(masked, i, rules):
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, len(text)))
    spans = _split_after_quotes(text, marks, spans)
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def _split_after_quotes(text: str, marks: list[Marked], spans: list[tuple[int, int]]
                        ) -> list[tuple[int, int]]:
    """A quote whose words end a sentence ("« Pas un mètre. » Le ministre ...") ends it too."""
    cuts = sorted(m.right for m in marks if m.closed and text[m.end - 1] in _TERMINAL
                  and text[m.right : m.right + 3].lstrip(" ")[:1].isupper())
    out = []
    for a, b in spans:
        # the cuts inside the span by bisection: a scan of them all per span was quadratic
        for cut in cuts[bisect_right(cuts, a) : bisect_left(cuts, b)]:
            if cut > a:  # two quotes closing at one place cut once
                out.append((a, cut))
                a = cut
        out.append((a, b))
    return out


def _soft_break(text: str, i: int, rules: MarkRules) -> bool:
    """A line break a scraper inserted inside a sentence."""
    # The characters around the break, past spaces and tabs, read in place: slicing the text
    # before and after each break was quadratic in a long transcript.
    j, k = i, i + 1
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    while k < len(text) and text[k] in " \t":
        k += 1
    if j == 0 or k == len(text) or text[j - 1] == "\n" or text[k] == "\n":
        return False
    last, nxt = text[j - 1], text[k]
    if rules.line_continues.match(nxt) or nxt.islower():
        return True
    return nxt in rules.openers and not (
        last in _TERMINAL or rules.line_open_end.match(last))


def _ends_sentence(text: str, i: int, rules: MarkRules) -> bool:
    rest = text[i + 1 : i + 4]
    if rest and (rest[0] in _TERMINAL or rules.closing_after_stop.match(rest[0])):
        return False
    if not rest or rest[0] == "\n":
        return True
    if not rest[0].isspace():
        return False
    nxt = rest.lstrip(" ")[:1]
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in rules.openers or nxt in "-–—"):
        return False
    return not (text[i] == "." and rules.abbreviation.search(text[max(0, i - 5) : i + 1]))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span of ``spans`` containing ``pos`` (or the nearest one before it).

    ``spans`` are sentences: in text order and disjoint, so the last one starting at or
    before ``pos`` is the answer, found by bisection (a scan per quote was quadratic in a long
    transcript)."""
    i = bisect_right(spans, pos, key=itemgetter(0))
    if i == 0:
        return spans[0] if spans else (0, 0)
    return spans[i - 1]


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
