"""What the NLP stage knows about a document besides its text (plain data, no spaCy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from veille.model import Block


@dataclass(frozen=True)
class DocContext:
    reference_date: date | None = None
    reference_basis: str = "none"
    title: str | None = None
    publisher: str | None = None
    language: str = "fr"
    # The cleaned text's layout (title, question, answer...): stages that read the page's
    # structure (interview turns) take it from here instead of guessing from line breaks.
    blocks: tuple[Block, ...] = ()

    @classmethod
    def from_iso(
        cls, reference: str | None, basis: str = "none", title: str | None = None,
        publisher: str | None = None, language: str = "fr",
    ) -> DocContext:
        ref = date.fromisoformat(reference) if reference else None
        return cls(ref, basis if ref else "none", title, publisher, language)
