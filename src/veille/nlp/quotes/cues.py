"""Reporting cues: which tokens introduce reported speech, and who their subject is.

The lexicon is data (``lang/fr/reporting_verb*.txt``): a token is a reporting verb when its
spaCy lemma is a listed lemma, or when its form is a listed form whose lemma is not excluded.
Subjects come from French word order, not from the seeds: a preposed subject is the verb's
``nsubj`` (or the noun phrase just before its auxiliaries); an inverted subject ("a déclaré
Lavrov", "a-t-il ajouté", "déclare à l'AFP Jean Dupont") is the noun phrase after the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from veille.lang.pack import read_lines, read_table
from veille.nlp.quotes.doc import span_of, text_of

_GLUED = re.compile(r"^([a-zàâçéèêëîïôûùüÿœ]+)[A-ZÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ][a-zàâçéèêëîïôûùüÿœ]")
# Verbs that report speech after "faire" only ("faire savoir", "faire valoir").
_WITH_FAIRE = frozenset({"savoir", "valoir", "remarquer", "observer", "comprendre"})
# Relative pronouns before a verb are its object or a link, never the speaker.
_RELATIVES = frozenset({"que", "qu'", "qu’", "qui", "dont", "où", "lequel", "laquelle"})
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# A noun phrase may contain these between its words ("ministre des Affaires étrangères").
_NP_LINKS = frozenset({"de", "des", "du", "d'", "d’", "la", "le", "l'", "l’", "les"})
# Words that end an inverted subject: the complement or circumstance that follows it.
_NP_STOP = frozenset({
    "à", "au", "aux", "dans", "lors", "devant", "sur", "en", "après", "avant", "pendant",
    "depuis", "par", "pour", "avec", "selon", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "hier", "ce", "cette", "mais", "et", "qui", "que", "qu'",
    "qu’", "sans", "face", "contre", "vers",
})
# Object clitics and negation between a subject and its verb: "Lavrov lui a dit", "il n'a pas".
_CLITICS = frozenset({"ne", "n'", "n’", "lui", "leur", "l'", "l’", "y", "en", "me", "m'", "m’",
                      "nous", "vous", "se", "s'", "s’"})
_INVERTED_PRONOUNS = {"-il": "il", "-elle": "elle", "-ils": "ils", "-elles": "elles",
                      "-on": "on", "il": "il", "elle": "elle"}


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or ``selon``) and the character span of its subject, if found."""

    verb: int  # token index of the reporting verb
    text: str  # cue as written: "a déclaré", "a-t-il ajouté", "selon"
    subject: tuple[int, int] | None  # character span of the subject noun phrase
    inverted: bool


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    forms = frozenset(read_lines("reporting_verb_forms.txt"))
    lemmas = frozenset(read_lines("reporting_verbs.txt"))
    excluded = frozenset(read_lines("reporting_verbs_excluded.txt"))
    return forms, lemmas, excluded


def is_reporting_verb(token: Token) -> bool:
    """Whether ``token`` is a reporting verb (by lemma, else by form) used as a verb."""
    forms, lemmas, excluded = _lexicon()
    lemma = token.lemma_.casefold()
    if lemma == "faire":  # "a fait savoir que", "fait valoir que": the cue is the pair
        return faire_pair(token)
    if lemma in _reflexives() and _reflexive(token):
        return True  # "s'est félicité", "s'inquiète": reporting only with the pronoun
    if lemma in excluded:
        return False
    glued = _GLUED.match(token.text)
    if glued and glued.group(1) in forms:
        return True  # a scraper dropped the space: "Trump ditPlus tard"
    if lemma not in lemmas and token.lower_ not in forms:
        return False
    # "une note", "la demande": the same letters as a noun are not a cue, unless inverted.
    return token.pos_ in ("VERB", "AUX") or _inverted_pronoun(token) is not None


@lru_cache(maxsize=1)
def _reflexives() -> frozenset[str]:
    """Lemmas listed as "se féliciter" / "s'inquiéter" in reporting_verbs.txt."""
    return frozenset(line.split("'", 1)[-1].split(" ", 1)[-1] for line in
                     read_lines("reporting_verbs.txt") if line.startswith(("se ", "s'")))


def _reflexive(token: Token) -> bool:
    doc = token.doc
    return any(t.lower_ in ("se", "s'", "s’") for t in doc[max(0, token.i - 3) : token.i])


