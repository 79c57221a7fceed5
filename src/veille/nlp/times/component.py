"""Time expressions of a parsed document: the grammar plus the tense of governing verbs.

The grammar (:mod:`veille.nlp.times.grammar`) works on plain text; this module only adds what the
parse knows: whether the verb that governs "vendredi" is in the future ("se rendra vendredi")
or the past ("s'est rendu vendredi"), which decides the direction of bare weekdays and dates.
The words that tell a tense (planning verbs, auxiliaries, future endings) are the pack's
``times/verb_cues.tsv`` and ``times/future_stems.tsv``.
"""

from __future__ import annotations

from bisect import bisect_right
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
from veille.nlp.tokens import (
    children,
    features,
    heads,
    ids,
    offsets,
    sentence_starts,
    token_range,
    words,
)


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
        found = token_range(doc, start, end)  # char_span(..., "expand"), without the Span
        return _tense_at(doc, _root(doc, *found)) if found is not None else None

    return [
        TimeExpr(t.start, t.end, t.text, t.value, t.anchor)  # type: ignore[arg-type]
        for t in find_times(text_of(doc), ctx.reference_date, lean, tense)
    ]


def default_lean(basis: str) -> Lean:
    """News reports the past, whatever dates it: the publication, a date line, or the day the
    text names as its own ("ce lundi 2 mars", ``inferred``)."""
    return "past"


def _root(doc: Doc, start: int, end: int) -> int:
    """``doc[start:end].root`` as spaCy's ``Span.root`` finds it: a sentence root inside, else
    the first of the tokens whose head is outside with the fewest steps up to a root."""
    token_heads = heads(doc)
    root = next((i for i in range(start, end) if token_heads[i] == i), None)
    if root is not None:
        return root
    best, found = len(doc), start
    for i in range(start, end):
        if not start <= token_heads[i] < end:
            steps = _steps_to_root(doc, i)
            if steps < best:
                best, found = steps, i
    return found


def _steps_to_root(doc: Doc, i: int) -> int:
    """spaCy's ``_count_words_to_root``: a space or a punctuation mark with no dependents
    comes last."""
    token_heads, size = heads(doc), len(doc)
    # the columns the quote stage reads too, not a Token and its attributes
    if (ids(doc, "IS_SPACE")[i] or ids(doc, "IS_PUNCT")[i]) and not children(doc)[i]:
        return size - 1
    steps = 0
    while token_heads[i] != i and steps < size:
        i, steps = token_heads[i], steps + 1
    return steps


def verb_tense(token: Token) -> Lean | None:
    """"past", "future", "none" (a present: no lean) or None (no verb, no clue) for the verb
    governing ``token``."""
    return _tense_at(token.doc, token.i)


def _tense_at(doc: Doc, i: int) -> Lean | None:
    """:func:`verb_tense` of token ``i``."""
    # The Doc's columns (veille.nlp.tokens) the other stages read too, not Token walks: the
    # times and events stages ask this of some ten tokens a document, and each walk made
    # dozens of objects. The verb's children are the quote stage's column too; its text is
    # read as a Token (one object, cheaper than a column of the whole Doc).
    verb = _governing_verb(doc, i)
    if verb is None:
        return None
    cues = tense_cues()
    lemma, dep, verb_heads = words(doc, "LEMMA"), words(doc, "DEP"), heads(doc)
    if lemma[verb] in cues.planning:
        return "future"
    auxiliaries = [c for c in children(doc)[verb] if dep[c].startswith("aux")]
    if any("Fut" in features(doc, a).get("Tense", ()) or lemma[a].lower() in cues.future_marker
           for a in auxiliaries):
        return "future"
    if any(lemma[a] in cues.perfect for a in auxiliaries):
        return "past"  # passé composé, plus-que-parfait
    morph = features(doc, verb)
    tenses, moods = morph.get("Tense", ()), morph.get("Mood", ())
    if "Fut" in tenses or "Cnd" in moods \
            or _future_form(doc[verb].text, lemma[verb], cues):
        return "future"
    if "Past" in tenses or "Imp" in tenses:
        return "past"
    if "Pres" in tenses and morph.get("VerbForm", ()) == ("Fin",) \
            and not _reported(doc, verb, cues):
        # the news present names today's agenda either way ("vote jeudi", "se rend lundi"):
        # the nearer reading wins
        return "none"
    head = verb_heads[verb]
    # "va rencontrer", and the future seen from the past: "la visite qu'il devait effectuer
    # jeudi", "il allait signer lundi" name a day still ahead when the text was written
    if morph.get("VerbForm", ()) == ("Inf",) and lemma[head] in cues.going_to \
            and {"Pres", "Imp"} & set(features(doc, head).get("Tense", ())):
        return "future"
    return None


def _future_form(form: str, lemma: str, cues: TenseCues) -> bool:
    """Whether ``form`` is the simple future of ``lemma`` ("recevra", "rencontreront"): the
    model sometimes tags "recevra" as a past, though no past of "recevoir" reads so."""
    form, lemma = form.lower(), lemma.lower()
    stem = next((lemma[:-len(ending)] + replacement for ending, replacement in cues.future_stems
                 if lemma.endswith(ending)), lemma)
    return len(lemma) > 3 and form[len(stem):] in cues.future_ending and form.startswith(stem)


def _reported(doc: Doc, verb: int, cues: TenseCues) -> bool:
    """A present-tense verb inside reported speech keeps the default lean."""
    return words(doc, "DEP")[verb] in ("ccomp", "parataxis") \
        or words(doc, "LEMMA")[heads(doc)[verb]] in cues.speech


def _governing_verb(doc: Doc, token: int) -> int | None:
    """The nearest verb up the dependency tree (a few steps at most), never across a line
    break: a head in another paragraph is the parser running two sentences together
    ("... le 22 novembre.\nJeudi soir, ..." hung on the next paragraph's future)."""
    pos, token_heads = words(doc, "POS"), heads(doc)
    for _ in range(4):
        if pos[token] in ("VERB", "AUX"):
            return token
        head = token_heads[token]
        if head == token:  # the root
            return _verb_before_cut(doc, token)
        if _line_between(doc, token, head):
            return None
        token = head
    return None


def _verb_before_cut(doc: Doc, root: int) -> int | None:
    """The last verb of the sentence before ``root``'s when the parser cut one clause in two:
    ``root`` heads a fragment with no verb ("mercredi."), and nothing ends the sentence before
    it (no stop, no line break: "il est attendu dans le Var | mercredi."). A time expression
    ending a clause is that clause's, so its verb tells the tense."""
    starts, pos = sentence_starts(doc), words(doc, "POS")
    at = bisect_right(starts, root) - 1
    start = starts[at]
    end = starts[at + 1] if at + 1 < len(starts) else len(doc)
    if start == 0 or any(pos[t] in ("VERB", "AUX") for t in range(start, end)):
        return None
    last = start - 1
    if (doc[last].is_punct and doc[last].text != ",") \
            or _line_between(doc, last, start):
        return None
    before = starts[at - 1]  # the sentence of ``last``
    return next((t for t in range(start - 1, before - 1, -1) if pos[t] == "VERB"), None)


def _line_between(doc: Doc, a: int, b: int) -> bool:
    starts = offsets(doc)
    start, end = sorted((starts[a], starts[b]))
    # text_of: Doc.text joins every token again on each call (7 ms a document here).
    return "\n" in text_of(doc)[start:end]
