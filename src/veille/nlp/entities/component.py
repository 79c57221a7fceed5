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

from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase
from veille.kb.names import fold, is_bare_surname, name_key, surname_key
from veille.model import Entity, MentionVia
from veille.nlp.context import DocContext
from veille.nlp.doctext import text_of
from veille.nlp.entities.candidates import (
    NameLike,
    gazetteer_candidates,
    kb_type,
    ner_candidates,
)
from veille.nlp.entities.offsets import skip_spaces_back, standalone_hits
from veille.nlp.entities.roles import (
    RoleMatch,
    find_roles,
    mark_clause_subjects,
)
from veille.nlp.entities.table import EntityTable
from veille.nlp.entities.text import (
    split_title,
    title_keys,
)
from veille.nlp.scope import current_kb

# fold and split_title were public here before the split into entity_* modules; quotes use fold.
__all__ = ["EntityTable", "build_entity_table", "fold", "kb_type", "split_title"]

# What may separate a role from the name right after it, as a run.
_GAP_BEFORE_NAME_RUN = re.compile(r"[\s,]*")
_PREVIOUS_WORD = re.compile(r"(\b[\w.-]+)[ \u00a0]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:»\n]\s*|[«\"]\s*)$")
# Characters a match of _PREVIOUS_WORD may hold: a tail without any other is searched whole.
_PREVIOUS_WORD_CHARS = re.compile(r"[\w. \u00a0-]*\n?")
_TAIL = 120  # characters before an offset the end-anchored patterns are first tried on


def build_entity_table(doc: Doc, ctx: DocContext, kb: KnowledgeBase | None = None
                       ) -> EntityTable:
    """Group the document's named-entity spans into entities (see the module docstring)."""
    kb = kb if kb is not None else current_kb()
    text = text_of(doc)
    table = EntityTable(text, ctx.reference_date, kb)
    roles = mark_clause_subjects(doc, find_roles(text))
    name_like = NameLike(doc)
    candidates = ner_candidates(doc, roles, kb, table.reference, name_like)
    candidates += gazetteer_candidates(text, candidates, roles, kb)
    candidates.sort(key=lambda c: (-len(name_key(c.name).split()), c.start))
    for c in candidates:
        table.add(c.name, c.type, c.start, c.end, c.text, c.via)
    link_clusters(table, kb)
    add_surname_mentions(table, name_like)
    merge_bare_surnames(table)
    resolve_roles(table, roles)
    table.settle_via()
    table.renumber()
    return table


def link_clusters(table: EntityTable, kb: KnowledgeBase) -> None:
    """Link every cluster its names identify in the knowledge base."""
    for entity, entry, keys in table.clusters():
        if entry is not None or not entity.mentions:
            continue
        found = kb.link(entity.name, entity.type, table.reference)
        if found is None:
            for key in sorted(keys, key=len, reverse=True):  # a stable sort: ties keep their order
                found = kb.link(key, entity.type, table.reference)
                if found is not None:
                    break
        if found is not None and (found.type == entity.type or entity.type == "MISC"):
            table.link(entity, found)


def add_surname_mentions(table: EntityTable, proper: NameLike | None = None) -> None:
    """Bare surnames of the document's people, where NER missed them, become alias mentions.

    A surname after a capitalised word mid-sentence is another person's full name ("Marine" +
    "Le Pen" beside Jean-Marie Le Pen): it becomes its own person, kept apart by the first-name
    guard; after a title ("M. Lavrov") it is a titled mention. At a sentence start the word must
    be name-like (``proper``: tokens tagged PROPN, NOUN, ADJ or X; none when not given):
    "Hier Lavrov" is Lavrov, "Marine Le Pen" is not Jean-Marie Le Pen.
    """
    people = [e for e, _, _ in table.clusters() if e.type == "PER" and len(e.name.split()) > 1]
    if not people:
        return
    keys = [surname_key(entity.name) for entity in people]
    bearers: dict[str, int] = {}
    for key in keys:
        bearers[key] = bearers.get(key, 0) + 1
    text = table.text
    surnames = [_surname_text(entity.name, key) for entity, key in zip(people, keys, strict=True)]
    hits = standalone_hits(text, [s for s in surnames if len(s) >= 3])
    if not any(hits.values()):
        return
    # A hit inside a mention the table holds now is taken; the mentions this loop adds are
    # not (the mark): the table's offset index answers, with no set of spans built for it.
    taken = table.mention_mark()
    for entity, surname, key in zip(people, surnames, keys, strict=True):
        if len(surname) < 3:
            continue
        for start, end in hits[surname]:
            if table.overlaps_mention(start, end, taken):
                continue
            before = _previous_word(text, start)
            word = before.group(1) if before else ""
            titled = bool(word) and fold(word) in title_keys()
            if word and word[0].isupper() and not titled:
                initial = _at_sentence_start(text, before.start(1)) if before else False
                if not initial or (before and proper is not None
                                   and proper.starts_at(before.start(1))):
                    first = before.start(1) if before else start
                    table.add(f"{word} {surname}", "PER", first, end, text[first:end], "name")
                continue
            if bearers[key] == 1:  # else a bare surname is ambiguous
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


def _surname_text(name: str, key: str) -> str:
    """The surname as written, particles included ("Jean-Marie Le Pen" -> "Le Pen"), from
    the name and its :func:`surname_key`."""
    words = name.split()
    count = len(key.split())
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
