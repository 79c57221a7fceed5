"""Language packs: loading, the file kinds, and that every pack is complete."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from veille.lang.pack import LanguagePack, PackError, alternation

ROOT = Path(str(resources.files("veille.lang")))


def data_files(code: str) -> set[str]:
    base = ROOT / code
    return {str(p.relative_to(base)) for p in base.rglob("*")
            if p.is_file() and not p.name.startswith(("LICENSE", "pack.toml", "__"))}


def test_french_and_english_packs_are_installed() -> None:
    assert {"fr", "en"} <= set(LanguagePack.available())
    assert "xx" not in LanguagePack.available()  # the multilingual pack is no language
    fr = LanguagePack.load("fr")
    assert (fr.model, fr.stemmer, fr.text_search) == ("fr_core_news_md", "french", "french")
    assert LanguagePack.load("en").stemmer == "english"


@pytest.mark.parametrize("code", [c for c in LanguagePack.available() if c != "fr"])
def test_every_pack_has_every_file_the_french_pack_has(code: str) -> None:
    missing = sorted(data_files("fr") - data_files(code))
    assert not missing, f"pack {code} lacks {missing}"


def test_an_unknown_pack_or_file_is_a_clear_error() -> None:
    with pytest.raises(PackError, match="no language pack 'zz'"):
        LanguagePack.load("zz")
    with pytest.raises(PackError, match="pack 'fr' has no file nope.txt"):
        LanguagePack.load("fr").lines("nope.txt")


def test_regex_parts_expand_from_the_file_and_the_caller(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(
        "day = '(?P<day>[12]?\\d)'\n"
        "date = '{{day}} (?P<month>{{months}})'\n"
        "loop = '{{loop}}'\n"
        "either = ['un', 'deux']\n", encoding="utf-8")
    pack = LanguagePack("t", tmp_path, {})
    found = pack.regex("p.toml", "date", re.I, months=alternation(["mars", "mai"])).search(
        "le 3 MARS")
    assert found is not None and found.group("day", "month") == ("3", "MARS")
    assert pack.regex_source("p.toml", "either") == "un|deux"
    with pytest.raises(PackError, match="refers to itself"):
        pack.regex_source("p.toml", "loop")
    with pytest.raises(PackError, match="unknown part"):
        pack.regex_source("p.toml", "date")  # no months given


def test_alternation_puts_longer_words_first() -> None:
    words = ["juil", "juillet", "aujourd'hui"]
    pattern = re.compile(f"(?:{alternation(words)})")
    assert pattern.match("juillet").group(0) == "juillet"
    assert pattern.match("aujourd’hui") is not None  # either apostrophe


def test_derived_tables_are_built_once_per_pack() -> None:
    calls: list[str] = []

    def build(pack: LanguagePack) -> int:
        calls.append(pack.code)
        return len(pack.lines("titles.txt"))

    fr, en = LanguagePack.load("fr"), LanguagePack.load("en")
    assert fr.derive(build) == fr.derive(build) and en.derive(build) > 0
    assert calls == ["fr", "en"]