def faire_pair(token: Token) -> bool:
    """``token`` is "faire" followed by a verb it makes a reporting cue of ("fait savoir")."""
    doc = token.doc
    return token.lemma_ == "faire" and token.i + 1 < len(doc) and (
        doc[token.i + 1].lemma_ in _WITH_FAIRE)


def _inverted_pronoun(verb: Token) -> Token | None:
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.i + 3, len(doc))):
        tok = doc[i]
        if tok.text == "-t":
            continue
        if tok.text.casefold() in _INVERTED_PRONOUNS and tok.text.startswith("-"):
            return tok
        return None
    return None


def auxiliaries_before(verb: Token) -> int:
    """Index of the first auxiliary (or adverb between them) of ``verb``: "a déjà déclaré"."""
    i = verb.i
    doc = verb.doc
    while i > 0 and (doc[i - 1].pos_ in ("AUX", "ADV")
                     or doc[i - 1].lower_ in ("-t", "ne", "n'", "s'", "s’", "se")
                     or doc[i - 1].lower_ in _INVERTED_PRONOUNS and doc[i - 1].text[0] == "-"):
        if doc[i - 1].pos_ == "ADV" and not any(
            d.pos_ == "AUX" for d in doc[max(0, i - 3) : i - 1]
        ):
            break
        i -= 1
    return i


def cue_text(doc: Doc, verb: Token) -> str:
    """The cue as written: auxiliaries, the verb and an inverted ``-t-il``."""
    start = auxiliaries_before(verb)
    end = verb.i + 1
    pron = _inverted_pronoun(verb)
    if pron is not None:
        end = pron.i + 1
    if faire_pair(verb):
        end = max(end, verb.i + 2)
    last = doc[end - 1]
    glued = _GLUED.match(last.text)
    stop = last.idx + (len(glued.group(1)) if glued else len(last.text))
    return text_of(doc)[doc[start].idx : stop]


def pronoun_of(doc: Doc, verb: Token) -> str | None:
    """The inverted subject pronoun of ``verb`` ("a-t-il dit", "explique-t-elle"), if any."""
    pron = _inverted_pronoun(verb)
    if pron is None:
        for i in range(auxiliaries_before(verb), verb.i):
            if doc[i].text.startswith("-") and doc[i].text.casefold() in _INVERTED_PRONOUNS:
                pron = doc[i]
    if pron is None:
        return None
    return _INVERTED_PRONOUNS[pron.text.casefold()]


def inverted_subject(doc: Doc, verb: Token, limit: int) -> tuple[int, int] | None:
    """Character span of the noun phrase after ``verb`` ("a déclaré le ministre Lavrov").

    A dative complement right after the verb ("déclare à l'AFP Jean Dupont") is skipped.
    """
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ in ("à", "au", "aux"):
        i = _skip_complement(doc, i, limit)
    i = _skip_circumstance(doc, i, limit)
    start = i
    while i < len(doc) and doc[i].idx < limit and _in_noun_phrase(doc, i, start):
        i += 1
    while i > start and doc[i - 1].lower_ in _NP_LINKS:
        i -= 1
    if i == start or not any(doc[j].pos_ in ("PROPN", "NOUN", "PRON") for j in range(start, i)):
        return _parsed_inverted(doc, verb, limit)
    return doc[start].idx, doc[i - 1].idx + len(doc[i - 1].text)


def _parsed_inverted(doc: Doc, verb: Token, limit: int) -> tuple[int, int] | None:
    """The parser's subject after the verb, past a circumstance ("a affirmé sous couvert
    d'anonymat un responsable")."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.i > verb.i and child.idx < limit:
            return _subtree_span(doc, [child], doc[len(doc) - 1])
    return None


def _skip_circumstance(doc: Doc, i: int, limit: int) -> int:
    """Past a circumstance before an inverted subject: "a déclaré mardi le ministre", "a
    affirmé sous couvert d'anonymat un responsable". Unchanged when no subject follows."""
    if i >= len(doc) or not (doc[i].pos_ in ("ADP", "ADV") or doc[i].lower_ in _NP_STOP):
        return i
    for j in range(i + 1, min(i + 8, len(doc))):
        tok = doc[j]
        if tok.idx >= limit or tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return i
        if tok.pos_ in ("DET", "PROPN") and doc[j - 1].pos_ != "ADP" and (
            doc[j - 1].lower_ not in _NP_STOP or doc[j - 1].pos_ == "NOUN"
        ):
            return j
    return i


