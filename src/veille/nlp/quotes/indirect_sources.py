"""Indirect speech whose source is a phrase, not a reporting verb's subject (:mod:`.indirect`).

- ``Selon X, <contenu>`` / ``<contenu>, selon X`` / ``D'après X, ...`` (appositions of the source
  are the source's; "selon chaque région" is no source);
- ``X, pour qui <contenu>``: a relative that makes the person before it the source;
- ``un communiqué de X selon lequel <contenu>``: a noun that names something said;
- ``À l'en croire, <contenu>`` and ``<contenu>. C'est l'avis de X.``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from veille.nlp.quotes.cue_subjects import inverted_subject, preposed_subject
from veille.nlp.quotes.cues import auxiliaries_before, cue_words, reporting_at
from veille.nlp.quotes.doc import columns, text_of
from veille.nlp.quotes.indirect_bounds import (
    Reported,
    after_conjunction,
    content_end,
    content_start,
    finite_verb_in,
    indirect_words,
    skip_comma,
)
from veille.nlp.quotes.indirect_candidates import verb_candidates
from veille.nlp.quotes.indirect_forms import (
    following_source,
    pronoun_source,
    relative_source,
)
from veille.nlp.quotes.marks import mark_rules
from veille.nlp.quotes.source_cues import can_be_source, source_cue
from veille.nlp.tokens import ids

_SOURCE_MODIFIER_WORDS = 8  # "selon un sondage Ifop publié lundi par Le Figaro,"


def pronoun_opener(doc: Doc, sentence: tuple[int, int]) -> Reported | None:
    """``À l'en croire, <content>``: the speaker is a pronoun for the person spoken of
    before (the speaker rules resolve it); the content is the rest of the sentence."""
    found = pronoun_source(doc, sentence)
    if found is None:
        return None
    cue, pronoun, start = found
    end = content_end(doc, start, sentence[1])
    return Reported(start, end, cue, None, pronoun, sentence[0]) if end > start else None


def from_relative(doc: Doc, tok: Token, sentence: tuple[int, int]) -> Reported | None:
    """``Le maire, pour qui <content>``: the person before the comma is the source; the
    content is the relative clause."""
    found = relative_source(doc, tok)
    if found is None:
        return None
    cue, start = found
    subject = noun_phrase_before(doc, tok.i - (doc[tok.i - 1].text == ","), sentence[0])
    if subject is None or not can_be_source(doc, subject):
        return None
    end = content_end(doc, start, sentence[1])
    return Reported(start, end, cue, subject, None, tok.idx, via="selon") if end > start else None


def from_following(doc: Doc, sentence: tuple[int, int]) -> Reported | None:
    """``<content>. C'est l'avis de X.``: the whole sentence is the content of the source the
    next sentence names."""
    found = following_source(doc, sentence)
    if found is None:
        return None
    cue, subject = found
    start = after_conjunction(doc, sentence)
    end = content_end(doc, start, sentence[1])
    return Reported(start, end, cue, subject, None, subject[0], via="selon")


def noun_phrase_before(doc: Doc, i: int, floor: int) -> tuple[int, int] | None:
    """The innermost noun phrase ending before token ``i``: its determiner, nouns, names and
    adjectives, not the phrase it complements ("une lettre de [la préfète Anne Roy]")."""
    j = i
    while j > 0 and doc[j - 1].idx >= floor and doc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        j -= 1
    if j > 0 and doc[j - 1].pos_ == "DET":
        j -= 1
    if j == i:
        return None
    last = doc[i - 1]
    return doc[j].idx, last.idx + len(last.text)


def from_source(doc: Doc, tok: Token, sentence: tuple[int, int]) -> Reported | None:
    """``Selon X, <content>`` (source first) or ``<content>, selon X`` (source last)."""
    found = source_cue(doc, tok)
    if found is None or tok.i + 1 >= len(doc):
        return None
    lists = indirect_words()
    if columns(doc).lower[tok.i + 1] in lists.not_source or _distributive(doc, tok.i + 1):
        return None
    prep = found.cue
    source = _source_span(doc, tok, sentence[1])
    if source is None:
        return None
    head = text_of(doc)[sentence[0] : doc[found.first].idx].replace(",", " ").split()
    if all(w.casefold() in lists.connectives for w in head):
        start = skip_comma(text_of(doc), _source_end(text_of(doc), source[1], sentence[1]),
                            sentence[1])
        start = _past_appositions(doc, start, sentence[1])
        inner = _reported_inside(doc, start, sentence)
        if inner is not None:
            return Reported(inner.start, inner.end, prep, source, None, tok.idx)
        return Reported(start, content_end(doc, start, sentence[1]), prep, source, None,
                        tok.idx)
    after = skip_comma(text_of(doc), source[1], sentence[1])
    rest = text_of(doc)[after : sentence[1]].split()
    if (text_of(doc)[source[1] : after].strip() == "," and len(rest) > 3
            and finite_verb_in(doc, after, sentence[1])):
        # Parenthetical ", selon X, <clause>": the source governs the clause that follows it.
        return Reported(after, content_end(doc, after, sentence[1]), prep, source, None,
                        tok.idx)
    cut = doc[found.first].idx  # before "d'" when the tokenizer split "d'après"
    start = after_conjunction(doc, sentence)
    return Reported(start, content_end(doc, start, cut), prep, source, None, tok.idx)


_APPOSITION_WORDS = 12  # "Selon X, sociologue et professeur à l'université de Y, ..."


def _past_appositions(doc: Doc, start: int, limit: int) -> int:
    """Past the appositions that follow a fronted source ("Selon X, sociologue à Lyon, <content>",
    "Selon le rapport, publié lundi, ..."): a phrase up to the next comma with no finite verb
    that opens on a noun, a name, an adjective or a participle, not on a preposition or an
    adverb ("Selon lui, en 2025, ..." keeps its date), when a clause with a finite verb
    follows it; the content begins after them."""
    text, found, openers = text_of(doc), columns(doc), mark_rules().openers
    pos, orth, like_num = found.pos, found.orth, ids(doc, "LIKE_NUM")
    while True:
        comma = text.find(",", start, limit)
        span = found.tokens_in(start, comma) if comma > start else None
        if (span is None or span[1] - span[0] > _APPOSITION_WORDS
                or finite_verb_in(doc, start, comma)
                or pos[span[0]] not in ("NOUN", "PROPN", "ADJ", "DET", "VERB")
                or any(like_num[k] or orth[k][:1] in openers for k in range(*span))
                or not finite_verb_in(doc, comma, limit)):
            return start
        start = skip_comma(text, comma, limit)


def _distributive(doc: Doc, first: int) -> bool:
    """The phrase at token ``first``, after a source preposition, says what things vary with
    ("selon chaque région", "selon les différentes académies"): "depending on", not
    "according to"."""
    distributive, lower = indirect_words().distributive, columns(doc).lower
    if lower[first] in distributive:
        return True
    return (first + 1 < len(doc) and lower[first + 1] in distributive
            and columns(doc).pos[first] == "DET"
            and "Def" in columns(doc).feats[first].get("Definite", ()))


def from_speech_noun(doc: Doc, tok: Token, sentence: tuple[int, int]) -> Reported | None:
    """``un communiqué de X selon lequel <content>``: a noun that names something said, whose
    relative introduced by ``tok`` (a source preposition) holds what was said. The speaker is
    the noun's complement ("de la préfecture"), else the subject of the verb it is the object
    of ("La préfecture a publié un communiqué selon lequel"), unless that verb disputes it."""
    # the relative first: it is rarer than a source preposition, and cheaper to test
    if (tok.i + 2 >= len(doc) or "Rel" not in columns(doc).feats[tok.i + 1].get("PronType", ())
            or source_cue(doc, tok) is None):
        return None
    nxt = doc[tok.i + 1]
    lists = indirect_words()
    noun = _speech_noun_before(doc, tok.i, sentence[0])
    if noun is None:
        return None
    start = doc[tok.i + 2].idx
    end = content_end(doc, start, sentence[1])
    if noun.head.i > tok.i and noun.head.pos_ in ("VERB", "AUX"):
        # "La déclaration de X selon laquelle A a surpris": A ends before the noun's own verb
        end = min(end, doc[auxiliaries_before(noun.head)].idx)
        while end > start and text_of(doc)[end - 1] in " ,":
            end -= 1
    if end <= start:
        return None
    subject = _complement_of(doc, noun, tok.i)
    verb = noun.head
    if (subject is None and noun.dep_ in cue_words().labels("object") and verb.pos_ == "VERB"
            and verb.lemma_.casefold() not in lists.disputing):
        subject = preposed_subject(doc, verb, sentence[0])
    # With no one named, the statement is no one's here (a rumour, a denied report): the
    # impersonal pronoun keeps the speaker rules from lending it the sentence's subject.
    return Reported(start, end, text_of(doc)[tok.idx : nxt.idx + len(nxt.text)], subject,
                    None if subject else lists.impersonal, tok.idx,
                    via="subject" if subject else None)


_NOUN_PHRASE_TOKENS = 8  # "la déclaration du ministre de l'Intérieur Paul Morel selon laquelle"


def _speech_noun_before(doc: Doc, i: int, floor: int) -> Token | None:
    """The head of the noun phrase ending before token ``i`` when it names something said: its
    leftmost noun of the pack's speech nouns, the phrase's complements being words of it."""
    found = None
    for tok in reversed(doc[max(0, i - _NOUN_PHRASE_TOKENS) : i]):
        if tok.idx < floor or tok.pos_ not in ("NOUN", "PROPN", "DET", "ADP", "ADJ"):
            break
        if tok.pos_ == "NOUN" and tok.lemma_.casefold() in indirect_words().speech_nouns:
            found = tok
    return found


def _complement_of(doc: Doc, noun: Token, before: int) -> tuple[int, int] | None:
    """The noun-phrase complement of ``noun`` before token ``before`` ("le communiqué [de la
    préfecture] selon lequel"), without its preposition, when it holds a name or a noun."""
    for child in noun.children:
        if noun.i < child.i < before and child.pos_ in ("NOUN", "PROPN"):
            tokens = [t for t in child.subtree if t.i < before and t.pos_ != "ADP"]
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def _source_span(doc: Doc, tok: Token, limit: int) -> tuple[int, int] | None:
    """The source after ``selon`` / ``d'après``: a noun phrase with its apposed name."""
    span = inverted_subject(doc, tok, limit)
    return span if span is not None and can_be_source(doc, span) else None


