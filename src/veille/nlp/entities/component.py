"""Document-local entities: spaCy NER, cleaned, grouped, linked to the knowledge base.

:func:`build_entity_table` runs, in order:

1. NER spans trimmed ("des États-Unis" -> "États-Unis", "Président Poutine" -> "Poutine" with a
   title) and filtered (page furniture from ``entities/ner_noise.txt``, bare titles, line-broken
   spans);
   spans inside a role description are left to step 5;
2. types corrected from the knowledge base ("Washington" tagged PER is a place, "Maison Blanche"
   tagged LOC an organisation);
3. known organisations and full names of known people that spaCy missed ("le Kremlin",
   "le Wall Street Journal"), found by looking capitalised word runs up in the knowledge base;
4. mentions grouped: full names first, then surnames, initials and spelling variants attach to
   the person last mentioned with that name; bare surnames elsewhere in the text become mentions;
5. role descriptions ("le chef de la diplomatie russe") resolved to the holder named beside
   them in the document (apposition, either order), else to the KB holder at the reference date;
6. clusters linked to the knowledge base: canonical name = the KB's label in the pack's
   language when linked, else the fullest form found.

:class:`EntityTable` (in ``entity_table``) is re-exported here; it is the contract quotes and
events use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import cast

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from veille.kb.base import KBEntry, KnowledgeBase
from veille.kb.names import fold, is_bare_surname, name_key, surname_key
from veille.lang.pack import LanguagePack, PackError
from veille.model import Entity, EntityType, MentionVia
from veille.nlp import tokens
from veille.nlp.context import DocContext
from veille.nlp.doctext import text_of
from veille.nlp.entities.offsets import Containment, Spans, skip_spaces_back, standalone_hits
from veille.nlp.entities.roles import (
    RoleMatch,
    find_roles,
    mark_clause_subjects,
    nationalities,
    nationalities_of,
)
from veille.nlp.entities.table import EntityTable
from veille.nlp.entities.text import (
    SPANS,
    SpanRules,
    Trimmed,
    fold_keep_offsets,
    is_noise,
    join_hyphens,
    join_known,
    span_rules_of,
    split_title,
    title_keys,
    trim_span,
)
from veille.nlp.scope import current_kb, current_pack

# fold and split_title were public here before the split into entity_* modules; quotes use fold.
__all__ = ["EntityTable", "build_entity_table", "fold", "kb_type", "split_title"]

_ENTITY_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})
# What may separate a role from the name right after it, as a run.
_GAP_BEFORE_NAME_RUN = re.compile(r"[\s,]*")
_PREVIOUS_WORD = re.compile(r"(\b[\w.-]+)[ \u00a0]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:»\n]\s*|[«\"]\s*)$")
# Characters a match of _PREVIOUS_WORD may hold: a tail without any other is searched whole.
_PREVIOUS_WORD_CHARS = re.compile(r"[\w. \u00a0-]*\n?")
_TAIL = 120  # characters before an offset the end-anchored patterns are first tried on
_WORD = re.compile(r"\S+")


@dataclass
class _Candidate:
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


def build_entity_table(doc: Doc, ctx: DocContext, kb: KnowledgeBase | None = None
                       ) -> EntityTable:
    """Group the document's named-entity spans into entities (see the module docstring)."""
    kb = kb if kb is not None else current_kb()
    text = text_of(doc)
    table = EntityTable(text, ctx.reference_date, kb)
    roles = mark_clause_subjects(doc, find_roles(text))
    name_like = name_like_tokens(doc)
    candidates = ner_candidates(doc, roles, kb, table.reference, name_like)
    candidates += gazetteer_candidates(text, candidates, roles, kb)
    candidates.sort(key=lambda c: (-len(name_key(c.name).split()), c.start))
    for c in candidates:
        table.add(c.name, c.type, c.start, c.end, c.text, c.via)
    link_clusters(table, kb)
    offsets = tokens.offsets(doc)  # one column, not a Token per name-like word
    add_surname_mentions(table, frozenset(offsets[i] for i in name_like))
    merge_bare_surnames(table)
    resolve_roles(table, roles)
    table.settle_via()
    table.renumber()
    return table


