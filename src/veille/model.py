"""Plain records that flow between pipeline stages.

Everything here is a frozen-ish dataclass of built-in types, so a record can be pickled to a
worker, written as JSON, and read back without spaCy. The JSON form is the public extraction
record (``veille.extraction/1``), documented in the README.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "veille.extraction/1"

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "turn"]
MentionVia = Literal["name", "alias", "title", "pronoun"]
BlockKind = Literal[
    "title", "standfirst", "dateline", "heading", "paragraph", "blockquote", "caption",
    "question", "answer",
]
DateBasis = Literal["published", "dateline", "inferred", "none"]
EventStatus = Literal["happened", "planned", "cancelled", "denied"]
EVENT_TYPES = (
    "meeting", "summit", "call", "talks", "press_conference", "interview", "visit",
    "exchange", "statement", "cancellation", "other",
)


@dataclass
class RawDocument:
    """One input as read from a source, before cleaning.

    ``text`` is plain text or, when ``is_html`` is true, an HTML page. ``origin`` names the
    input for error messages (a path with line number, a URL).
    """

    text: str
    origin: str
    is_html: bool = False
    id: str | None = None
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    language: str | None = None


@dataclass
class Source:
    path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    reference_date: str | None = None
    reference_date_basis: DateBasis = "none"
    language: str = "fr"


@dataclass
class Removed:
    start: int
    end: int
    reason: str
    text: str = ""


@dataclass
class Block:
    """One part of the cleaned text's layout: ``text[start:end]`` is a headline, a paragraph..."""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    via: MentionVia = "name"


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None


@dataclass
class Quote:
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_role: str | None = None
    # Which pass of the speaker sieve found the speaker (subject, incise, selon, label,
    # pronoun, role, body, context); None when the speaker is null.
    speaker_via: str | None = None
    cue: str | None = None
    said_on: str | None = None
    medium: str | None = None


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    anchor: Literal["published", "previous", "absolute", "none"] = "absolute"


@dataclass
class Event:
    type: str
    trigger: str
    start: int
    end: int
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    status: EventStatus = "happened"
    cameo: str | None = None
    date_basis: str | None = None


@dataclass
class Record:
    """The extraction record of one document (the public contract)."""

    doc_id: str
    source: Source
    text: str
    removed: list[Removed] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: str = SCHEMA
    # Lemmas of the text, for the full-text index only: not part of the public record.
    lemmas: str = field(default="", repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("lemmas")
        ordered = {"schema": data.pop("schema"), "doc_id": data.pop("doc_id")}
        ordered.update(data)
        return ordered

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            schema=data.get("schema", SCHEMA),
            doc_id=data["doc_id"],
            source=_build(Source, data.get("source") or {}),
            text=data.get("text", ""),
            removed=[_build(Removed, r) for r in data.get("removed", [])],
            blocks=[_build(Block, b) for b in data.get("blocks", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            quotes=[_build(Quote, q) for q in data.get("quotes", [])],
            times=[_build(TimeExpr, t) for t in data.get("times", [])],
            events=[_build(Event, e) for e in data.get("events", [])],
        )


def _build(kind: Any, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(kind)}
    return kind(**{k: v for k, v in data.items() if k in names})


def _entity(data: dict[str, Any]) -> Entity:
    entity: Entity = _build(Entity, data)
    entity.mentions = [_build(Mention, m) for m in data.get("mentions", [])]
    return entity
