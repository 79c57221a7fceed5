"""Plain-text renderings of what a store holds, shared by the CLI verbs and the demo."""

from __future__ import annotations

from collections import Counter, defaultdict

from veille.model import Record
from veille.store.base import EntityRow, QuoteRow, SearchHit, Store
from veille.views.links import doc_label


def clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_hits(hits: list[SearchHit], labels: dict[str, str] | None = None) -> list[str]:
    """Hits with their documents' labels (``veille.views.labels``: the title, else the first
    words, else the file name)."""
    lines = []
    for hit in hits:
        meta = " · ".join(x for x in (hit.published, hit.publisher) if x)
        label = (labels or {}).get(hit.doc_id) or hit.title or "?"
        lines.append(f"{hit.doc_id}  {clip(label, 80)}  [{meta}]")
        lines.append(f"    {clip(hit.snippet)}")
    return lines


def render_quotes(rows: list[QuoteRow]) -> list[str]:
    lines = []
    for q in rows:
        who = q.speaker or (q.speaker_role or "unknown speaker")
        when = q.said_on or q.published or "undated"
        medium = f", {q.medium}" if q.medium else ""
        lines.append(f"{when}  {who}{medium} ({q.kind}) «{clip(q.text, 100)}»  [{q.doc_id}]")
    return lines


def render_entities(rows: list[EntityRow]) -> list[str]:
    lines = []
    for e in rows:
        kb = f" {e.kb_id}" if e.kb_id else ""
        others = [a for a in e.aliases if a != e.name][:5]
        alias = f"  aka {', '.join(others)}" if others else ""
        lines.append(f"{e.type:4} {e.name}{kb}  {e.mentions} mentions in {e.documents} doc(s)"
                     f"{alias}")
    return lines


def render_record(record: Record) -> list[str]:
    src = record.source
    lines = [
        f"{record.doc_id}: {doc_label(src.title, record.text, src.path, src.url)}",
        f"  source: {src.path or src.url or '-'}  publisher: {src.publisher or '-'}",
        f"  published: {src.published or '-'}  reference date: {src.reference_date or '-'}"
        f" ({src.reference_date_basis})  language: {src.language}",
        "  removed: " + (", ".join(f"{r.reason} «{clip(r.text, 40)}»" for r in record.removed)
                         or "-"),
        "  entities: " + ", ".join(f"{e.name} ({e.type})" for e in record.entities[:20]),
        f"  quotes ({len(record.quotes)}):",
    ]
    for q in record.quotes:
        why = f" (via {q.speaker_via})" if q.speaker_via else ""  # how the speaker was found
        lines.append(f"    - {q.speaker or q.speaker_role or '?'}{why} [{q.kind}, {q.cue or '-'}]:"
                     f" «{clip(q.text, 90)}»")
    lines.append(f"  events ({len(record.events)}):")
    for ev in record.events:
        lines.append(f"    - {ev.date or 'undated'} {ev.type} ({ev.status}): "
                     f"{', '.join(ev.participants) or '-'} @ {ev.place or '-'}  «{ev.trigger}»")
    lines.append("  times: " + ", ".join(f"{t.text} = {t.value}" for t in record.times))
    return lines


def summary(store: Store, top: int = 10) -> list[str]:
    """What `veille demo` and `veille stats` print: counts, top entities, speakers, events."""
    counts = store.stats()
    lines = ["Store: " + ", ".join(f"{v} {k}" for k, v in counts.items()), "", "Top entities:"]
    lines += ["  " + line for line in render_entities(store.entities(limit=top))]
    speakers: Counter[str] = Counter()
    for q in store.quotes(limit=100_000):
        speakers[q.speaker or f"({q.speaker_role or 'unattributed'})"] += 1
    lines += ["", "Quotes per speaker:"]
    lines += [f"  {n:4}  {who}" for who, n in speakers.most_common(top)]
    by_date: dict[str, list[str]] = defaultdict(list)
    for row in store.events():
        ev = row.event
        label = f"{ev.type} ({ev.status}): {', '.join(ev.participants) or '-'}"
        by_date[ev.date or "undated"].append(label + (f" @ {ev.place}" if ev.place else ""))
    lines += ["", "Events by date:"]
    for day in sorted(by_date):
        for label in sorted(set(by_date[day])):
            lines.append(f"  {day:10}  {label}")
    return lines
