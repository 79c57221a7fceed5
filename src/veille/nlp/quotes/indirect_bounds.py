"""Where reported content begins and ends, for the indirect-speech rules (:mod:`.indirect`).

The content begins after the cue's complementizer, colon or infinitive (``content_start``) and
runs to the end of its sentence, through a quoted fragment that belongs to the clause, and stops
before what follows the reported clause: the narrator's next act or circumstance, another
source, the second half of a correlative (``content_end``). Coordinated "que" clauses are each a
statement (``coordinated``). The pack's word lists of indirect speech (``quotes/indirect_*``)
are read here, once per pack (``indirect_words``).
"""

from __future__ import annotations

import dataclasses
import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cues import (
    VerbGroup,
    auxiliaries_before,
    cue_words,
    is_reporting_verb,
    participle_at,
    reporting_at,
    verb_pair,
)
from veille.nlp.quotes.doc import columns, span_of, text_of
from veille.nlp.quotes.marks import mark_rules
from veille.nlp.quotes.source_cues import source_cue
from veille.nlp.scope import current_pack
from veille.nlp.tokens import ids

_BREAKS = "veille.quotes.clause_breaks"
_COMMA = get_string_id(",")

_MAX_GAP = 14  # tokens between the verb and its "que": "a déclaré aux journalistes après ..."


MIN_WORDS = 3


@dataclass(frozen=True)
class IndirectWords:
    """The word lists of indirect speech, for one language pack (``quotes/indirect_*``)."""

    not_source: frozenset[str]  # after "selon": no source ("selon laquelle")
    distributive: frozenset[str]  # "selon chaque région": "depending on", no source
    narrator_adjuncts: frozenset[str]  # ", sans préciser": the narrator's, after the clause
    speech_nouns: frozenset[str]  # "un communiqué selon lequel <content>"
    disputing: frozenset[str]  # "a démenti la rumeur selon laquelle": not the subject's words
    directive: frozenset[str]  # lemmas whose content may be "à Y de ..."
    directive_preps: frozenset[str]  # open that content
    connectives: frozenset[str]  # may precede a fronted "Selon X,"
    complementizers: frozenset[str]  # open the content: "que"
    complementizer_ids: frozenset[int]  # their string hashes, to test a token's LOWER id
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
        distributive=pack.words("quotes/indirect_distributive.txt"),
        narrator_adjuncts=pack.words("quotes/indirect_narrator_adjuncts.txt"),
        speech_nouns=pack.words("quotes/indirect_speech_nouns.txt"),
        disputing=pack.words("quotes/indirect_disputing_verbs.txt"),
        directive=pack.words("quotes/indirect_directive_verbs.txt"),
        directive_preps=pack.words("quotes/indirect_directive_preps.txt"),
        connectives=pack.words("quotes/indirect_connectives.txt"),
        complementizers=complementizers,
        complementizer_ids=frozenset(map(get_string_id, complementizers)),
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
    nominal: bool = False  # the content is the cue's noun-phrase object ("a annoncé la grève")


def coordinated(doc: Doc, got: Reported) -> list[Reported]:
    """``a déclaré que A et que B``: each "que" clause coordinated after one cue is a statement
    of its own, with the same cue and speaker; the conjunction and the second "que" belong to
    neither. A "que" inside quote marks is the quoted words' own."""
    complementizers = indirect_words().complementizer_ids
    lower = ids(doc, "LOWER")  # hashes: the walk reads every token of the content
    tokens = columns(doc).tokens_in(got.start, got.end)
    if tokens is None or complementizers.isdisjoint(lower[tokens[0] + 1 : tokens[1] - 1]):
        return [got]  # no second "que" (most contents): one statement, tested in C
    text = text_of(doc)
    fixed = cue_words().labels("fixed")
    rules = mark_rules()
    closers = frozenset(rules.pairs.values())
    found = columns(doc)
    dep, pos, orth, starts = found.dep, found.pos, found.orth, found.starts
    pieces, start = [], got.start
    for k in range(tokens[0] + 1, tokens[1] - 1):
        if (lower[k] not in complementizers or dep[k] in fixed
                or not (pos[k - 1] == "CCONJ" or orth[k - 1] == ",")):
            continue
        before = text[start : starts[k - 1]]
        if sum(c in rules.openers for c in before) > sum(c in closers for c in before):
            continue  # inside a quoted fragment
        end = starts[k - 1]
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end > start:
            pieces.append(dataclasses.replace(got, start=start, end=end))
            start = starts[k + 1]
    return [*pieces, dataclasses.replace(got, start=start) if pieces else got]


