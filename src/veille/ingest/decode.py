"""Bytes to text: refuse empty, binary and oversized input; detect legacy encodings."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from veille.errors import InputError

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
# Western European news arrives as UTF-8 or, from older CMSs, cp1252/latin-1; try those first
# so that charset_normalizer's guesswork only runs on the rare remainder.
_LEGACY = ("cp1252", "latin-1")
# UTF-32 first: its little-endian mark begins with UTF-16's.
# (A UTF-8 mark is only stripped below: such files fall back to cp1252 as they always have.)
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))


def decode_bytes(data: bytes, origin: str, max_bytes: int) -> str:
    """Return ``data`` as text or raise :class:`InputError` saying why it is unusable."""
    text = _decode(data, origin, max_bytes)
    if not text.strip():  # e.g. b"\xa0": a no-break space once decoded as cp1252
        raise InputError(origin, "empty input")
    return text


def _decode(data: bytes, origin: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise InputError(origin, f"too large ({len(data):,} bytes > cap of {max_bytes:,})")
    if not data.strip():
        raise InputError(origin, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_by_bom(data[len(bom):], encoding, origin)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if _is_binary(head):
        raise InputError(origin, "binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(head)
    named = [declared.group(1).decode("ascii", "replace")] if declared else []
    candidates = named + list(_LEGACY)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding != "latin-1" or _looks_like_text(text):
            return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError(origin, "undecodable text (not UTF-8, cp1252 or latin-1)")
    return str(best)


def _decode_by_bom(data: bytes, encoding: str, origin: str) -> str:
    """Text that announced its encoding with a byte-order mark: decoded by it, nothing else."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(origin, f"undecodable text (it starts with a {encoding} mark)") from None
    if _is_binary(text[:8192].encode("utf-8")):
        raise InputError(origin, "binary content, not text")
    return text


def _is_binary(head: bytes) -> bool:
    # A few stray control bytes happen in scraped text; a NUL or many of them means binary.
    return b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def _looks_like_text(text: str) -> bool:
    odd = sum(1 for ch in text[:4000] if 0x80 <= ord(ch) < 0xA0)
    return odd < 3
