"""The event kinds the rules decide between and the families they ask about, read from the
pack's taxonomy (``events/taxonomy.tsv``, :mod:`veille.taxonomy`). No spaCy here."""

from __future__ import annotations

from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_pack
from veille.taxonomy import EventTaxonomy, event_taxonomy

# Trigger types the rules decide between (a trigger table's "a|b"): a conversation is a phone
# call or talks, an "entretien" an interview or talks.
CONVERSATION, ENTRETIEN = "call|talks", "interview|talks"


def taxonomy() -> EventTaxonomy:
    """The taxonomy of the pack in scope."""
    return event_taxonomy(current_pack())


def _read_meet(pack: LanguagePack) -> frozenset[str]:
    return event_taxonomy(pack).of_family("meet")


def _read_speak(pack: LanguagePack) -> frozenset[str]:
    return event_taxonomy(pack).of_family("speak") | {ENTRETIEN}


# (derived by module-level functions: asked at every trigger, a closure per call cost more)
def meet_kinds() -> frozenset[str]:
    """Types of the meeting family (meeting, summit, talks, visit): one may name the purpose
    of another ("se sont rencontrés pour des conversations")."""
    return current_pack().derive(_read_meet)


def speak_kinds() -> frozenset[str]:
    """Types where someone speaks (press conference, interview, an "entretien")."""
    return current_pack().derive(_read_speak)
