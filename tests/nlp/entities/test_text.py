"""Offset-preserving folding (veille.nlp.entities.text): the byte-table path folds exactly as
the character table does."""

from __future__ import annotations

from veille.nlp.entities.text import _FOLD, fold_char, fold_keep_offsets


def test_fold_keeps_length_and_takes_accents_case_and_apostrophes_off() -> None:
    text = "L’Œuvre d’État — Noël à Zürich"
    folded = fold_keep_offsets(text)
    assert folded == "l'œuvre d'etat — noel a zurich"
    assert len(folded) == len(text)


def test_every_latin1_character_folds_to_one_latin1_character() -> None:
    for code in range(256):
        folded = fold_char(chr(code))
        assert len(folded) == 1 and ord(folded) < 256, hex(code)


def test_byte_path_folds_as_the_character_table_does() -> None:
    everything = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    samples = [
        everything,
        "Déjà « vu » : l’été",  # Latin-1 and the apostrophe only
        "Cœur “citation” – fin… 😀 É",  # stretches beyond Latin-1, at the ends too
        "😀Ça", "Ça😀", "", "’",
    ]
    for text in samples:
        assert fold_keep_offsets(text) == text.translate(_FOLD), text[:20]
