"""Indirect speech: reported content without quote marks.

Constructions (French grammar of reported speech, not seed strings):
- ``X <verbe de parole> [complements] que <contenu>``: content after ``que``;
- ``X a déclaré avoir ...``: an infinitive object is the content;
- ``X a conseillé à Y de ...``: the dative and the ``de`` infinitive are the content;
- ``X a déclaré : <contenu>``: content after the colon;
- ``<contenu>, a déclaré X.`` / ``<contenu>, a-t-il ajouté.``: inverted cue closing the sentence;
- ``Selon X, <contenu>`` / ``D'après X, ...`` / ``<contenu>, selon X.``.
Content stops at the end of the sentence or at an opening quote mark (the quoted part is a direct
quote of its own). A reporting verb inside a content already taken does not start another.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cues import (
    author_voice,
    auxiliaries_before,
    can_be_source,
    cue_text,
    cue_words,
    inverted_subject,
    is_passive,
    is_reporting_verb,
    negated,
    preposed_subject,
    present_participle,
    pronoun_of,
    source_cue,
    verb_pair,
)
from veille.nlp.quotes.doc import span_of, text_of
from veille.nlp.quotes.marks import mark_rules
from veille.nlp.scope import current_pack
from veille.nlp.spans import Spans

_SOURCE_MODIFIER_WORDS = 8  # "selon un sondage Ifop publié lundi par Le Figaro,"
_MAX_GAP = 14  # tokens between the verb and its "que": "a déclaré aux journalistes après ..."
_MIN_WORDS = 3


@dataclass(frozen=True)
class IndirectWords:
    """The word lists of indirect speech, for one language pack (``quotes/indirect_*``)."""

    not_source: frozenset[str]  # after "selon": no source ("selon laquelle")
    directive: frozenset[str]  # lemmas whose content may be "à Y de ..."
    directive_preps: frozenset[str]  # open that content
    connectives: frozenset[str]  # may precede a fronted "Selon X,"
    complementizers: frozenset[str]  # open the content: "que"
    clause_words: frozenset[str]  # complementizers, straight apostrophe: a subject holding one
    non_speakers: frozenset[str]  # first words of a subject that is the author or the reader
    impersonal: str  # the pronoun of a passive cue's unnamed speaker ("on")


def indirect_words() -> IndirectWords:
    """The current pack's word lists of indirect speech."""
    return current_pack().derive(_build_words)


def _build_words(pack: LanguagePack) -> IndirectWords:
    complementizers = pack.words("quotes/indirect_complementizers.txt")
    return IndirectWords(
        not_source=pack.words("quotes/indirect_not_source.txt"),
        directive=pack.words("quotes/indirect_directive_verbs.txt"),
        directive_preps=pack.words("quotes/indirect_directive_preps.txt"),
        connectives=pack.words("quotes/indirect_connectives.txt"),
        complementizers=complementizers,
        clause_words=frozenset(w.replace("’", "'") for w in complementizers),
        non_speakers=pack.words("quotes/indirect_non_speakers.txt"),
        impersonal=pack.lines("quotes/indirect_impersonal.txt")[0],
    )


@dataclass(frozen=True)
class Reported:
    """Content span, cue text, subject span or pronoun, and the cue's position."""

    start: int
    end: int
    cue: str
    subject: tuple[int, int] | None
    pronoun: str | None
    at: int
    # False for a fragment that is no statement of its own ("il faudrait" before « aller plus
    # loin »): kept so that the quote completing it is known to be reported speech.
    statement: bool = True
    via: str | None = None  # the sieve pass of ``subject`` (see ``direct.Attribution.via``)


def find_indirect(doc: Doc, sentence: tuple[int, int], quoted: Spans
                  ) -> list[Reported]:
    """Indirect statements in one sentence (character span), left to right.

    Cues inside ``quoted`` spans (the words of direct quotes) are the speaker's own words.
    """
    span = span_of(doc, sentence[0], sentence[1])
    if span is None:
        return []
    found: list[Reported] = []
    taken_until = -1
    for tok in span:
        if tok.idx < taken_until or tok.idx in quoted:
            continue
        got = _from_source(doc, tok, sentence)
        if got is not None:
            got = dataclasses.replace(got, via="selon")
        else:
            got = _from_verb(doc, tok, sentence)
        if got is not None:
            statement = _is_clause(doc, got) or _subject_of_quote(doc, got)
            found.append(dataclasses.replace(got, statement=statement))
            taken_until = got.end
    return found


