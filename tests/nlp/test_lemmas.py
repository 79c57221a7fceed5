"""veille_lemmatizer gives exactly the lemmas of the model's own lemmatizer, at less cost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.attrs import MORPH, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from veille.nlp.lemmas import FastLemmatizer, cache_attrs
from veille.nlp.model import FAST_LEMMATIZER, LEMMATIZER, stock_pipeline

# Our own sentences: verbs in many tenses, feminine and plural forms, elisions, names, numbers,
# capitals at the start of a sentence, words the model's tables do not know.
TEXTS = (
    "Les négociateurs européens se sont quittés tard dans la nuit : ils reprendront leurs "
    "discussions jeudi, a indiqué la présidence tournante, qui espérait un accord plus tôt.",
    "« Nous n'avions jamais vu autant de demandes », reconnaissait hier la directrice de "
    "l'hôpital de Vierzon, où les urgences accueillent désormais 240 patients par jour.",
    "Élue en 2019, la maire sortante briguera un second mandat ; ses adversaires lui "
    "reprochent les travaux du tramway, qu'elle défendra lors des débats télévisés.",
    "Les pluies torrentielles avaient emporté les ponts ; les secours, arrivés par "
    "hélicoptère, ont évacué quarante habitants des hameaux isolés de la vallée.",
    "Fallait-il s'y attendre ? Les cheminots grévistes bloquaient encore les dépôts "
    "samedi, tandis que le gouvernement promettait d'ouvrir des négociations rapidement.",
    "Kwame Asante-Oduya, chercheur au laboratoire, a co-signé l'étude ; les autrices "
    "soulignent que les microplastiques s'accumulent plus vite qu'on ne le croyait.",
)


def lemma_pairs(nlp: Language, texts: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    """The lemmas of ``texts`` by the model as shipped, then by Veille's pipeline."""
    with stock_pipeline(nlp):
        stock = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    fast = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts, disable=["veille_entities",
            "veille_times", "veille_quotes", "veille_events"])]
    return stock, fast


def test_the_pipeline_runs_the_fast_lemmatizer_in_place_of_the_stock_one(nlp: Language) -> None:
    assert FAST_LEMMATIZER in nlp.pipe_names and LEMMATIZER in nlp.disabled
    names = nlp.component_names
    assert names.index(FAST_LEMMATIZER) == names.index(LEMMATIZER) + 1
    assert isinstance(nlp.get_pipe(LEMMATIZER), FrenchLemmatizer)
    with stock_pipeline(nlp):
        assert LEMMATIZER in nlp.pipe_names and FAST_LEMMATIZER not in nlp.pipe_names
        assert not [n for n in nlp.pipe_names if n.startswith("veille")]
    assert FAST_LEMMATIZER in nlp.pipe_names and LEMMATIZER in nlp.disabled


def test_same_lemmas_as_the_stock_lemmatizer_on_our_texts(nlp: Language) -> None:
    stock, fast = lemma_pairs(nlp, list(TEXTS))
    assert fast == stock
    # The comparison means something: the lemmas are not the words themselves.
    words = [[t.text for t in nlp.make_doc(text)] for text in TEXTS]
    assert sum(w != lem for ws, ls in zip(words, fast, strict=True)
               for w, lem in zip(ws, ls, strict=True)) > 40


def test_same_lemmas_as_the_stock_lemmatizer_on_the_dev_texts(nlp: Language,
                                                              shared_dir: Path) -> None:
    paths = sorted((shared_dir / "corpus" / "dev" / "wikinews").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/dev/wikinews holds no texts")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    stock, fast = lemma_pairs(nlp, texts)
    assert fast == stock


def test_a_lemma_already_set_is_kept_as_spacy_does(nlp: Language) -> None:
    pipe = nlp.get_pipe(FAST_LEMMATIZER)
    stock = nlp.get_pipe(LEMMATIZER)
    for lemmatize in (pipe, stock):
        with nlp.select_pipes(disable=[LEMMATIZER, FAST_LEMMATIZER, "veille_entities",
                                       "veille_times", "veille_quotes", "veille_events"]):
            doc = nlp("Les chats dormaient.")
        doc[1].lemma_ = "félin"
        lemmatize(doc)
        assert [t.lemma_ for t in doc] == ["le", "félin", "dormir", "."]


class CountingResolver:
    """The pipe's resolver, counting the tokens it is asked about."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0

    def lemmatize(self, token: Token) -> list[str]:
        self.calls += 1
        result: list[str] = self.inner.lemmatize(token)
        return result


def untagged(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=[LEMMATIZER, FAST_LEMMATIZER, "veille_entities",
                                   "veille_times", "veille_quotes", "veille_events"]):
        return nlp(text)


def stock_lemmatizer(nlp: Language) -> Lemmatizer:
    found = nlp.get_pipe(LEMMATIZER)
    assert isinstance(found, Lemmatizer)
    return found


def test_each_word_and_part_of_speech_is_resolved_once(nlp: Language) -> None:
    pipe = FastLemmatizer(stock_lemmatizer(nlp), (ORTH, POS))
    counter = CountingResolver(pipe.resolver)
    pipe.resolver = counter  # type: ignore[assignment]
    text = "Les élus votent ; les élus débattent ; les élus votent encore."
    doc = pipe(untagged(nlp, text))
    distinct = {(t.orth, t.pos) for t in doc}
    assert counter.calls == len(distinct) < len(doc)
    pipe(untagged(nlp, text))
    assert counter.calls == len(distinct)  # the second document asks nothing new


def test_lemmas_survive_the_memory_zone_that_first_saw_them(nlp: Language) -> None:
    # A string first added inside a zone is dropped when it closes; the next document with
    # the same word must still be able to read the lemma the pipe cached. Invented words, so
    # that their lemmas are in no table and in no string store before this test.
    text = "Les zorglufiens inventés grumelaient des frimoussettes."
    assert "zorglufien" not in nlp.vocab.strings
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp(text)]
    assert "zorglufien" in first
    with nlp.memory_zone():
        second = [t.lemma_ for t in nlp(text)]
    with stock_pipeline(nlp), nlp.memory_zone():
        stock = [t.lemma_ for t in nlp(text)]
    assert first == second == stock


def test_the_private_index_is_a_set_and_the_models_stays_as_shipped(nlp: Language) -> None:
    pipe = nlp.get_pipe(FAST_LEMMATIZER)
    assert isinstance(pipe, FastLemmatizer)
    mine = pipe.resolver.lookups.get_table("lemma_index")
    shipped = pipe.stock.lookups.get_table("lemma_index")
    assert all(isinstance(forms, frozenset) for forms in mine.values())
    assert all(isinstance(forms, list) for forms in shipped.values())
    assert {k: set(v) for k, v in shipped.items()} == {k: set(v) for k, v in mine.items()}


class HomemadeLemmatizer(FrenchLemmatizer):
    def rule_lemmatize(self, token: Token) -> list[str]:
        return [token.text.upper()]


def test_only_lemmatizers_whose_rules_are_known_are_replaced() -> None:
    english = spacy.blank("en")
    rule = english.add_pipe("lemmatizer", config={"mode": "rule"})
    lookup = spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"})
    assert isinstance(rule, Lemmatizer) and isinstance(lookup, Lemmatizer)
    assert cache_attrs(rule) == (ORTH, POS, MORPH)  # spaCy's own cache key
    assert cache_attrs(lookup) == (ORTH,)
    assert cache_attrs(HomemadeLemmatizer(english.vocab, None, mode="rule")) is None
