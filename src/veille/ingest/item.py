"""The fields of one input item, validated once at the edge by one pydantic model.

A JSON or JSON Lines object, the API's ingest body and a feed entry all carry the same
metadata (id, title, url, published, publisher, language). :class:`ItemFields` validates them
for every source, so a bad value (``"published": 12345``, ``"2026-13-45"``, a ``title`` object)
fails that one document with a line naming the input and the field, before anything downstream
(``nlp/``, the store) can choke on it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from veille.errors import InputError
from veille.model import RawDocument

MAX_TEXT = 5_000_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?")
_LANGUAGE = re.compile(r"[A-Za-z]{2}([-_][A-Za-z0-9]{1,8})*")
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


def iso_day(value: str) -> str:
    """``"2026-03-12"`` (or an ISO date-time on that day) as ``"2026-03-12"``; else ValueError.

    Only a day is accepted: the date becomes the reference date that relative times
    ("mardi", "hier") are resolved against, and a month or a year cannot anchor those.
    """
    text = value.strip()
    try:
        if _DAY.fullmatch(text):
            return date.fromisoformat(text).isoformat()  # ValueError for 2026-13-45
        if _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass  # date.fromisoformat's "month must be in 1..12" names neither field nor form
    raise ValueError("not a date: expected YYYY-MM-DD or an ISO date-time")


def _http_url(value: str) -> str:
    if not _URL.fullmatch(value.strip()):
        raise ValueError("not an http:// or https:// URL")
    return value.strip()


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value.strip()):
        raise ValueError("not a language code such as 'fr' or 'fr-FR'")
    return value.strip()[:2].lower()


def _id_text(value: Any) -> Any:
    # An integer id is an id ("id": 12); a bool, a float or an object is not.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Published = Annotated[str, Field(max_length=40), AfterValidator(iso_day)]
HttpUrlText = Annotated[str, Field(max_length=2000), AfterValidator(_http_url)]
Language = Annotated[str, Field(max_length=35), AfterValidator(_language)]
DocIdText = Annotated[str, BeforeValidator(_id_text), Field(min_length=1, max_length=300)]
Title = Annotated[str, Field(max_length=2000)]
Publisher = Annotated[str, Field(max_length=300)]
Body = Annotated[str, Field(max_length=MAX_TEXT)]


class ItemFields(BaseModel):
    """The metadata every source may give with a document; every field is optional."""

    model_config = ConfigDict(extra="ignore")

    id: DocIdText | None = Field(None, description="A doc id of your choice.")
    title: Title | None = None
    url: HttpUrlText | None = Field(None, description="The article's address (http or https).")
    published: Published | None = Field(
        None, description="Publication day: YYYY-MM-DD or an ISO date-time.")
    publisher: Publisher | None = None
    language: Language | None = Field(None, description="'fr', 'fr-FR' ...")


class InputItem(ItemFields):
    """A JSON or JSON Lines object: ``text`` (plain) or ``html`` (a page), and metadata."""

    text: Body | None = None
    html: Body | None = None

    @model_validator(mode="after")
    def _has_body(self) -> InputItem:
        if not (self.text or self.html or "").strip():
            raise ValueError("no non-empty 'text' or 'html'")
        return self

    @property
    def body(self) -> str:
        """``text`` when given (it wins over ``html``, as it always has), else ``html``."""
        return self.text if self.text is not None else self.html or ""


def describe(error: ValidationError) -> str:
    """One line for a validation error: each bad field with what is wrong and what was given."""
    parts = []
    for problem in error.errors(include_url=False):
        field = ".".join(str(p) for p in problem["loc"])
        message = str(problem["msg"]).removeprefix("Value error, ")
        given = problem.get("input")
        parts.append(f"field {field!r}: {message} (got {_short(given)})" if field else message)
    return "; ".join(parts)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


Fields = TypeVar("Fields", bound=ItemFields)


def validated(model: type[Fields], data: Any, origin: str) -> Fields:
    """``data`` as ``model``, or :class:`InputError` naming ``origin`` and the bad fields."""
    if not isinstance(data, dict):
        raise InputError(origin, "JSON value is not an object with 'text' or 'html'")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise InputError(origin, describe(err)) from None


def raw_document(fields: ItemFields, text: str, origin: str, is_html: bool,
                 path: str | None = None) -> RawDocument:
    """A raw document carrying ``fields``' validated metadata."""
    return RawDocument(text=text, origin=origin, is_html=is_html, path=path, id=fields.id,
                       url=fields.url, title=fields.title, published=fields.published,
                       publisher=fields.publisher, language=fields.language)
