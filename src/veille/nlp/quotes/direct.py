"""Attribution of direct quotes: the cue after the closing mark, else the cue before the opening.

- ``« A », a déclaré Lavrov.`` / ``"A", a-t-il ajouté.``: a reporting verb opens the clause
  after the quote; its subject is inverted (a noun phrase or ``-t-il``) or preposed
  (``», Trump dit``).
- ``Lavrov a souligné que « A »`` / ``Selon X, « A »``: the first cue of the sentence before the
  quote (the main clause comes first in French news prose).
- ``Il a dit aux journalistes : « A »``: a colon introduces the quote; the subject of the clause
  before it speaks, reporting verb or not.
- No cue at all (``« B. »`` after ``« A », a déclaré X.``): the quote inherits the last speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cue_subjects import inverted_subject, preposed_subject
from veille.nlp.quotes.cues import (
    auxiliaries_before,
    cue_text,
    cue_words,
    is_passive,
    is_reporting_verb,
    present_participle,
    pronoun_of,
)
from veille.nlp.quotes.doc import span_of, text_of
from veille.nlp.quotes.indirect_candidates import candidate_kinds
from veille.nlp.quotes.marks import Marked, mark_rules
from veille.nlp.quotes.source_cues import can_be_source, source_cue
from veille.nlp.quotes.tree import tree_of
from veille.nlp.scope import current_pack
from veille.nlp.spans import Spans

_AFTER_WINDOW = 8  # tokens after the closing mark in which an inverted cue may sit


@dataclass(frozen=True)
class Attribution:
    """How a quote is attributed: cue text, subject span or pronoun, and where the cue is."""

    cue: str | None = None
    subject: tuple[int, int] | None = None
    pronoun: str | None = None
    at: int = 0
    after: bool = False  # the cue follows the quote (an inverted clause)
    # The sieve pass that found ``subject``: "subject" (preposed to its verb), "incise"
    # (inverted after it), "selon" (a source preposition), "label" (``Nom : « ... »``).
    via: str | None = None


def attribute(doc: Doc, chain: list[Marked], sentence: tuple[int, int],
              last_sentence: tuple[int, int], quoted: Spans,
              following: tuple[int, int] | None = None) -> Attribution:
    """Attribution of a chain of quote pieces; ``Attribution()`` when the text gives none.

    ``quoted``: the ranges of every quote of the document, marks included (no cue sits in
    them). ``following`` is the sentence after the quote, for "« ... » C'est ce qu'a déclaré X."
    """
    after = _after_cue(doc, chain[-1].right, last_sentence[1])
    if after is not None:
        return after
    before = _before_cue(doc, sentence[0], chain[0].left, quoted)
    if before is None and following is not None and _presentative().match(
        text_of(doc)[following[0] : following[1]]
    ):
        before = _after_cue(doc, following[0], following[1], window=20)
    return before or Attribution(at=chain[0].start)


def _presentative() -> re.Pattern[str]:
    """A next sentence that attributes the quote before it: "C'est ce qu'a affirmé X."."""
    return current_pack().derive(_compile_presentative)


def _compile_presentative(pack: LanguagePack) -> re.Pattern[str]:
    return pack.regex("quotes/direct.toml", "presentative", re.IGNORECASE)


def _after_cue(doc: Doc, start: int, end: int, window: int = _AFTER_WINDOW
               ) -> Attribution | None:
    span = span_of(doc, start, end)
    if span is None:
        return None
    openers = mark_rules().openers
    candidates, _ = candidate_kinds(doc)
    for tok in span[:window]:  # (a Span: no Token for the rest of the sentence)
        if tok.idx < start:
            continue
        if tok.text[:1] in openers or tok.text in ".!?":
            return None
        # each test once a token: both are pure, and the clause check below asks them too;
        # asked only of the words that may be a cue (the candidates, as in _before_cue)
        maybe = _holds(candidates, tok.i)
        reporting = maybe and is_reporting_verb(tok)
        opens_source = maybe and not reporting and _is_source(doc, tok)
        # "» tout en reconnaissant", "» et a ajouté": another clause, not an attribution.
        if window == _AFTER_WINDOW and tok.pos_ in ("ADP", "SCONJ", "CCONJ", "VERB") and not (
            reporting or opens_source
        ):
            return None
        if reporting:
            if present_participle(tok):
                return None  # "» évoquant ...": an adjunct of the clause before the quote
            return _verb_attribution(doc, tok, start, end, after=True)
        if opens_source:  # "« ... », selon le porte-parole du Kremlin."
            source = _noun_phrase_after(doc, tok, end)
            if source is not None:
                return Attribution(_source_cue(doc, tok), source, None, tok.idx, True, "selon")
    return None


def _holds(ordered: list[int], i: int) -> bool:
    """``i`` is in the ascending list ``ordered``."""
    k = bisect_left(ordered, i)
    return k < len(ordered) and ordered[k] == i


def _verb_attribution(doc: Doc, verb: Token, floor: int, limit: int, after: bool
                      ) -> Attribution:
    pronoun = pronoun_of(doc, verb)
    subject, via = None, None
    if pronoun is None:
        subject, via = preposed_subject(doc, verb, floor), "subject"
        if subject is None or _inverted(doc, verb, floor):
            found = inverted_subject(doc, verb, limit)
            if found is not None:
                subject, via = found, "incise"
    return Attribution(cue_text(doc, verb), subject, pronoun, verb.idx, after,
                       via if subject is not None else None)


def _inverted(doc: Doc, verb: Token, floor: int) -> bool:
    """The verb's subject follows it: the verb opens the words after ``floor``, or an
    inverting opener comes before it."""
    return (doc[auxiliaries_before(verb)].idx <= _first_word(doc, floor)
            or _inverting_opener(doc, verb))


def _inverting_opener(doc: Doc, verb: Token) -> bool:
    """"comme le précise X", "ainsi que l'a indiqué X": after such an opener (and the neuter
    clitic) the subject follows the verb (``quotes/direct_inverting_openers.txt``)."""
    words = current_pack().words("quotes/direct_inverting_openers.txt")
    clitics = current_pack().words("quotes/direct_neuter_clitics.txt")
    i = auxiliaries_before(verb) - 1
    if i >= 0 and doc[i].lower_ in clitics:
        i -= 1
    return i >= 0 and (doc[i].lower_ in words
                       or (i > 0 and f"{doc[i - 1].lower_} {doc[i].lower_}" in words))


def _first_word(doc: Doc, floor: int) -> int:
    """Where the words after ``floor`` begin, past object clitics: in "« … » lui a demandé X"
    the verb still opens the clause, so its subject is the name after it, not "lui"."""
    clitics = cue_words().clitics
    tree = tree_of(doc)  # the columns: no Token for each word looked at
    first, stop = tree.token_range(floor, len(text_of(doc)))
    for i in range(first, stop):
        if tree.idx[i] >= floor and not tree.is_blank(i) and tree.lower(i) not in clitics:
            return tree.idx[i]
    return floor


def _before_cue(doc: Doc, start: int, end: int, quoted: Spans) -> Attribution | None:
    tree = tree_of(doc)
    first, stop = tree.token_range(start, end)
    if first >= stop:
        return None
    idx = tree.idx
    # Only the words that may be a cue are asked: the indirect rules' candidates (every
    # source preposition, source phrase end, opinion opener and reporting verb is one), read
    # once a document; a Token is made for them only.
    candidates, _ = candidate_kinds(doc)
    for i in candidates[bisect_left(candidates, first) : bisect_left(candidates, stop)]:
        if idx[i] >= end or idx[i] in quoted:
            continue
        tok = doc[i]
        cue = source_cue(doc, tok)
        if cue is not None and tok.i + 1 < len(doc):
            source = _noun_phrase_after(doc, tok, end)
            if source is not None:
                return Attribution(cue.cue, source, None, tok.idx, via="selon")
        if is_reporting_verb(tok) and not is_passive(tok):
            return _verb_attribution(doc, tok, start, end, after=False)
    if not text_of(doc)[start:end].rstrip().endswith(":"):
        return None
    tokens = [doc[i] for i in range(first, stop) if idx[i] < end and idx[i] not in quoted]
    return (_colon_subject(doc, tokens, start) or _label_subject(doc, tokens)) if tokens else None


def _label_subject(doc: Doc, tokens: list[Token]) -> Attribution | None:
    """Headline style ``Lavrov : « ... »``: a bare name before the colon speaks."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    # Capitals, not the tagger: names before a colon are often mis-tagged (ADV, NOUN).
    if not words or len(words) > 4 or not all(t.text[:1].isupper() for t in words):
        return None
    return Attribution(":", (words[0].idx, words[-1].idx + len(words[-1].text)), None,
                       words[0].idx, via="label")


