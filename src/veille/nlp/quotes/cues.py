"""Reporting cues: which tokens introduce reported speech, and the verb group around them.

The lexicon is data (``lang/<code>/reporting_verb*.txt``): a token is a reporting verb when its
spaCy lemma is a listed lemma, or when its form is a listed form whose lemma is not excluded.
The pack's word lists (``quotes/cues_*``) and Matcher patterns (``quotes/cues_*.jsonl``) are
read here once a pack; a cue's subject is found in ``cue_subjects.py``, the cues that need no
verb ("selon", "d'après") in ``source_cues.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from veille.lang.pack import LanguagePack
from veille.nlp.quotes.doc import columns, text_of
from veille.nlp.quotes.token_patterns import AnchoredMatcher
from veille.nlp.scope import current_pack
from veille.nlp.tokens import ids

_MATCHES = "veille.quotes.cue_matches."
_INVERTED = "INVERTED_PRONOUN"
_REFLEXIVE = "REFLEXIVE"


@dataclass(frozen=True)
class CueWords:
    """The word lists of the cue rules, for one language pack (``lang/<code>/quotes/cues_*``)."""

    forms: frozenset[str]  # inflected reporting forms (reporting_verb_forms*.txt)
    complementizers: frozenset[str]  # "que": a listed form right before one is a verb
    lemmas: frozenset[str]  # reporting lemmas (reporting_verbs.txt)
    excluded: frozenset[str]  # lemmas never a cue (reporting_verbs_excluded.txt)
    reflexives: frozenset[str]  # lemmas that report only with a reflexive pronoun
    inverted_only: frozenset[str]  # lemmas that report only with an inverted pronoun
    glued: re.Pattern[str]  # a verb glued to the next word by a scraper: "ditPlus"
    imperative: re.Pattern[str]  # an imperative of the author's aside: "Rappelons"
    pairs: dict[str, frozenset[str]]  # head lemma -> next lemmas of a cue pair ("fait savoir")
    relatives: frozenset[str]  # never the first word of a subject
    np_links: frozenset[str]  # inside a noun phrase, never at its end
    np_stop: frozenset[str]  # end an inverted subject
    np_of: frozenset[str]  # noun complements inside a preposed subject
    clitics: frozenset[str]  # between a preposed subject and its verb
    particles: frozenset[str]  # in a verb group before the verb, besides auxiliaries
    dative: frozenset[str]  # open a dative complement after the verb
    sources: dict[str, str]  # source preposition -> cue ("d’après" -> "d'après")
    split_sources: dict[tuple[str, str], str]  # (token before, token) -> cue: "d'" + "après"
    opinion: frozenset[str]  # sentence openers of an opinion ("Pour X, ...")
    source_phrases: frozenset[str]  # "de l'avis de", "à en croire" (cues_source_phrases.txt)
    phrase_list: tuple[str, ...]  # the same, for ``str.endswith``
    source_phrase_ends: frozenset[str]  # their last words: only these tokens may end one
    source_phrase_heads: frozenset[str]  # every beginning of one: only these may start one
    source_nouns: frozenset[str]  # nouns that can be a source after "selon"
    deps: dict[str, frozenset[str]]  # role -> the parser's labels (cues_dependencies.tsv)
    negation: dict[str, frozenset[str]]  # "particle" / "adverb" -> words (cues_negations.tsv)
    particle_ids: frozenset[int]  # the string hashes of the particles, to screen LOWER ids

    def labels(self, role: str) -> frozenset[str]:
        """The parser's dependency labels of ``role`` ("subject", "auxiliary"...)."""
        return self.deps.get(role, frozenset())


def cue_words() -> CueWords:
    """The current pack's cue word lists."""
    return current_pack().derive(_build_words)


