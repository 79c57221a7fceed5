"""A Doc's text, computed once: spaCy's ``Doc.text`` joins every token on each call."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT = "veille.text"


def remember_text(doc: Doc, text: str) -> None:
    """Record the text ``doc`` was made from (the pipeline knows it already)."""
    doc.user_data[_TEXT] = text


def text_of(doc: Doc) -> str:
    """``doc.text``, computed at most once per document."""
    text = doc.user_data.get(_TEXT)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT] = text
    return text