def _colon_subject(doc: Doc, tokens: list[Token], floor: int) -> Attribution | None:
    nominal_subject = cue_words().labels("nominal_subject")
    for tok in tokens:
        if tok.dep_ in nominal_subject and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            subject = preposed_subject(doc, tok.head, floor)
            if subject is not None:
                return Attribution(":", subject, None, tok.idx, via="subject")
    return None


def _noun_phrase_after(doc: Doc, tok: Token, limit: int) -> tuple[int, int] | None:
    """The source after ``selon``: a noun phrase, with its apposed name if any."""
    if doc[tok.i + 1].lower_ in current_pack().words("quotes/direct_not_source.txt"):
        return None
    span = inverted_subject(doc, tok, limit)
    return span if span is not None and can_be_source(doc, span) else None


def _source_cue(doc: Doc, tok: Token) -> str:
    found = source_cue(doc, tok)
    return found.cue if found is not None else ""


def _is_source(doc: Doc, tok: Token) -> bool:
    """``tok`` introduces a source: "selon", "d'après", an opinion "Pour X," (``source_cue``)."""
    return source_cue(doc, tok) is not None


_INCISE_MAX = 10  # tokens between the commas of "« A, a-t-il affirmé, B »"
_INCISE_ENDS = frozenset({",", ".", ",."})  # the token that closes it (``text in ",."``)


