"""The offset queries answer exactly as the scans they replace."""

from __future__ import annotations

import random
import re

from veille.nlp.entities.offsets import Containment, Spans, skip_spaces_back, standalone_hits

TEXT = ("Le Pen a parlé. Jean-Marie Le Pen aussi ; Marine Le Pen non. Le Penseur reste. "
        "O'Brien et O'Briens, Le-Pen, Pen, Lavrov-Rubio, Lavrov. Lavrov\u00a0!")


def _scan(text: str, surname: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)]


def test_standalone_hits_are_the_finditer_hits() -> None:
    surnames = ["Le Pen", "Pen", "O'Brien", "Lavrov", "Rubio", "'Brien", "Penseur"]
    hits = standalone_hits(TEXT, surnames)
    for surname in surnames:
        assert hits[surname] == _scan(TEXT, surname), surname


def test_many_surnames_are_the_finditer_hits() -> None:
    # More first words than are searched one by one: the alternation path answers.
    rng = random.Random(7)
    surnames = [f"Nom{i}" for i in range(40)] + ["Le Nom3", "Nom1 Nom2"]
    pieces = [rng.choice(surnames + ["Le", "x-Nom4", "Nom50", "Nom7-b", ", ", " "])
              for _ in range(400)]
    text = " ".join(pieces)
    hits = standalone_hits(text, surnames)
    for surname in surnames:
        assert hits[surname] == _scan(text, surname), surname
    assert any(hits[s] for s in surnames)


def test_a_surname_inside_a_hyphenated_name_is_no_hit() -> None:
    hits = standalone_hits(TEXT, ["Lavrov"])
    assert [TEXT[s - 1:e + 1] for s, e in hits["Lavrov"]] == [" Lavrov.", " Lavrov\u00a0"]


def test_repeated_surname_hits_do_not_overlap() -> None:
    assert standalone_hits("Ba Ba Ba Ba", ["Ba Ba"]) == {"Ba Ba": [(0, 5), (6, 11)]}


def test_spans_overlap_as_the_pairwise_test() -> None:
    rng = random.Random(3)
    pairs = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 500) for _ in range(60))]
    spans = Spans(pairs[:30])
    for s, e in pairs[30:]:
        spans.add(s, e)
    for start in range(0, 540, 7):
        for length in (0, 1, 5, 40):
            end = start + length
            expected = any(s < end and start < e for s, e in pairs)
            assert spans.overlaps(start, end) is expected


def test_containment_as_the_pairwise_test() -> None:
    rng = random.Random(5)
    pairs = [(s, s + rng.randint(1, 60)) for s in (rng.randint(0, 400) for _ in range(25))]
    inside = Containment(pairs)
    for start in range(0, 480, 3):
        for end in (start + 1, start + 10, start + 50):
            assert inside(start, end) is any(s <= start and end <= e for s, e in pairs)
    assert not Containment([])(0, 1)


def test_skip_spaces_back_stops_at_the_first_non_space() -> None:
    text = "Lavrov , \u00a0\tministre"
    assert skip_spaces_back(text, text.index("m")) == text.index(",") + 1
    assert skip_spaces_back(text, text.index(",")) == len("Lavrov")
    assert skip_spaces_back("   ", 3) == 0
