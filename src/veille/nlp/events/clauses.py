"""One event per clause: triggers of one sentence that tell the same event. No spaCy here.

A sentence often names one event twice: "s'est rendu à Paris où il a été reçu par X" (one
visit), "« Nous avons eu une conversation franche », a déclaré X à l'issue de son entretien
avec Y" (one meeting). Two mentions of one kind with compatible dates and places, and no new
clause between them ("puis", "et", "avant"), are one event with the parties of both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.model import Event
from veille.nlp.events.data import pattern_reader
from veille.nlp.events.frames import by_phone
from veille.nlp.scope import current_pack
from veille.taxonomy import event_taxonomy

# "conversation": a bare conversation; "another_event": what starts another event in the same
# sentence ("a rencontré X lundi, puis Y mardi")
_FLAGS = {"conversation": re.IGNORECASE, "another_event": re.IGNORECASE}


_re = pattern_reader(_FLAGS)


def one_event_per_clause(text: str, events: list[Event]) -> list[Event]:
    """``events`` of one sentence, with those that tell the same event joined into the first."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: e.start):
        same = next((i for i, k in enumerate(kept) if _same_event(text, k, event)), None)
        if same is None:
            kept.append(event)
            continue
        first = kept[same]
        # the more specific of two kinds wins: talks or a meeting over a bare conversation
        head = event if _conversation(text, first) and not _conversation(text, event) else first
        kept[same] = replace(head, participants=list(dict.fromkeys(
            head.participants + first.participants + event.participants)),
            date=head.date or first.date or event.date,
            place=head.place or first.place or event.place)
    return kept


def _conversation(text: str, event: Event) -> bool:
    return event.type == "call" and bool(_re()["conversation"].match(event.trigger)) \
        and not by_phone(text, event.start, event.end)


def _same_event(text: str, first: Event, second: Event) -> bool:
    if first.start == second.start or first.status != second.status:
        return False  # one trigger with several dates ("les 16 mai, 2 juin et 23 juillet")
    taxonomy = event_taxonomy(current_pack())
    kinds = {taxonomy.group(first.type), taxonomy.group(second.type)}
    conversation = _conversation(text, first) or _conversation(text, second)
    if len(kinds) > 1 and not (conversation and "meet" in kinds):
        return False
    if first.date and second.date and first.date != second.date or \
            first.place and second.place and first.place != second.place:
        return False
    return _re()["another_event"].search(text[first.end:second.start]) is None