def name_like_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens the pack's ``entities/name_like.jsonl`` patterns match: tags a
    first name may carry."""
    pack = current_pack()
    tags = pack.derive(_name_like_tags)
    if tags is not None and doc.has_annotation("POS"):
        return frozenset(i for i, pos in enumerate(tokens.words(doc, "POS")) if pos in tags)
    matcher = pack.cached(("entities/name_like", id(doc.vocab)),
                          lambda: _name_like_matcher(pack, doc.vocab))
    return frozenset(i for _, start, end in matcher(doc) for i in range(start, end))


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
                   on: date | None = None, name_like: frozenset[int] | None = None
                   ) -> list[_Candidate]:
    """Cleaned, retyped NER spans outside role descriptions (``name_like``: the tokens that
    may be a first name, :func:`name_like_tokens` by default)."""
    if name_like is None:
        name_like = name_like_tokens(doc)
    text = text_of(doc)
    rules = current_pack().derive(_rules)
    inside_role = Containment([(r.start, r.end) for r in roles])
    found: list[_Candidate] = []
    for span in doc.ents:
        etype = rules.labels.get(span.label_)
        # A span across a line break ran over from the title: the last line's part is the name.
        line = max(span.start_char, text.rfind("\n", span.start_char, span.end_char) + 1)
        trimmed = trim_span(text, line, span.end_char, rules.spans) if etype else None
        if etype is None or trimmed is None or is_noise(
                trimmed.name, text[line:span.end_char], rules.spans):
            continue
        if etype == "MISC" and len(trimmed.name.split()) > 1 and rules.role_after.match(
                text, trimmed.end):
            etype = "PER"  # "Moussa Diallo, président de ...": a person in apposition
        if inside_role(trimmed.start, trimmed.end):
            continue  # "Ministre des Affaires étrangères" tagged ORG is a role, not a body
        trimmed = _compound(text, trimmed, kb, on, rules.spans)
        if found and trimmed.start < found[-1].end:
            continue  # "(Bessent)" already taken into "Scott (Bessent)"
        split = _place_then_name(text, trimmed, kb, on, rules)
        if split is not None:
            place, trimmed, etype = split[0], split[1], "PER"
            found.append(_Candidate(place.start, place.end, place.name, "LOC", place.name,
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
        first = _first_name_before(doc, span.start, name_like, rules.spans) if (
            etype == "PER") else None
        if first is not None and start == span.start_char and is_bare_surname(name):
            name, start = f"{text[first[0]:first[1]]} {name}", first[0]  # "Marine" + "Le Pen"
        via: MentionVia = "title" if trimmed.title else "name"
        found.append(_Candidate(start, end, name, etype, text[start:end], via))
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


def _compound(text: str, trimmed: Trimmed, kb: KnowledgeBase, on: date | None,
              rules: SpanRules) -> Trimmed:
    """The span grown over the rest of a compound name the tagger cut ("Addis" of
    "Addis-Abeba", "Rio" of "Rio de Janeiro"). Two names the KB knows apart joined by a
    hyphen ("UE-Chine", "Russie-Ukraine") stay apart unless the KB knows the whole."""
    def known(name: str) -> bool:
        return kb.link(name, None, on) is not None

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


def _first_name_before(doc: Doc, i: int, name_like: frozenset[int], rules: SpanRules
                       ) -> tuple[int, int] | None:
    """The offsets of the token before a surname span when it looks like a first name spaCy
    left out."""
    if i == 0:
        return None
    starts, ends = tokens.offsets(doc), tokens.ends(doc)
    word = text_of(doc)[starts[i - 1] : ends[i - 1]]
    spaced = starts[i] > ends[i - 1]  # the token before has trailing white space
    if not spaced or not word[:1].isupper() or not tokens.ids(doc, "IS_ALPHA")[i - 1]:
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
    return kb.memo(kb_type, (name, etype, on or date.today(), code),
                   lambda: _kb_type(name, etype, kb, on, code))


def _kb_type(name: str, etype: EntityType, kb: KnowledgeBase, on: date | None, code: str
             ) -> EntityType:
    key = name_key(name)
    found = [e for e in kb.by_name(name) if key in _label_keys(e, code)]
    types = {e.type for e in found}
    if not types and etype != "PER" and len(key.split()) == 1 and name[:1].isupper():
        person = kb.link(name, "PER", on)
        return "PER" if person is not None and not kb.by_name(name) else etype
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


def gazetteer_candidates(text: str, taken: list[_Candidate], roles: list[RoleMatch],
                         kb: KnowledgeBase) -> list[_Candidate]:
    """Known organisations and full names of known people in runs of capitalised words."""
    spans = Spans([(c.start, c.end) for c in taken] + [(r.start, r.end) for r in roles])
    found: list[_Candidate] = []
    for run in current_pack().derive(_rules).caps_run.finditer(text):
        # Runs recur ("Le", "Selon", "Paris"): their known names are remembered by the KB.
        for first, last, entry in kb.memo(_run_hits, run.group(0),
                                          partial(_run_hits, run.group(0), kb)):
            start, end = run.start() + first, run.start() + last
            if not spans.overlaps(start, end):
                found.append(_Candidate(start, end, entry.label, entry.type, text[start:end],
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


def link_clusters(table: EntityTable, kb: KnowledgeBase) -> None:
    """Link every cluster its names identify in the knowledge base."""
    for entity, entry, keys in table.clusters():
        if entry is not None or not entity.mentions:
            continue
        found = kb.link(entity.name, entity.type, table.reference)
        if found is None:
            for key in sorted(keys, key=lambda k: -len(k)):
                found = kb.link(key, entity.type, table.reference)
                if found is not None:
                    break
        if found is not None and (found.type == entity.type or entity.type == "MISC"):
            table.link(entity, found)


def add_surname_mentions(table: EntityTable, proper: frozenset[int] = frozenset()) -> None:
    """Bare surnames of the document's people, where NER missed them, become alias mentions.

    A surname after a capitalised word mid-sentence is another person's full name ("Marine" +
    "Le Pen" beside Jean-Marie Le Pen): it becomes its own person, kept apart by the first-name
    guard; after a title ("M. Lavrov") it is a titled mention. At a sentence start the word must
    be name-like (``proper`` holds the start offsets of tokens tagged PROPN, NOUN, ADJ or X):
    "Hier Lavrov" is Lavrov, "Marine Le Pen" is not Jean-Marie Le Pen.
    """
    people = [e for e, _, _ in table.clusters() if e.type == "PER" and len(e.name.split()) > 1]
    bearers: dict[str, int] = {}
    for entity in people:
        bearers[surname_key(entity.name)] = bearers.get(surname_key(entity.name), 0) + 1
    taken = Spans([(m.start, m.end) for e in table.entities() for m in e.mentions])
    text = table.text
    surnames = [_surname_text(entity.name) for entity in people]
    hits = standalone_hits(text, [s for s in surnames if len(s) >= 3])
    for entity, surname in zip(people, surnames, strict=True):
        if len(surname) < 3:
            continue
        for start, end in hits[surname]:
            if taken.overlaps(start, end):
                continue
            before = _previous_word(text, start)
            word = before.group(1) if before else ""
            titled = bool(word) and fold(word) in title_keys()
            if word and word[0].isupper() and not titled:
                initial = _at_sentence_start(text, before.start(1)) if before else False
                if not initial or (before and before.start(1) in proper):
                    first = before.start(1) if before else start
                    table.add(f"{word} {surname}", "PER", first, end, text[first:end], "name")
                continue
            if bearers[surname_key(entity.name)] == 1:  # else a bare surname is ambiguous
                via: MentionVia = "title" if titled else "alias"
                first = before.start(1) if titled and before else start
                table.add_mention(entity, first, end, text[first:end], via)


def _previous_word(text: str, pos: int) -> re.Match[str] | None:
    """``_PREVIOUS_WORD`` searched in ``text[:pos]``, on a tail of the prefix: the tail grows
    while nothing but word characters and spaces precede the match in it (a longer match could
    start before the tail); punctuation, a quote or a line break soon ends the run."""
    size = _TAIL
    while True:
        first = max(0, pos - size)
        m = _PREVIOUS_WORD.search(text, first, pos)
        limit = m.start() if m else pos
        if not first or not _PREVIOUS_WORD_CHARS.fullmatch(text, first, limit):
            return m
        size *= 4


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether ``_SENTENCE_START`` matches the end of ``text[:pos]``, tried on a tail that
    grows while it holds nothing but spaces."""
    size = _TAIL
    while True:
        first = max(0, pos - size)
        if not first or text[first:pos].strip():
            return _SENTENCE_START.search(text[first:pos]) is not None
        size *= 4


