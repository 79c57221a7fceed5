"""Indirect speech without a "que" after the verb, or with the attribution elsewhere.

Constructions of French news prose (the words are the pack's: ``quotes/indirect_*``):
- ``X a annoncé <objet nominal>``: the noun-phrase object of an announcing verb;
- ``X estime à <nombre> <groupe nominal>``: a figure and what it counts;
- ``X craint que <contenu>``: a stance verb that reports only with its "que" clause;
- ``À l'en croire, <contenu>``: a pronoun source, the person the text spoke of before;
- ``X, pour qui <contenu>``: a relative that makes the person before it the source;
- ``<contenu>. C'est l'avis de X.``: the next sentence attributes this one.
Each returns the content's start (or a whole statement) for :mod:`.indirect` to bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cue_subjects import inverted_subject
from veille.nlp.quotes.cues import auxiliaries_before, cue_words
from veille.nlp.quotes.doc import columns, span_of, text_of
from veille.nlp.scope import current_pack


@dataclass(frozen=True)
class FormWords:
    """The word lists of these constructions, for one language pack."""

    nominal: frozenset[str]  # lemmas whose noun object is content (indirect_nominal_verbs)
    estimate: frozenset[str]  # lemmas of "estimer à N le nombre" (indirect_estimate_verbs)
    que_only: frozenset[str]  # lemmas that report only with "que" (indirect_que_only)
    pronoun_sources: dict[str, str]  # opener -> pronoun (indirect_pronoun_sources)
    pronoun_source_initials: frozenset[str]  # their first characters
    relatives: frozenset[str]  # "pour qui" (indirect_relative_sources)
    following: re.Pattern[str]  # "C'est l'avis de" (indirect_following.toml)
    prepositions: frozenset[str]  # the dative prepositions: "à" (cues_dative)


def form_words() -> FormWords:
    """The current pack's lists."""
    return current_pack().derive(_build)


def _build(pack: LanguagePack) -> FormWords:
    return FormWords(
        nominal=pack.words("quotes/indirect_nominal_verbs.txt"),
        estimate=pack.words("quotes/indirect_estimate_verbs.txt"),
        que_only=pack.words("quotes/indirect_que_only.txt"),
        pronoun_sources=pack.mapping("quotes/indirect_pronoun_sources.tsv"),
        pronoun_source_initials=frozenset(
            k[:1] for k in pack.mapping("quotes/indirect_pronoun_sources.tsv")),
        relatives=pack.words("quotes/indirect_relative_sources.txt"),
        following=pack.regex("quotes/indirect_following.toml", "following", re.IGNORECASE),
        prepositions=pack.words("quotes/cues_dative.txt"),
    )


def que_only(verb: Token) -> bool:
    """A stance verb that reports only with its "que" clause ("craignent que")."""
    return _verb_in(verb, form_words().que_only)


def estimates(verb: Token) -> bool:
    """A verb that reports a figure ("évalue à 40 000 le nombre de ...")."""
    return _verb_in(verb, form_words().estimate)


def _verb_in(verb: Token, lemmas: frozenset[str]) -> bool:
    # read on the Doc's columns: every candidate cue asks
    found, i = columns(verb.doc), verb.i
    return found.pos[i] == "VERB" and found.lemma[i] in lemmas


def object_start(verb: Token, limit: int) -> int | None:
    """Where a noun-phrase object that is reported content begins: the object of an
    announcing verb ("a annoncé la grève de ..."), or the figure after "à" of an estimating
    verb ("estime à 40 000 le nombre de ..."); None for any other verb or object."""
    doc, forms = verb.doc, form_words()
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.idx >= limit:
        return None
    if nxt.lower_ in forms.prepositions and _figure_then_counted(doc, nxt.i + 1) and (
        verb.lemma_ in forms.estimate or "Fin" in verb.morph.get("VerbForm", [])
    ):
        # the tagger may miss the lemma ("estime"); the figure and the determiner of the
        # thing counted after "à" are the construction's own mark
        return doc[nxt.i + 1].idx
    group = doc[auxiliaries_before(verb)]
    if group.i > 0 and doc[group.i - 1].is_punct:
        return None  # "<content>, a annoncé la maire": the noun phrase is the subject
    if verb.lemma_ in forms.nominal and nxt.pos_ == "DET":
        # the verb's object, not the inverted subject of "<content>, a annoncé la maire"
        obj = nxt.head
        is_object = obj.head == verb and obj.dep_ in cue_words().labels("object")
        return nxt.idx if is_object and obj.pos_ == "NOUN" else None
    return None


