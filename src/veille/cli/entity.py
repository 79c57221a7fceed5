"""``veille entity NAME``: an entity's context card, the names it goes by, its quotes and events."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

import typer

from veille.cli.common import DbOption, FormatOption, fail, opened_store, out, print_json
from veille.kb.base import KnowledgeBase, get_kb
from veille.kb.names import name_key, same_entity
from veille.model import Entity
from veille.resolve.cards import card
from veille.settings import get_settings
from veille.store import Store
from veille.store.base import EntityRow


def find_entity(store: Store, name: str, kb: KnowledgeBase) -> EntityRow | None:
    """The stored entity ``name`` denotes: through its Wikidata id first, then by name."""
    entry = kb.link(name)
    if entry is not None and entry.id:
        rows = store.entities(name=entry.id, limit=5)
        exact = [r for r in rows if r.kb_id == entry.id]
        if exact:
            return exact[0]
        name = entry.label
    rows = store.entities(name=name, limit=50)
    key = name_key(name)
    exact = [r for r in rows if name_key(r.name) == key]
    close = [r for r in rows if same_entity(name, r.type, r.name, r.type)]
    alias = [r for r in rows if any(name_key(a) == key for a in r.aliases)]
    found = exact or close or alias or rows
    return found[0] if found else None


def entity_report(store: Store, name: str, kb: KnowledgeBase, on: date | None = None,
                  limit: int = 20) -> dict[str, Any] | None:
    """Card, aliases, quotes and events of the stored entity ``name`` denotes, or None."""
    row = find_entity(store, name, kb)
    if row is None:
        return None
    entity = Entity(str(row.id), row.name, row.type, kb_id=row.kb_id)  # type: ignore[arg-type]
    quotes = [q for q in store.quotes(speaker=row.name, limit=limit * 5)
              if q.speaker_entity == row.id or same_entity(q.speaker or "", "PER", row.name,
                                                           "PER")][:limit]
    events = store.events(entity=row.kb_id or row.name)[:limit]
    return {
        "entity": asdict(row),
        "card": card(entity, on, kb),
        "quotes": [asdict(q) for q in quotes],
        "events": [{"doc_id": e.doc_id, "title": e.title, **asdict(e.event)} for e in events],
    }


def _render(report: dict[str, Any]) -> list[str]:
    row, info = report["entity"], report["card"]
    lines = [f"{info['label']} ({row['type']})" + (f"  {info['url']}" if info.get("url") else "")]
    for key in ("description", "role", "country"):
        if info.get(key):
            lines.append(f"  {key}: {info[key]}")
    if info.get("coords"):
        lines.append(f"  coordinates: {info['coords'][0]}, {info['coords'][1]}")
    lines.append(f"  seen in {row['documents']} document(s), {row['mentions']} mention(s)")
    lines.append("  aliases: " + "; ".join(row["aliases"]))
    lines.append(f"quotes ({len(report['quotes'])}):")
    lines += [f"  [{q['published'] or '?'}] « {q['text'][:160]} »" for q in report["quotes"]]
    lines.append(f"events ({len(report['events'])}):")
    lines += [f"  [{e['date'] or '?'}] {e['type']}: {', '.join(e['participants'])}"
              for e in report["events"]]
    return lines


def entity_cli(
    name: Annotated[str, typer.Argument(help="A name, alias or Wikidata id (Q7747).")],
    on: Annotated[str | None, typer.Option(help="Date of the card's roles (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Quotes and events shown.")] = 20,
    db: DbOption = None,
    fmt: FormatOption = "text",
) -> None:
    """Print an entity's context card, aliases seen, and its quotes and events from the store."""
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        fail(f"--on {on}: not a date (YYYY-MM-DD)")
        return
    with opened_store(db) as store:
        report = entity_report(store, name, get_kb(get_settings().kb_path), day, limit)
    if report is None:
        fail(f"{name}: no such entity in the store")
        return
    if fmt == "json":
        print_json(report)
        return
    for line in _render(report):
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    app.command("entity")(entity_cli)