def after_conjunction(doc: Doc, sentence: tuple[int, int]) -> int:
    """Where a sentence's own content begins: after a coordinating conjunction that opens it
    ("Mais", "Et"), the narrator's link to the sentence before, not the speaker's words."""
    span = span_of(doc, sentence[0], sentence[1])
    if span is None or len(span) < 2 or span[0].pos_ != "CCONJ":
        return sentence[0]
    return skip_comma(text_of(doc), span[1].idx, sentence[1])


def content_start(doc: Doc, verb: Token, limit: int) -> int | None:
    """Where the reported content begins after ``verb``, or None if it has no such object."""
    found = columns(doc)
    orth, pos, lower = found.orth, found.pos, found.lower
    i = verb.i + 1
    while i < len(doc) and orth[i].startswith("-") and pos[i] == "PRON":
        i += 1  # "a-t-il ajouté", "explique-t-elle"
    if verb_pair(verb):
        i += 1  # "a fait savoir que": the content follows the pair
    lists = indirect_words()
    openers = mark_rules().openers
    fixed, dep, starts = cue_words().labels("fixed"), found.dep, found.starts
    for j in range(i, min(i + _MAX_GAP, len(doc))):
        if starts[j] >= limit or orth[j][:1] in openers:
            return None
        if lower[j] in lists.complementizers and dep[j] not in fixed:
            return _after(doc, j)
        if orth[j] == ":" and j == i:
            return _after(doc, j)
        # the token's features read once: is_infinitive and participle_at, inlined
        form = found.feats[j]
        verb_form, is_verb = form.get("VerbForm", ()), pos[j] in ("VERB", "AUX")
        if is_verb and "Inf" in verb_form and (j == i or _adjuncts_only(doc, i, j, verb)):
            return starts[j]  # "a déclaré avoir confirmé ...", "a affirmé mardi avoir ..."
        if j == i and verb.lemma_ in lists.directive and lower[j] in lists.directive_preps:
            return starts[j]  # "a conseillé aux pays de ..."
        # A finite verb starts another clause; a participle ("réunis à Paris") does not, but
        # one after a comma ("a indiqué X, précisant que") is a cue with its own content.
        if is_verb and "Part" not in verb_form or orth[j] in ".;?!":
            return None
        if (j > i and "Part" in verb_form and "Pres" in form.get("Tense", ())
                and orth[j][:1].islower()
                and (orth[j - 1] == "," or is_reporting_verb(doc[j]))):
            return None
    return None


_ADJUNCT_WORDS = 3  # "a affirmé vendredi soir avoir ...": a short time or manner adjunct


def _adjuncts_only(doc: Doc, i: int, j: int, verb: Token) -> bool:
    """Tokens ``i..j-1`` are a short adjunct of ``verb`` before its infinitive object (no
    punctuation, no verb), and the parser makes the infinitive the verb's own complement."""
    between = doc[i:j]
    infinitive = doc[j] if doc[j].pos_ == "VERB" else doc[j].head  # "avoir" of "avoir reçu"
    return (j - i <= _ADJUNCT_WORDS and infinitive.head == verb
            and all(t.pos_ in ("ADV", "NOUN", "PROPN") and t.head in (verb, infinitive)
                    for t in between))


def infinitive(tok: Token) -> bool:
    return is_infinitive(tok.doc, tok.i)


def is_infinitive(doc: Doc, i: int) -> bool:
    """Token ``i`` is an infinitive verb (:func:`infinitive`, on the Doc's columns)."""
    found = columns(doc)
    return found.pos[i] in ("VERB", "AUX") and "Inf" in found.feats[i].get("VerbForm", ())


def _after(doc: Doc, j: int) -> int | None:
    return columns(doc).starts[j + 1] if j + 1 < len(doc) else None


def content_end(doc: Doc, start: int, limit: int, verb: Token | None = None,
                group: VerbGroup | None = None) -> int:
    """Where reported content that begins at ``start`` ends (``limit``: the sentence's end).

    It runs through a quoted fragment the clause goes on after, or a short one (``« ... »
    ukrainiennes``, ``guerre « mondiale »``: the partial quote is part of the clause), and stops
    at a quote that ends it (the quote is a direct one of its own), and before what follows the
    reported clause (:func:`_clause_stop`).
    """
    text = text_of(doc)
    rules = mark_rules()
    end, k = limit, start
    # from one opening mark to the next: the characters between them cannot stop the content
    while (found := rules.opener.search(text, k, end)) is not None:
        k = found.start()
        if k == 0 or not text[k - 1].isalnum():
            close = text.find(rules.pairs[text[k]], k + 1, limit)
            if k == start or close < 0 or not _fragment_inside(text, k, close, limit):
                end = k
                break
            k = close
        k += 1
    end = min(end, _clause_stop(doc, start, end, verb, group))
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