def _build_words(pack: LanguagePack) -> CueWords:
    lemmas = pack.lines("reporting_verbs.txt")
    reflexive = pack.regex("quotes/cues.toml", "reflexive_lemma")
    pairs: dict[str, set[str]] = {}
    for head, nxt in pack.table("quotes/cues_verb_pairs.tsv"):
        pairs.setdefault(head, set()).add(nxt)
    sources = pack.table("quotes/cues_sources.tsv")
    negation = _by_second_column(pack.table("quotes/cues_negations.tsv"))
    deps: dict[str, set[str]] = {}
    for label, role in pack.table("quotes/cues_dependencies.tsv"):
        deps.setdefault(role, set()).add(label)
    return CueWords(
        forms=pack.words("reporting_verb_forms.txt") | pack.words("reporting_verb_forms_added.txt"),
        complementizers=pack.words("quotes/indirect_complementizers.txt"),
        lemmas=frozenset(lemmas),
        excluded=pack.words("reporting_verbs_excluded.txt"),
        reflexives=frozenset(m.group(1) for m in map(reflexive.match, lemmas) if m),
        inverted_only=pack.words("quotes/cues_inverted_only.txt"),
        glued=pack.regex("quotes/cues.toml", "glued"),
        imperative=pack.regex("quotes/cues.toml", "imperative"),
        pairs={head: frozenset(nexts) for head, nexts in pairs.items()},
        relatives=pack.words("quotes/cues_relatives.txt"),
        np_links=pack.words("quotes/cues_np_links.txt"),
        np_stop=pack.words("quotes/cues_np_stop.txt"),
        np_of=pack.words("quotes/cues_np_of.txt"),
        clitics=pack.words("quotes/cues_clitics.txt"),
        particles=pack.words("quotes/cues_verb_particles.txt"),
        dative=pack.words("quotes/cues_dative.txt"),
        sources={row[0]: row[1] for row in sources if len(row) == 2},
        split_sources={(row[2], row[0]): row[1] for row in sources if len(row) > 2},
        opinion=pack.words("quotes/cues_opinion_openers.txt"),
        source_phrases=pack.words("quotes/cues_source_phrases.txt"),
        phrase_list=tuple(sorted(pack.words("quotes/cues_source_phrases.txt"))),
        source_phrase_ends=frozenset(p.split()[-1] for p in
                                     pack.words("quotes/cues_source_phrases.txt")),
        source_phrase_heads=frozenset(p[:k] for p in pack.words("quotes/cues_source_phrases.txt")
                                      for k in range(1, len(p) + 1)),
        source_nouns=pack.words("quotes/cues_source_nouns.txt")
        | pack.words("quote_person_nouns.txt")
        | frozenset(row[0] for row in pack.table("quote_org_nouns.txt")),
        deps={role: frozenset(labels) for role, labels in deps.items()},
        negation=negation,
        particle_ids=frozenset(map(get_string_id, negation.get("particle", ()))),
    )