def merge_bare_surnames(table: EntityTable) -> None:
    """A person known only by a surname ("Mme Le Pen") joins the one full name ending with it."""
    people = [e for e, _, _ in table.clusters() if e.type == "PER"]
    by_surname: dict[str, list[Entity]] = {}
    for p in people:
        if not is_bare_surname(p.name):
            by_surname.setdefault(surname_key(p.name), []).append(p)
    for entity in people:
        if not is_bare_surname(entity.name) or not entity.mentions:
            continue  # has a first name, or was merged already
        fuller = [p for p in by_surname.get(surname_key(entity.name), [])
                  if p is not entity and p.mentions]
        if len(fuller) == 1:
            table.merge(entity, fuller[0])


def _surname_text(name: str) -> str:
    """The surname as written, particles included ("Jean-Marie Le Pen" -> "Le Pen")."""
    words = name.split()
    count = len(surname_key(name).split())
    return " ".join(words[-count:]) if count else ""


def resolve_roles(table: EntityTable, roles: list[RoleMatch]) -> None:
    """Role descriptions as mentions of their holders: apposition first, then the KB."""
    pending = []
    for role in roles:
        holder = _apposed(table, role)
        if holder is not None:
            table.set_holder(role, holder)
            table.add_mention(holder, role.start, role.end, role.text, "title")
        else:
            pending.append(role)
    for role in pending:
        holder = table.resolve_role(role)
        if holder is not None:
            table.add_mention(holder, role.start, role.end, role.text, "title")


def _apposed(table: EntityTable, role: RoleMatch) -> Entity | None:
    """The person named right after ("..., Sergueï Lavrov") or before ("Lavrov, ministre ...")."""
    text = table.text
    after = _GAP_BEFORE_NAME_RUN.match(text, role.end)
    found = [e for m, e in table.mentions_starting_in(role.end, after.end() if after else -1)
             if e.type == "PER" and m.via != "title"]
    comma = skip_spaces_back(text, role.start) - 1
    if comma >= 0 and text[comma] == "," and not role.subject:
        first = skip_spaces_back(text, comma)
        found += [e for m, e in table.mentions_starting_in(first - table.longest_mention(), comma)
                  if first <= m.end <= comma and e.type == "PER" and m.via != "title"]
    return min(found, key=table.rank) if found else None
