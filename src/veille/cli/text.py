"""The views as text lines, for the terminal: the same objects ``--format json`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from veille.views.entity import EntityView
    from veille.views.quotes import QuoteItem, QuotePage
    from veille.views.timeline import TimelineEntry, TimelineView

WIDTH = 160


def clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def of(shown: int, total: int) -> str:
    """ "20 of 42", or "42" when all are shown."""
    return f"{shown} of {total}" if shown < total else str(total)


def sources(count: int) -> str:
    return f"{count} source{'s' if count > 1 else ''}"


def quote_line(q: QuoteItem) -> str:
    who = q.speaker or q.speaker_role or "unknown speaker"
    via = f" [via {q.speaker_via}]" if q.speaker_via else ""
    medium = f", {q.medium}" if q.medium else ""
    return (f"{q.date or 'undated'}  {who}{via}{medium} ({q.kind}) «{clip(q.text, 100)}»"
            f"  — {clip(q.label, 60)}")


def quote_lines(page: QuotePage) -> list[str]:
    return [quote_line(q) for q in page.quotes]


def entity_lines(view: EntityView) -> list[str]:
    e, card = view.entity, view.card
    lines = [f"{card.name} ({e.type})" + (f"  {card.wikidata_url}" if card.wikidata_url else "")]
    for key in ("description", "role", "country"):
        if getattr(card, key):
            lines.append(f"  {key}: {getattr(card, key)}")
    lines.append(f"  seen in {e.documents} document(s), {e.mentions} mention(s)")
    if e.aliases:
        lines.append("  aliases: " + "; ".join(e.aliases))
    quotes, events = view.counts["quotes"], view.counts["events"]
    lines.append(f"quotes ({of(quotes.shown, quotes.total)}):")
    lines += [f"  {quote_line(q)}" for q in view.quotes.quotes]
    lines.append(f"events ({of(events.shown, events.total)}):")
    lines += [f"  [{ev.date or 'undated'}] {ev.type_label} ({ev.status_label}): "
              f"{', '.join(ev.participants)}" + (f" — {ev.place}" if ev.place else "")
              + f"  [{sources(ev.source_count)}]" for ev in view.events]
    if view.met_with:
        lines.append("often with: " + ", ".join(f"{m.name} ({m.count})" for m in view.met_with))
    return lines


def entry_lines(e: TimelineEntry, quotes: int = 2) -> list[str]:
    status = "" if e.status == "happened" else f" ({e.status_label})"
    where = f" — {e.place}" if e.place else ""
    lines = [f"{e.date or 'undated':10}  {e.type_label}{status}: {', '.join(e.participants)}"
             f"{where}  [{sources(e.source_count)}]"]
    for s in e.sources:
        basis = " (date merged)" if s.date_basis == "merged" else ""
        lines.append(f"            · {clip(s.label, 70)}{basis}: « {s.trigger} »")
    lines.extend(f"            ! {c}" for c in e.conflicts)
    lines.extend(f"            « {clip(q.text or '', 120)} » — {q.speaker}"
                 for q in e.quotes[:quotes])
    return lines


def timeline_lines(view: TimelineView) -> list[str]:
    lines = [line for e in view.entries for line in entry_lines(e)]
    shown = len(view.entries)
    if shown < view.total:
        lines.append(f"({shown} of {view.total} events shown: see --limit and --offset)")
    return lines