def _from_verb(doc: Doc, verb: Token, sentence: tuple[int, int]) -> Reported | None:
    # "Il faut rappeler que ...": an infinitive cue reports no one's words; "n'a pas affirmé
    # que" reports nothing; "Soulignons que" is the author's own aside.
    if (not is_reporting_verb(verb) or _infinitive(verb) or negated(verb)
            or author_voice(verb, sentence[0])):
        return None
    start = _content_start(doc, verb, sentence[1])
    pronoun = pronoun_of(doc, verb)
    if start is not None:
        subject = None if pronoun else preposed_subject(doc, verb, sentence[0])
        if subject is not None and not _can_speak(text_of(doc)[subject[0] : subject[1]]):
            return None
        if is_passive(verb):  # "il a été précisé que ...": said, but by no one named
            subject, pronoun = None, indirect_words().impersonal
        return Reported(start, _content_end(text_of(doc), start, sentence[1]), cue_text(doc, verb),
                        subject, pronoun, verb.idx, via="subject" if subject else None)
    return _inverted_closing(doc, verb, sentence, pronoun)


def _content_start(doc: Doc, verb: Token, limit: int) -> int | None:
    """Where the reported content begins after ``verb``, or None if it has no such object."""
    i = verb.i + 1
    while i < len(doc) and doc[i].text.startswith("-") and doc[i].pos_ == "PRON":
        i += 1  # "a-t-il ajouté", "explique-t-elle"
    if verb_pair(verb):
        i += 1  # "a fait savoir que": the content follows the pair
    words = indirect_words()
    openers = mark_rules().openers
    fixed = cue_words().labels("fixed")
    for j in range(i, min(i + _MAX_GAP, len(doc))):
        tok = doc[j]
        if tok.idx >= limit or tok.text[:1] in openers:
            return None
        if tok.lower_ in words.complementizers and tok.dep_ not in fixed:
            return _after(doc, j)
        if tok.text == ":" and j == i:
            return _after(doc, j)
        if j == i and _infinitive(tok):
            return tok.idx  # "a déclaré avoir confirmé ..."
        if j == i and verb.lemma_ in words.directive and tok.lower_ in words.directive_preps:
            return tok.idx  # "a conseillé aux pays de ..."
        # A finite verb starts another clause; a participle ("réunis à Paris") does not.
        finite = tok.pos_ in ("VERB", "AUX") and "Part" not in tok.morph.get("VerbForm", [])
        if finite or tok.text in ".;?!":
            return None
    return None


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm", [])


def _after(doc: Doc, j: int) -> int | None:
    return doc[j + 1].idx if j + 1 < len(doc) else None


def _content_end(text: str, start: int, limit: int) -> int:
    end = limit
    openers = mark_rules().openers
    for k in range(start, limit):
        if text[k] in openers and (k == 0 or not text[k - 1].isalnum()):
            end = k
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def _inverted_closing(doc: Doc, verb: Token, sentence: tuple[int, int], pronoun: str | None
                      ) -> Reported | None:
    """``<content>, a déclaré X.``: a comma then the cue, and nothing but the subject after."""
    first = doc[auxiliaries_before(verb)]
    if first.i == 0 or doc[first.i - 1].text != "," or present_participle(verb):
        return None  # "<...>, saluant X": a participle is an adjunct, no closing cue
    openers = mark_rules().openers
    content = text_of(doc)[sentence[0] : first.idx]
    if any(ch in openers for ch in content) and not _quote_within(content):
        return None  # the cue closes a direct quote: the direct-quote pass attributes it
    subject = None if pronoun else inverted_subject(doc, verb, sentence[1])
    if subject is None and pronoun is None:
        return None
    # The content runs to the comma before the cue, quoted words inside it included
    # ("Le « modèle », c'est la réponse, plaide X"): they are part of the reported clause.
    end = doc[first.i - 1].idx
    if not any(ch in openers for ch in content):
        end = _content_end(text_of(doc), sentence[0], end)
    return Reported(sentence[0], end, cue_text(doc, verb),
                    subject, pronoun, verb.idx, via="incise" if subject else None)


