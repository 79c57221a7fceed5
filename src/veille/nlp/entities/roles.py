"""Role descriptions that stand for a person: "le ministre russe des Affaires étrangères".

Patterns live in the pack's ``entities/roles.tsv`` (with nationality adjectives from
``entities/nationalities.tsv``, country names in the pack's language from the knowledge base,
and the regexes of ``entities/roles.toml``); a role found in a text is a :class:`RoleMatch`
with offsets, a portable role key and a country when the text gives one. "Le ministre du
Redressement productif" (a portfolio with no country) becomes the role
``minister:redressement productif``, resolvable only inside the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.strings import StringStore
from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase
from veille.lang.pack import LanguagePack
from veille.lookahead import guarded, sre, sre_parse
from veille.nlp import tokens
from veille.nlp.entities.offsets import Spans
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.scope import current_kb, current_pack

_REGEXES = "entities/roles.toml"
# Tokens after a role searched for its verb ("le Premier ministre de la France a dit").
_CLAUSE_LOOKAHEAD = 12
# Universal part-of-speech tags (the same for every language's model).
_VERBS = frozenset({"VERB", "AUX"})
_CLAUSE_BREAKS = frozenset({"SCONJ", "CCONJ"})
# Universal features (a relative pronoun; a finite verb), as the morph string writes them.
_RELATIVE = "PronType=Rel"
_FINITE = "VerbForm=Fin"
# Placeholders of a roles.tsv pattern (escaped as re.escape leaves them).
_NATIONALITY = re.escape("{nationality}")
_OF_COUNTRY = re.escape("{of_country}")
_WORD_CHAR = re.compile(r"\w")


class RoleMatch(NamedTuple):
    """A role description found in a text (a tuple: a frozen dataclass cost a call a field,
    and a document holds a few, a transcript thousands)."""

    start: int
    end: int
    text: str
    role: str
    country: str | None
    current: bool = True  # False for "l'ancien président", "le futur chancelier"
    # The subject of its own clause ("Après le discours de X, le Premier ministre a dit"):
    # no apposition to the name before its comma.
    subject: bool = False

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.role, self.country)


RolePattern = tuple[re.Pattern[str], str, str | None]


@dataclass(frozen=True)
class _RoleRules:
    """The compiled role patterns of one pack and KB, grouped by their first word."""

    grouped: dict[str, list[RolePattern]]
    triggers: re.Pattern[str]
    det_before: re.Pattern[str]
    not_current: re.Pattern[str]
    portfolio: re.Pattern[str]
    portfolio_excluded: re.Pattern[str]
    # Characters every portfolio match holds, and the least and most characters a match
    # holds before them: the search is tried only where they stand (:func:`matches_holding`).
    portfolio_text: str
    portfolio_reach: tuple[int, int]
    # The nationality adjectives and country names the patterns were built from.
    adjectives: dict[str, str]
    countries: dict[str, str]


def nationalities() -> dict[str, str]:
    """Folded nationality adjective -> country code, in the current pack's language."""
    return current_pack().derive(nationalities_of)


def nationalities_of(pack: LanguagePack) -> dict[str, str]:
    table: dict[str, str] = {}
    for row in pack.table("entities/nationalities.tsv"):
        for form in row[0].split(","):
            table[form.strip()] = row[1]
    return table


def country_names() -> dict[str, str]:
    """Folded country name (from the knowledge base, in the pack's language) -> country code."""
    return current_kb().derive(current_pack().derive(_country_names_builder))


def _country_names_builder(pack: LanguagePack) -> Callable[[KnowledgeBase], dict[str, str]]:
    """The KB builder of country names in ``pack``'s language (one builder, so one cache
    entry, per pack)."""
    def build(kb: KnowledgeBase) -> dict[str, str]:
        names: dict[str, str] = {}
        for entry in kb:
            if entry.kind == "country" and entry.country:
                for name in [entry.labels.get(pack.code, ""), *entry.aliases.get(pack.code, [])]:
                    if name:
                        names[fold_keep_offsets(name)] = entry.country
        return names
    return build


def _rules() -> _RoleRules:
    return current_kb().derive(current_pack().derive(_rules_builder))


