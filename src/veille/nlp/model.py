"""Building Veille's pipeline once per process: a spaCy model plus the four components."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer

from veille.errors import ModelMissingError
from veille.nlp.attributes import rule_tests
from veille.nlp.factories import COMPONENTS
from veille.nlp.lemmas import cache_attrs

LEMMATIZER = "lemmatizer"
FAST_LEMMATIZER = "veille_lemmatizer"
ATTRIBUTE_RULER = "attribute_ruler"
FAST_ATTRIBUTE_RULER = "veille_attribute_ruler"
# The model's pipes Veille runs a faster equivalent of (the same annotations), and that
# equivalent's factory: the stock pipe stays, disabled, for what compares with bare spaCy.
FASTER = {LEMMATIZER: FAST_LEMMATIZER, ATTRIBUTE_RULER: FAST_ATTRIBUTE_RULER}


@lru_cache(maxsize=4)
def load_pipeline(name: str, lang: str | None = None, kb_path: str | None = None) -> Language:
    """The installed spaCy pipeline ``name`` (or ``blank:<code>``) with Veille's components
    added, reading language pack ``lang`` (default: the model's language) and the KB with
    ``kb_path`` on top of the bundled and user entries. Raises :class:`ModelMissingError`."""
    try:
        nlp = spacy.blank(name.split(":", 1)[1]) if name.startswith("blank:") else spacy.load(name)
    except (OSError, ImportError):
        raise ModelMissingError(name) from None
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")  # a blank pipeline: the rules still need sentences
    _speed_up(nlp)
    for component in COMPONENTS:
        nlp.add_pipe(component, config={"lang": lang, "kb": {"@misc": "veille.kb.v1",
                                                              "extra": kb_path}})
    _settle()
    return nlp


def _settle() -> None:
    """What is alive now (the model, the language pack, the KB: more than half a million
    objects, loaded once a process and kept as long as it) moved out of the cyclic garbage
    collector's way. Its full collections otherwise walk them all every few hundred documents,
    for nothing: 1.7 ms a generated article. What is garbage already is collected first, so only
    live objects are frozen; they are still freed by reference counting."""
    gc.collect()
    gc.freeze()


def _speed_up(nlp: Language) -> None:
    """The model's lemmatizer and attribute ruler replaced by their faster equivalents (the same
    annotations) where their rules allow it; each stock pipe stays, disabled, just before its
    replacement, so :func:`stock_pipeline` can put it back."""
    for stock, fast in FASTER.items():
        if nlp.has_pipe(stock) and stock not in nlp.disabled and _replaceable(nlp.get_pipe(stock)):
            nlp.add_pipe(fast, after=stock, config={"stock": stock})
            nlp.disable_pipe(stock)


def _replaceable(pipe: object) -> bool:
    if isinstance(pipe, Lemmatizer):
        return cache_attrs(pipe) is not None
    return isinstance(pipe, AttributeRuler) and rule_tests(pipe) is not None


def _swapped(nlp: Language) -> list[tuple[str, str]]:
    """The (stock, faster) pairs where the faster pipe is the one running."""
    return [(stock, fast) for stock, fast in FASTER.items()
            if nlp.has_pipe(fast) and fast not in nlp.disabled]


def spacy_pipes(nlp: Language) -> list[str]:
    """The model's own pipes as it ships them (what bare spaCy runs): Veille's components and
    its faster equivalents left out, the stock pipes they replace in."""
    replaced = {stock for stock, fast in FASTER.items() if fast in nlp.component_names}
    return [name for name in nlp.component_names
            if name not in (*COMPONENTS, *FASTER.values())
            and (name not in nlp.disabled or name in replaced)]


@contextmanager
def stock_pipeline(nlp: Language) -> Iterator[Language]:
    """``nlp`` as bare spaCy, for comparisons: the model's pipes only, with its own lemmatizer
    and attribute ruler back in place of Veille's faster ones."""
    swapped = _swapped(nlp)
    for stock, fast in swapped:
        nlp.disable_pipe(fast)
        nlp.enable_pipe(stock)
    try:
        with nlp.select_pipes(enable=spacy_pipes(nlp)):
            yield nlp
    finally:
        for stock, fast in swapped:
            nlp.disable_pipe(stock)
            nlp.enable_pipe(fast)