_FRAGMENT_WORDS = 3  # a quoted fragment this short is a scare quote inside the clause


def _fragment_inside(text: str, opener: int, close: int, limit: int) -> bool:
    """The quote at ``opener`` (closed at ``close``) is a part of the reported clause: short,
    or followed by more words of the same clause rather than by punctuation."""
    if len(re.findall(r"\w+", text[opener + 1 : close])) <= _FRAGMENT_WORDS:
        return True
    after = text[close + 1 : limit].lstrip()
    return bool(after) and after[0].isalnum()


def _clause_stop(doc: Doc, start: int, end: int, verb: Token | None,
                 group: VerbGroup | None) -> int:
    """The first place in ``[start, end)`` where the reported clause is over: a coordinated
    present participle ("..., précisant que A et demandant B": the narrator's next act), a
    comma then a participle that reports ("..., ajoutant que"), a comma then another source
    ("..., selon le journal"), the cue's own auxiliary coordinated with it ("a déclaré que
    A et a quitté la salle": the same verb group, the narrator's second verb), the second
    half of a correlative the sentence opened before the content ("ne plaît ni à X, qui
    demande que A, ni à Y"), or the narrator's circumstance (", sans préciser ...")."""
    tokens = columns(doc).tokens_in(start, end)
    if tokens is None:
        return end
    aux = _auxiliary_of(verb, group)
    object_infinitive = is_infinitive(doc, tokens[0])
    found = columns(doc)
    orth, pos, lower, starts = found.orth, found.pos, found.lower, found.starts
    # Only a token after a comma or a conjunction can end the clause: those of the content
    # are found by bisection in the Doc's list of them, the others never looked at.
    breaks = _after_breaks(doc)
    for k in breaks[bisect_right(breaks, tokens[0]) : bisect_left(breaks, tokens[1])]:
        if starts[k] >= end:
            break
        if orth[k - 1] == ",":
            tok = doc[k]
            if (pos[k] == "CCONJ" and lower[k] in _conjunctions_before(doc, tokens[0])
                    or _narrator_adjunct(doc, tok)
                    or object_infinitive and pos[k] == "ADP"):
                # an infinitive object is short ("affirme avoir gagné, au lendemain de ..."):
                # a circumstance after a comma is the narrator's
                return starts[k - 1]
            if (source_cue(doc, tok) is not None
                    or participle_at(doc, k) and is_reporting_verb(tok)
                    or _closing_cue(doc, tok, end)):
                return starts[k - 1]
        if pos[k - 1] == "CCONJ" and (participle_at(doc, k)
                                      or aux is not None and lower[k] == aux
                                      or aux is not None and _shared_auxiliary(doc[k])):
            return starts[k - 1]
    return end


def _after_breaks(doc: Doc) -> list[int]:
    """The tokens right after a comma or a coordinating conjunction, in order, once per Doc:
    only these can end a reported clause (:func:`_clause_stop`). Found in C, on the columns."""
    found = doc.user_data.get(_BREAKS)
    if not isinstance(found, list):
        orth, pos = ids(doc, "ORTH"), columns(doc).pos
        breaks = map(operator.or_, map(_COMMA.__eq__, orth), map("CCONJ".__eq__, pos))
        found = doc.user_data[_BREAKS] = list(compress(range(1, len(orth)), breaks))
    return found


def _shared_auxiliary(tok: Token) -> bool:
    """``tok`` is a reporting verb's past participle with no auxiliary of its own, coordinated
    after the content of a compound cue ("a affirmé que A et salué B", "a estimé que A et
    dénoncé B"): the cue's auxiliary serves it, so it is the speaker's next act, not A's."""
    return ("Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
            and is_reporting_verb(tok))


