"""Role antecedents in long texts: a text naming a role holder in every sentence costs time in
proportion to its length, and the index answers as a scan of every earlier holder would."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from veille.model import Entity, Mention
from veille.nlp.pipeline import Analysis
from veille.nlp.quotes import roles
from veille.nlp.quotes.roles import Holder, antecedent, has_holders, named_ahead, role_holders

# Our own newsroom French: each paragraph names a minister or a spokeswoman with the role,
# then quotes "le ministre" / "la porte-parole" alone, whom the role noun stands for.
_MINISTERS = ["Karim Mansour", "Paul Renaud", "Marc Lefort", "Hugo Barral"]
_SPOKESWOMEN = ["Samia Ben Youssef", "Claire Dumont", "Inès Carvalho"]
_TOWNS = ["Quimper", "Rodez", "Auxerre", "Tulle", "Vesoul"]


def repetitive_text(chars: int) -> str:
    """Paragraphs of role-holder sentences until the text is about ``chars`` long."""
    paragraphs: list[str] = []
    size, k = 0, 0
    while size < chars:
        minister = _MINISTERS[k % len(_MINISTERS)]
        spokeswoman = _SPOKESWOMEN[k % len(_SPOKESWOMEN)]
        town = _TOWNS[k % len(_TOWNS)]
        paragraph = (
            f"Le ministre de l'Intérieur, {minister}, a visité lundi le commissariat de {town}. "
            f"« Nous renforcerons les effectifs avant l'été », a déclaré le ministre. "
            f"La porte-parole du gouvernement, {spokeswoman}, a confirmé le calendrier. "
            f"« Le texte sera présenté en juin », a précisé la porte-parole.")
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        k += 1
    return "\n\n".join(paragraphs)


def _person(eid: str, text: str, name: str) -> Entity:
    spans = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)]
    return Entity(eid, name, "PER", mentions=spans)


def _scan(holders: list[Holder], head: str, pos: int) -> Entity | None:
    """The definition, by hand: among people given ``head`` before ``pos``, the one mentioned
    last before ``pos``."""
    given = {id(h.entity): h.entity for h in holders if h.head == head and h.at < pos}
    seen = {key: max(m.start for m in e.mentions if m.start < pos) for key, e in given.items()}
    return given[max(seen, key=lambda key: seen[key])] if seen else None


def test_the_index_answers_as_the_scan_of_every_holder() -> None:
    text = repetitive_text(3000)
    people = [_person(f"e{i}", text, n) for i, n in enumerate(_MINISTERS + _SPOKESWOMEN)]
    holders = role_holders(text, people)
    assert {h.head for h in holders} == {"ministre", "porte-parole"}
    queries = [m.start() for m in re.finditer(r"a (?:déclaré|précisé)", text)]
    for pos in [0, *queries, len(text)]:
        for head in ("ministre", "porte-parole"):
            assert antecedent(holders, head, [], pos) is _scan(holders, head, pos)
            assert has_holders(holders, head, pos) == (_scan(holders, head, pos) is not None)


def test_the_answers_follow_the_paragraphs() -> None:
    text = repetitive_text(3000)
    people = [_person(f"e{i}", text, n) for i, n in enumerate(_MINISTERS + _SPOKESWOMEN)]
    holders = role_holders(text, people)
    said = [m.start() for m in re.finditer(r"a déclaré le ministre", text)]
    # Paragraph k names minister k mod 4 before his quote.
    assert [antecedent(holders, "ministre", [], pos) for pos in said[:6]] == [
        people[k % 4] for k in range(6)]
    assert antecedent(holders, "ministre", ["interieur"], said[1]) is people[1]
    assert antecedent(holders, "ministre", ["justice"], said[1]) is None
    # The spokeswoman of paragraph 0 is named after the minister's quote, in the next sentence.
    assert named_ahead(text, holders, "porte-parole", [], said[0]) is people[4]


def test_a_mention_added_after_the_holders_counts_as_the_latest() -> None:
    text = repetitive_text(3000)
    people = [_person(f"e{i}", text, n) for i, n in enumerate(_MINISTERS)]
    holders = role_holders(text, people)
    pos = [m.start() for m in re.finditer(r"a déclaré le ministre", text)][5]
    assert antecedent(holders, "ministre", [], pos) is people[1]
    # The quote stage records a mention when it resolves a speaker: Marc Lefort (e2), named
    # just before ``pos``, is now the latest minister mentioned there.
    people[2].mentions.append(Mention(pos - 10, pos - 2, "le ministre", "title"))
    people[2].mentions.sort(key=lambda m: (m.start, m.end))
    assert antecedent(holders, "ministre", [], pos) is people[2]


def _role_fits_asked(analysis: Analysis, text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times the role rules ask whether a holder's role fits a question, for the
    holders and then the antecedent of every bare role noun, as the speaker resolver asks.

    Counted, not timed: the count does not depend on the machine's load."""
    people = [e for e in analysis.entities if e.type == "PER"]
    questions = [(m.start(), m.group(1)) for m in
                 re.finditer(r"a (?:déclaré|précisé) (?:le|la) (ministre|porte-parole)", text)]
    asked = 0
    fits = roles._fits

    def counting(*args: Any) -> bool:
        nonlocal asked
        asked += 1
        return fits(*args)

    with monkeypatch.context() as patch:
        patch.setattr(roles, "_fits", counting)
        holders = role_holders(text, people)
        for pos, head in questions:
            antecedent(holders, head, [], pos) or named_ahead(text, holders, head, [], pos)
    return asked


@pytest.mark.slow
def test_role_antecedents_work_grows_no_faster_than_the_text(
        analyze_text: Callable[[str], Analysis], monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = repetitive_text(50_000), repetitive_text(200_000)
    small_analysis, large_analysis = analyze_text(small), analyze_text(large)
    assert sum(1 for e in large_analysis.entities if e.type == "PER") >= len(_MINISTERS)
    small_asked = _role_fits_asked(small_analysis, small, monkeypatch)
    large_asked = _role_fits_asked(large_analysis, large, monkeypatch)
    # 4x the text: at most 4x the questions when linear, 16x when every question asks about
    # every earlier holder (the old scan).
    assert 0 < large_asked <= 4 * small_asked + 16, (small_asked, large_asked)


def test_a_role_is_read_from_the_words_right_before_the_name() -> None:
    # Both roles sit after many words and commas of the same window: an apposition between
    # the name's comma and the comma before it, a title in the last words before the name.
    text = ("Après une longue réunion à la préfecture, dans la soirée de mardi, selon plusieurs "
            "témoins, le ministre tunisien de l'Intérieur, Karim Mansour, a longuement parlé "
            "avec les élus de la région et avec la porte-parole Samia Ben Youssef.")
    people = [_person("e0", text, "Karim Mansour"), _person("e1", text, "Samia Ben Youssef")]
    holders = role_holders(text, people)
    assert [(h.entity.id, h.head, sorted(h.words)) for h in holders] == [
        ("e0", "ministre", ["interieur", "tunisien"]), ("e1", "porte-parole", [])]
