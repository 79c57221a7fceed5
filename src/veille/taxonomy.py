"""The event taxonomy: every event type Veille reports, from the pack's ``events/taxonomy.tsv``.

One row a type gives its family (reports of one real event across documents), its group (what
a mention can refer back to inside one document), its CAMEO code, its rank (the more specific
type names an event two triggers or two sources tell) and its labels in the pack's language.
The event rules, the timeline merge, the timeline's text and calendar and the web pages all read
event types from here, so a new type is one data row in each pack.

The record keeps ``Event.type`` a plain ``str`` (no ``Literal``): the set of types is data, and
``tests/test_taxonomy.py`` checks that every pack lists the same types with the same family,
group, CAMEO code and rank, and that every type a trigger table or the rules name is a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from veille.lang.pack import LanguagePack, PackError

TAXONOMY = "events/taxonomy.tsv"
LABELS = "events/labels.tsv"
# The pages, the timeline text and the calendar are in French; a UI language setting would be
# read here, the one place the interface chooses its pack.
UI_LANGUAGE = "fr"


@dataclass(frozen=True)
class EventKind:
    """One row of the taxonomy."""

    type: str
    family: str
    group: str
    cameo: str | None
    rank: int
    label: str
    plural: str

    @property
    def cameo_root(self) -> str | None:
        """The CAMEO root (the first two digits: ``04`` consult)."""
        return self.cameo[:2] if self.cameo else None


@dataclass(frozen=True)
class EventTaxonomy:
    """The event types of one pack, by name."""

    kinds: dict[str, EventKind]

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def __iter__(self) -> Iterator[EventKind]:
        return iter(self.kinds.values())

    def family(self, kind: str) -> str:
        """The cross-document family of ``kind`` (the type itself when it is no row)."""
        row = self.kinds.get(kind)
        return row.family if row else kind

    def group(self, kind: str) -> str:
        """What a mention of ``kind`` can refer back to in one document (itself if no row)."""
        row = self.kinds.get(kind)
        return row.group if row else kind

    def rank(self, kind: str) -> int:
        """How specific ``kind`` is; -1 for a type that is no row (an ambiguous trigger's)."""
        row = self.kinds.get(kind)
        return row.rank if row else -1

    def cameo(self, kind: str) -> str | None:
        row = self.kinds.get(kind)
        return row.cameo if row else None

    def label(self, kind: str) -> str:
        """The type's name in the pack's language (the type itself when it is no row)."""
        row = self.kinds.get(kind)
        return row.label if row else kind

    def plural(self, kind: str) -> str:
        row = self.kinds.get(kind)
        return row.plural if row else kind

    def of_family(self, family: str) -> frozenset[str]:
        """The types of one family (``meet``: meeting, summit, talks, visit...)."""
        return frozenset(k.type for k in self if k.family == family)


def _read(pack: LanguagePack) -> EventTaxonomy:
    kinds = {}
    for row in pack.table(TAXONOMY):
        if len(row) != 7 or not row[4].lstrip("-").isdigit():
            raise PackError(f"{pack.code}/{TAXONOMY}: a row needs type, family, group, CAMEO,"
                            f" rank, label and plural label: {row}")
        kind, family, group, cameo, rank, label, plural = row
        kinds[kind] = EventKind(kind, family, group, None if cameo == "-" else cameo,
                                int(rank), label, plural)
    return EventTaxonomy(kinds)


def event_taxonomy(pack: LanguagePack) -> EventTaxonomy:
    """The taxonomy of ``pack`` (read once per pack)."""
    return pack.derive(_read)


def ui_pack() -> LanguagePack:
    """The pack whose words the interface shows (pages, timeline text and calendar)."""
    return LanguagePack.load(UI_LANGUAGE)


def ui_taxonomy() -> EventTaxonomy:
    """The taxonomy with the interface's labels."""
    return event_taxonomy(ui_pack())


def event_title(kind: str) -> str:
    """The tooltip of an event trigger in the interface ("événement : sommet")."""
    pack = ui_pack()
    return pack.mapping(LABELS)["event_title"].format(label=event_taxonomy(pack).label(kind))


def shared_taxonomy() -> EventTaxonomy:
    """The types with what every pack shares (family, group, CAMEO, rank), for the merges
    across documents of any language; read from the interface's pack."""
    return ui_taxonomy()
