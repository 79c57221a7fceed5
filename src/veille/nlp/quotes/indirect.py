"""Indirect speech: reported content without quote marks.

Constructions (French grammar of reported speech, not seed strings):
- ``X <verbe de parole> [complements] que <contenu>``: content after ``que``;
- ``X a déclaré avoir ...``: an infinitive object is the content;
- ``X a conseillé à Y de ...``: the dative and the ``de`` infinitive are the content;
- ``X a déclaré : <contenu>``: content after the colon;
- ``<contenu>, a déclaré X.`` / ``<contenu>, a-t-il ajouté.``: inverted cue closing the sentence;
- ``Selon X, <contenu>`` / ``D'après X, ...`` / ``<contenu>, selon X.``.
- ``A, poursuit X, B.``: a medial incise reports what follows it too.
Content stops at the end of the sentence or at an opening quote mark (the quoted part is a direct
quote of its own). A reporting verb inside a content already taken does not start another. The
sourced constructions are :mod:`.indirect_sources`'; where a content begins and ends is
:mod:`.indirect_bounds`'.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from spacy.tokens import Doc, Token

from veille.nlp.quotes.cue_subjects import inverted_subject, preposed_subject
from veille.nlp.quotes.cues import (
    VerbGroup,
    auxiliaries_before,
    cue_text,
    inverted_pronoun,
    is_passive,
    is_reporting_verb,
    negated,
    present_participle,
    pronoun_of,
    reporting_at,
    verb_group,
    voice_of_author,
)
from veille.nlp.quotes.doc import columns, span_of, text_of
from veille.nlp.quotes.indirect_bounds import (
    MIN_WORDS,
    after_conjunction,
    conjunct_quote,
    content_end,
    content_start,
    coordinated,
    finite_verb_in,
    indirect_words,
    is_infinitive,
    quote_within,
    skip_comma,
)
from veille.nlp.quotes.indirect_bounds import Reported as Reported  # component.py's import
from veille.nlp.quotes.indirect_candidates import PHRASE_END, VERB, candidate_kinds
from veille.nlp.quotes.indirect_forms import form_words, object_start
from veille.nlp.quotes.indirect_sources import (
    from_following,
    from_relative,
    from_source,
    from_speech_noun,
    noun_phrase_before,
    pronoun_opener,
)
from veille.nlp.quotes.marks import dialogue_line_at, mark_rules
from veille.nlp.quotes.source_cues import source_phrase_at
from veille.nlp.spans import Spans


def find_indirect(doc: Doc, sentence: tuple[int, int], quoted: Spans
                  ) -> list[Reported]:
    """Indirect statements in one sentence (character span), left to right.

    Cues inside ``quoted`` spans (the words of direct quotes) are the speaker's own words.
    """
    tokens = columns(doc).tokens_in(sentence[0], sentence[1])
    if tokens is None or _heading(text_of(doc), sentence):
        return []
    found: list[Reported] = []
    taken_until = -1
    opener = pronoun_opener(doc, sentence)
    if opener is not None:
        found.append(opener)
        taken_until = opener.end
    (candidates, kinds), starts = candidate_kinds(doc), columns(doc).starts
    first, stop = bisect_left(candidates, tokens[0]), bisect_left(candidates, tokens[1])
    for i, kind in zip(candidates[first:stop], kinds[first:stop], strict=True):
        if starts[i] < taken_until or starts[i] in quoted:
            continue
        if kind == PHRASE_END and source_phrase_at(doc, i) is None:
            continue  # "le budget de la ville": no source phrase ends at this "de"
        tok = doc[i]
        sourced = kind != VERB  # a verb only is no source: those rules would return None
        got = (from_source(doc, tok, sentence) or from_relative(doc, tok, sentence)
               if sourced else None)
        if got is not None and found and got.start < found[-1].end:
            # "X a dit que A, selon le journal": A is X's, reported by the journal; not twice
            continue
        rest = None
        if got is not None:
            got = got if got.via == "selon" else dataclasses.replace(got, via="selon")
        elif sourced and (got := from_speech_noun(doc, tok, sentence)) is not None:
            pass
        elif kind & VERB:
            got = _from_verb(doc, tok, sentence)
            if got is not None and found and got.start < found[-1].end:
                # "X a affirmé que A, a indiqué Y": the closing cue reports X's statement
                # again, which the walk already has
                continue
            rest = _medial_rest(doc, tok, sentence, got) if got is not None else None
        for piece in coordinated(doc, got) if got is not None else []:
            statement = (_is_clause(doc, piece) or _subject_of_quote(doc, piece)
                         or piece.nominal and _words(doc, piece) >= MIN_WORDS)
            # before a medial incise, an adjunct ("Contrairement aux idées reçues, appuie-t-il,
            # ...") frames what follows; only a clause of its own is a statement
            statement = statement and (rest is None or finite_verb_in(doc, piece.start,
                                                                        piece.end))
            # (a piece is a statement as made: a copy only for one that is not)
            found.append(piece if statement else dataclasses.replace(piece, statement=False))
            taken_until = piece.end
        if rest is not None:
            found.append(rest)
            taken_until = rest.end
    if not found:
        # the next sentence's opening first: it rarely attributes this one, and that test is
        # cheaper than reading the sentence for a quote mark
        got = from_following(doc, sentence)
        if got is not None and mark_rules().openers.isdisjoint(
                text_of(doc)[sentence[0] : sentence[1]]):
            found.append(got)
    return found


def _heading(text: str, sentence: tuple[int, int]) -> bool:
    """A line of its own with no final punctuation: a headline or a section heading, which
    sums up the article in the newsroom's words ("Le maire promet de « tout revoir »"); the
    statements it announces are reported in the body."""
    start, end = sentence
    whole_line = (start == 0 or text[start - 1] == "\n") and text[end : end + 1] in ("", "\n")
    return whole_line and text[start:end].rstrip()[-1:].isalnum()


def _from_verb(doc: Doc, verb: Token, sentence: tuple[int, int]) -> Reported | None:
    # "Il faut rappeler que ...": an infinitive cue reports no one's words; "n'a pas affirmé
    # que" reports nothing; "Soulignons que" is the author's own aside. The cue's lemma and
    # pronoun are read once here for every test.
    found, forms, i = columns(doc), form_words(), verb.i
    lemma, verb_tag = found.lemma[i], found.pos[i] == "VERB"
    stance = verb_tag and lemma in forms.que_only
    if (not (stance or verb_tag and lemma in forms.estimate or reporting_at(doc, i))
            or is_infinitive(doc, i) or negated(verb)):
        return None
    group = verb_group(doc, verb)
    if voice_of_author(verb, sentence[0], group):
        return None
    start = content_start(doc, verb, sentence[1])
    if stance and (start is None or not _after_complementizer(doc, start)):
        return None  # "craindre la pluie", "craindre de": no reported stance
    nominal = start is None
    if nominal:
        start = object_start(verb, sentence[1])  # "a annoncé la grève de ..."
    pronoun = group.pronoun
    if start is not None and present_participle(verb) and pronoun is None:
        return _participle_cue(doc, verb, start, sentence)
    if start is not None:
        subject = None if pronoun else preposed_subject(doc, verb, sentence[0], group)
        if subject is not None and not _can_speak(text_of(doc)[subject[0] : subject[1]]):
            return None
        if is_passive(verb):  # "il a été précisé que ...": said, but by no one named
            subject, pronoun = None, indirect_words().impersonal
        return Reported(start, content_end(doc, start, sentence[1], verb, group),
                        cue_text(doc, verb, group), subject, pronoun, verb.idx,
                        via="subject" if subject else None, nominal=nominal)
    return _inverted_closing(doc, verb, sentence, group)


def _after_complementizer(doc: Doc, start: int) -> bool:
    tokens = columns(doc).tokens_in(start, start + 1)
    return tokens is not None and tokens[0] > 0 and (
        columns(doc).lower[tokens[0] - 1] in indirect_words().complementizers)


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
        head, subject = None, noun_phrase_before(doc, verb.i, sentence[0])
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
    return Reported(start, content_end(doc, start, sentence[1], verb), cue_text(doc, verb),
                    subject, pronoun, verb.idx, via="subject" if subject else None)


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


def _inverted_closing(doc: Doc, verb: Token, sentence: tuple[int, int], group: VerbGroup
                      ) -> Reported | None:
    """``<content>, a déclaré X.``: a comma then the cue, and nothing but the subject after."""
    first, pronoun = doc[group.first], group.pronoun
    if first.i == 0 or doc[first.i - 1].text != "," or present_participle(verb):
        return None  # "<...>, saluant X": a participle is an adjunct, no closing cue
    content = text_of(doc)[sentence[0] : first.idx]
    quoted = mark_rules().opener.search(content) is not None
    # (a content with no quote mark has no conjunct quote either)
    conjunct = quoted and conjunct_quote(doc, sentence[0], first.idx)
    if quoted and not (quote_within(content) or conjunct):
        return None  # the cue closes a direct quote: the direct-quote pass attributes it
    if dialogue_line_at(text_of(doc), sentence[0]) is not None:
        return None  # "— A, a dit X.": a dialogue line, a direct quote (marks.py)
    subject = None if pronoun else inverted_subject(doc, verb, sentence[1])
    if subject is None and pronoun is None:
        return None
    # The content runs to the comma before the cue, quoted words inside it included
    # ("Le « modèle », c'est la réponse, plaide X"): they are part of the reported clause.
    end = doc[first.i - 1].idx
    start = after_conjunction(doc, sentence)
    if not quoted:
        end = content_end(doc, start, end)
    elif conjunct:  # a span ending in a partial quote stops before its closing mark
        closers = frozenset(mark_rules().pairs.values())
        while end > start and (text_of(doc)[end - 1].isspace() or text_of(doc)[end - 1] in closers):
            end -= 1
    return Reported(start, end, cue_text(doc, verb, group),
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
    start = skip_comma(text, end, sentence[1])
    span = span_of(doc, start, sentence[1])
    if span is None or len(text[start : sentence[1]].split()) < MIN_WORDS:
        return None
    first = span[0]
    # Without a verb of its own, the rest completes a clause the incise split ("Il est,
    # disent-ils, la langue de ...") or it is an apposition to the incise's subject ("...,
    # a annoncé X, le président de ...").
    group = auxiliaries_before(verb)
    split = group >= 2 and doc[group - 2].pos_ == "AUX"  # "Il est, disent-ils, ..."
    if not split and not finite_verb_in(doc, start, sentence[1]):
        return None
    if (first.pos_ in ("ADP", "SCONJ", "CCONJ") or first.text[:1] in mark_rules().openers
            or "Rel" in first.morph.get("PronType", [])
            or first.morph.get("VerbForm", []) and first.pos_ in ("VERB", "AUX")):
        return None
    return Reported(start, content_end(doc, start, sentence[1], verb), before.cue,
                    before.subject, before.pronoun, verb.idx, via=before.via)


def _can_speak(subject: str) -> bool:
    """Whether a subject reports someone's words.

    A subject holding a clause ("le fait que X ait ...") is a fact, not a speaker; the first and
    second persons ("je pense que", "vous dites que") are the author or the reader, not a source.
    """
    lists = indirect_words()
    said = subject.casefold().replace("’", "'").split()
    if said and said[0] in lists.non_speakers:
        return False
    # "qui" is fine: "Le ministre, qui s'exprimait devant le Sénat, a affirmé que ..."
    return not any(w == c or (c.endswith("'") and w.startswith(c))
                   for w in said for c in lists.clause_words)


def _subject_of_quote(doc: Doc, got: Reported) -> bool:
    """A noun phrase the quoted words complete: "que l'ère des combustibles fossiles « doit
    prendre fin »" reports "l'ère des combustibles fossiles" too."""
    text = text_of(doc)
    if len(text[got.start : got.end].split()) < MIN_WORDS:
        return False
    if text[got.end : got.end + 3].lstrip()[:1] not in mark_rules().openers:
        return False
    tokens = columns(doc).tokens_in(got.start, got.end)
    return tokens is not None and columns(doc).pos[tokens[0]] in ("DET", "PROPN", "PRON", "NOUN")


def _words(doc: Doc, got: Reported) -> int:
    return len(text_of(doc)[got.start : got.end].split())


def _is_clause(doc: Doc, got: Reported) -> bool:
    """Reported content is a clause: enough words and a verb ("à ses collègues de" is not)."""
    if len(text_of(doc)[got.start : got.end].split()) < MIN_WORDS:
        return False
    found = columns(doc)
    tokens, pos = found.tokens_in(got.start, got.end), found.pos
    return tokens is not None and any(pos[k] in ("VERB", "AUX") for k in range(*tokens))
