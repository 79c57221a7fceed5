"""Local inputs: files, directories (recursive), JSON and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veille.errors import InputError
from veille.ingest.decode import decode_bytes
from veille.ingest.item import InputItem, raw_document, validated
from veille.model import RawDocument

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

Item = RawDocument | InputError


def expand_paths(paths: list[Path]) -> Iterator[Path | InputError]:
    """Files named directly, and every file with a known suffix below a directory, in order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    """Yield the documents in one file; failures are yielded, not raised, so a batch goes on."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and path.suffix not in {".jsonl", ".ndjson"}:
            raise InputError(origin, f"too large ({size:,} bytes > cap of {max_bytes:,})")
        data = path.read_bytes()
    except OSError as err:
        yield InputError(origin, f"cannot read: {err.strerror or err}")
        return
    except InputError as err:
        yield err
        return
    if path.suffix in {".jsonl", ".ndjson"}:
        yield from read_jsonl(data, origin, path, max_bytes)
        return
    try:
        text = decode_bytes(data, origin, max_bytes)
        if path.suffix == ".json":
            yield from _json_items(load_json(text, origin), origin, path)
            return
    except InputError as err:
        yield err
        return
    is_html = path.suffix in HTML_SUFFIXES
    yield RawDocument(text=text, origin=origin, path=str(path), is_html=is_html)


def read_jsonl(data: bytes, origin: str, path: Path | None, max_bytes: int) -> Iterator[Item]:
    """One document per line; a bad line is reported with its number and the rest goes on."""
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            text = decode_bytes(line, where, max_bytes)
            yield from _json_items(load_json(text, where, line=True), where, path)
        except InputError as err:
            yield err


def load_json(text: str, origin: str, line: bool = False) -> Any:
    """Parse JSON; malformed, too deeply nested or over-long numbers are an InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        if line:
            raise InputError(origin, f"malformed JSON line: {err.msg} (column {err.colno})"
                             ) from None
        raise InputError(origin, f"malformed JSON at line {err.lineno}: {err.msg}") from None
    except RecursionError:
        raise InputError(origin, "malformed JSON: nested too deeply") from None
    except ValueError as err:  # an integer of more than 4,300 digits
        raise InputError(origin, f"malformed JSON: {err}") from None


def _json_items(value: Any, origin: str, path: Path | None) -> Iterator[Item]:
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        where = origin if len(items) == 1 else f"{origin}[{index}]"
        yield from_json_object(item, where, path)


def from_json_object(item: Any, origin: str, path: Path | None = None) -> Item:
    """Build a raw document from ``{"text": ...}`` or ``{"html": ...}`` plus optional metadata.

    Every field goes through :class:`veille.ingest.item.InputItem`: a bad one fails this
    document only, with a line naming ``origin`` and the field.
    """
    try:
        fields = validated(InputItem, item, origin)
    except InputError as err:
        return err
    return raw_document(fields, fields.body, origin, is_html=fields.text is None,
                        path=str(path) if path else None)
