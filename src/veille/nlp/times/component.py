"""Time expressions of a parsed document: the French grammar plus the tense of governing verbs.

The grammar (:mod:`veille.nlp.times.grammar`) works on plain text; this module only adds what the
parse knows: whether the verb that governs "vendredi" is in the future ("se rendra vendredi")
or the past ("s'est rendu vendredi"), which decides the direction of bare weekdays and dates.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.datecalc import Lean
from veille.model import TimeExpr
from veille.nlp.context import DocContext
from veille.nlp.doctext import text_of
from veille.nlp.times.grammar import find_times

_FUTURE_AUXILIARIES = {"aller", "devoir"}  # "va rencontrer", "doit se rendre" (present tense)
_FUTURE_ENDINGS = {"ai", "as", "a", "ons", "ez", "ont"}
_PLANNING = {"prévoir", "programmer", "planifier", "attendre"}  # "la réunion, prévue jeudi"


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
    """News reports the past; but a reference *inferred* from the latest date in the text is
    only a lower bound of the publication date, so there the nearest reading wins."""
    return "none" if basis == "inferred" else "past"


def verb_tense(token: Token) -> Lean | None:
    """"past", "future", "none" (a present: no lean) or None (no verb, no clue) for the verb
    governing ``token``."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    if verb.lemma_ in _PLANNING:
        return "future"
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if any("Fut" in a.morph.get("Tense", []) for a in auxiliaries):
        return "future"
    if any(a.lemma_ in ("avoir", "être") for a in auxiliaries):
        return "past"  # passé composé, plus-que-parfait
    tenses, moods = verb.morph.get("Tense", []), verb.morph.get("Mood", [])
    if "Fut" in tenses or "Cnd" in moods or _future_form(verb.text, verb.lemma_):
        return "future"
    if "Past" in tenses or "Imp" in tenses:
        return "past"
    if "Pres" in tenses and verb.morph.get("VerbForm", []) == ["Fin"] and not _reported(verb):
        # the news present names today's agenda either way ("vote jeudi", "se rend lundi"):
        # the nearer reading wins
        return "none"
    head = verb.head
    if verb.morph.get("VerbForm", []) == ["Inf"] and head.lemma_ in _FUTURE_AUXILIARIES \
            and "Pres" in head.morph.get("Tense", []):
        return "future"
    return None


def _future_form(form: str, lemma: str) -> bool:
    """Whether ``form`` is the simple future of ``lemma`` ("recevra", "rencontreront"): the
    model sometimes tags "recevra" as a past, though no past of "recevoir" reads so."""
    form, lemma = form.lower(), lemma.lower()
    stem = lemma[:-3] + "r" if lemma.endswith("oir") else \
        lemma[:-1] if lemma.endswith("re") else lemma
    return len(lemma) > 3 and form[len(stem):] in _FUTURE_ENDINGS and form.startswith(stem)


def _reported(verb: Token) -> bool:
    """A present-tense verb inside reported speech keeps the default lean."""
    return verb.dep_ in ("ccomp", "parataxis") or verb.head.lemma_ in ("dire", "déclarer")


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb up the dependency tree (a few steps at most)."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None
