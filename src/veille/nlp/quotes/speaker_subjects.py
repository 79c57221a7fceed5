"""Subjects a cue verb does not carry itself, read from the parse for the speaker sieve.

- a shared subject: a cue verb coordinated with another verb, or a gerund or participle,
  has the subject of the verb it continues ("La préfecture a réagi et a précisé que ...");
- a source learned from: "a-t-on appris auprès de X", "selon ce qu'a appris Y auprès de X",
  and the subject of a relative on a source ("selon ce qu'a indiqué X").

Each pass takes an :class:`~veille.nlp.quotes.direct.Attribution` and returns it, or a copy
with the subject found (``via`` ``subject`` or ``selon``). Their words come from the pack
(``quotes/component_*``); the parser's labels from ``quotes/component_dependencies.tsv``.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.direct import Attribution
from veille.nlp.quotes.doc import span_of
from veille.nlp.scope import current_pack

_DEPENDENCIES = "quotes/component_dependencies.tsv"
_INDEFINITE = "quotes/component_indefinite_pronouns.txt"
_RELATIVE_HEADS = "quotes/component_relative_heads.txt"
_SOURCE_ADVERBS = "quotes/component_source_adverbs.txt"
_SOURCE_WORDS = 8  # the longest source phrase read after "auprès"
_SHARED_STEPS = 3  # verbs climbed to find a shared subject ("a réagi et a nié, en affirmant")


def dependency_labels() -> dict[str, frozenset[str]]:
    """The parser's dependency labels the rules read, by use (``subject``, ``apposition``...)."""
    return current_pack().derive(_build_dependencies)


def _build_dependencies(pack: LanguagePack) -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1:]) for row in pack.table(_DEPENDENCIES)}


def shared_subject(doc: Doc, att: Attribution) -> Attribution:
    """A cue verb with no subject of its own takes the subject of the verb it is coordinated
    with or depends on ("La préfecture a réagi et a précisé que ...", "X a démenti, en
    affirmant que ..."): French shares one subject across coordinated verbs, and a
    gerund's or participle's subject is its main verb's."""
    if att.cue is None or att.subject is not None or att.pronoun is not None:
        return att
    span = span_of(doc, att.at, att.at + 1)
    if span is None or span[0].pos_ not in ("VERB", "AUX"):
        return att
    subject = _shared_subject(span[0])
    if subject is None:
        return att
    return dataclasses.replace(att, subject=subject, via="subject")


def relative_source(doc: Doc, att: Attribution) -> Attribution:
    """Who a reporter learned the words from: "a-t-on appris auprès de X" (the indefinite
    "on" of ``component_indefinite_pronouns.txt``), "selon ce qu'a appris Y auprès de X": X;
    "selon ce qu'a indiqué X" (a relative on ``component_relative_heads.txt``): the subject
    of the relative's verb. Other attributions are left as they are."""
    pack = current_pack()
    verb: Token | None = None
    if att.pronoun is not None and att.pronoun.casefold() in pack.words(_INDEFINITE):
        span = span_of(doc, att.at, att.at + 1)
        verb = span[0] if span is not None else None
    elif att.via == "selon" and att.subject is not None:
        verb = _relative_verb(doc, att.subject)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return att
    subject = None if att.pronoun else next(
        (c for c in verb.children if c.dep_ in dependency_labels().get("subject", frozenset())
         and c.pos_ in ("NOUN", "PROPN")), None)
    tokens = _learned_from(verb) or ([t for t in subject.subtree if not t.is_punct]
                                     if subject is not None else [])
    if not tokens:
        return att
    found = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    return dataclasses.replace(att, subject=found, pronoun=None, via="selon")


def _relative_verb(doc: Doc, subject: tuple[int, int]) -> Token | None:
    """The verb of a relative on a demonstrative source ("selon ce qu'a indiqué X")."""
    span = span_of(doc, subject[0], subject[1])
    if span is None or len(span) != 1 or span[0].lower_ not in current_pack().words(
            _RELATIVE_HEADS):
        return None
    return next((t for t in doc[span[0].i + 1 : span[0].i + 5] if t.pos_ == "VERB"), None)


def _learned_from(verb: Token) -> list[Token]:
    """The noun phrase after a source adverb hanging on ``verb`` ("auprès du parquet de X":
    "parquet de X"), read in text order up to a punctuation mark or a verb: the parser
    often hangs the phrase on the main clause instead. Empty when there is none."""
    adverbs = current_pack().words(_SOURCE_ADVERBS)
    adverb = next((c for c in verb.children if c.lower_ in adverbs), None)
    if adverb is None:
        return []
    tokens = []
    for tok in adverb.doc[adverb.i + 1 : adverb.i + 1 + _SOURCE_WORDS]:
        if tok.is_punct or tok.is_space or tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            break
        tokens.append(tok)
    while tokens and tokens[0].pos_ == "ADP":
        tokens = tokens[1:]  # "du parquet": the phrase, not its preposition
    return tokens if any(t.pos_ in ("NOUN", "PROPN") for t in tokens) else []


def _shared_subject(verb: Token) -> tuple[int, int] | None:
    """The subject ``verb`` shares: climbing from the verb (or the verb its auxiliary or pair
    word hangs on, ``verb_part``) through coordinated verbs and, for a form without person
    (participle, gerund, infinitive), the clause it modifies (``shared_subject``), up to the
    first verb with a nominal subject before it; None when a verb on the way has a pronoun
    or no such subject is found."""
    deps = dependency_labels()
    tok = verb.head if verb.dep_ in deps.get("verb_part", frozenset()) else verb
    for _ in range(_SHARED_STEPS):
        subjects = [c for c in tok.children if c.dep_ in deps.get("subject", frozenset())
                    and c.i < tok.i]
        if subjects:
            subject = subjects[0]
            if subject.pos_ not in ("NOUN", "PROPN"):
                return None
            end = min(subject.right_edge.idx + len(subject.right_edge.text), subject.head.idx)
            return subject.left_edge.idx, end
        phrase = _phrase_modified(tok)
        if phrase is not None:
            return phrase
        forms = set(tok.morph.get("VerbForm", []))
        personless = bool(forms) and not forms - {"Part", "Ger", "Inf"}
        climbs = tok.dep_ in deps.get("coordinated", frozenset()) or (
            personless and tok.dep_ in deps.get("shared_subject", frozenset()))
        if not climbs or tok.head is tok or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        tok = tok.head
    return None


def _phrase_modified(verb: Token) -> tuple[int, int] | None:
    """The noun phrase opening the clause when the parser took its finite verb for a modifier
    of the noun before it ("La coordination des usagers appelle à ..." parsed as if
    "appelle" qualified "usagers"): a finite verb modifies no noun without a relative
    pronoun, so the phrase, climbed up its complements to the clause's first word, is its
    subject. None for any other verb."""
    deps = dependency_labels()
    noun = verb.head
    if (verb.dep_ not in deps.get("modifier", frozenset()) or noun.i > verb.i
            or "Fin" not in verb.morph.get("VerbForm", [])
            or noun.pos_ not in ("NOUN", "PROPN")):
        return None
    while noun.dep_ in deps.get("attachment", frozenset()) and noun.head.i < noun.i:
        noun = noun.head
    first = noun.left_edge
    opens = first.i == 0 or first.doc[first.i - 1].is_punct or first.doc[first.i - 1].is_space
    if not opens or any(t.pos_ in ("VERB", "AUX") for t in first.doc[first.i : verb.i]):
        return None
    last = first.doc[verb.i - 1]
    return first.idx, last.idx + len(last.text)
