"""Building Veille's pipeline once per process: a spaCy model plus the four components."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from veille.errors import ModelMissingError
from veille.nlp.factories import COMPONENTS
from veille.nlp.lemmas import cache_attrs

LEMMATIZER = "lemmatizer"
FAST_LEMMATIZER = "veille_lemmatizer"


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
    _speed_up_lemmatizer(nlp)
    for component in COMPONENTS:
        nlp.add_pipe(component, config={"lang": lang, "kb": {"@misc": "veille.kb.v1",
                                                              "extra": kb_path}})
    return nlp


def _speed_up_lemmatizer(nlp: Language) -> None:
    """The model's lemmatizer replaced by its faster equivalent (the same lemmas); the stock
    pipe stays, disabled, just before it, so :func:`stock_pipeline` can put it back."""
    if not nlp.has_pipe(LEMMATIZER) or LEMMATIZER in nlp.disabled:
        return
    stock = nlp.get_pipe(LEMMATIZER)
    if isinstance(stock, Lemmatizer) and cache_attrs(stock) is not None:
        nlp.add_pipe(FAST_LEMMATIZER, after=LEMMATIZER, config={"stock": LEMMATIZER})
        nlp.disable_pipe(LEMMATIZER)


def spacy_pipes(nlp: Language) -> list[str]:
    """The model's own pipes as it ships them (what bare spaCy runs): Veille's components and
    its faster lemmatizer left out, the stock lemmatizer in."""
    replaced = {LEMMATIZER} if FAST_LEMMATIZER in nlp.component_names else set()
    return [name for name in nlp.component_names if name not in (*COMPONENTS, FAST_LEMMATIZER)
            and (name not in nlp.disabled or name in replaced)]


@contextmanager
def stock_pipeline(nlp: Language) -> Iterator[Language]:
    """``nlp`` as bare spaCy, for comparisons: the model's pipes only, with its own lemmatizer
    back in place of Veille's faster one."""
    swap = nlp.has_pipe(FAST_LEMMATIZER) and FAST_LEMMATIZER not in nlp.disabled
    if swap:
        nlp.disable_pipe(FAST_LEMMATIZER)
        nlp.enable_pipe(LEMMATIZER)
    try:
        with nlp.select_pipes(enable=spacy_pipes(nlp)):
            yield nlp
    finally:
        if swap:
            nlp.disable_pipe(LEMMATIZER)
            nlp.enable_pipe(FAST_LEMMATIZER)