def _figure_then_counted(doc: Doc, i: int) -> bool:
    """A figure at token ``i`` ("75 000") then, within three tokens, the determiner of
    the noun phrase it counts ("le nombre de ...")."""
    if i >= len(doc) or not doc[i].like_num:
        return False
    for tok in doc[i + 1 : i + 4]:
        if not tok.like_num and tok.pos_ == "DET" and not tok.text[:1].isdigit():
            return True
        if not tok.like_num:
            return False
    return False


def pronoun_source(doc: Doc, sentence: tuple[int, int]) -> tuple[str, str, int] | None:
    """``À l'en croire, <content>``: the opener as written, its pronoun and where the content
    begins, when the sentence opens with one of the pack's pronoun sources and a comma."""
    # the words before the sentence's first comma, read in place: every sentence is asked,
    # and nearly every one opens with a letter no opener begins with
    text, forms = text_of(doc), form_words()
    first = text[sentence[0] : sentence[0] + 1]
    if first.casefold()[:1] not in forms.pronoun_source_initials and not first.isspace():
        return None
    comma = text.find(",", sentence[0], sentence[1])
    if comma < 0:
        return None
    head = text[sentence[0] : comma]
    pronoun = forms.pronoun_sources.get(" ".join(head.casefold().split()))
    if pronoun is None:
        return None
    start = sentence[0] + len(head) + 1
    while start < sentence[1] and text_of(doc)[start].isspace():
        start += 1
    return head.strip(), pronoun, start


def relative_source(doc: Doc, tok: Token) -> tuple[str, int] | None:
    """``X, pour qui <content>``: the relative as written and where its content begins, when
    ``tok`` opens one right after a comma, or right after a name ("le syndicat Sud pour qui
    ..."): a restrictive relative on a common noun ("le candidat pour qui ils ont voté") is
    the preposition's object, no one's opinion."""
    i, lower = tok.i, columns(doc).lower
    # the pair first: the rarest test, on the Doc's columns
    if i < 1 or i + 2 >= len(doc) or f"{lower[i]} {lower[i + 1]}" not in form_words().relatives:
        return None
    if doc[tok.i - 1].text != "," and not _named(doc[tok.i - 1]):
        return None
    if doc[tok.i - 1].text != "," and not _judgement(doc, tok.i + 2):
        return None
    return text_of(doc)[tok.idx : doc[tok.i + 1].idx + len(doc[tok.i + 1].text)], doc[tok.i + 2].idx


def _named(tok: Token) -> bool:
    """``tok`` ends a name: a proper noun, or a word the recognizer puts in a person's or an
    organisation's name (``entities/ner_labels.tsv``), which the tagger may call a noun."""
    types = current_pack().mapping("entities/ner_labels.tsv")
    return tok.pos_ == "PROPN" or types.get(tok.ent_type_) in ("PER", "ORG")


_JUDGEMENT_TOKENS = 12  # "pour qui seule une hausse liée à l'inflation serait acceptable"


def _judgement(doc: Doc, i: int) -> bool:
    """The clause from token ``i`` is a judgement, a predicate with a copula ("la réforme est
    une erreur", "seule une hausse pourrait être acceptable"), within its first tokens and
    before any punctuation: the opinion reading of a relative with no comma before it."""
    copula = cue_words().labels("copula")
    for tok in doc[i : i + _JUDGEMENT_TOKENS]:
        if tok.is_punct:
            return False
        if tok.dep_ in copula:
            return True
    return False


def following_source(doc: Doc, sentence: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
    """The next sentence attributes ``sentence`` ("C'est l'avis de Julie Marchand."): that
    sentence's opening words as the cue and the source's noun phrase."""
    text = text_of(doc)
    nxt = sentence[1]
    while nxt < len(text) and text[nxt] in " \u00a0\u202f":
        nxt += 1
    found = form_words().following.match(text, nxt)
    if found is None:
        return None
    span = span_of(doc, found.start("of"), found.end("of"))
    if span is None:
        return None
    line_end = text.find("\n", found.end())
    source = inverted_subject(doc, span[-1], len(text) if line_end < 0 else line_end)
    return (found.group("of"), source) if source is not None else None