def _quote_within(content: str) -> bool:
    """The quoted words are a part of the reported clause, not the clause: the content has
    more words outside the marks than inside ("Le « modèle », c'est la réponse à la crise,
    plaide X"); else the quote is the statement and the cue attributes it as a direct one."""
    rules = mark_rules()
    closers = frozenset(rules.pairs.values())
    body = content.rstrip(" ,")
    marks = rules.openers | closers
    inside, outside, depth = 0, 0, 0
    for word in "".join(f" {ch} " if ch in marks else ch for ch in body).split():
        if word in rules.openers and (depth == 0 or word not in closers):
            depth += 1
        elif word in closers and depth:
            depth -= 1
        elif depth:
            inside += 1
        else:
            outside += 1
    return outside > inside


def _from_source(doc: Doc, tok: Token, sentence: tuple[int, int]) -> Reported | None:
    """``Selon X, <content>`` (source first) or ``<content>, selon X`` (source last)."""
    found = source_cue(doc, tok)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    words = indirect_words()
    if found is None or nxt is None or nxt.lower_ in words.not_source:
        return None
    prep = found.cue
    source = _source_span(doc, tok, sentence[1])
    if source is None:
        return None
    head = text_of(doc)[sentence[0] : tok.idx].replace(",", " ").split()
    if all(w.casefold() in words.connectives for w in head):
        start = _skip_comma(text_of(doc), _source_end(text_of(doc), source[1], sentence[1]),
                            sentence[1])
        inner = _reported_inside(doc, start, sentence)
        if inner is not None:
            return Reported(inner.start, inner.end, prep, source, None, tok.idx)
        return Reported(start, _content_end(text_of(doc), start, sentence[1]), prep, source, None,
                        tok.idx)
    after = _skip_comma(text_of(doc), source[1], sentence[1])
    rest = text_of(doc)[after : sentence[1]].split()
    if text_of(doc)[source[1] : after].strip() == "," and len(rest) > 3:
        # Parenthetical ", selon X, <clause>": the source governs the clause that follows it.
        return Reported(after, _content_end(text_of(doc), after, sentence[1]), prep, source, None,
                        tok.idx)
    cut = doc[found.first].idx  # before "d'" when the tokenizer split "d'après"
    return Reported(sentence[0], _content_end(text_of(doc), sentence[0], cut), prep, source, None,
                    tok.idx)


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


def _skip_comma(text: str, pos: int, limit: int) -> int:
    while pos < limit and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    return pos


def _reported_inside(doc: Doc, start: int, sentence: tuple[int, int]) -> Reported | None:
    """A "que" clause inside a sourced sentence: "Selon X, Y a estimé que <content>"."""
    span = span_of(doc, start, sentence[1])
    openers = mark_rules().openers
    for tok in span or []:
        if tok.text[:1] in openers:
            return None
        if is_reporting_verb(tok):
            begin = _content_start(doc, tok, sentence[1])
            if begin is not None:
                return Reported(begin, _content_end(text_of(doc), begin, sentence[1]), "", None,
                                None, tok.idx)
    return None


def _can_speak(subject: str) -> bool:
    """Whether a subject reports someone's words.

    A subject holding a clause ("le fait que X ait ...") is a fact, not a speaker; the first and
    second persons ("je pense que", "vous dites que") are the author or the reader, not a source.
    """
    lists = indirect_words()
    words = subject.casefold().replace("’", "'").split()
    if words and words[0] in lists.non_speakers:
        return False
    # "qui" is fine: "Le ministre, qui s'exprimait devant le Sénat, a affirmé que ..."
    return not any(w == c or (c.endswith("'") and w.startswith(c))
                   for w in words for c in lists.clause_words)


def _subject_of_quote(doc: Doc, got: Reported) -> bool:
    """A noun phrase the quoted words complete: "que l'ère des combustibles fossiles « doit
    prendre fin »" reports "l'ère des combustibles fossiles" too."""
    text = text_of(doc)
    if len(text[got.start : got.end].split()) < _MIN_WORDS:
        return False
    if text[got.end : got.end + 3].lstrip()[:1] not in mark_rules().openers:
        return False
    span = span_of(doc, got.start, got.end)
    return span is not None and span[0].pos_ in ("DET", "PROPN", "PRON", "NOUN")


def _is_clause(doc: Doc, got: Reported) -> bool:
    """Reported content is a clause: enough words and a verb ("à ses collègues de" is not)."""
    if len(text_of(doc)[got.start : got.end].split()) < _MIN_WORDS:
        return False
    span = span_of(doc, got.start, got.end)
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
