"""What the clause around an event trigger says about it, from plain text. No spaCy here.

French marks in the clause whether a trigger reports an event at all: "appeler à" and
"appeler X à faire" call *for* something (not a phone call); "n'est pas prévue", "exclu" deny
it; a question does not assert it; "quelques appels" counts calls nobody can date. The clause
also tells who is not a party: the source of an attribution ("a indiqué l'Élysée", "selon le
Quai d'Orsay") and whatever sits in the topic of talks ("porteront sur ... imposés par Pékin").
The cue words are data in the pack's ``events/frames.tsv`` and ``events/patterns.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.lang.pack import LanguagePack
from veille.nlp.events.data import kind_tests_reader, kinds_reader, pattern_reader, per_pack
from veille.nlp.events.starts import widest_match
from veille.nlp.scope import current_pack

# Where a clause ends for these rules: a comma is no boundary (appositions are everywhere).
_CLAUSE_END = re.compile(r"[.;:!?«»“”\n]")
_QUOTE_CLOSE = re.compile(r"[»”\"]")
# the marks before an inverted subject (", a indiqué X", "», a déclaré X")
_INVERSION_MARK = re.compile("[,»”]")
# how far before an actor (or a trigger) the mark of an inverted subject (", a indiqué X") is
# looked for: the pattern "inverted" allows a gap of 80 characters after the verb
_ATTRIBUTION_REACH = 100
_FLAGS = {"first_person": re.IGNORECASE, "inverted": re.IGNORECASE, "according": re.IGNORECASE,
          "said": re.IGNORECASE, "role_first": re.IGNORECASE, "that": re.IGNORECASE}


_re = pattern_reader(_FLAGS)


_frames = kinds_reader("events/frames.tsv")
# The frames for the rules that ask only whether or where a frame matches, not what it
# matched (:func:`~veille.nlp.events.data.kind_tests`: the same places, faster).
_tests = kind_tests_reader("events/frames.tsv")


def reporting_forms(pack: LanguagePack) -> frozenset[str]:
    """Every inflected form of a reporting verb (the quote cues' list)."""
    return pack.words("reporting_verb_forms.txt")


def _reporting_forms() -> frozenset[str]:
    # derived, not ``pack.words``: asked for each actor of a clause, and ``words`` makes a
    # closure per call
    return current_pack().derive(reporting_forms)


def _clause_after(text: str, end: int, limit: int) -> str:
    after = text[end:end + limit]
    stop = _CLAUSE_END.search(after)
    return after[:stop.start()] if stop else after


def _clause_before(text: str, start: int, limit: int) -> str:
    """The clause before ``start``, at most ``limit`` (up to :data:`_CLAUSE_REACH`)
    characters of it: the last ``limit`` characters of the widest one, which holds no clause
    end."""
    before = _clause_tail(text, start)
    return before[len(before) - limit:] if len(before) > limit else before


# a trigger's clause before it is read by four rules (a vague count, a denial, an
# announcement, a telephone): read once for the widest of them
_CLAUSE_REACH = 80


@lru_cache(maxsize=256)
def _clause_tail(text: str, start: int) -> str:
    before = text[max(0, start - _CLAUSE_REACH):start]
    stops = list(_CLAUSE_END.finditer(before))
    return before[stops[-1].end():] if stops else before


def calls_for(text: str, start: int, end: int) -> bool:
    """Whether an "appel"/"appeler" trigger means calling *for* something: "a appelé à un
    cessez-le-feu", "appelle Kiev à négocier", "l'appel de l'ONU au calme"."""
    # the plain alternation: on a trigger's few characters the first-character tests cost more
    if _frames()["calls_for_trigger"].search(text[start:end]) is None:
        return False
    clause = _clause_after(text, end, 90)
    cut = _tests()["clause_break"].search(clause)
    return _tests()["calls_for"].search(clause[:cut.start()] if cut else clause) is not None


def by_phone(text: str, start: int, end: int) -> bool:
    """Whether the clause of a trigger says it took place by telephone or video link
    ("s'est entretenu lundi par téléphone avec", "ont eu par visioconférence un échange")."""
    near = _clause_before(text, start, 40) + " " + _clause_after(text, end, 60)
    return _tests()["phone"].search(near) is not None


def denied(text: str, start: int, end: int) -> bool:
    """Whether the clause says the event does not exist: "une rencontre n'est pas prévue",
    "n'a pas rencontré", "exclut tout sommet", "aucune réunion"; or only wishes it: "s'est
    dit prêt à rencontrer", "souhaite une rencontre"."""
    before = _clause_before(text, start, 80)
    tests = _tests()
    return tests["denied_before"].search(before) is not None or \
        tests["unreal_before"].search(before) is not None or \
        tests["denied_after"].search(_clause_after(text, end, 90)) is not None


def announced(text: str, start: int) -> bool:
    """Whether the trigger is what an announcement announces ("son annonce jeudi d'une
    rencontre", "a annoncé la tenue d'un sommet"): an event still to come."""
    return _tests()["announced"].search(_clause_before(text, start, 80)) is not None


def announcement_predicate(text: str, end: int, sentence_end: int) -> int:
    """Where the verb of an announcement's clause starts after the announced trigger ("son
    annonce d'un sommet avec X a surpris Y"): who comes after it hears of the announcement and
    takes no part. ``sentence_end`` if none."""
    found = _tests()["predicate"].search(text, end, sentence_end)
    return found.start() if found else sentence_end


def new_subject(text: str, sentence: tuple[int, int], start: int, end: int
                ) -> tuple[int, int]:
    """The clause with a subject pronoun of its own after a trigger ("je me suis entretenu
    avec nos partenaires, je leur ai présenté ..."), as a span of ``text`` up to the quote
    mark that closes it (the attribution after it still names the speaker): names in it are
    no parties. An empty span if none, or if the trigger is in a fronted adjunct ("Pendant le
    sommet, il a salué X": the main clause names the parties)."""
    sentence_start, sentence_end = sentence
    found = _frames()["new_subject"].search(text, end, sentence_end)
    if found is None or _tests()["fronted"].match(text[sentence_start:start]):
        return 0, 0
    close = _QUOTE_CLOSE.search(text, found.end(), sentence_end)
    return found.start(), close.start() if close else sentence_end


def generic(text: str, start: int) -> bool:
    """Whether a vague quantity counts the events ("quelques appels", "plusieurs
    réunions"): no particular event to date or to match."""
    return _tests()["generic"].search(_clause_before(text, start, 30)) is not None


def is_question(sentence: str) -> bool:
    """A question asks whether an event is; it does not report it ("allez-vous le
    rencontrer ?")."""
    return sentence.rstrip().rstrip("»”\"").rstrip().endswith("?")


def is_aside(sentence: str) -> bool:
    """A link to another article ("À lire aussi : ...") tells nothing of this one."""
    return _tests()["aside"].search(sentence) is not None


def attribution_source(text: str, sentence_start: int, actor_start: int, trigger_start: int
                       ) -> bool:
    """Whether an actor is the source of the statement about the event rather than a party
    to it: after "selon"/"d'après", or the inverted subject of a reporting verb after the
    event (", a indiqué l'Élysée", "», a déclaré la présidente de la Commission, Ursula von
    der Leyen"). An event told after the attribution is where the source spoke: "a déclaré
    Paulo Rangel lors d'une conférence de presse"."""
    found = _re()
    before = text[_attribution_head(sentence_start, actor_start):actor_start]
    according = found["according"].search(before)
    if according is not None and _apposed(according["gap"], text[actor_start:actor_start + 1]):
        return True
    if trigger_start >= actor_start:
        return False
    marks = _inversion_marks(before)
    if not marks:  # most actors: no comma or quote mark to open an inverted subject
        return False
    forms, that, adjunct, inverted = (_reporting_forms(), found["that"], _tests()["adjunct"],
                                      found["inverted"])
    return any(
        m is not None and m["verb"].lower() in forms and not that.search(m["gap"])
        and not adjunct.search(m["gap"])
        for m in (inverted.match(before, i) for i in marks))


def _attribution_head(sentence_start: int, actor_start: int) -> int:
    """Where the text an actor's attribution is read in starts: the sentence's last
    characters before the actor, enough for the widest "selon X" (with the character before
    it, for its word boundary, and a line break after it, which ``$`` may stand before) and
    for an inverted subject; the sentence's start if "selon X" may be any length. A long
    sentence's actors each cost the same, not its head's length."""
    widest = _according_widest()
    if widest is None:
        return sentence_start
    return max(sentence_start, actor_start - max(widest + 2, _ATTRIBUTION_REACH))


def _read_according_widest(pack: LanguagePack) -> int | None:
    according = _re()["according"]
    return widest_match(according.pattern, according.flags)


# read once per pack: asked for each actor of a clause
_according_widest = per_pack(_read_according_widest)


def _inversion_marks(before: str) -> list[int]:
    """Where an inverted subject's clause may open in the last characters of ``before``
    (the marks the pattern "inverted" starts with), in order: found by one regex, not by
    reading each character in Python."""
    return [m.start() for m in _INVERSION_MARK.finditer(
        before, max(0, len(before) - _ATTRIBUTION_REACH))]


def _apposed(gap: str, name: str) -> bool:
    """Whether a name after "selon" is its source: right after it ("selon le Quai d'Orsay"),
    or set after the source's role ("selon le porte-parole, Dmitri Peskov"); not the subject
    after a named source ("selon Dmitri Peskov, Vladimir Poutine est prêt") or after any
    source ("selon la présidence, les deux dirigeants ont...")."""
    if "," not in gap:
        return True
    role, _, rest = gap.rstrip().rpartition(",")
    return not rest and "," not in role and _re()["role_first"].match(role) is not None \
        and name[:1].isupper()


def speaks_in_first_person(text: str, start: int, end: int) -> bool:
    """Whether the trigger is worded in the first person ("notre rencontre", "nous avons
    eu des discussions"): then the speaker of the attribution took part."""
    return _re()["first_person"].search(text[max(0, start - 40):end + 20]) is not None


def topic_start(text: str, end: int, sentence_end: int) -> int:
    """Where the topic of the event begins after its trigger ("porteront sur", "consacrée
    à"): names after it are what is discussed, not who takes part. ``sentence_end`` if none."""
    # where, not what (this reads the rest of the sentence at every trigger)
    found = [m.start() for kind in ("topic", "topic_verb")
             for m in [_tests()[kind].search(text, end, sentence_end)] if m]
    return min(found, default=sentence_end)


def topic_about(text: str, end: int, sentence_end: int) -> tuple[int, int] | None:
    """The "sur" phrase a few words after a trigger that ends at ``end`` ("des conversations
    sur l'invasion de l'Ukraine"), as a span of ``text``: names in it are the topic. It ends
    where a relative, "entre" or a comma starts a part that may name the parties again."""
    found = _frames()["topic_about"].match(text, end, sentence_end)
    if found is None:
        return None
    stop = _tests()["topic_about_end"].search(text, found.end(), sentence_end)
    return found.end(), stop.start() if stop else sentence_end


def evoked_from(text: str, sentence_start: int, start: int) -> int:
    """Where the verb that evokes an event ends, when the trigger is its object ("les deux
    ministres ont évoqué la préparation du sommet"): names before it are not parties.
    ``sentence_start`` if none."""
    found = list(_frames()["topic_verb"].finditer(text, sentence_start, start))
    return found[-1].end() if found else sentence_start


def dates_the_saying(text: str, time_start: int) -> bool:
    """Whether a time follows a reporting verb and so dates the statement, not the event it
    reports ("a annulé la visite prévue jeudi, a annoncé lundi son porte-parole")."""
    said = _re()["said"].search(text[max(0, time_start - 40):time_start])
    return said is not None and _tests()["saying"].search(said["verb"] or said["inverted"]) \
        is not None


def said_before(text: str, sentence_start: int, trigger_start: int) -> int:
    """Where the attribution that introduces an event ends what was said: in "La Russie a
    besoin de migrants, a déclaré X dans une interview", the names before ", a déclaré" are
    the statement, not parties to the interview. ``sentence_start`` if no such attribution."""
    # the attribution ends within reach of the trigger (a long sentence's head is not read)
    head = max(sentence_start, trigger_start - _ATTRIBUTION_REACH)
    before = text[head:trigger_start]
    found = _re()
    forms, that, inverted = _reporting_forms(), found["that"], found["inverted"]
    for i in reversed(_inversion_marks(before)):
        m = inverted.match(before, i)
        if m is not None and m["verb"].lower() in forms and not that.search(m["gap"]):
            return head + i
    return sentence_start
