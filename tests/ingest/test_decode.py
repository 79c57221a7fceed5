from __future__ import annotations

import pytest

from veille.errors import InputError
from veille.ingest.decode import decode_bytes

CAP = 10_000


def test_utf8_with_bom_is_decoded_without_the_mark() -> None:
    assert decode_bytes("\ufeffÉté".encode(), "x", CAP) == "Été"


def test_cp1252_text_is_detected() -> None:
    data = "Le président a déclaré « oui » à l'œuvre".encode("cp1252")
    assert decode_bytes(data, "x", CAP) == "Le président a déclaré « oui » à l'œuvre"


def test_html_meta_charset_is_honoured() -> None:
    data = '<meta charset="iso-8859-1"><p>Noël</p>'.encode("latin-1")
    assert "Noël" in decode_bytes(data, "x", CAP)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"  \n\t ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        (b"a" * (CAP + 1), "too large"),
    ],
)
def test_unusable_input_is_refused_with_a_reason_naming_the_input(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "some/file.txt", CAP)
    message = str(caught.value)
    assert message.startswith("some/file.txt: ")
    assert reason in message
    assert "\n" not in message
