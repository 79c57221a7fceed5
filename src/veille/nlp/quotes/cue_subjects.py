"""Who a reporting cue's subject is, from word order: a preposed subject is the verb's ``nsubj``
(or the noun phrase just before its auxiliaries); an inverted subject ("a déclaré Lavrov",
"déclare à l'AFP Jean Dupont") is the noun phrase after the verb. The words that bound a
phrase are the pack's (``quotes/cues_*``, read by :func:`~veille.nlp.quotes.cues.cue_words`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.nlp.quotes.cues import CueWords, VerbGroup, auxiliaries_before, cue_words
from veille.nlp.quotes.doc import Columns, columns


def inverted_subject(doc: Doc, verb: Token, limit: int) -> tuple[int, int] | None:
    """Character span of the noun phrase after ``verb`` ("a déclaré le ministre Lavrov").

    A dative complement right after the verb ("déclare à l'AFP Jean Dupont") is skipped.
    """
    i = verb.i + 1
    cues, found = cue_words(), columns(doc)
    lower, pos, starts = found.lower, found.pos, found.starts
    if i < len(doc) and lower[i] in cues.dative:
        i = _skip_complement(doc, i, limit)
    i = _skip_circumstance(doc, i, limit)
    start = i
    while i < len(doc) and starts[i] < limit and _in_noun_phrase(found, cues, i, start):
        i += 1
    while i > start and lower[i - 1] in cues.np_links:
        i -= 1
    if i == start or not any(pos[j] in ("PROPN", "NOUN", "PRON") for j in range(start, i)):
        return _parsed_inverted(doc, verb, limit)
    return starts[start], found.ends[i - 1]


def _parsed_inverted(doc: Doc, verb: Token, limit: int) -> tuple[int, int] | None:
    """The parser's subject after the verb, past a circumstance ("a affirmé sous couvert
    d'anonymat un responsable")."""
    subject = cue_words().labels("subject")
    for child in verb.children:
        if child.dep_ in subject and child.i > verb.i and child.idx < limit:
            return _subtree_span(doc, [child], doc[len(doc) - 1])
    return None


def _skip_circumstance(doc: Doc, i: int, limit: int) -> int:
    """Past a circumstance before an inverted subject: "a déclaré mardi le ministre", "a
    affirmé sous couvert d'anonymat un responsable". Unchanged when no subject follows."""
    stop = cue_words().np_stop
    found = columns(doc)
    pos, lower = found.pos, found.lower
    if i >= len(doc) or not (pos[i] in ("ADP", "ADV") or lower[i] in stop):
        return i
    starts, punct = found.starts, found.punct
    for j in range(i + 1, min(i + 8, len(doc))):
        if starts[j] >= limit or punct[j] or pos[j] in ("VERB", "AUX"):
            return i
        if pos[j] in ("DET", "PROPN") and pos[j - 1] != "ADP" and (
            lower[j - 1] not in stop or pos[j - 1] == "NOUN"
        ):
            return j
    return i


def _skip_complement(doc: Doc, i: int, limit: int) -> int:
    j = i + 1
    found = columns(doc)
    pos, starts = found.pos, found.starts
    while j < len(doc) and starts[j] < limit and j < i + 5:
        if pos[j] in ("PROPN", "NOUN"):
            nxt = j + 1
            if nxt < len(doc) and pos[nxt] == "PROPN" and pos[j] == "NOUN":
                return nxt  # "aux journalistes Jean Dupont" is rare; keep the name
            return nxt if nxt < len(doc) and pos[nxt] in ("PROPN", "DET") else i
        j += 1
    return i


def _in_noun_phrase(found: Columns, cues: CueWords, i: int, start: int) -> bool:
    text, pos = found.orth[i], found.pos
    if found.space[i] or "\n" in text:
        return False
    if text == ",":  # apposition: "le ministre russe, Sergueï Lavrov"
        return i > start and i + 1 < len(pos) and pos[i + 1] == "PROPN"
    if found.punct[i]:
        return False
    lower = found.lower[i]
    if lower in cues.np_stop and i > start:
        return False
    return pos[i] in ("DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM") or (
        lower in cues.np_links and i > start
    )


def preposed_subject(doc: Doc, verb: Token, floor: int, group: VerbGroup | None = None
                     ) -> tuple[int, int] | None:
    """Character span of the subject before ``verb`` (not before character ``floor``).

    The noun phrase right before the auxiliaries wins when it holds a name or a pronoun (the
    parser often misses a subject at a paragraph start); otherwise the parser's subjects.
    ``group``: the verb's, when the caller has it.
    """
    first = group.first if group is not None else auxiliaries_before(verb)
    near = _phrase_before(doc, first, floor)
    cues, found = cue_words(), columns(doc)
    pos = found.pos
    if near is not None and _starts_clause(found, near[0], floor) and any(
        pos[k] in ("PROPN", "PRON") for k in range(*near)
    ):
        return _chars(found, near)
    dep, kids, starts = found.dep, found.children_of, found.starts
    subject, auxiliary = cues.labels("subject"), cues.labels("auxiliary")
    subjects = [
        doc[child] for k in [verb.i, *(c for c in kids(verb.i) if dep[c] in auxiliary)]
        for child in kids(k)
        if dep[child] in subject and child < verb.i and starts[child] >= floor
    ]
    if subjects:
        return _subtree_span(doc, subjects, verb)
    return _chars(found, near) if near is not None else None


def _phrase_before(doc: Doc, i: int, floor: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending just before token ``i`` (clitics skipped)."""
    j = i
    cues, found = cue_words(), columns(doc)
    lower, pos, starts, space = found.lower, found.pos, found.starts, found.space
    while j > 0 and lower[j - 1] in cues.clitics:
        j -= 1
    if j > 0 and found.orth[j - 1] == ",":
        j -= 1  # "le ministre, Sergueï Lavrov, a déclaré"
    end = j
    while j > 0 and starts[j - 1] >= floor and not space[j - 1] and (
        pos[j - 1] in ("PROPN", "NOUN", "ADJ", "DET", "NUM")
        or lower[j - 1] in cues.np_of
        or (j == end and pos[j - 1] == "PRON")
    ):
        j -= 1
    while j < end and (pos[j] not in ("PROPN", "NOUN", "PRON", "DET")
                       or lower[j] in cues.relatives):
        j += 1  # "Et d'ajouter", "ce qu'a dit": a phrase starts with a determiner or a noun
    if not any(pos[k] in ("PROPN", "NOUN", "PRON") for k in range(j, end)):
        return None
    return (j, end)


def _starts_clause(found: Columns, i: int, floor: int) -> bool:
    """The phrase at token ``i`` can be a subject: it is not the object of a preposition."""
    if i == 0 or found.starts[i - 1] < floor:
        return True
    return bool(found.punct[i - 1] or found.space[i - 1]) or found.pos[i - 1] in (
        "CCONJ", "SCONJ", "ADV")


def _chars(found: Columns, tokens: tuple[int, int]) -> tuple[int, int]:
    return found.starts[tokens[0]], found.ends[tokens[1] - 1]


def _subtree_span(doc: Doc, subjects: list[Token], head: Token) -> tuple[int, int]:
    tokens = sorted((t for s in subjects for t in s.subtree if t.i < head.i and not t.is_space),
                    key=lambda t: t.i)
    # A subject phrase ends before the comma that closes its apposition.
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)
