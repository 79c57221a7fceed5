"""The entity candidates of one document: spaCy's NER spans cleaned and retyped, and the
known names the KB finds in runs of capitalised words (steps 1 to 3 of
:mod:`veille.nlp.entities.component`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, NamedTuple, cast

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.names import fold, is_bare_surname, name_key
from veille.lang.pack import LanguagePack, PackError
from veille.model import EntityType, MentionVia
from veille.nlp import tokens
from veille.nlp.doctext import text_of
from veille.nlp.entities.offsets import Containment, Spans
from veille.nlp.entities.roles import (
    RoleMatch,
    nationalities,
    nationalities_of,
)
from veille.nlp.entities.text import (
    SPANS,
    SpanRules,
    Trimmed,
    fold_keep_offsets,
    join_hyphens,
    join_known,
    span_rules_of,
    trim_name,
)
from veille.nlp.scope import current_pack

_ENTITY_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})
_UNKNOWN: Any = object()  # not remembered yet (None is an answer)
_WORD = re.compile(r"\S+")


class Candidate(NamedTuple):
    """A mention to add to the table: its offsets, the name it goes under, its type, its
    text as written and how it names its entity."""

    start: int
    end: int
    name: str
    type: EntityType
    text: str
    via: MentionVia


@dataclass(frozen=True)
class _Rules:
    """The pack's data the candidate steps read, gathered once per pack: a step looked each
    table up in the pack for every span (issue 15)."""

    spans: SpanRules
    labels: dict[str, EntityType]
    paren_surname: re.Pattern[str]
    role_after: re.Pattern[str]
    place_before: re.Pattern[str]
    caps_run: re.Pattern[str]
    nationalities: dict[str, str]
    code: str


def _rules(pack: LanguagePack) -> _Rules:
    return _Rules(span_rules_of(pack), _ner_labels(pack), _paren_surname(pack),
                  _build_role_after(pack), pack.regex(SPANS, "place_before"), _caps_run(pack),
                  nationalities_of(pack), pack.code)


class NameLike:
    """The tokens the pack's ``entities/name_like.jsonl`` patterns match (tags a first name
    may carry), asked about one token at a time: a step asks of a few tokens a document, and
    gathering every match into sets cost a generator step per token (issue 15)."""

    def __init__(self, doc: Doc) -> None:
        pack = current_pack()
        self._starts = tokens.offsets(doc)
        self._tags = pack.derive(_name_like_tags)
        self._pos: list[str] = []
        self._matched: frozenset[int] = frozenset()
        if self._tags is not None and doc.has_annotation("POS"):
            self._pos = tokens.words(doc, "POS")
        else:
            self._tags = None
            matcher = pack.cached(("entities/name_like", id(doc.vocab)),
                                  lambda: _name_like_matcher(pack, doc.vocab))
            self._matched = frozenset(i for _, start, end in matcher(doc)
                                      for i in range(start, end))

    def __contains__(self, i: int) -> bool:
        """Whether token ``i`` is name-like."""
        if self._tags is None:
            return i in self._matched
        return self._pos[i] in self._tags

    def starts_at(self, offset: int) -> bool:
        """Whether a name-like token starts at character ``offset``."""
        i = bisect_left(self._starts, offset)
        return i < len(self._starts) and self._starts[i] == offset and i in self


def _name_like_tags(pack: LanguagePack) -> frozenset[str] | None:
    """The tags of the pack's ``name_like`` patterns when each matches one token on its
    part of speech alone, as they are written: the tag column answers those without running
    the Matcher, whose set predicates cost a Python call per token. None for other patterns."""
    tags: set[str] = set()
    for entry in pack.patterns("entities/name_like.jsonl"):
        pattern = entry["pattern"]
        if len(pattern) != 1 or set(pattern[0]) != {"POS"}:
            return None
        value = pattern[0]["POS"]
        if isinstance(value, str):
            tags.add(value)
        elif isinstance(value, dict) and set(value) == {"IN"}:
            tags.update(value["IN"])
        else:
            return None
    return frozenset(tags)


def _name_like_matcher(pack: LanguagePack, vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for entry in pack.patterns("entities/name_like.jsonl"):
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


def ner_candidates(doc: Doc, roles: list[RoleMatch], kb: KnowledgeBase,
                   on: date | None = None, name_like: NameLike | None = None
                   ) -> list[Candidate]:
    """Cleaned, retyped NER spans outside role descriptions (``name_like``: the tokens that
    may be a first name, the document's :class:`NameLike` by default)."""
    if name_like is None:
        name_like = NameLike(doc)
    text = text_of(doc)
    rules = current_pack().derive(_rules)
    inside_role = Containment([(r.start, r.end) for r in roles])
    columns = tokens.offsets(doc), tokens.ends(doc)

    def known(name: str) -> bool:  # one closure a document, not one a span
        return kb.link(name, None, on) is not None

    found: list[Candidate] = []
    for span in doc.ents:
        etype = rules.labels.get(span.label_)
        # A span across a line break ran over from the title: the last line's part is the name.
        line = max(span.start_char, text.rfind("\n", span.start_char, span.end_char) + 1)
        trimmed = trim_name(text, line, span.end_char, rules.spans) if etype else None
        if etype is None or trimmed is None:
            continue
        if etype == "MISC" and len(trimmed.name.split()) > 1 and rules.role_after.match(
                text, trimmed.end):
            etype = "PER"  # "Moussa Diallo, président de ...": a person in apposition
        if inside_role(trimmed.start, trimmed.end):
            continue  # "Ministre des Affaires étrangères" tagged ORG is a role, not a body
        trimmed = _compound(text, trimmed, known, rules.spans)
        if found and trimmed.start < found[-1].end:
            continue  # "(Bessent)" already taken into "Scott (Bessent)"
        # A place and a name to split hold three words or more (and no title).
        split = _place_then_name(text, trimmed, kb, on, rules) if (
            trimmed.title is None and trimmed.name.count(" ") >= 2) else None
        if split is not None:
            place, trimmed, etype = split[0], split[1], "PER"
            found.append(Candidate(place.start, place.end, place.name, "LOC", place.name,
                                    "name"))
        name, end = trimmed.name, trimmed.end
        paren = rules.paren_surname.match(text, end)
        if len(name.split()) == 1 and paren and (etype == "PER" or "-" not in name):
            # Transcripts write "Marco (Rubio)", "Scott (Bessent)": a first name and a bracketed
            # surname, which spaCy splits and often tags as places.
            name, end, etype = f"{name} {paren.group(1)}", paren.end(), "PER"
        etype = "MISC" if is_demonym(name, rules.nationalities) else kb_type(
            name, etype, kb, on, rules.code)
        start = trimmed.start
        first = _first_name_before(span.start, columns, name_like, rules.spans, text) if (
            etype == "PER") else None
        if first is not None and start == span.start_char and is_bare_surname(name):
            name, start = f"{text[first[0]:first[1]]} {name}", first[0]  # "Marine" + "Le Pen"
        via: MentionVia = "title" if trimmed.title else "name"
        found.append(Candidate(start, end, name, etype, text[start:end], via))
    return found


def _paren_surname(pack: LanguagePack) -> re.Pattern[str]:
    """The pack's ``paren_surname`` (written for the text after a span, from its start ``^``)
    without its ``^``, to match at the span's end in the whole text: slicing the rest of the
    text for each span made a long document quadratic."""
    return re.compile(pack.regex_source(SPANS, "paren_surname").removeprefix("^"))


def _ner_labels(pack: LanguagePack) -> dict[str, EntityType]:
    """The pack's model's NER labels -> entity types (``entities/ner_labels.tsv``)."""
    labels: dict[str, EntityType] = {}
    for label, etype in pack.mapping("entities/ner_labels.tsv").items():
        if etype not in _ENTITY_TYPES:
            raise PackError(f"{pack.code}/entities/ner_labels.tsv: unknown entity type {etype}")
        labels[label] = cast(EntityType, etype)
    return labels


def _build_role_after(pack: LanguagePack) -> re.Pattern[str]:
    """", ministre ...", ", l'actuelle porte-parole ...": a person's role in apposition."""
    nouns = "|".join(re.escape(n) for n in sorted(pack.lines("quote_person_nouns.txt"),
                                                    key=len, reverse=True))
    return pack.regex(SPANS, "role_after", re.IGNORECASE, nouns=nouns)


def _caps_run(pack: LanguagePack) -> re.Pattern[str]:
    """A run of capitalised words and the pack's lower-case links ("Banque de France")."""
    upper, link = pack.regex_source(SPANS, "upper"), pack.regex_source(SPANS, "caps_run_link")
    return re.compile(rf"[{upper}][\w’'-]*(?:[ -](?:[{upper}0-9][\w’'-]*|{link}))*")


def _place_then_name(text: str, trimmed: Trimmed, kb: KnowledgeBase, on: date | None,
                     rules: _Rules) -> tuple[Trimmed, Trimmed] | None:
    """A known place followed by a person's name in one span ("à Cotonou Kossi Amegan": the
    tagger joins a place and the name right after it). Split when the KB knows the place,
    not the whole, and two capitalised words or more follow."""
    span = text[trimmed.start : trimmed.end]
    if trimmed.title or span != trimmed.name or len(span.split()) < 3 or kb.link(span, None, on):
        return None
    words = list(_WORD.finditer(span))
    # Without the KB: "à Cotonou Kossi Amegan, ministre togolais": a place preposition
    # before and a role in apposition after; the name is then the last two words.
    cue = bool(rules.place_before.search(text, max(0, trimmed.start - 12), trimmed.start)
               and rules.role_after.match(text, trimmed.end))
    for k in (1, 2):
        head, rest = words[:k], words[k:]
        known = kb.link(span[: head[-1].end()], "LOC", on) is not None
        if not (known or (cue and len(rest) == 2)) or len(rest) < 2 or not all(
                w.group()[:1].isupper() for w in rest):
            continue
        cut = trimmed.start + rest[0].start()
        return (Trimmed(trimmed.start, trimmed.start + head[-1].end(), span[: head[-1].end()],
                        None), Trimmed(cut, trimmed.end, text[cut : trimmed.end], None))
    return None


def _compound(text: str, trimmed: Trimmed, known: Callable[[str], bool], rules: SpanRules
              ) -> Trimmed:
    """The span grown over the rest of a compound name the tagger cut ("Addis" of
    "Addis-Abeba", "Rio" of "Rio de Janeiro"). Two names the KB knows apart joined by a
    hyphen ("UE-Chine", "Russie-Ukraine") stay apart unless the KB knows the whole
    (``known``: whether the KB links a name)."""
    start, end = join_hyphens(text, trimmed.start, trimmed.end, rules)
    if (start, end) != (trimmed.start, trimmed.end) and not known(text[start:end]):
        parts = [p for p in re.split(r"-", text[start:end]) if p[:1].isupper()]
        if sum(known(p) for p in parts) >= 2:
            start, end = trimmed.start, trimmed.end
    start, end = join_known(text, start, end, known, rules)
    if (start, end) == (trimmed.start, trimmed.end):
        return trimmed
    name = text[start : trimmed.start] + trimmed.name + text[trimmed.end : end]
    return Trimmed(start, end, " ".join(name.split()), trimmed.title)


def _first_name_before(i: int, columns: tuple[list[int], list[int]], name_like: NameLike,
                       rules: SpanRules, text: str) -> tuple[int, int] | None:
    """The offsets of the token before a surname span (from token ``i``) when it looks like a
    first name spaCy left out (``columns``: the document's token starts and ends; ``text``:
    its text)."""
    if i == 0:
        return None
    starts, ends = columns
    word = text[starts[i - 1] : ends[i - 1]]
    spaced = starts[i] > ends[i - 1]  # the token before has trailing white space
    # ``str.isalpha`` is spaCy's ``is_alpha`` of the token's text, without a Token.
    if not spaced or not word[:1].isupper() or not word.isalpha():
        return None
    if fold(word) in rules.title_keys or i - 1 not in name_like:
        return None
    return starts[i - 1], ends[i - 1]


def is_demonym(name: str, adjectives: dict[str, str] | None = None) -> bool:
    """"Américains", "Estoniens": a people, which spaCy often tags as a place (``adjectives``:
    the current pack's :func:`nationalities` by default)."""
    adjectives = adjectives if adjectives is not None else nationalities()
    key = fold_keep_offsets(name)
    return key in adjectives or (key.endswith("s") and key[:-1] in adjectives)


def kb_type(name: str, etype: EntityType, kb: KnowledgeBase, on: date | None = None,
            language: str | None = None) -> EntityType:
    """The KB's type for a name it knows under its label, when spaCy's type disagrees.

    A lone surname of a person in office on ``on`` ("Poutine" tagged LOC) is a person, unless
    the KB knows the name as a place or organisation too. ``language``: the code of the
    labels that count (the current pack's by default).
    """
    code = language or current_pack().code
    # Remembered by name, not date (each document has its own): only a lone surname's answer
    # turns on the date, through the KB's link. The memo is read directly: asked of every
    # NER span, a closure and two calls cost more than the look-up (issue 15).
    memo, key = kb.memo_space(kb_type), (name, etype, code)
    found: EntityType | None = memo.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        found = memo.put(key, _kb_type(name, etype, kb, code))
    if found is not None:
        return found
    return "PER" if kb.link(name, "PER", on) is not None else etype


def _kb_type(name: str, etype: EntityType, kb: KnowledgeBase, code: str
             ) -> EntityType | None:
    """:func:`kb_type`'s answer, or None for a lone capitalised word the KB knows by no
    label or alias: a person if it is the surname of one in office on the day."""
    key = name_key(name)
    found = [e for e in kb.by_name(name) if key in _label_keys(e, code)]
    types = {e.type for e in found}
    if not types and etype != "PER" and len(key.split()) == 1 and name[:1].isupper():
        return None if not kb.by_name(name) else etype
    if not types or etype in types:
        return etype
    for preferred in ("PER", "ORG", "LOC"):
        if preferred in types:
            return preferred
    return etype


def _label_keys(entry: KBEntry, language: str) -> set[str]:
    """Name keys of labels and aliases in ``language`` (not the many foreign city
    spellings)."""
    names = list(entry.labels.values()) + entry.aliases.get(language, [])
    return {name_key(n) for n in names}


def gazetteer_candidates(text: str, taken: list[Candidate], roles: list[RoleMatch],
                         kb: KnowledgeBase) -> list[Candidate]:
    """Known organisations and full names of known people in runs of capitalised words."""
    spans = Spans([(c.start, c.end) for c in taken] + [(r.start, r.end) for r in roles])
    found: list[Candidate] = []
    # Runs recur ("Le", "Selon", "Paris"): their known names are remembered by the KB.
    memo = kb.memo_space(_run_hits)
    for run in current_pack().derive(_rules).caps_run.finditer(text):
        surface = run.group(0)
        hits: tuple[tuple[int, int, KBEntry], ...] | None = memo.get(surface)
        if hits is None:
            hits = memo.put(surface, _run_hits(surface, kb))
        for first, last, entry in hits:
            start, end = run.start() + first, run.start() + last
            if not spans.overlaps(start, end):
                found.append(Candidate(start, end, entry.label, entry.type, text[start:end],
                                        "name"))
                spans.add(start, end)
    return found


def _run_hits(run: str, kb: KnowledgeBase) -> tuple[tuple[int, int, KBEntry], ...]:
    """The known names in a run of capitalised words, from its first word on, each the
    longest from its first word: offsets in the run and the entry."""
    words = list(_WORD.finditer(run))
    hits = []
    i = 0
    while i < len(words):
        hit = _longest_known(run, words, i, kb)
        if hit is None:
            i += 1
            continue
        j, entry = hit
        hits.append((words[i].start(), words[j].end(), entry))
        i = j + 1
    return tuple(hits)


def _longest_known(run: str, words: list[re.Match[str]], i: int, kb: KnowledgeBase
                   ) -> tuple[int, KBEntry] | None:
    """The longest run of words from ``i`` naming one known ORG, or PER by full name."""
    for j in range(min(len(words), i + 6) - 1, i - 1, -1):
        surface = run[words[i].start():words[j].end()]
        entry = kb.memo(_known_surface, (surface, j > i),
                        partial(_known_surface, surface, j > i, kb))
        if entry is not None:
            return j, entry
    return None


def _known_surface(surface: str, several_words: bool, kb: KnowledgeBase) -> KBEntry | None:
    """The one ORG, or PER when ``several_words``, the surface names with its capitals."""
    entries = [e for e in kb.by_name(surface, ("ORG", "PER"))
               if (e.type == "ORG" or several_words) and _case_match(surface, e)]
    return entries[0] if len(entries) == 1 else None


def _case_match(surface: str, entry: KBEntry) -> bool:
    """The surface spells a name of the entry with its capitals ("UN" is not "Un")."""
    def shape(s: str) -> str:
        return " ".join(re.sub(r"[-'’]", " ", s).split())
    return any(shape(n) == shape(surface) or (shape(n).lower() == shape(surface).lower()
                                               and not n.isupper() and not surface.isupper()
                                               and len(n) > 4)
               for n in entry.names())
