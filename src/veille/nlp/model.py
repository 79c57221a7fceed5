"""Building Veille's pipeline once per process: a spaCy model plus the four components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from veille.errors import ModelMissingError
from veille.nlp.factories import COMPONENTS


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
    for component in COMPONENTS:
        nlp.add_pipe(component, config={"lang": lang, "kb": {"@misc": "veille.kb.v1",
                                                              "extra": kb_path}})
    return nlp


def spacy_pipes(nlp: Language) -> list[str]:
    """The model's own pipes (what bare spaCy runs), Veille's left out."""
    return [name for name in nlp.pipe_names if name not in COMPONENTS]
