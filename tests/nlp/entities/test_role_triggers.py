"""Role patterns are tried where their first word stands alone, as a look-behind would say."""

from __future__ import annotations

import re

from veille.kb.base import get_kb
from veille.lang.pack import LanguagePack
from veille.nlp.entities import roles
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.scope import scope

# Role words glued to a letter before them, after a hyphen or an apostrophe, and alone.
TEXT = ("Le xministre russe des Affaires étrangères, l'ex-ministre russe des Affaires "
        "étrangères et le ministre russe des Affaires étrangères ; sous-ministre, l'ambassadeur.")


def test_triggers_are_the_matches_of_the_pattern_with_a_look_behind() -> None:
    with scope(LanguagePack.load("fr"), get_kb()):
        rules = roles._rules()
        folded = fold_keep_offsets(TEXT)
        behind = re.compile(r"(?<!\w)" + rules.triggers.pattern)
        found = [m.span() for m in roles._triggers(rules, folded)]
        assert found == [m.span() for m in behind.finditer(folded)]
        assert folded.index("xministre") + 1 not in [s for s, _ in found]  # glued: no trigger
        assert folded.index("le ministre") + 3 in [s for s, _ in found]


def test_a_role_glued_to_a_word_is_no_role() -> None:
    with scope(LanguagePack.load("fr"), get_kb()):
        found = roles.find_roles(TEXT)
    starts = [TEXT[r.start:r.end] for r in found]
    assert not any(s.startswith("xministre") for s in starts)
    assert any(s.endswith("ministre russe des Affaires étrangères") for s in starts)


def test_the_trigger_trie_matches_as_the_flat_alternation() -> None:
    # Words that are prefixes of one another, and a text where the longer one is cut short
    # or glued to more letters: the longest word the lookahead lets through must win.
    words = ["chef", "cheffe", "che", "premier", "premiere", "president", "p"]
    text = "chef cheffe chefx che cheff premiere premier-x premierx president p pr presidente"
    flat = re.compile(rf"(?:{roles._plain_alternation(words)})(?![\w-])")
    trie = re.compile(rf"{roles._trie_alternation(words)}(?![\w-])")
    found = [m.span() for m in trie.finditer(text)]
    assert found == [m.span() for m in flat.finditer(text)]
    assert (text.index("cheffe"), text.index("cheffe") + 6) in found
    assert len(found) > 5


def test_the_required_text_is_in_every_match() -> None:
    pattern = re.compile(r"\b(?:le |la )?chefs? (?:du |de la )([A-Z]\w+)")
    assert roles.required_text(pattern) == "chef"
    text = "le chef du Parti, la chefs de la Ligue et un chef du Comité"
    matches = [m.group(0) for m in pattern.finditer(text)]
    assert len(matches) == 3 and all("chef" in m for m in matches)
    # Nothing to require of an alternation, an optional word or a pattern ignoring case.
    assert roles.required_text(re.compile(r"chef|patron")) == ""
    assert roles.required_text(re.compile(r"chef|cheffe")) == "chef"  # re factors "chef" out
    assert roles.required_text(re.compile(r"(?:chef)?x")) == "x"
    assert roles.required_text(re.compile(r"chef", re.IGNORECASE)) == ""


def test_a_text_naming_no_minister_finds_no_portfolio() -> None:
    with scope(LanguagePack.load("fr"), get_kb()):
        rules = roles._rules()
        assert rules.portfolio_text and rules.portfolio_text in "le ministre du Redressement"
        found = roles.find_roles("Le ministre du Redressement productif a parlé.")
        assert [r.role for r in found] == ["minister:redressement productif"]


def test_the_required_run_knows_how_far_into_a_match_it_stands() -> None:
    # An optional "le " or "la " (0 to 3 characters) before "chef"; a word boundary is none.
    pattern = re.compile(r"\b(?:le |la )?chefs? (?:du |de la )([A-Z]\w+)")
    assert roles.required_run(pattern) == ("chef", (0, 3))
    assert roles.required_run(re.compile(r"(?:chef)?x")) == ("x", (0, 4))
    assert roles.required_run(re.compile(r"chef|cheffe")) == ("chef", (0, 0))
    text, (low, high) = roles.required_run(re.compile(r"a+chef"))
    assert (text, low) == ("chef", 1) and high >= roles._UNBOUNDED
    assert roles.required_run(re.compile(r"chef", re.IGNORECASE)) == ("", (0, 0))


def test_matches_holding_the_run_are_the_matches_of_the_scan() -> None:
    pattern = re.compile(r"\b(?:le |la |l')?chefs? (?:du |de la )([A-Z]\w+)")
    # "La" is no "la " (case); "xchef" has no boundary; "le le chef" starts at the second.
    text = ("La chef du Parti, le chefs de la Ligue ; xchef du Comité, l'chef du Club et le "
            "le chef du Camp")
    found = [m.group(0) for m in roles.matches_holding(pattern, roles.required_run(pattern),
                                                       text)]
    assert found == ["chef du Parti", "le chefs de la Ligue", "l'chef du Club",
                     "le chef du Camp"]
    assert found == [m.group(0) for m in pattern.finditer(text)]
    for other in ("", "chef", "le chef du X", "xle chef du X le chef du Y", "la la chef du Z"):
        held = roles.matches_holding(pattern, roles.required_run(pattern), other)
        assert [m.span() for m in held] == [m.span() for m in pattern.finditer(other)]
    # A run with no bound before it: the plain scan.
    loose = re.compile(r"\w*chef")
    held = roles.matches_holding(loose, roles.required_run(loose), "souschef chef x")
    assert [m.group(0) for m in held] == ["souschef", "chef"]