def _skip_complement(doc: Doc, i: int, limit: int) -> int:
    j = i + 1
    while j < len(doc) and doc[j].idx < limit and j < i + 5:
        if doc[j].pos_ in ("PROPN", "NOUN"):
            nxt = j + 1
            if nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[j].pos_ == "NOUN":
                return nxt  # "aux journalistes Jean Dupont" is rare; keep the name
            return nxt if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "DET") else i
        j += 1
    return i


def _in_noun_phrase(doc: Doc, i: int, start: int) -> bool:
    tok = doc[i]
    if tok.is_space or "\n" in tok.text:
        return False
    if tok.text == ",":  # apposition: "le ministre russe, Sergueï Lavrov"
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return i > start and nxt is not None and nxt.pos_ == "PROPN"
    if tok.is_punct:
        return False
    if tok.lower_ in _NP_STOP and i > start:
        return False
    return tok.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM") or (
        tok.lower_ in _NP_LINKS and i > start
    )


def preposed_subject(doc: Doc, verb: Token, floor: int) -> tuple[int, int] | None:
    """Character span of the subject before ``verb`` (not before character ``floor``).

    The noun phrase right before the auxiliaries wins when it holds a name or a pronoun (the
    parser often misses a subject at a paragraph start); otherwise the parser's subjects.
    """
    near = _phrase_before(doc, auxiliaries_before(verb), floor)
    if near is not None and _starts_clause(doc, near[0], floor) and any(
        t.pos_ in ("PROPN", "PRON") for t in doc[near[0] : near[1]]
    ):
        return _chars(doc, near)
    subjects = [
        child for tok in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
        for child in tok.children
        if child.dep_ in _SUBJECT_DEPS and child.i < verb.i and child.idx >= floor
    ]
    if subjects:
        return _subtree_span(doc, subjects, verb)
    return _chars(doc, near) if near is not None else None


def _phrase_before(doc: Doc, i: int, floor: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending just before token ``i`` (clitics skipped)."""
    j = i
    while j > 0 and doc[j - 1].lower_ in _CLITICS:
        j -= 1
    if j > 0 and doc[j - 1].text == ",":
        j -= 1  # "le ministre, Sergueï Lavrov, a déclaré"
    end = j
    while j > 0 and doc[j - 1].idx >= floor and not doc[j - 1].is_space and (
        doc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM")
        or doc[j - 1].lower_ in ("de", "des", "du", "d'", "d’")
        or (j == end and doc[j - 1].pos_ == "PRON")
    ):
        j -= 1
    while j < end and (doc[j].pos_ not in ("PROPN", "NOUN", "PRON", "DET")
                       or doc[j].lower_ in _RELATIVES):
        j += 1  # "Et d'ajouter", "ce qu'a dit": a phrase starts with a determiner or a noun
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[j:end]):
        return None
    return (j, end)


def _starts_clause(doc: Doc, i: int, floor: int) -> bool:
    """The phrase at token ``i`` can be a subject: it is not the object of a preposition."""
    if i == 0 or doc[i - 1].idx < floor:
        return True
    prev = doc[i - 1]
    return prev.is_punct or prev.is_space or prev.pos_ in ("CCONJ", "SCONJ", "ADV")


def _chars(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    last = doc[tokens[1] - 1]
    return doc[tokens[0]].idx, last.idx + len(last.text)


def _subtree_span(doc: Doc, subjects: list[Token], head: Token) -> tuple[int, int]:
    tokens = sorted((t for s in subjects for t in s.subtree if t.i < head.i and not t.is_space),
                    key=lambda t: t.i)
    # A subject phrase ends before the comma that closes its apposition.
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    return frozenset(read_lines("quote_source_nouns.txt") + read_lines("quote_person_nouns.txt")
                     + tuple(row[0] for row in read_table("quote_org_nouns.txt")))


def can_be_source(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the phrase after "selon" names a source: a name, a pronoun ("selon lui"), or a
    noun of person, organisation or evidence ("selon des sources", "d'après un sondage");
    "selon les régions" or "selon le calendrier" do not."""
    for tok in span_of(doc, span[0], span[1]) or []:
        if tok.pos_ in ("PROPN", "PRON") or tok.text[:1].isupper():
            return True
        if tok.pos_ == "NOUN" and (tok.lower_ in _source_nouns() or tok.lemma_ in _source_nouns()):
            return True
    return False

