"""The article as HTML, with entities, quotes and time expressions marked from their offsets.

The text is untrusted: every piece of it goes through ``escape`` and the only markup is ours.
Spans may nest (a name inside a quote) or cross (a time expression overlapping a name); the
text is cut at every boundary and tags are closed and reopened so the HTML stays well formed.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from veille.api.urls import entity_url
from veille.model import Record
from veille.taxonomy import event_title

SPEAKER_COLOURS = 8  # CSS classes spk-0 .. spk-7


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str  # "a" or "span" or "q"
    attrs: tuple[tuple[str, str], ...]
    anchor: str | None = None  # an id, put on the first piece only so ids stay unique

    def open(self, anchor: bool) -> str:
        pairs = (("id", self.anchor),) if anchor and self.anchor else ()
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in (*pairs, *self.attrs))
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def speaker_classes(record: Record) -> dict[str, str]:
    """A colour class per speaker, in order of first quote, so a speaker keeps one colour."""
    speakers = dict.fromkeys(q.speaker_id or q.speaker or "?" for q in record.quotes)
    return {s: f"spk-{n % SPEAKER_COLOURS}" for n, s in enumerate(speakers)}


def record_spans(record: Record, links: dict[str, int]) -> list[Span]:
    """Quotes, entity mentions (linked to their page when known) and time expressions."""
    colours = speaker_classes(record)
    spans = []
    for q in record.quotes:
        colour = colours[q.speaker_id or q.speaker or "?"]
        spans.append(Span(q.start, q.end, "span", (
            ("class", f"quote {colour}"),
            ("title", f"{q.speaker or 'locuteur inconnu'} ({q.kind})")), f"at-{q.start}"))
    for entity in record.entities:
        target = links.get(entity.id)
        for m in entity.mentions:
            attrs = [("class", f"ent ent-{entity.type}"),
                     ("title", f"{entity.name} ({entity.type})")]
            if target is not None:
                spans.append(Span(m.start, m.end, "a", (("href", entity_url(target)), *attrs)))
            else:
                spans.append(Span(m.start, m.end, "span", tuple(attrs)))
    for t in record.times:
        spans.append(Span(t.start, t.end, "time", (
            ("class", "time"), ("datetime", t.value or ""), ("title", t.value or t.text))))
    for ev in record.events:
        spans.append(Span(ev.start, ev.end, "span", (
            ("class", "trigger"), ("title", event_title(ev.type))), f"at-{ev.start}"))
    return spans


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, with ``spans`` as properly nested tags (outermost span first)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    order = sorted(valid, key=lambda s: (s.start, -s.end))
    rank = {id(s): n for n, s in enumerate(order)}
    out: list[str] = []
    stack: list[Span] = []
    anchored: set[str] = set()
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = sorted((s for s in order if s.start <= left and right <= s.end),
                        key=lambda s: rank[id(s)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(s.close() for s in reversed(stack[keep:]))
        for span in active[keep:]:
            first = span.anchor is not None and span.anchor not in anchored
            if first and span.anchor:
                anchored.add(span.anchor)
            out.append(span.open(first))
        stack = active
        out.append(str(escape(text[left:right])))
    out.extend(s.close() for s in reversed(stack))
    return Markup("".join(out))
