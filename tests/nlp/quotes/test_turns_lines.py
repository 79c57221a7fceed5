"""The labelled lines of a transcript are found from their label's mark, once a line, at the
line's start (nlp/quotes/turns.py ``_line_matches``)."""

from __future__ import annotations

from veille.nlp.quotes.turns import _DASH, _DASH_LINE, _LABEL, _LABEL_END, _line_matches

TEXT = ("Entretien avec Anne Morel\n"
        "Anne Morel : Bonjour : je suis ravie.\n"
        "Une ligne sans étiquette.\n"
        "La ville - Paris, dit-on : rien.\n"
        "— Que pensez-vous de la réforme ?\n"
        "Paul Roux : Rien")


def test_a_label_line_is_matched_once_at_its_start_whatever_its_colons() -> None:
    found = [(m.start(), m.group("label").strip()) for m in _line_matches(_LABEL, TEXT,
                                                                          _LABEL_END)]
    assert found == [(TEXT.index("Anne Morel :"), "Anne Morel"),
                     (TEXT.index("La ville"), "La ville"),
                     (TEXT.index("Paul Roux"), "Paul Roux")]


def test_a_dialogue_line_is_found_by_its_opening_dash_only() -> None:
    found = [m.start() for m in _line_matches(_DASH_LINE, TEXT, _DASH)]
    assert found == [TEXT.index("— Que")]  # "La ville - Paris": a dash inside a line


def test_a_dash_glued_to_a_word_marks_no_label_and_a_dash_after_a_blank_does() -> None:
    text = "Titre\nDit-il - Non merci\nPorte-parole: Oui\nRépondez-vous bien"
    found = [m.group("label").strip() for m in _line_matches(_LABEL, text, _LABEL_END)]
    assert found == ["Dit-il", "Porte-parole"]  # the last line has only a glued hyphen


def test_dialogue_lines_one_after_another_are_each_found() -> None:
    text = "Titre\n— Un ?\n— Deux.\n  – Trois\nFin - de ligne"
    found = [m.start() for m in _line_matches(_DASH_LINE, text, _DASH)]
    assert found == [6, 13, 21]  # after "Titre\n" (6 characters), "— Un ?\n" (7), "— Deux.\n" (8)
