"""Who said what: direct quotes, indirect speech and transcript turns, with their speakers.

The stages, each in its own module:
- :mod:`.marks`: quoted spans and sentences over plain text;
- :mod:`.turns`, :mod:`.turn_speakers`: transcript turns ("Sergey Lavrov : ...", "Q - ...");
- :mod:`.direct`: the cue of each direct quote;
- :mod:`.indirect`: reported speech without quote marks;
- :mod:`.speaker`, :mod:`.roles`: subject spans and pronouns to entities, in document order;
- :mod:`.context`: ``said_on`` and ``medium``.
Their words come from the current language pack (``quotes/*`` and the shared flat files).
Direct quotes inside a turn belong to the turn (the turn's speaker is quoting) and are not
repeated; statements reported inside a turn are the turn's words, not the narrator's.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from dataclasses import dataclass
from functools import partial
from operator import itemgetter

from spacy.tokens import Doc

from veille.model import Quote, QuoteKind, TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.entities.component import EntityTable
from veille.nlp.entities.roles import opens_clause
from veille.nlp.quotes.blocks import layout_turns, with_box_marks
from veille.nlp.quotes.clause_subjects import (
    Entities,
    body_subjects,
    role_subjects,
    subjects_of,
)
from veille.nlp.quotes.context import TimesByStart, medium, said_on
from veille.nlp.quotes.direct import Attribution, attribute, incise
from veille.nlp.quotes.doc import span_of, text_of
from veille.nlp.quotes.genders import mention_genders, people_mentions
from veille.nlp.quotes.indirect import Reported, find_indirect
from veille.nlp.quotes.lexicon import lexicon
from veille.nlp.quotes.marks import Marked, containing, find_marked, sentences, word_count
from veille.nlp.quotes.roles import role_holders
from veille.nlp.quotes.speaker import Said, SpeakerResolver
from veille.nlp.quotes.speaker_subjects import dependency_labels as _dependencies
from veille.nlp.quotes.speaker_subjects import relative_source, shared_subject
from veille.nlp.quotes.tree import tree_of
from veille.nlp.quotes.turn_speakers import turn_quotes
from veille.nlp.quotes.turns import Turn
from veille.nlp.scope import current_pack
from veille.nlp.spans import Spans

# Quotes of this many words or fewer are kept only with a cue of their own or inside reported
# speech: shorter ones are scare quotes or titles ("la « bête »"), which the spec lets go.
_SCARE_MAX_WORDS = 3


# Uncued verbless quotes up to this length are names or terms, not statements.
_TERM_MAX_WORDS = 6


@dataclass
class _Pending:
    """A quote whose speaker is resolved later, in document order."""

    kind: QuoteKind
    spans: list[tuple[int, int]]
    attribution: Attribution
    clause: list[tuple[int, int]]


def extract_quotes(
    doc: Doc, table: EntityTable, times: list[TimeExpr], ctx: DocContext
) -> list[Quote]:
    """All quotes of ``doc``, in text order, with speakers resolved against ``table``."""
    text = text_of(doc)
    turns = layout_turns(table, text, ctx.blocks, ctx.title, ctx.publisher)
    inside_turn = Spans((t.label_start, t.end) for t in turns)  # bisection: 1,000s of turns
    marks = [m for m in with_box_marks(text, ctx.blocks, find_marked(text))
             if m.start not in inside_turn]
    sents = sentences(text, marks)
    quoted_marks = Spans((m.left, m.right) for m in marks)
    indirect = _indirect(doc, sents, inside_turn, quoted_marks)
    pending = [_attributed(doc, p) for p in _direct(doc, marks, quoted_marks, sents, indirect) + [
        _pending_indirect(r, sents) for r in indirect if r.statement]]
    pending.sort(key=lambda p: p.spans[0][0])
    quotes = [_by_label(q) for q in turn_quotes(doc, table, turns)]
    if pending:  # (a fourth of the news articles: no quote but the turns' to resolve)
        quoted = [(m.left, m.right) for m in marks] + [
            (r.start, r.end) for r in indirect if r.statement]
        quotes += _resolved(doc, table, pending, _resolver(doc, table, quoted),
                            _interviewee_said(quotes, turns), TimesByStart(times), ctx)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _resolver(doc: Doc, table: EntityTable, quoted: list[tuple[int, int]]) -> SpeakerResolver:
    """The document's speaker resolver, with the parse's subjects, roles and genders.

    The clause subjects, the role holders and the genders are read when a pronoun or a role
    noun first asks (about half the documents ask none), from the table as it is now:
    resolving speakers adds mentions, which these read the parse before."""
    now: Entities = [(e, list(e.mentions)) for e in table.entities()]
    people = [(e, mentions) for e, mentions in now if e.type == "PER"]
    text = text_of(doc)
    opens, tag_at = partial(opens_clause, doc), partial(_tag_at, doc)
    return SpeakerResolver(
        text, table, quoted, subjects=lambda: subjects_of(doc, now),
        holders=lambda: role_holders(text, [e for e, _ in people], opens, tag_at,
                                     [mentions for _, mentions in people]),
        role_spans=role_subjects(doc), genders=lambda: mention_genders(
            doc, people_mentions(people)), opens_clause=opens, tag_at=tag_at,
        body_spans=body_subjects(doc, table))


def _resolved(doc: Doc, table: EntityTable, pending: list[_Pending], resolver: SpeakerResolver,
              headline: Said, moments: TimesByStart, ctx: DocContext) -> list[Quote]:
    """The records of the ``pending`` quotes (in text order), each with its speaker."""
    text = text_of(doc)
    first_break = text.find("\n")
    quotes: list[Quote] = []
    for item in pending:
        said = _speaker(resolver, item.attribution)
        if headline.name and item.attribution.cue is None and not (
                0 <= first_break < item.spans[0][0]):
            said = headline.found_by("context")  # an interview's headline: the interviewee
        resolver.remember(item.spans[0][0], said)
        quotes.extend(_records(text, item, said, table, moments, ctx))
    return quotes


def _tag_at(doc: Doc, pos: int) -> str:
    """The part-of-speech tag of the token at character ``pos`` (from the Tree's columns:
    the resolver asks it of many positions, and no Span or Token is made)."""
    tree = tree_of(doc)
    first, stop = tree.token_range(pos, pos + 1)
    return tree.pos(first) if first < stop else ""


def _interviewee_said(quotes: list[Quote], turns: list[Turn]) -> Said:
    """The speaker of the interviewee's turns, when the document is an interview."""
    answers = {t.start for t in turns if t.role == "interviewee"}
    return next((Said(q.speaker, q.speaker_id, "PER") for q in quotes
                 if q.start in answers and q.speaker), Said())


