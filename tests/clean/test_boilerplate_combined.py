"""The furniture rows joined into one pre-filter say what the rows one by one say."""

from __future__ import annotations

from pathlib import Path

from veille.clean.boilerplate import _any_rule, _rules, classify
from veille.lang.pack import LanguagePack

DATA = Path(__file__).resolve().parents[1] / "data"


def one_by_one(line: str, pack: LanguagePack) -> str | None:
    """Each row tried in turn, as classify did before the pre-filter."""
    if not line.strip():
        return None
    return next((reason for reason, pattern in _rules(pack) if pattern.search(line)), None)


def test_the_joined_rows_classify_every_line_as_the_rows_do() -> None:
    lines = (DATA / "banner.txt").read_text(encoding="utf-8").splitlines() + [
        "Le maire a présenté le budget lundi soir devant le conseil.",
        "Photo : Anne Roux / Le Quotidien de Test", "PUBLICITÉ", "12 commentaires",
        "Nous utilisons des cookies pour mesurer l'audience.", "", "Lire aussi : la réforme",
        "Temps de lecture : 4 min", "© Pierre Lenoir", "Accept all cookies",
    ]
    for code in ("fr", "en"):
        pack = LanguagePack.load(code)
        assert _any_rule(pack) is not None
        found = [classify(line, pack) for line in lines]
        assert found == [one_by_one(line, pack) for line in lines]
        assert sum(r is not None for r in found) >= 4  # the lines test both outcomes
        assert found.count(None) >= 2


class BackReferencePack:
    """A pack whose one furniture row repeats a word through a back-reference."""

    def table(self, name: str) -> list[list[str]]:
        return [["stutter", r"^(\w+) \1$"]]


def test_rows_with_a_back_reference_are_not_joined() -> None:
    assert _any_rule(BackReferencePack()) is None  # type: ignore[arg-type]