def _closing_cue(doc: Doc, tok: Token, end: int) -> bool:
    """``tok`` opens an inverted reporting verb that closes the sentence ("X a affirmé que A, a
    indiqué la présidence"): the verb group, then no other finite verb before ``end``; the
    clause it closes is reported by another source, and A ends before it."""
    found = columns(doc)
    pos, starts, feats = found.pos, found.starts, found.feats
    i = tok.i
    while i < len(starts) and starts[i] < end and pos[i] == "AUX":
        i += 1
    if i >= len(starts) or starts[i] >= end or not reporting_at(doc, i):
        return False
    if pos[i] not in ("VERB", "AUX") or participle_at(doc, i):
        return False
    # the tokens before ``end`` only: a walk to the end of the Doc made this quadratic
    k = i + 1
    while k < len(starts) and starts[k] < end:
        if pos[k] in ("VERB", "AUX") and "Fin" in feats[k].get("VerbForm", ()):
            return False
        k += 1
    return True


_CORRELATIVE_REACH = 40  # tokens back from the content to find the first half of "ni ... ni"


def _conjunctions_before(doc: Doc, i: int) -> frozenset[str]:
    """The coordinating conjunctions of the sentence before token ``i`` (lower case): one
    repeated inside the content pairs with it ("ni ... ni", "soit ... soit") and belongs to
    the sentence around the content."""
    conjunctions, found = set(), columns(doc)
    orth, pos, lower = found.orth, found.pos, found.lower
    sent_start, space = found.sent_start, found.space
    for k in range(i - 1, max(0, i - _CORRELATIVE_REACH) - 1, -1):
        if orth[k] in ".!?" or space[k] and "\n" in orth[k]:
            break
        if pos[k] == "CCONJ":
            conjunctions.add(lower[k])
        if sent_start[k] == 1:
            break
    return frozenset(conjunctions)


def _narrator_adjunct(doc: Doc, tok: Token) -> bool:
    """``tok`` opens a circumstance of the narrator's: one of the pack's prepositions before an
    infinitive or a complementizer (", sans préciser quand", ", sans que soient connues ...")."""
    words, lower, i = indirect_words(), columns(doc).lower, tok.i
    return lower[i] in words.narrator_adjuncts and i + 1 < len(doc) and (
        is_infinitive(doc, i + 1) or lower[i + 1] in words.complementizers)


def _auxiliary_of(verb: Token | None, group: VerbGroup | None) -> str | None:
    """The finite auxiliary of a compound cue ("a" of "a déclaré"), lower case."""
    if verb is None:
        return None
    found = columns(verb.doc)
    first = group.first if group is not None else auxiliaries_before(verb)
    return found.lower[first] if first < verb.i and found.pos[first] == "AUX" else None


def conjunct_quote(doc: Doc, start: int, end: int) -> bool:
    """The first quote of ``[start, end)`` is a conjunct of the clause's own words ("Un État
    mieux organisé, des institutions rééquilibrées et « une France qui pèse »"): a
    coordinating conjunction right before its opening mark, with words before it; the items
    outside the marks are the speaker's too, so the whole is reported content."""
    text = text_of(doc)
    found = mark_rules().opener.search(text, start, end)  # the first opening mark, in C
    if found is None or len(text[start : found.start()].split()) <= MIN_WORDS:
        return False
    at = found.start()
    span = span_of(doc, start, at)
    return span is not None and span[-1].pos_ == "CCONJ"


def quote_within(content: str) -> bool:
    """The quoted words are a part of the reported clause, not the clause: the content has
    more words outside the marks than inside ("Le « modèle », c'est la réponse à la crise,
    plaide X"); else the quote is the statement and the cue attributes it as a direct one."""
    rules = mark_rules()
    closers = frozenset(rules.pairs.values())
    body = content.rstrip(" ,")
    inside, outside, depth = 0, 0, 0
    # each mark a word of its own (a substitution in C, not a walk over the characters)
    for word in rules.any_mark.sub(r" \g<0> ", body).split():
        if word in rules.openers and (depth == 0 or word not in closers):
            depth += 1
        elif word in closers and depth:
            depth -= 1
        elif depth:
            inside += 1
        else:
            outside += 1
    return outside > inside


def finite_verb_in(doc: Doc, start: int, end: int) -> bool:
    """A finite verb stands in ``[start, end)``: the range holds a clause of its own."""
    found = columns(doc)
    tokens = found.tokens_in(start, end)
    pos, feats = found.pos, found.feats
    return tokens is not None and any(
        pos[k] in ("VERB", "AUX") and "Fin" in feats[k].get("VerbForm", ())
        for k in range(*tokens))


def skip_comma(text: str, pos: int, limit: int) -> int:
    while pos < limit and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    return pos
