"""The tokens the indirect-speech walk looks at (nlp/quotes/indirect_candidates.py): a
prefilter that must keep every token a rule would start a statement at, and skip the rest."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.quotes import indirect
from veille.nlp.quotes.cues import reporting_at
from veille.nlp.quotes.indirect_candidates import (
    PHRASE_END,
    VERB,
    candidate_kinds,
    verb_candidates,
)
from veille.nlp.quotes.indirect_sources import from_relative, from_source, from_speech_noun
from veille.nlp.quotes.source_cues import source_phrase_at

# Each construction the walk starts at: a verb with "que", a source first and last, a source
# phrase, a relative source, a stance verb, an estimate, a glued verb, an opinion opener, a
# speech noun's relative, a medial incise.
_TEXTS = (
    "Le ministre a déclaré aux journalistes que la réforme serait votée en mars.",
    "Selon la préfète Anne Roy, la route restera fermée, d'après un communiqué.",
    "De l'avis de plusieurs élus, le budget ne tiendra pas.",
    "Le maire Paul Vidal, pour qui la ville a trouvé un cap, a quitté la salle.",
    "Les habitants craignent que l'usine ferme avant l'été.",
    "La police estime à 40 000 le nombre de manifestants.",
    "Trump ditPlus tard que tout irait bien.",
    "Pour l'économiste Anne Vidal, la croissance ralentira.",
    "La préfecture a publié un communiqué selon lequel la route restera fermée.",
    "Par ailleurs, poursuit Anne Vidal, la croissance ralentira.",
)


def _starts(doc: Doc) -> set[int]:
    """Token indices where one of the rules of the walk finds a statement."""
    sentence = (0, len(doc.text))
    return {tok.i for tok in doc
            if from_source(doc, tok, sentence) is not None
            or from_relative(doc, tok, sentence) is not None
            or from_speech_noun(doc, tok, sentence) is not None
            or indirect._from_verb(doc, tok, sentence) is not None}


@pytest.mark.parametrize("text", _TEXTS)
def test_every_token_a_rule_starts_at_is_a_candidate(nlp: Language, text: str) -> None:
    doc = nlp(text)
    starts = _starts(doc)
    assert starts, "the construction was not found at all"
    assert starts <= set(candidate_kinds(doc)[0])


def test_plain_words_are_skipped(nlp: Language) -> None:
    doc = nlp("Le conseil municipal a voté le budget de la ville mardi soir.")
    # "de" may end a source phrase ("de l'avis de"); no other word here can start one.
    assert [doc[i].text for i in candidate_kinds(doc)[0]] == ["de"]


def test_the_glued_verb_is_a_candidate(nlp: Language) -> None:
    doc = nlp("Trump ditPlus tard que tout irait bien.")
    assert "ditPlus" in [doc[i].text for i in candidate_kinds(doc)[0]]


@pytest.mark.parametrize("text", _TEXTS)
def test_each_rule_is_asked_of_the_kinds_it_may_start_at(nlp: Language, text: str) -> None:
    """The walk asks the source rules only of a candidate with a source kind, the verb rule
    only of one with the verb kind, and a phrase's last word only where the phrase stands."""
    doc = nlp(text)
    sentence = (0, len(doc.text))
    kinds = dict(zip(*candidate_kinds(doc), strict=True))
    for tok in doc:
        sourced = (from_source(doc, tok, sentence) or from_relative(doc, tok, sentence)
                   or from_speech_noun(doc, tok, sentence))
        if sourced is not None:
            assert kinds[tok.i] != VERB, tok.text
            if kinds[tok.i] == PHRASE_END:
                assert source_phrase_at(doc, tok.i) is not None, tok.text
        if indirect._from_verb(doc, tok, sentence) is not None:
            assert kinds[tok.i] & VERB, tok.text


def test_a_verb_is_no_source_and_a_phrase_end_is_neither(nlp: Language) -> None:
    doc = nlp("De l'avis de plusieurs élus, le ministre a déclaré que le budget de la ville "
              "tiendra.")
    kinds = {doc[i].text.lower() + str(doc[i].idx): kind
             for i, kind in zip(*candidate_kinds(doc), strict=True)}
    assert kinds["déclaré" + str(doc.text.index("déclaré"))] == VERB
    last_de = doc.text.index("de la ville")
    assert kinds["de" + str(last_de)] == PHRASE_END
    assert source_phrase_at(doc, next(t.i for t in doc if t.idx == last_de)) is None
    found = source_phrase_at(doc, next(t.i for t in doc if t.idx == doc.text.index("de plus")))
    assert found is not None and found.first == 0


@pytest.mark.parametrize("text", (*_TEXTS,
                                  "Elle s'est félicitée du vote, a-t-on appris de source sûre.",
                                  "Le ministre a fait savoir que le texte serait retiré."))
def test_every_reporting_verb_is_a_verb_candidate(nlp: Language, text: str) -> None:
    """The walks that look for a reporting verb (``_reported_inside``) ask only the verb
    candidates: each token the reporting test accepts must be one, and the plain words not."""
    doc = nlp(text)
    reporting = {tok.i for tok in doc if reporting_at(doc, tok.i)}
    verbs = verb_candidates(doc)
    assert reporting <= set(verbs)
    assert verbs == sorted(verbs)
    assert not {tok.i for tok in doc if tok.pos_ == "DET"} & set(verbs)


def test_a_source_phrase_is_found_whatever_its_case_and_spacing(nlp: Language) -> None:
    """The phrase test compares the folded words: a capital, a curly apostrophe and a space
    run inside the phrase change nothing; the same "de" after other words ends none."""
    doc = nlp("Au conseil, De l’avis\u00a0de la ministre Anne Roy, le budget de la ville tiendra.")
    de = [t.i for t in doc if t.lower_ == "de"]
    found = source_phrase_at(doc, de[1])
    assert found is not None and found.cue == "de l’avis de"
    assert doc[found.first].text == "De"
    assert source_phrase_at(doc, de[-1]) is None  # "le budget de la ville"
