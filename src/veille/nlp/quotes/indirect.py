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
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.cues import (
    author_voice,
    auxiliaries_before,
    can_be_source,
    cue_text,
    cue_words,
    inverted_pronoun,
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
from veille.nlp.quotes.indirect_forms import (
    estimates,
    following_source,
    form_words,
    object_start,
    pronoun_source,
    que_only,
    relative_source,
)
from veille.nlp.quotes.marks import dialogue_line_at, mark_rules
from veille.nlp.scope import current_pack
from veille.nlp.spans import Spans

_SOURCE_MODIFIER_WORDS = 8  # "selon un sondage Ifop publié lundi par Le Figaro,"
_MAX_GAP = 14  # tokens between the verb and its "que": "a déclaré aux journalistes après ..."
_MIN_WORDS = 3
_CANDIDATES = "veille.quotes.indirect_candidates."
_SEEN_MAX = 100_000  # distinct strings the candidate test remembers (about 10 MB)


@dataclass(frozen=True)
class IndirectWords:
    """The word lists of indirect speech, for one language pack (``quotes/indirect_*``)."""

    not_source: frozenset[str]  # after "selon": no source ("selon laquelle")
    distributive: frozenset[str]  # "selon chaque région": "depending on", no source
    narrator_adjuncts: frozenset[str]  # ", sans préciser": the narrator's, after the clause
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
        distributive=pack.words("quotes/indirect_distributive.txt"),
        narrator_adjuncts=pack.words("quotes/indirect_narrator_adjuncts.txt"),
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
    nominal: bool = False  # the content is the cue's noun-phrase object ("a annoncé la grève")


def find_indirect(doc: Doc, sentence: tuple[int, int], quoted: Spans
                  ) -> list[Reported]:
    """Indirect statements in one sentence (character span), left to right.

    Cues inside ``quoted`` spans (the words of direct quotes) are the speaker's own words.
    """
    span = span_of(doc, sentence[0], sentence[1])
    if span is None or _heading(text_of(doc), sentence):
        return []
    found: list[Reported] = []
    taken_until = -1
    opener = _pronoun_opener(doc, sentence)
    if opener is not None:
        found.append(opener)
        taken_until = opener.end
    candidates = _candidates(doc)
    for i in candidates[bisect_left(candidates, span.start) : bisect_left(candidates, span.end)]:
        tok = doc[i]
        if tok.idx < taken_until or tok.idx in quoted:
            continue
        got = _from_source(doc, tok, sentence) or _from_relative(doc, tok, sentence)
        if got is not None and found and got.start < found[-1].end:
            # "X a dit que A, selon le journal": A is X's, reported by the journal; not twice
            continue
        rest = None
        if got is not None:
            got = dataclasses.replace(got, via="selon")
        else:
            got = _from_verb(doc, tok, sentence)
            rest = _medial_rest(doc, tok, sentence, got) if got is not None else None
        if got is not None:
            statement = (_is_clause(doc, got) or _subject_of_quote(doc, got)
                         or got.nominal and _words(doc, got) >= _MIN_WORDS)
            # before a medial incise, an adjunct ("Contrairement aux idées reçues, appuie-t-il,
            # ...") frames what follows; only a clause of its own is a statement
            statement = statement and (rest is None or _finite_verb_in(doc, got.start, got.end))
            found.append(dataclasses.replace(got, statement=statement))
            taken_until = got.end
        if rest is not None:
            found.append(rest)
            taken_until = rest.end
    if not found and mark_rules().openers.isdisjoint(text_of(doc)[sentence[0] : sentence[1]]):
        got = _from_following(doc, sentence)
        if got is not None:
            found.append(got)
    return found


def _candidates(doc: Doc) -> list[int]:
    """The tokens of ``doc`` that may start a statement, computed once per Doc and pack: a
    source preposition or phrase end, a relative's first word, or a cue verb by lemma or form.
    Every other token makes ``_from_source``, ``_from_relative`` and ``_from_verb`` return
    None at their first test, so the sentence walk skips it (a superset: they still decide)."""
    key = _CANDIDATES + current_pack().code
    found = doc.user_data.get(key)
    if not isinstance(found, list):
        found = _scan_candidates(doc)
        doc.user_data[key] = found
    return found


def _scan_candidates(doc: Doc) -> list[int]:
    first = current_pack().derive(_build_first_words)
    strings = doc.vocab.strings
    lemmas, lowers, texts = first.seen
    if len(lemmas) + len(lowers) + len(texts) > _SEEN_MAX:
        for seen in first.seen:  # bounded on a long run; the answers are recomputed as met
            seen.clear()
    found = []
    # A string's hash is the same in every Doc and vocab, so each is tested once per pack.
    for i, (lemma, lower, text) in enumerate(doc.to_array([LEMMA, LOWER, ORTH]).tolist()):
        hit = lemmas.get(lemma)
        if hit is None:
            hit = lemmas[lemma] = first.by_lemma(strings[lemma])
        if not hit:
            hit = lowers.get(lower)
            if hit is None:
                hit = lowers[lower] = first.by_lower(strings[lower])
        if not hit:
            hit = texts.get(text)
            if hit is None:
                hit = texts[text] = first.by_text(strings[text])
        if hit:
            found.append(i)
    return found


@dataclass(frozen=True)
class _FirstWords:
    """What a token that may start a statement can be (see ``_candidates``)."""

    lemmas: frozenset[str]  # as spaCy gives them: stance and estimate verbs
    folded_lemmas: frozenset[str]  # case-folded: reporting verbs, pairs, reflexives
    lowers: frozenset[str]  # lower case: source prepositions and phrase ends, relatives, forms
    opinion: frozenset[str]  # as written: opinion openers ("Pour")
    glued: re.Pattern[str]
    forms: frozenset[str]
    # string hash -> answer, per test (lemma, lower case, text as written)
    seen: tuple[dict[int, bool], dict[int, bool], dict[int, bool]] = dataclasses.field(
        default_factory=lambda: ({}, {}, {}))

    def by_lemma(self, lemma: str) -> bool:
        return lemma in self.lemmas or lemma.casefold() in self.folded_lemmas

    def by_lower(self, lower: str) -> bool:
        return lower in self.lowers or " " in lower  # a space token: the relative test splits

    def by_text(self, text: str) -> bool:
        found = self.glued.match(text)
        return text in self.opinion or found is not None and found.group(1) in self.forms


def _build_first_words(pack: LanguagePack) -> _FirstWords:
    cues, forms = cue_words(), form_words()
    return _FirstWords(
        lemmas=forms.que_only | forms.estimate,
        folded_lemmas=frozenset(cues.pairs.keys() | cues.reflexives | cues.inverted_only
                                | cues.lemmas),
        lowers=frozenset(cues.sources.keys() | {low for _, low in cues.split_sources}
                         | cues.source_phrase_ends | {r.split(" ")[0] for r in forms.relatives}
                         | cues.forms),
        opinion=cues.opinion, glued=cues.glued, forms=cues.forms,
    )


def _pronoun_opener(doc: Doc, sentence: tuple[int, int]) -> Reported | None:
    """``À l'en croire, <content>``: the speaker is a pronoun for the person spoken of
    before (the speaker rules resolve it); the content is the rest of the sentence."""
    found = pronoun_source(doc, sentence)
    if found is None:
        return None
    cue, pronoun, start = found
    end = _content_end(doc, start, sentence[1])
    return Reported(start, end, cue, None, pronoun, sentence[0]) if end > start else None


def _from_relative(doc: Doc, tok: Token, sentence: tuple[int, int]) -> Reported | None:
    """``Le maire, pour qui <content>``: the person before the comma is the source; the
    content is the relative clause."""
    found = relative_source(doc, tok)
    if found is None:
        return None
    cue, start = found
    subject = _noun_phrase_before(doc, tok.i - (doc[tok.i - 1].text == ","), sentence[0])
    if subject is None or not can_be_source(doc, subject):
        return None
    end = _content_end(doc, start, sentence[1])
    return Reported(start, end, cue, subject, None, tok.idx, via="selon") if end > start else None


def _from_following(doc: Doc, sentence: tuple[int, int]) -> Reported | None:
    """``<content>. C'est l'avis de X.``: the whole sentence is the content of the source the
    next sentence names."""
    found = following_source(doc, sentence)
    if found is None:
        return None
    cue, subject = found
    start = _after_conjunction(doc, sentence)
    end = _content_end(doc, start, sentence[1])
    return Reported(start, end, cue, subject, None, subject[0], via="selon")


def _after_conjunction(doc: Doc, sentence: tuple[int, int]) -> int:
    """Where a sentence's own content begins: after a coordinating conjunction that opens it
    ("Mais", "Et"), the narrator's link to the sentence before, not the speaker's words."""
    span = span_of(doc, sentence[0], sentence[1])
    if span is None or len(span) < 2 or span[0].pos_ != "CCONJ":
        return sentence[0]
    return _skip_comma(text_of(doc), span[1].idx, sentence[1])


def _heading(text: str, sentence: tuple[int, int]) -> bool:
    """A line of its own with no final punctuation: a headline or a section heading, which
    sums up the article in the newsroom's words ("Le maire promet de « tout revoir »"); the
    statements it announces are reported in the body."""
    start, end = sentence
    whole_line = (start == 0 or text[start - 1] == "\n") and text[end : end + 1] in ("", "\n")
    last = text[start:end].rstrip()[-1:]
    return whole_line and last.isalnum()


def _from_verb(doc: Doc, verb: Token, sentence: tuple[int, int]) -> Reported | None:
    # "Il faut rappeler que ...": an infinitive cue reports no one's words; "n'a pas affirmé
    # que" reports nothing; "Soulignons que" is the author's own aside.
    stance = que_only(verb)
    if (not (stance or estimates(verb) or is_reporting_verb(verb)) or _infinitive(verb)
            or negated(verb)
            or author_voice(verb, sentence[0])):
        return None
    start = _content_start(doc, verb, sentence[1])
    if stance and (start is None or not _after_complementizer(doc, start)):
        return None  # "craindre la pluie", "craindre de": no reported stance
    nominal = start is None
    if nominal:
        start = object_start(verb, sentence[1])  # "a annoncé la grève de ..."
    pronoun = pronoun_of(doc, verb)
    if start is not None and present_participle(verb) and pronoun is None:
        return _participle_cue(doc, verb, start, sentence)
    if start is not None:
        subject = None if pronoun else preposed_subject(doc, verb, sentence[0])
        if subject is not None and not _can_speak(text_of(doc)[subject[0] : subject[1]]):
            return None
        if is_passive(verb):  # "il a été précisé que ...": said, but by no one named
            subject, pronoun = None, indirect_words().impersonal
        return Reported(start, _content_end(doc, start, sentence[1], verb), cue_text(doc, verb),
                        subject, pronoun, verb.idx, via="subject" if subject else None,
                        nominal=nominal)
    return _inverted_closing(doc, verb, sentence, pronoun)


def _after_complementizer(doc: Doc, start: int) -> bool:
    span = span_of(doc, start, start + 1)
    return span is not None and span[0].i > 0 and (
        doc[span[0].i - 1].lower_ in indirect_words().complementizers)


def _participle_cue(doc: Doc, verb: Token, start: int, sentence: tuple[int, int]
                    ) -> Reported | None:
    """``X a inauguré l'école, précisant que <content>`` / ``en affirmant que``: a present
    participle has no subject of its own; its speaker is the subject of the verb it continues:
    the reporting verb before it in the sentence ("..., a indiqué le maire, précisant que"),
    else the verb the parser hangs it on."""
    head = _continued_verb(doc, verb, sentence[0])
    subject, pronoun = None, None
    before = doc[verb.i - 1] if verb.i else None
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        # "un discours du président X jugeant que": a participle right after a noun phrase
        # qualifies it (a participial relative); that phrase holds the speaker.
        head, subject = None, _noun_phrase_before(doc, verb.i, sentence[0])
    if head is not None:
        pronoun = pronoun_of(doc, head)
        first = doc[auxiliaries_before(head)]
        inverted = first.i > 0 and doc[first.i - 1].text in {",", *mark_rules().pairs.values()}
        if pronoun is None and inverted:
            subject = inverted_subject(doc, head, doc[auxiliaries_before(verb)].idx)
        elif pronoun is None:
            subject = preposed_subject(doc, head, sentence[0])
    if subject is not None and not _can_speak(text_of(doc)[subject[0] : subject[1]]):
        return None
    return Reported(start, _content_end(doc, start, sentence[1], verb), cue_text(doc, verb),
                    subject, pronoun, verb.idx, via="subject" if subject else None)


def _noun_phrase_before(doc: Doc, i: int, floor: int) -> tuple[int, int] | None:
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


def _continued_verb(doc: Doc, participle: Token, floor: int) -> Token | None:
    """The finite verb a present participle continues: the last reporting verb before it in
    its sentence, else its head in the parse when that is a verb before it."""
    for tok in reversed(doc[: participle.i]):
        if tok.idx < floor:
            break
        if tok.pos_ in ("VERB", "AUX") and is_reporting_verb(tok) and not present_participle(tok):
            return tok
    head = participle.head
    if head.i < participle.i and head.pos_ in ("VERB", "AUX") and head.idx >= floor:
        return head
    return None


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
        if _infinitive(tok) and (j == i or _adjuncts_only(doc, i, j, verb)):
            return tok.idx  # "a déclaré avoir confirmé ...", "a affirmé mardi avoir ..."
        if j == i and verb.lemma_ in words.directive and tok.lower_ in words.directive_preps:
            return tok.idx  # "a conseillé aux pays de ..."
        # A finite verb starts another clause; a participle ("réunis à Paris") does not, but
        # one after a comma ("a indiqué X, précisant que") is a cue with its own content.
        finite = tok.pos_ in ("VERB", "AUX") and "Part" not in tok.morph.get("VerbForm", [])
        if finite or tok.text in ".;?!" or (present_participle(tok) and j > i and (
                doc[j - 1].text == "," or is_reporting_verb(tok))):
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


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm", [])


def _after(doc: Doc, j: int) -> int | None:
    return doc[j + 1].idx if j + 1 < len(doc) else None


def _content_end(doc: Doc, start: int, limit: int, verb: Token | None = None) -> int:
    """Where reported content that begins at ``start`` ends (``limit``: the sentence's end).

    It runs through a quoted fragment the clause goes on after, or a short one (``« ... »
    ukrainiennes``, ``guerre « mondiale »``: the partial quote is part of the clause), and stops
    at a quote that ends it (the quote is a direct one of its own), and before what follows the
    reported clause (:func:`_clause_stop`).
    """
    text = text_of(doc)
    rules = mark_rules()
    end, k = limit, start
    while k < end:
        if text[k] in rules.openers and (k == 0 or not text[k - 1].isalnum()):
            close = text.find(rules.pairs[text[k]], k + 1, limit)
            if k == start or close < 0 or not _fragment_inside(text, k, close, limit):
                end = k
                break
            k = close
        k += 1
    end = min(end, _clause_stop(doc, start, end, verb))
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


def _clause_stop(doc: Doc, start: int, end: int, verb: Token | None) -> int:
    """The first place in ``[start, end)`` where the reported clause is over: a coordinated
    present participle ("..., précisant que A et demandant B": the narrator's next act), a
    comma then a participle that reports ("..., ajoutant que"), a comma then another source
    ("..., selon le journal"), the cue's own auxiliary coordinated with it ("a déclaré que
    A et a quitté la salle": the same verb group, the narrator's second verb), the second
    half of a correlative the sentence opened before the content ("ne plaît ni à X, qui
    demande que A, ni à Y"), or the narrator's circumstance (", sans préciser ...")."""
    span = span_of(doc, start, end)
    aux = _auxiliary_of(verb)
    infinitive = span is not None and len(span) > 0 and _infinitive(span[0])
    correlatives = _conjunctions_before(doc, span[0].i) if span is not None else frozenset()
    for tok in list(span or [])[1:]:
        prev = doc[tok.i - 1]
        if tok.idx >= end:
            break
        if prev.text == "," and (tok.pos_ == "CCONJ" and tok.lower_ in correlatives
                                 or _narrator_adjunct(doc, tok)):
            return prev.idx
        if infinitive and prev.text == "," and tok.pos_ == "ADP":
            return prev.idx  # "affirme avoir gagné, au lendemain de ...": an infinitive
            # object is short; a circumstance after a comma is the narrator's
        if prev.text == "," and (source_cue(doc, tok) is not None
                                 or present_participle(tok) and is_reporting_verb(tok)):
            return prev.idx
        if prev.pos_ == "CCONJ" and (present_participle(tok)
                                     or aux is not None and tok.lower_ == aux):
            return prev.idx
    return end


_CORRELATIVE_REACH = 40  # tokens back from the content to find the first half of "ni ... ni"


def _conjunctions_before(doc: Doc, i: int) -> frozenset[str]:
    """The coordinating conjunctions of the sentence before token ``i`` (lower case): one
    repeated inside the content pairs with it ("ni ... ni", "soit ... soit") and belongs to
    the sentence around the content."""
    found = set()
    for tok in reversed(doc[max(0, i - _CORRELATIVE_REACH) : i]):
        if tok.text in ".!?" or tok.is_space and "\n" in tok.text:
            break
        if tok.pos_ == "CCONJ":
            found.add(tok.lower_)
        if tok.is_sent_start:
            break
    return frozenset(found)


def _narrator_adjunct(doc: Doc, tok: Token) -> bool:
    """``tok`` opens a circumstance of the narrator's: one of the pack's prepositions before an
    infinitive or a complementizer (", sans préciser quand", ", sans que soient connues ...")."""
    words = indirect_words()
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.lower_ in words.narrator_adjuncts and nxt is not None and (
        _infinitive(nxt) or nxt.lower_ in words.complementizers)


def _auxiliary_of(verb: Token | None) -> str | None:
    """The finite auxiliary of a compound cue ("a" of "a déclaré"), lower case."""
    if verb is None:
        return None
    first = verb.doc[auxiliaries_before(verb)]
    return first.lower_ if first.i < verb.i and first.pos_ == "AUX" else None


def _inverted_closing(doc: Doc, verb: Token, sentence: tuple[int, int], pronoun: str | None
                      ) -> Reported | None:
    """``<content>, a déclaré X.``: a comma then the cue, and nothing but the subject after."""
    first = doc[auxiliaries_before(verb)]
    if first.i == 0 or doc[first.i - 1].text != "," or present_participle(verb):
        return None  # "<...>, saluant X": a participle is an adjunct, no closing cue
    openers = mark_rules().openers
    content = text_of(doc)[sentence[0] : first.idx]
    conjunct = _conjunct_quote(doc, sentence[0], first.idx)
    if any(ch in openers for ch in content) and not (_quote_within(content) or conjunct):
        return None  # the cue closes a direct quote: the direct-quote pass attributes it
    if dialogue_line_at(text_of(doc), sentence[0]) is not None:
        return None  # "— A, a dit X.": a dialogue line, a direct quote (marks.py)
    subject = None if pronoun else inverted_subject(doc, verb, sentence[1])
    if subject is None and pronoun is None:
        return None
    # The content runs to the comma before the cue, quoted words inside it included
    # ("Le « modèle », c'est la réponse, plaide X"): they are part of the reported clause.
    end = doc[first.i - 1].idx
    start = _after_conjunction(doc, sentence)
    if not any(ch in openers for ch in content):
        end = _content_end(doc, start, end)
    elif conjunct:  # a span ending in a partial quote stops before its closing mark
        closers = frozenset(mark_rules().pairs.values())
        while end > start and (text_of(doc)[end - 1].isspace() or text_of(doc)[end - 1] in closers):
            end -= 1
    return Reported(start, end, cue_text(doc, verb),
                    subject, pronoun, verb.idx, via="incise" if subject else None)


def _medial_rest(doc: Doc, verb: Token, sentence: tuple[int, int], before: Reported
                 ) -> Reported | None:
    """``A, poursuit X, B.`` / ``A, appuie-t-il, B.``: an incise inside its sentence reports what
    follows it too; ``before`` is the incise's content before it (A). The rest (B) is content
    when it is the sentence's own continuation: enough words, not a relative, a preposition's
    phrase or a participle of the narrator ("..., ajoute-t-il, avant de partir"), nor a quote
    (the direct pass has it)."""
    if before.end > verb.idx or before.subject is None and before.pronoun is None:
        return None
    pronoun = inverted_pronoun(verb)
    end = doc[pronoun].idx + len(doc[pronoun].text) if pronoun is not None else (
        before.subject[1] if before.subject is not None and before.subject[0] > verb.idx
        else None)
    text = text_of(doc)
    if end is None or text[end : end + 1] != ",":
        return None
    start = _skip_comma(text, end, sentence[1])
    span = span_of(doc, start, sentence[1])
    if span is None or len(text[start : sentence[1]].split()) < _MIN_WORDS:
        return None
    first = span[0]
    # Without a verb of its own, the rest completes a clause the incise split ("Il est,
    # disent-ils, la langue de ...") or it is an apposition to the incise's subject ("...,
    # a annoncé X, le président de ...").
    group = auxiliaries_before(verb)
    split = group >= 2 and doc[group - 2].pos_ == "AUX"  # "Il est, disent-ils, ..."
    if not split and not _finite_verb_in(doc, start, sentence[1]):
        return None
    if (first.pos_ in ("ADP", "SCONJ", "CCONJ") or first.text[:1] in mark_rules().openers
            or "Rel" in first.morph.get("PronType", [])
            or first.morph.get("VerbForm", []) and first.pos_ in ("VERB", "AUX")):
        return None
    return Reported(start, _content_end(doc, start, sentence[1], verb), before.cue,
                    before.subject, before.pronoun, verb.idx, via=before.via)


def _conjunct_quote(doc: Doc, start: int, end: int) -> bool:
    """The first quote of ``[start, end)`` is a conjunct of the clause's own words ("Un État
    mieux organisé, des institutions rééquilibrées et « une France qui pèse »"): a
    coordinating conjunction right before its opening mark, with words before it; the items
    outside the marks are the speaker's too, so the whole is reported content."""
    text = text_of(doc)
    openers = mark_rules().openers
    at = next((k for k in range(start, end) if text[k] in openers), None)
    if at is None or len(text[start:at].split()) <= _MIN_WORDS:
        return False
    span = span_of(doc, start, at)
    return span is not None and span[-1].pos_ == "CCONJ"


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
    if found is None or nxt is None or nxt.lower_ in words.not_source or _distributive(doc, nxt):
        return None
    prep = found.cue
    source = _source_span(doc, tok, sentence[1])
    if source is None:
        return None
    head = text_of(doc)[sentence[0] : doc[found.first].idx].replace(",", " ").split()
    if all(w.casefold() in words.connectives for w in head):
        start = _skip_comma(text_of(doc), _source_end(text_of(doc), source[1], sentence[1]),
                            sentence[1])
        start = _past_appositions(doc, start, sentence[1])
        inner = _reported_inside(doc, start, sentence)
        if inner is not None:
            return Reported(inner.start, inner.end, prep, source, None, tok.idx)
        return Reported(start, _content_end(doc, start, sentence[1]), prep, source, None,
                        tok.idx)
    after = _skip_comma(text_of(doc), source[1], sentence[1])
    rest = text_of(doc)[after : sentence[1]].split()
    if (text_of(doc)[source[1] : after].strip() == "," and len(rest) > 3
            and _finite_verb_in(doc, after, sentence[1])):
        # Parenthetical ", selon X, <clause>": the source governs the clause that follows it.
        return Reported(after, _content_end(doc, after, sentence[1]), prep, source, None,
                        tok.idx)
    cut = doc[found.first].idx  # before "d'" when the tokenizer split "d'après"
    start = _after_conjunction(doc, sentence)
    return Reported(start, _content_end(doc, start, cut), prep, source, None, tok.idx)


_APPOSITION_WORDS = 12  # "Selon X, sociologue et professeur à l'université de Y, ..."


def _past_appositions(doc: Doc, start: int, limit: int) -> int:
    """Past the appositions that follow a fronted source ("Selon X, sociologue à Lyon, <content>",
    "Selon le rapport, publié lundi, ..."): a phrase up to the next comma with no finite verb
    that opens on a noun, a name, an adjective or a participle, not on a preposition or an
    adverb ("Selon lui, en 2025, ..." keeps its date), when a clause with a finite verb
    follows it; the content begins after them."""
    text = text_of(doc)
    while True:
        comma = text.find(",", start, limit)
        span = span_of(doc, start, comma) if comma > start else None
        if (span is None or len(span) > _APPOSITION_WORDS or _finite_verb_in(doc, start, comma)
                or span[0].pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "VERB")
                or any(t.like_num or t.text[:1] in mark_rules().openers for t in span)
                or not _finite_verb_in(doc, comma, limit)):
            return start
        start = _skip_comma(text, comma, limit)


def _finite_verb_in(doc: Doc, start: int, end: int) -> bool:
    """A finite verb stands in ``[start, end)``: the range holds a clause of its own."""
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
               for t in span_of(doc, start, end) or [])


def _distributive(doc: Doc, first: Token) -> bool:
    """The phrase after a source preposition says what things vary with ("selon chaque
    région", "selon les différentes académies"): "depending on", not "according to"."""
    words = indirect_words().distributive
    if first.lower_ in words:
        return True
    second = doc[first.i + 1] if first.i + 1 < len(doc) else None
    return (second is not None and second.lower_ in words and first.pos_ == "DET"
            and "Def" in first.morph.get("Definite", []))


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
                return Reported(begin, _content_end(doc, begin, sentence[1], tok), "", None,
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


def _words(doc: Doc, got: Reported) -> int:
    return len(text_of(doc)[got.start : got.end].split())


def _is_clause(doc: Doc, got: Reported) -> bool:
    """Reported content is a clause: enough words and a verb ("à ses collègues de" is not)."""
    if len(text_of(doc)[got.start : got.end].split()) < _MIN_WORDS:
        return False
    span = span_of(doc, got.start, got.end)
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