def incise(doc: Doc, mark: Marked) -> tuple[Attribution, list[tuple[int, int]]] | None:
    """A reporting clause between commas inside the marks: "« A, a-t-il affirmé, B »".

    French inserts the attribution in the middle of a quote with the verb first (inverted
    subject: "a-t-il affirmé", "poursuit le ministre") or as "selon lui"; it ends at a comma or
    a full stop ("« A, a-t-elle insisté. B »"). The clause is not the speaker's words.
    Returns its attribution and the quote's words without it (one or two pieces).
    """
    # the marks' tokens as indices, and their text from the columns: a Token is made only
    # for the words between two commas (the quote's other words are only looked at)
    text, tree = text_of(doc), tree_of(doc)
    idx, ends = tree.idx, tree.end
    first, stop = tree.token_range(mark.start, mark.end)
    tokens = [i for i in range(first, stop) if mark.start <= idx[i] < mark.end]
    for k, comma in enumerate(tokens[:-1]):
        if k == 0 or text[idx[comma] : ends[comma]] != ",":
            continue
        close = next((j for j in tokens[k + 1 : k + 1 + _INCISE_MAX]
                      if text[idx[j] : ends[j]] in _INCISE_ENDS), None)
        if close is None:
            continue
        att = _incise_attribution(doc, [doc[i] for i in range(comma + 1, close)], doc[comma],
                                  doc[close])
        if att is None:
            continue
        tail = text[idx[close] + 1 : mark.end]
        rest = mark.end - len(tail.lstrip())
        pieces = [(mark.start, idx[comma])] + ([(rest, mark.end)] if rest < mark.end else [])
        return att, pieces
    return None


def _incise_attribution(doc: Doc, inner: list[Token], comma: Token, close: Token
                        ) -> Attribution | None:
    """The attribution of an inserted clause, or None when it is the speaker's own words
    ("« Nous pensons, comme l'a dit X, que »": not verb-first)."""
    if not inner:
        return None
    if _is_source(doc, inner[0]):
        source = _noun_phrase_after(doc, inner[0], close.idx)
        # "selon lui", "selon Marie Vidal"; "selon nos prévisions" is the speaker's own words
        first = text_of(doc)[source[0] : source[1]].split()[0] if source else ""
        pronouns = current_pack().words("quotes/direct_incise_pronouns.txt")
        if source is None or not (first.casefold() in pronouns or first[:1].isupper()):
            return None
        return Attribution(_source_cue(doc, inner[0]), source, None, inner[0].idx, True,
                           "selon")
    verb = next((t for t in inner[:5] if is_reporting_verb(t)), None)
    if verb is None or inner[0].i != auxiliaries_before(verb):
        return None
    att = _verb_attribution(doc, verb, comma.idx + 1, close.idx, after=True)
    return att if att.subject is not None or att.pronoun is not None else None