def _rules_builder(pack: LanguagePack) -> Callable[[KnowledgeBase], _RoleRules]:
    """The KB builder of ``pack``'s role rules: they need its adjectives and the KB's names."""
    def build(kb: KnowledgeBase) -> _RoleRules:
        return _compile_rules(pack, nationalities_of(pack), _country_names_builder(pack)(kb))
    return build


def _compile_rules(pack: LanguagePack, adjectives: dict[str, str], countries: dict[str, str]
                   ) -> _RoleRules:
    adj = rf"(?P<nationality>{_plain_alternation(list(adjectives))})"
    prefix = pack.regex_source(_REGEXES, "country_prefix")
    of_country = rf"{prefix}(?P<of_country>{_plain_alternation(list(countries))})"
    grouped: dict[str, list[RolePattern]] = {}
    for row in pack.table("entities/roles.tsv"):
        pattern = re.escape(row[0]).replace(_NATIONALITY, adj).replace(_OF_COUNTRY, of_country)
        country = row[2] if len(row) > 2 and row[2] else None
        head = row[0].split()[0]
        # A pattern opening on the adjective ("russian foreign minister") is tried where any
        # adjective occurs.
        for word in adjectives if head == "{nationality}" else [head]:
            grouped.setdefault(word, []).append((re.compile(rf"{pattern}\b"), row[1], country))
    # No look-behind in front: it would be tried at every offset of the text, where the words
    # alone let the engine skip to a possible first letter (:func:`_triggers` checks before).
    # The words as a trie: a flat alternation is tried word by word at every offset (it
    # needed a lookahead guard, and the search still cost 40 us a generated article).
    triggers = re.compile(rf"{_trie_alternation(grouped)}(?![\w-])")
    return _RoleRules(grouped, triggers, pack.regex(_REGEXES, "det_before"),
                      pack.regex(_REGEXES, "not_current"),
                      _guarded(pack.regex(_REGEXES, "portfolio")),
                      pack.regex(_REGEXES, "portfolio_excluded"),
                      *required_run(pack.regex(_REGEXES, "portfolio")), adjectives, countries)


def _guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead on its first characters (:mod:`veille.lookahead`): both
    are searched through whole texts, and the portfolio's, opening on a word boundary, was
    tried in full at every offset."""
    return re.compile(guarded(pattern.pattern, pattern.flags), pattern.flags)


def required_text(pattern: re.Pattern[str]) -> str:
    """The longest run of plain characters in the top-level sequence of ``pattern``: every
    match holds it, so a text without it holds no match ("" when there is none, or when the
    pattern ignores case). The portfolio search cost 25 us a generated article, a third of
    which name no minister."""
    return required_run(pattern)[0]


def required_run(pattern: re.Pattern[str]) -> tuple[str, tuple[int, int]]:
    """:func:`required_text` and the least and most characters a match holds before it (the
    widths of the top-level items in front, as re's parser measures them; the most is
    ``_UNBOUNDED`` or more when a repeat in front has no bound)."""
    if pattern.flags & re.IGNORECASE:
        return "", (0, 0)
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    best, best_at, run, run_at = "", 0, "", 0
    for at, (op, av) in enumerate(parsed):
        if op != sre.LITERAL:
            run = ""
            continue
        if not run:
            run_at = at
        run += chr(av)
        if len(run) > len(best):  # the first of the longest runs, as max() would pick
            best, best_at = run, run_at
    low, high = sre_parse.SubPattern(parsed.state, parsed.data[:best_at]).getwidth()
    return best, (int(low), int(high))


_UNBOUNDED = 256  # characters before the required text past which the plain scan is used


def matches_holding(pattern: re.Pattern[str], run: tuple[str, tuple[int, int]], text: str
                    ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at the starts a match may have (``run``: the
    :func:`required_run` of ``pattern``, or of a pattern with the same matches). A match holds
    the run ``low`` to ``high`` characters after its start, so the scan's next match starts at
    most ``high`` before the next place the run stands (one starting earlier would hold an
    earlier one), and the starts up to ``low`` before it are tried in order, as the scan
    reaches them. The portfolio scan stopped at every "l" of a text (a fifth of the role
    search)."""
    need, (low, high) = run
    if not need or high >= _UNBOUNDED:
        yield from pattern.finditer(text) if need in text else ()
        return
    pos = tried = 0  # where the scan is; every start before ``tried`` failed
    at = text.find(need, low)
    while at >= 0:
        for start in range(max(pos, tried, at - high), at - low + 1):
            m = pattern.match(text, start)
            if m is not None:
                yield m
                pos = tried = m.end()  # never empty: a match holds ``need``
                at = text.find(need, pos + low)
                break
        else:
            tried = max(tried, at - low + 1)
            at = text.find(need, at + 1)


