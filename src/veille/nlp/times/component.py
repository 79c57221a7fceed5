"""Time expressions of a parsed document: the grammar plus the tense of governing verbs.

The grammar (:mod:`veille.nlp.times.grammar`) works on plain text; this module only adds what the
parse knows: whether the verb that governs "vendredi" is in the future ("se rendra vendredi")
or the past ("s'est rendu vendredi"), which decides the direction of bare weekdays and dates.
The words that tell a tense (planning verbs, auxiliaries, future endings) are the pack's
``times/verb_cues.tsv`` and ``times/future_stems.tsv``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.datecalc import Lean
from veille.lang.pack import LanguagePack
from veille.model import TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.doctext import text_of
from veille.nlp.scope import current_pack
from veille.nlp.times.grammar import find_times


@dataclass(frozen=True)
class TenseCues:
    """The words of ``times/verb_cues.tsv`` by cue, and the future-stem rules."""

    planning: frozenset[str]  # "la réunion, prévue jeudi"
    perfect: frozenset[str]  # "a rencontré"
    future_marker: frozenset[str]  # "will meet"
    going_to: frozenset[str]  # "va rencontrer", "doit se rendre" (present tense)
    future_ending: frozenset[str]
    speech: frozenset[str]
    future_stems: tuple[tuple[str, str], ...]


def _tense_cues(pack: LanguagePack) -> TenseCues:
    by_cue: dict[str, set[str]] = defaultdict(set)
    for cue, word in pack.table("times/verb_cues.tsv"):
        by_cue[cue].add(word)
    stems = tuple((row[0], row[1] if len(row) > 1 else "")
                  for row in pack.table("times/future_stems.tsv"))
    return TenseCues(
        planning=frozenset(by_cue["planning"]), perfect=frozenset(by_cue["perfect"]),
        future_marker=frozenset(by_cue["future-marker"]),
        going_to=frozenset(by_cue["going-to"]),
        future_ending=frozenset(by_cue["future-ending"]), speech=frozenset(by_cue["speech"]),
        future_stems=stems)


def tense_cues() -> TenseCues:
    """The running component's tense cues, built once per pack."""
    return current_pack().derive(_tense_cues)


def extract_times(doc: Doc, ctx: DocContext) -> list[TimeExpr]:
    """Every time expression of ``doc``, resolved against ``ctx.reference_date``."""
    lean = default_lean(ctx.reference_basis)

    def tense(start: int, end: int) -> Lean | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return verb_tense(span.root) if span is not None and len(span) else None

    return [
        TimeExpr(t.start, t.end, t.text, t.value, t.anchor)  # type: ignore[arg-type]
        for t in find_times(text_of(doc), ctx.reference_date, lean, tense)
    ]


def default_lean(basis: str) -> Lean:
    """News reports the past, whatever dates it: the publication, a date line, or the day the
    text names as its own ("ce lundi 2 mars", ``inferred``)."""
    return "past"


def verb_tense(token: Token) -> Lean | None:
    """"past", "future", "none" (a present: no lean) or None (no verb, no clue) for the verb
    governing ``token``."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    cues = tense_cues()
    if verb.lemma_ in cues.planning:
        return "future"
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if any("Fut" in a.morph.get("Tense", []) or a.lemma_.lower() in cues.future_marker
           for a in auxiliaries):
        return "future"
    if any(a.lemma_ in cues.perfect for a in auxiliaries):
        return "past"  # passé composé, plus-que-parfait
    tenses, moods = verb.morph.get("Tense", []), verb.morph.get("Mood", [])
    if "Fut" in tenses or "Cnd" in moods or _future_form(verb.text, verb.lemma_, cues):
        return "future"
    if "Past" in tenses or "Imp" in tenses:
        return "past"
    if "Pres" in tenses and verb.morph.get("VerbForm", []) == ["Fin"] \
            and not _reported(verb, cues):
        # the news present names today's agenda either way ("vote jeudi", "se rend lundi"):
        # the nearer reading wins
        return "none"
    head = verb.head
    # "va rencontrer", and the future seen from the past: "la visite qu'il devait effectuer
    # jeudi", "il allait signer lundi" name a day still ahead when the text was written
    if verb.morph.get("VerbForm", []) == ["Inf"] and head.lemma_ in cues.going_to \
            and {"Pres", "Imp"} & set(head.morph.get("Tense", [])):
        return "future"
    return None


def _future_form(form: str, lemma: str, cues: TenseCues) -> bool:
    """Whether ``form`` is the simple future of ``lemma`` ("recevra", "rencontreront"): the
    model sometimes tags "recevra" as a past, though no past of "recevoir" reads so."""
    form, lemma = form.lower(), lemma.lower()
    stem = next((lemma[:-len(ending)] + replacement for ending, replacement in cues.future_stems
                 if lemma.endswith(ending)), lemma)
    return len(lemma) > 3 and form[len(stem):] in cues.future_ending and form.startswith(stem)


def _reported(verb: Token, cues: TenseCues) -> bool:
    """A present-tense verb inside reported speech keeps the default lean."""
    return verb.dep_ in ("ccomp", "parataxis") or verb.head.lemma_ in cues.speech


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb up the dependency tree (a few steps at most), never across a line
    break: a head in another paragraph is the parser running two sentences together
    ("... le 22 novembre.\nJeudi soir, ..." hung on the next paragraph's future)."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        head = token.head
        if head.i == token.i:  # the root (spaCy makes a new Token object on each access)
            return _verb_before_cut(token)
        if _line_between(token, head):
            return None
        token = head
    return None


def _verb_before_cut(root: Token) -> Token | None:
    """The last verb of the sentence before ``root``'s when the parser cut one clause in two:
    ``root`` heads a fragment with no verb ("mercredi."), and nothing ends the sentence before
    it (no stop, no line break: "il est attendu dans le Var | mercredi."). A time expression
    ending a clause is that clause's, so its verb tells the tense."""
    sent = root.sent
    if sent.start == 0 or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    doc = root.doc
    last = doc[sent.start - 1]
    if (last.is_punct and last.text != ",") or _line_between(last, doc[sent.start]):
        return None
    return next((t for t in reversed(doc[last.sent.start:sent.start]) if t.pos_ == "VERB"),
                None)


def _line_between(a: Token, b: Token) -> bool:
    start, end = sorted((a.idx, b.idx))
    # text_of: Doc.text joins every token again on each call (7 ms a document here).
    return "\n" in text_of(a.doc)[start:end]
