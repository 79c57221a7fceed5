"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from veille.errors import ModelMissingError


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The named installed pipeline; raises :class:`ModelMissingError` when it is absent."""
    try:
        return spacy.load(name)
    except OSError:
        raise ModelMissingError(name) from None
