"""What Veille's faster stand-ins for a model's pipes share: the stock pipe behind them.

``veille_lemmatizer`` and ``veille_attribute_ruler`` apply the rules of the model's own pipe,
which stays in the pipeline (disabled) and owns those rules: saving, loading and initializing
go to it, and the stand-in then rebuilds what it derived from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Self

from spacy.tokens import Doc


class StandIn:
    """A pipe that stands in for ``stock``; subclasses apply it in ``__call__`` and rebuild
    what they derive from its rules in :meth:`initialize_from_stock`."""

    stock: Any

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def initialize_from_stock(self) -> None:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        self.stock.initialize(*args, **kwargs)
        self.initialize_from_stock()

    def to_bytes(self, **kwargs: Any) -> bytes:
        data: bytes = self.stock.to_bytes(**kwargs)
        return data

    def from_bytes(self, data: bytes, **kwargs: Any) -> Self:
        self.stock.from_bytes(data, **kwargs)
        self.initialize_from_stock()
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.stock.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> Self:
        self.stock.from_disk(path, **kwargs)
        self.initialize_from_stock()
        return self