def _indirect(doc: Doc, sents: list[tuple[int, int]], turns: Spans,
              quoted: Spans) -> list[Reported]:
    found = []
    for sent in sents:
        if sent[0] not in turns:
            found.extend(find_indirect(doc, sent, quoted))
    return found


def _direct(doc: Doc, marks: list[Marked], quoted: Spans, sents: list[tuple[int, int]],
            indirect: list[Reported]) -> list[_Pending]:
    pending = []
    for chain in _chains(marks):
        first, last = chain[0], chain[-1]
        sentence, last_sentence = containing(sents, first.left), containing(sents, last.left)
        if _is_ui_label(text_of(doc), sentence):
            continue
        att = attribute(doc, chain, sentence, last_sentence, quoted,
                        _next(sents, last_sentence))
        words = sum(word_count(text_of(doc)[m.start : m.end]) for m in chain)
        whole = _whole_sentence(text_of(doc), chain, sentence)
        if words <= _SCARE_MAX_WORDS and not (att.after or _continues(first, indirect) or whole):
            continue
        if att.cue is None and not whole and _is_name_or_term(doc, first, words):
            continue
        clause = [(sentence[0], first.left), (last.right, last_sentence[1])]
        att, spans = _without_incises(doc, chain, att)
        if att.cue is None and att.subject is None:
            att = _clause_subject(doc, first, sentence) or att
        pending.append(_Pending("direct", spans, att, clause))
    return pending


def _clause_subject(doc: Doc, mark: Marked, sentence: tuple[int, int]) -> Attribution | None:
    """A quote with no cue inside a clause ("La chaîne met « tout en œuvre »"): the subject
    of the clause's verb, both before the quote, is the one whose words are quoted. Used only
    when it names a speaker (:func:`_speaker`); else the quote continues the last speaker."""
    span = span_of(doc, sentence[0], mark.left)
    subject = _dependencies().get("subject", frozenset())
    found = [t for t in span or [] if t.dep_ in subject and t.i < t.head.i
             and t.head.idx < mark.left and t.head.pos_ in ("VERB", "AUX")]
    if not found:
        return None
    tok = found[-1]
    if tok.pos_ == "PRON":
        return Attribution(pronoun=tok.lower_, at=tok.head.idx)
    end = min(tok.right_edge.idx + len(tok.right_edge.text), tok.head.idx)
    return Attribution(subject=(tok.left_edge.idx, end), at=tok.head.idx, via="subject")


def _without_incises(doc: Doc, chain: list[Marked], att: Attribution
                     ) -> tuple[Attribution, list[tuple[int, int]]]:
    """The quote's pieces without reporting clauses inside it; the first such clause
    attributes the quote when nothing after the closing mark does."""
    spans: list[tuple[int, int]] = []
    for mark in chain:
        found = incise(doc, mark)
        if found is None:
            spans.append((mark.start, mark.end))
            continue
        inner, pieces = found
        spans.extend(pieces)
        if not att.after:
            att = inner
    return att, spans