def _plain_alternation(words: list[str]) -> str:
    """Literal words longest first, escaped as written (folded text has one apostrophe and
    single spaces, so :func:`alternation`'s spacing and apostrophe classes are not wanted)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_Trie = dict[str, "_Trie"]  # one character -> the rest; "" -> {} where a word ends


def _trie_alternation(words: Iterable[str]) -> str:
    """A group matching what ``(?:{_plain_alternation(words)})`` matches, words sharing a
    prefix under one branch ("pre(?:mier|sident)"). Where several words fit at an offset they
    are prefixes of one another, and each branch tries the longer words first: wherever the
    pattern goes on to a lookahead, the words are tried longest first, as the flat
    alternation tries them."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return f"(?:{_branches(trie)})"


def _branches(node: _Trie) -> str:
    alternatives = [re.escape(ch) + _branches(node[ch]) for ch in sorted(node) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer words first


def find_roles(text: str) -> list[RoleMatch]:
    """Role descriptions in ``text``, longest first where they overlap, in text order.

    Patterns are tried only where their first word occurs (a scan per pattern over a long
    text cost seconds); a determiner just before is taken into the mention.
    """
    rules = _rules()
    folded = fold_keep_offsets(text)
    found: list[RoleMatch] = []
    for trigger in _triggers(rules, folded):
        for pattern, role, fixed in rules.grouped[trigger.group(0)]:
            m = pattern.match(folded, trigger.start())
            if m is None:
                continue
            found.append(_role_match(rules, text, folded, m, role, fixed))
    for m in matches_holding(rules.portfolio, (rules.portfolio_text, rules.portfolio_reach),
                             text):
        portfolio = fold_keep_offsets(m.group(1))
        if not rules.portfolio_excluded.search(portfolio):
            found.append(RoleMatch(m.start(), m.end(), m.group(0), f"minister:{portfolio}", None))
    return _longest(found)


def _triggers(rules: _RoleRules, folded: str) -> Iterator[re.Match[str]]:
    r"""The trigger words of ``folded`` with no word character before them, as ``(?<!\w)`` in
    front of the pattern finds them: after a match that follows a word character the search
    goes on from the next offset, as a true match may start inside it."""
    pos = 0
    while (m := rules.triggers.search(folded, pos)) is not None:
        if m.start() and _WORD_CHAR.match(folded, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def _role_match(rules: _RoleRules, text: str, folded: str, m: re.Match[str], role: str,
                fixed: str | None) -> RoleMatch:
    """The match of one role pattern, its country and the qualifier or determiner before."""
    groups = m.groupdict()
    country = fixed
    if groups.get("nationality"):
        country = rules.adjectives[groups["nationality"]]
    elif groups.get("of_country"):
        country = rules.countries[groups["of_country"]]
    qualifier = rules.not_current.search(folded, max(0, m.start() - 12), m.start())
    head = qualifier.start() if qualifier else m.start()
    det = rules.det_before.search(folded, max(0, head - 8), head)
    start = det.start() if det else head
    return RoleMatch(start, m.end(), text[start:m.end()], role, country,
                     current=qualifier is None)


def _longest(found: list[RoleMatch]) -> list[RoleMatch]:
    """Drop matches inside a longer one; a country-bearing match wins over a bare one."""
    if len(found) < 2:  # a role or none (a quote's span, many a document): nothing to drop
        return found
    found.sort(key=lambda r: (-(r.end - r.start), r.country is None, r.start))
    kept: list[RoleMatch] = []
    taken = Spans([])  # bisection: a long transcript holds thousands of role matches
    for match in found:
        if not taken.overlaps(match.start, match.end):
            kept.append(match)
            taken.add(match.start, match.end)
    return sorted(kept, key=lambda r: r.start)


def mark_clause_subjects(doc: Doc, roles: list[RoleMatch]) -> list[RoleMatch]:
    """``roles``, those that open a clause marked ``subject``: "X, le Premier ministre, a
    dit" is an apposition; "Après le discours de X, le Premier ministre a dit" is not: the
    role, with its article, is the subject of the main clause and X sits in the fronted
    phrase. A document without tags keeps every role unmarked."""
    if not roles or not doc.has_annotation("MORPH"):
        return roles
    starts, ends, pos = tokens.offsets(doc), tokens.ends(doc), tokens.words(doc, "POS")
    marked = []
    for r in roles:
        # A role opening on an article: a bare role noun is never a clause's subject ("X,
        # fondatrice de Y affirme" is X's apposition even with its closing comma left out).
        first = _first_token(starts, ends, r.start)
        if first < len(starts) and starts[first] < r.end and pos[first] == "DET" and (
                opens_clause(doc, r.end)):
            r = RoleMatch(r.start, r.end, r.text, r.role, r.country, r.current, True)
        marked.append(r)
    return marked


def _first_token(starts: list[int], ends: list[int], start: int) -> int:
    """The first token ending after character ``start`` (``len(starts)`` when none), from
    the token start and end columns: where the tokens overlapping ``[start, end)`` begin, as
    :func:`veille.nlp.quotes.doc.span_of` selects them."""
    i = max(0, bisect_right(starts, start) - 1)
    if i < len(starts) and ends[i] <= start:
        i += 1
    return i


class _ClauseColumns(NamedTuple):
    """The columns :func:`opens_clause` reads, gathered once per document: the quote stage
    asks it hundreds of times a document, and five column reads a question cost more than
    its walk (issue 15)."""

    starts: list[int]
    ends: list[int]
    punct: list[int]
    pos: list[str]
    morph: list[int]


_CLAUSE_COLUMNS = "veille.entities.clause_columns"


def _clause_columns(doc: Doc) -> _ClauseColumns:
    found = doc.user_data.get(_CLAUSE_COLUMNS)
    if not isinstance(found, _ClauseColumns):
        found = doc.user_data[_CLAUSE_COLUMNS] = _ClauseColumns(
            tokens.offsets(doc), tokens.ends(doc), tokens.ids(doc, "IS_PUNCT"),
            tokens.words(doc, "POS"), tokens.ids(doc, "MORPH"))
    return found


def opens_clause(doc: Doc, end: int) -> bool:
    """Whether the noun phrase ending at character ``end`` is the subject of a verb after
    it: a finite verb follows before any punctuation, relative pronoun or conjunction.
    Read from the tags, not the parse: a parser often hangs such a subject on the name
    before its comma, the very apposition this tells apart."""
    columns = _clause_columns(doc)
    first = _first_token(columns.starts, columns.ends, end)
    punct, pos, morph, strings = columns.punct, columns.pos, columns.morph, doc.vocab.strings
    for i in range(first, min(len(pos), first + _CLAUSE_LOOKAHEAD)):
        relative, finite = _clause_features(morph[i], strings)
        if punct[i] or pos[i] in _CLAUSE_BREAKS or relative:
            return False
        if pos[i] in _VERBS and finite:
            return True
    return False


_CLAUSE_FEATURES: dict[int, tuple[bool, bool]] = {}
_CLAUSE_FEATURES_MAX = 20_000  # distinct morphologies remembered (a language has a few hundred)


def _clause_features(morph: int, strings: StringStore) -> tuple[bool, bool]:
    """Whether the morphology with hash ``morph`` marks a relative pronoun, a finite verb:
    remembered by hash (the same in every vocab), as the quote stage asks of the same few
    hundred morphologies thousands of times a run."""
    found = _CLAUSE_FEATURES.get(morph)
    if found is None:
        if len(_CLAUSE_FEATURES) > _CLAUSE_FEATURES_MAX:
            _CLAUSE_FEATURES.clear()
        # A feature with exactly one value is "Name=Value" between bars in the morph string.
        features = strings[morph].split("|") if morph else ()
        found = _CLAUSE_FEATURES[morph] = (_RELATIVE in features, _FINITE in features)
    return found
