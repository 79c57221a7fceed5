"""Identity of a document: an exact content hash and a MinHash signature for near-copies.

Near-copies (the same agency story syndicated with a different headline or footer) are found
with locality-sensitive hashing over word 5-shingles: the signature is cut into bands, and two
documents that share one band hash are compared on the full signature. Stores keep the band
hashes in an indexed table, so a lookup costs one indexed query whatever the store's size.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: pairs above ~0.6 Jaccard almost always share a band.
ROWS = NUM_PERM // BANDS
SHINGLE = 5


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def content_hash(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def doc_id_for(text: str, given: str | None = None) -> str:
    """The caller's id when given, else the first 16 hex digits of the content hash."""
    return given if given else content_hash(text)[:16]


def signature(text: str) -> list[int]:
    # Imported here: datasketch pulls in scipy (a second at start), and the stores import this
    # module for band_hashes only, in commands that never sign a text (search, show, serve).
    from datasketch import MinHash

    words = normalize(text).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in sketch.hashvalues]


def band_hashes(sig: list[int]) -> list[str]:
    """One short hash per band, prefixed with the band number."""
    out = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).hexdigest()
        out.append(f"{band}:{digest}")
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
