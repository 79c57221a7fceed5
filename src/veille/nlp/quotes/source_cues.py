"""Source cues: the prepositions and phrases that attribute a statement without a verb
("selon X", "d'après X", "De l'avis de X", "Pour l'économiste X, ..."), from the pack's lists
(``quotes/cues_sources.tsv``, ``cues_opinion_openers.txt`` and the source phrases).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Token

from veille.nlp.quotes.cues import CueWords, cue_words
from veille.nlp.quotes.doc import columns, text_of
from veille.nlp.scope import current_pack


def can_be_source(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the phrase after "selon" names a source: a name, a pronoun ("selon lui"), or a
    noun of person, organisation or evidence ("selon des sources", "d'après un sondage");
    "selon les régions" or "selon le calendrier" do not."""
    nouns, found = cue_words().source_nouns, columns(doc)
    tokens = found.tokens_in(span[0], span[1])
    pos, orth, lower, lemma = found.pos, found.orth, found.lower, found.lemma
    for k in range(*tokens) if tokens is not None else ():
        if pos[k] in ("PROPN", "PRON") or orth[k][:1].isupper():
            return True
        if pos[k] == "NOUN" and (lower[k] in nouns or lemma[k] in nouns):
            return True
    return False



class SourceCue(NamedTuple):
    """A source preposition: the cue it gives and the token it starts at."""

    cue: str  # "selon", "d'après", "pour"
    first: int  # token index of its first token ("d'" when the tokenizer split "d'après")


def source_cue(doc: Doc, tok: Token) -> SourceCue | None:
    """``tok`` as a source preposition (``cues_sources.tsv``: "selon", "d'après", which the
    tokenizer may split into "d'" + "après"), or an opinion opener followed by a named person
    and a comma (``cues_opinion_openers.txt``: "Pour l'économiste Anne Vidal, ..."); None for
    any other token."""
    cues, i, found = cue_words(), tok.i, columns(doc)
    lower = found.lower[i]
    cue = cues.sources.get(lower)
    if cue is not None:
        return SourceCue(cue, i)
    if i > 0:
        cue = cues.split_sources.get((found.lower[i - 1], lower))
        if cue is not None:
            return SourceCue(cue, i - 1)
    if found.orth[i] in cues.opinion and opinion_holder(doc, tok):
        return SourceCue(lower, i)
    if lower not in cues.source_phrase_ends:
        return None
    return _source_phrase(doc, i, cues)


_PHRASE_TOKENS = 5  # "de l' avis de": the longest source phrase, in tokens
_SPACE = re.compile(r"\s")  # str.isspace's characters


def source_phrase_at(doc: Doc, i: int) -> SourceCue | None:
    """Token ``i`` ends a source phrase ("De l'avis de", "À en croire"): the phrase as
    recorded (lower case) and its first token; the test of :func:`source_cue` on a phrase's
    last word, for a caller that knows the token is no other source."""
    return _source_phrase(doc, i, cue_words())


def _source_phrase(doc: Doc, i: int, cues: CueWords) -> SourceCue | None:
    found = columns(doc)
    orth, starts, end = found.orth, found.starts, found.ends[i]
    text = text_of(doc)
    phrases, heads = cues.source_phrases, cues.source_phrase_heads
    reach = max(0, i - _PHRASE_TOKENS + 1)
    # A phrase from any token of the reach ends the reach's own folded text: one test in C
    # tells the tokens that end none (nearly every "de") before the walk over the reach.
    if not " ".join(text[starts[reach] : end].casefold().split()).endswith(cues.phrase_list):
        return None
    for first in range(reach, i):
        head = orth[first]
        # A phrase starts with its first token's letters, folded; a token holding a space is
        # left to the full test (the join below drops it).
        if head.casefold() not in heads and _SPACE.search(head) is None:
            continue
        phrase = " ".join(text[starts[first] : end].casefold().split())
        if phrase in phrases:
            return SourceCue(phrase, first)
    return None


def opinion_holder(doc: Doc, tok: Token) -> bool:
    """A person's name (a NER label the pack maps to PER: ``entities/ner_labels.tsv``) follows
    ``tok`` before a comma."""
    for nxt in doc[tok.i + 1 : tok.i + 8]:
        if nxt.text == ",":
            types = current_pack().mapping("entities/ner_labels.tsv")
            return any(types.get(t.ent_type_) == "PER" for t in doc[tok.i + 1 : nxt.i])
        if nxt.is_punct or nxt.pos_ in ("VERB", "AUX"):
            return False
    return False