def _by_second_column(rows: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in rows:
        if len(row) > 1:
            groups.setdefault(row[1], set()).add(row[0])
    return {key: frozenset(words) for key, words in groups.items()}


class _CueMatchers(NamedTuple):
    """The cue patterns of a pack on a vocab: the reflexive ones apart, run only when a
    reflexive reporting lemma asks (their pronouns, "se" and "s'", stand in most sentences),
    and the label and id of each match key (kept here: a key added to the vocab's strings
    inside a ``memory_zone`` is gone after it)."""

    inverted: AnchoredMatcher  # every pattern not labelled reflexive
    reflexive: AnchoredMatcher
    keys: dict[int, tuple[str, str]]


def _matcher(pack: LanguagePack, vocab: Vocab) -> _CueMatchers:
    """The cue patterns of ``pack`` (inverted pronouns, reflexive verbs) on ``vocab``, run
    around their pronouns only (:mod:`.token_patterns`)."""
    matchers = {False: Matcher(vocab), True: Matcher(vocab)}  # reflexive or not
    patterns: dict[bool, list[Any]] = {False: [], True: []}
    keys: dict[int, tuple[str, str]] = {}
    for name in ("quotes/cues_inverted.jsonl", "quotes/cues_reflexive.jsonl"):
        for entry in pack.patterns(name):
            key = f"{entry['label']}\t{entry.get('id', '')}"
            keys[get_string_id(key)] = (entry["label"], entry.get("id", ""))
            reflexive = entry["label"] == _REFLEXIVE
            matchers[reflexive].add(key, [entry["pattern"]])
            patterns[reflexive].append(entry["pattern"])
    return _CueMatchers(AnchoredMatcher(matchers[False], patterns[False]),
                        AnchoredMatcher(matchers[True], patterns[True]), keys)


def _run(matcher: AnchoredMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    # A pack may have no patterns (English has no inverted pronouns): spaCy warns on an empty one.
    return matcher(doc) if len(matcher.matcher) else []


@dataclass(frozen=True)
class _Matches:
    """Where the cue patterns matched in one Doc."""

    inverted_from: dict[int, tuple[int, str]]  # match start -> (pronoun token, pronoun)
    pronouns: dict[int, str]  # inverted pronoun token -> pronoun ("-t-il" -> "il")
    doc: Doc
    matchers: _CueMatchers
    # verb token -> the first token of its group (``auxiliaries_before``): the rules of a
    # cue ask it of the same verb several times (its text, subject, pronoun, voice)
    groups: dict[int, int] = field(default_factory=dict)

    @cached_property
    def reflexive(self) -> frozenset[int]:
        """Tokens with a reflexive pronoun at most three tokens before (read when asked)."""
        keys = self.matchers.keys
        return frozenset(end - 1 for match_id, _, end in _run(self.matchers.reflexive, self.doc)
                         if keys[match_id][0] == _REFLEXIVE)


def _matches(doc: Doc) -> _Matches:
    pack = current_pack()
    key = _MATCHES + pack.code
    found = doc.user_data.get(key)
    if isinstance(found, _Matches):
        return found
    matchers = pack.cached(("quotes.cues.matcher", id(doc.vocab)),
                           lambda: _matcher(pack, doc.vocab))
    inverted: dict[int, tuple[int, str]] = {}
    for match_id, start, end in _run(matchers.inverted, doc):
        label, pronoun = matchers.keys[match_id]
        if label == _INVERTED:
            inverted[start] = (end - 1, pronoun)
    found = _Matches(inverted, dict(inverted.values()), doc, matchers)
    doc.user_data[key] = found
    return found


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or ``selon``) and the character span of its subject, if found."""

    verb: int  # token index of the reporting verb
    text: str  # cue as written: "a déclaré", "a-t-il ajouté", "selon"
    subject: tuple[int, int] | None  # character span of the subject noun phrase
    inverted: bool


def is_reporting_verb(token: Token) -> bool:
    """Whether ``token`` is a reporting verb (by lemma, else by form) used as a verb."""
    return reporting_at(token.doc, token.i)


def reporting_at(doc: Doc, i: int) -> bool:
    """``is_reporting_verb(doc[i])``: the token's attributes are read from the Doc's columns
    (veille.nlp.tokens), and a Token is made only for a listed word, as this test runs on the
    candidate cues and on the words of each content."""
    cues, found = cue_words(), columns(doc)
    lemma = found.lemma[i].casefold()
    if lemma in cues.pairs:  # "a fait savoir que", "fait valoir que": the cue is the pair
        return verb_pair(doc[i])
    pos = found.pos[i]
    listed = lemma in cues.lemmas or found.lower[i] in cues.forms
    if (listed and pos in ("VERB", "AUX") and lemma not in cues.inverted_only
            and lemma not in cues.excluded):
        return True  # a listed verb (most cues): what the tests below would say, told first
    if lemma in cues.reflexives and i in _matches(doc).reflexive:
        return True  # "s'est félicité", "s'inquiète": reporting only with the pronoun
    if lemma in cues.inverted_only:
        # "a-t-on appris de source sûre": the newsroom's unnamed source, only when inverted
        return pos in ("VERB", "AUX") and pronoun_of(doc, doc[i]) is not None
    if lemma in cues.excluded:
        return False
    glued = cues.glued.match(found.orth[i])
    if glued and glued.group(1) in cues.forms:
        return True  # a scraper dropped the space: "Trump ditPlus tard"
    if not listed:
        return False
    # "une note", "la demande": the same letters as a noun are not a cue, unless inverted. A
    # pipeline without a tagger (spaCy's blank ones) cannot tell: the listed word is the cue.
    # (A listed word tagged as a verb was told above.)
    return (_inverted_pronoun(doc[i]) is not None
            or not doc.has_annotation("POS") or _verb_before_complementizer(doc[i]))


def _verb_before_complementizer(token: Token) -> bool:
    """A listed form the tagger took for a noun or a name ("Paul Morel juge que ...", "a
    tweeté que"): right before "que" and not after a determiner or a preposition ("le juge
    qu'il a vu" is a noun)."""
    doc = token.doc
    if token.pos_ not in ("NOUN", "PROPN") or token.i == 0 or token.i + 1 >= len(doc):
        return False
    prev = doc[token.i - 1]
    return (doc[token.i + 1].lower_ in cue_words().complementizers
            and prev.pos_ not in ("DET", "ADP") and not prev.is_punct)


def negated(verb: Token) -> bool:
    """The verb group is negated ("n'a pas affirmé", "ne dira jamais"): an opening particle
    and a closing adverb around the verb (``cues_negations.tsv``); "n'a dit que" is no
    negation. A negated statement is not reported speech."""
    cues = cue_words()
    doc, i = verb.doc, verb.i
    found = columns(doc)
    window = range(max(0, i - 4), min(len(found.heads), i + 3))
    # Most cues have no particle near them: told on the window's hashes, in C, before any
    # token's string is read.
    if cues.particle_ids.isdisjoint(ids(doc, "LOWER")[window.start : window.stop]):
        return False
    lower, head = found.lower, found.heads
    # The parser hangs "ne" and "pas" on the verb, whatever stands between them: its
    # children near it, read off the heads (the whole children index is built only if asked).
    near = {lower[c] for c in window if head[c] == i and c != i}
    negation = cues.negation
    return bool(near & negation.get("particle", frozenset())) and bool(
        near & negation.get("adverb", frozenset()))


def author_voice(verb: Token, sentence_start: int) -> bool:
    """The author's or the reader's voice, no one reported: a finite verb in the first or
    second person, or one that opens its sentence with no subject at all (an imperative:
    "Soulignons que", "Notons que", which the tagger may call third person)."""
    return voice_of_author(verb, sentence_start, verb_group(verb.doc, verb))


def voice_of_author(verb: Token, sentence_start: int, group: VerbGroup) -> bool:
    """:func:`author_voice` of a cue whose group the caller has already worked out."""
    cues, found = cue_words(), columns(verb.doc)
    auxiliary, dep = cues.labels("auxiliary"), found.dep
    verbs = [verb.i, *(c for c in found.children_of(verb.i) if dep[c] in auxiliary)]
    feats = found.feats
    finite = [k for k in verbs if "Fin" in feats[k].get("VerbForm", ())]
    if any(set(feats[k].get("Person", ())) & {"1", "2"} for k in finite):
        return True
    # Nothing before it, so no subject before it; one after it would make it a question. The
    # tagger may call an imperative a participle ("Rappelons"): its ending tells it apart.
    first = found.starts[group.first]
    opens = first <= sentence_start and group.pronoun is None
    return opens and (bool(finite) or cues.imperative.match(found.lower[verb.i]) is not None)


def present_participle(tok: Token) -> bool:
    """A present participle ("ajoutant", "évoquant") has no subject of its own: it continues
    the sentence's main clause, whose subject is the speaker; it closes no reported clause."""
    return participle_at(tok.doc, tok.i)


def participle_at(doc: Doc, i: int) -> bool:
    """``present_participle(doc[i])``, read on the Doc's columns (no Token made)."""
    found = columns(doc)
    feats = found.feats[i]
    return ("Part" in feats.get("VerbForm", ()) and "Pres" in feats.get("Tense", ())
            and found.orth[i][:1].islower())


def is_passive(verb: Token) -> bool:
    """A passive verb ("la responsabilité est confiée à ...", "il a été précisé"): no one
    named speaks through it."""
    passive = cue_words().labels("passive_auxiliary")
    found = columns(verb.doc)
    dep = found.dep
    return any(dep[c] in passive for c in found.children_of(verb.i))


def verb_pair(token: Token) -> bool:
    """``token`` is the head of a cue pair followed by its verb ("fait savoir")."""
    lemma = columns(token.doc).lemma
    nexts = cue_words().pairs.get(lemma[token.i])
    return nexts is not None and token.i + 1 < len(lemma) and lemma[token.i + 1] in nexts


faire_pair = verb_pair  # the name it had when the pair was French only


def _inverted_pronoun(verb: Token) -> int | None:
    """Token index of the inverted subject pronoun right after ``verb`` ("dit-il")."""
    found = _matches(verb.doc).inverted_from.get(verb.i + 1)
    return found[0] if found is not None else None


inverted_pronoun = _inverted_pronoun  # for the incise rules of indirect speech


def auxiliaries_before(verb: Token) -> int:
    """Index of the first auxiliary (or adverb between them) of ``verb``: "a déjà déclaré".

    A backward walk, not a Matcher pattern: an adverb belongs to the group only when an
    auxiliary stands at most two tokens before it, inside the group or not.
    """
    doc, matches = verb.doc, _matches(verb.doc)
    i = matches.groups.get(verb.i)
    if i is not None:
        return i
    i = verb.i
    found = columns(doc)
    pos, lower = found.pos, found.lower
    particles, pronouns = cue_words().particles, matches.pronouns
    while i > 0 and (pos[i - 1] in ("AUX", "ADV") or lower[i - 1] in particles
                     or i - 1 in pronouns):
        if pos[i - 1] == "ADV" and "AUX" not in pos[max(0, i - 3) : i - 1]:
            break
        i -= 1
    matches.groups[verb.i] = i
    return i


class VerbGroup(NamedTuple):
    """A cue verb's group, worked out once for the rules that read it (its text, voice,
    subject and content): each rule worked it out again."""

    first: int  # token index of its first auxiliary (:func:`auxiliaries_before`)
    pronoun: str | None  # its inverted subject pronoun (:func:`pronoun_of`)


def verb_group(doc: Doc, verb: Token) -> VerbGroup:
    """The group of the cue ``verb``."""
    first = auxiliaries_before(verb)
    return VerbGroup(first, _pronoun(_matches(doc), verb.i, first))


def cue_text(doc: Doc, verb: Token, group: VerbGroup | None = None) -> str:
    """The cue as written: auxiliaries, the verb and an inverted ``-t-il`` (``group``:
    the verb's, when the caller has it)."""
    start = group.first if group is not None else auxiliaries_before(verb)
    end = verb.i + 1
    pron = _inverted_pronoun(verb)
    if pron is not None:
        end = pron + 1
    if verb_pair(verb):
        end = max(end, verb.i + 2)
    found = columns(doc)
    last, starts = found.orth[end - 1], found.starts
    glued = cue_words().glued.match(last)
    stop = starts[end - 1] + (len(glued.group(1)) if glued else len(last))
    return text_of(doc)[starts[start] : stop]


def pronoun_of(doc: Doc, verb: Token) -> str | None:
    """The inverted subject pronoun of ``verb`` ("a-t-il dit", "explique-t-elle"), if any."""
    return _pronoun(_matches(doc), verb.i, auxiliaries_before(verb))


def _pronoun(matches: _Matches, verb: int, first: int) -> str | None:
    """:func:`pronoun_of` the verb at token ``verb`` whose group begins at ``first``."""
    found = matches.inverted_from.get(verb + 1)
    if found is not None:
        return found[1]
    pronoun = None
    for i in range(first, verb):
        pronoun = matches.pronouns.get(i, pronoun)
    return pronoun