def _source_end(text: str, end: int, limit: int) -> int:
    """The end of a fronted source with its modifiers: "Selon un sondage publié lundi, ..."."""
    comma = text.find(",", end, limit)
    if comma < 0 or len(text[end:comma].split()) > _SOURCE_MODIFIER_WORDS:
        return end
    return comma


def _reported_inside(doc: Doc, start: int, sentence: tuple[int, int]) -> Reported | None:
    """A "que" clause inside a sourced sentence: "Selon X, Y a estimé que <content>"."""
    tokens = columns(doc).tokens_in(start, sentence[1])
    if tokens is None:
        return None
    # The verb candidates only (every reporting verb is one), up to the first token opening
    # a quote: the walk asked the reporting test of every token of the rest.
    verbs = verb_candidates(doc)
    stop = _first_opening(doc, tokens)
    for k in verbs[bisect_left(verbs, tokens[0]) : bisect_left(verbs, stop)]:
        if reporting_at(doc, k):
            tok = doc[k]
            begin = content_start(doc, tok, sentence[1])
            if begin is not None:
                return Reported(begin, content_end(doc, begin, sentence[1], tok), "", None,
                                None, tok.idx)
    return None


def _first_opening(doc: Doc, tokens: tuple[int, int]) -> int:
    """The first token of ``tokens`` that begins with an opening quote mark (else the end)."""
    text, found = text_of(doc), columns(doc)
    starts, opener = found.starts, mark_rules().opener
    at = starts[tokens[0]]
    end = found.ends[tokens[1] - 1]
    # the marks in the text, each kept if a token begins at it: a search in C, not a walk
    while (mark := opener.search(text, at, end)) is not None:
        k = bisect_left(starts, mark.start(), tokens[0], tokens[1])
        if k < tokens[1] and starts[k] == mark.start():
            return k
        at = mark.start() + 1
    return tokens[1]