def _next(sents: list[tuple[int, int]], sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The first sentence after ``sentence`` (``sents`` are in text order and disjoint)."""
    i = bisect_left(sents, sentence[1], key=itemgetter(0))
    return sents[i] if i < len(sents) else None


def _whole_sentence(text: str, chain: list[Marked], sentence: tuple[int, int]) -> bool:
    """A short quote that is a sentence of its own ("« Pas un mètre. »"): a statement."""
    first, last = chain[0], chain[-1]
    return (first.left <= sentence[0] and text[first.start].isupper()
            and text[last.end - 1] in ".!?…")


def _is_name_or_term(doc: Doc, mark: Marked, words: int) -> bool:
    """An uncued quote that names something: after a naming word ("le film « ... »",
    "baptisé « ... »"), or a short verbless phrase ("« Porte d'entrée de l'Alaska »")."""
    before = text_of(doc)[max(0, mark.left - 30) : mark.left].casefold().split()[-3:]
    naming = current_pack().words("quotes/component_naming_words.txt")
    if any(w.strip(",:") in naming for w in before):
        return True
    if words > _TERM_MAX_WORDS:
        return False
    tree = tree_of(doc)  # the tags as a column: no Token for each of the quote's words
    first, stop = tree.token_range(mark.start, mark.end)
    verbs = tree.hashes(_VERB_TAGS)
    return first < stop and not any(tree.tags[i] in verbs for i in range(first, stop))


_VERB_TAGS = frozenset({"VERB", "AUX"})


def _chains(marks: list[Marked]) -> list[list[Marked]]:
    chains: list[list[Marked]] = []
    for mark in marks:
        if mark.chained and chains:
            chains[-1].append(mark)
        else:
            chains.append([mark])
    return chains


def _is_ui_label(text: str, sentence: tuple[int, int]) -> bool:
    words = text[sentence[0] : sentence[1]].casefold().replace("’", " ").split()
    return not current_pack().words("quotes/component_ui_words.txt").isdisjoint(words)


def _continues(mark: Marked, indirect: list[Reported]) -> bool:
    """The quote completes a reported clause: "il a précisé qu'elles devaient être « ... »"."""
    return any(0 <= mark.left - r.end <= 3 or r.start <= mark.left < r.end for r in indirect)


def _pending_indirect(r: Reported, sents: list[tuple[int, int]]) -> _Pending:
    sentence = containing(sents, r.start)
    att = Attribution(r.cue or None, r.subject, r.pronoun, r.at, via=r.via)
    clause = [(sentence[0], r.start), (r.end, sentence[1])]
    return _Pending("indirect", [(r.start, r.end)], att, clause)


def _attributed(doc: Doc, item: _Pending) -> _Pending:
    """``item`` with the subject its cue shares or learned its words from, if it needs one
    (:mod:`.speaker_subjects`)."""
    att = relative_source(doc, shared_subject(doc, item.attribution))
    return item if att is item.attribution else dataclasses.replace(item, attribution=att)


def _speaker(resolver: SpeakerResolver, att: Attribution) -> Said:
    if att.subject is not None:
        said = resolver.resolve(*att.subject, verb=att.at if att.cue else None)
        if said.name or att.cue is not None:
            return said  # an uncued clause subject naming nobody: the last speaker goes on
    lex = lexicon()
    if lex.group(att.pronoun):
        return resolver.group_antecedent(att.at)
    if lex.plural(att.pronoun):
        return Said()
    return resolver.last(att.at, "PER", lex.gender_of(att.pronoun),
                         speakers_only=att.cue is None
                         ).found_by("context" if att.cue is None else "pronoun")


def _by_label(quote: Quote) -> Quote:
    """A transcript turn's speaker comes from its label."""
    if quote.speaker is not None and quote.speaker_via is None:
        quote.speaker_via = "label"
    return quote


def _via(said: Said, att: Attribution) -> str | None:
    """The sieve pass that found ``said``: its own (pronoun, role, body, context), else the
    attribution's (subject, incise, selon, label); None for a null speaker."""
    if said.name is None:
        return None
    return said.via or att.via or "subject"


def _records(text: str, item: _Pending, said: Said, table: EntityTable,
             times: TimesByStart, ctx: DocContext) -> list[Quote]:
    att = item.attribution
    when = said_on(text, item.clause, times, ctx.reference_date)
    cue_end = att.at + len(att.cue.split()[-1]) if att.cue else None
    where = medium(text, item.clause, table, cue_end)
    return [
        Quote(kind=item.kind, text=text[a:b], start=a, end=b, speaker=said.name,
              speaker_id=said.id, speaker_via=_via(said, att), cue=att.cue, said_on=when,
              medium=where)
        for a, b in item.spans
    ]
