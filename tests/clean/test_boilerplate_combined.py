"""The furniture rows joined into one pre-filter say what the rows one by one say."""

from __future__ import annotations

from pathlib import Path

from veille.clean.boilerplate import _anchored, _any_rule, _rules, classify
from veille.lang.pack import LanguagePack
from veille.prefilter import DIGIT

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


def test_only_rows_that_must_start_the_line_are_tried_at_its_start() -> None:
    assert _anchored(r"^\s*(publicité|annonce)\s*$")
    assert not _anchored(r"\bcookies?\b.{0,80}\bconsentement\b")
    assert not _anchored(r"^publicité|annonce")  # the second way matches anywhere
    assert _anchored(r"^(publicité|annonce)")  # the bar is inside a group
    assert _anchored(r"^[|(]publicité")  # a bar and a bracket inside a class are members
    assert _anchored(r"^[]|]x") and not _anchored(r"^\[x|y")  # "]" first in a class; "\["
    assert not _anchored(r"(?m)^publicité")  # multi-line: "^" after every line break


def test_a_line_matched_anywhere_is_screened_in() -> None:
    pack = LanguagePack.load("fr")
    screen = _any_rule(pack)
    assert screen is not None and screen.at_start is not None
    banner = "En poursuivant, vous acceptez que nous utilisons des cookies de mesure."
    assert not screen.at_start.match(banner)
    assert screen.matches(banner) and classify(banner, pack) == "cookie-banner"
    assert not screen.matches("Le maire a présenté le budget lundi soir.")


def test_the_rows_searched_anywhere_are_behind_a_guard_on_their_first_characters() -> None:
    screen = _any_rule(LanguagePack.load("fr"))
    assert screen is not None
    searched = [row.test.__self__ for row in screen.needy  # type: ignore[attr-defined]
                if row.test.__name__ == "search"]
    searched += [screen.anywhere] if screen.anywhere is not None else []
    assert searched
    # without it, each of the rows' words is tried at every position of every line
    assert all(pattern.pattern.startswith("(?=[") for pattern in searched)


def test_rows_that_try_every_position_wait_for_a_word_they_need() -> None:
    screen = _any_rule(LanguagePack.load("fr"))
    assert screen is not None
    words = {row.words for row in screen.needy}
    assert ("cookie",) in words  # "... utilisons des cookies ..." is searched only with it
    assert ("confidentialité",) in words  # "^.{0,40}...politique de confidentialité"
    assert not any(DIGIT in w for w in words)


def test_a_row_opening_with_a_run_of_any_characters_classifies_as_the_row_does() -> None:
    pack = LanguagePack.load("fr")
    lines = [
        "Consultez notre politique de confidentialité pour en savoir plus.",
        "Le texte long qui précède, bien au-delà de quarante caractères, cite sa politique de "
        "confidentialité",
        "Lemonde.test est un journal indépendant : soutenez notre rédaction en vous abonnant.",
        "Soutenez notre rédaction",
        "Le maire a rappelé que notre rédaction avait publié la lettre.",
        "POLITIQUE DE CONFIDENTIALITÉ",
        "Politique de confidentialité\u017f",  # a long s: str.lower and re fold apart
    ]
    found = [classify(line, pack) for line in lines]
    assert found == [one_by_one(line, pack) for line in lines]
    assert found[0] == "cookie-banner" and found[1] is None and found[4] is None
    assert found[2] == "outlet-box" and found[5] == "cookie-banner"


def test_a_text_without_a_rows_words_leaves_the_row_out_of_its_screen() -> None:
    screen = _any_rule(LanguagePack.load("fr"))
    assert screen is not None
    plain = screen.within("Le maire a présenté le budget.\nIl a répondu aux élus.")
    assert plain.needy == ()
    banner = screen.within("Le maire parle.\nNous utilisons des Cookies pour l'audience.")
    assert [row.words for row in banner.needy] == [("cookie",)]
    assert banner.matches("Nous utilisons des Cookies pour l'audience.")
    # a text str.lower folds apart from re keeps every row
    assert screen.within("Politique de confidentialit\u00e9\u017f").needy == screen.needy


def test_a_furniture_line_is_removed_from_a_text_of_article_lines() -> None:
    from veille.clean.boilerplate import strip_boilerplate
    pack = LanguagePack.load("fr")
    cookie = "Nous utilisons des cookies pour mesurer l'audience."
    text = "\n\n".join(["Le maire a présenté le budget lundi soir.", cookie,
                        "Il a répondu aux élus du conseil.", "Le vote aura lieu jeudi."])
    cleaned, removed = strip_boilerplate(text, pack)
    assert [(item.text, item.reason) for item in removed] == [(cookie, "cookie-banner")]
    assert cookie not in cleaned and "Le vote aura lieu jeudi." in cleaned
