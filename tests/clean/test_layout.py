"""An interview's questions and answers from the layout (clean/layout.py), on blocks alone."""

from __future__ import annotations

from veille.clean.layout import interview_blocks, is_question, quote_box_blocks
from veille.model import Block


def _blocks(parts: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    text, blocks = "", []
    for kind, words in parts:
        start = len(text)
        text += words + "\n\n"
        blocks.append(Block(start, start + len(words), kind))  # type: ignore[arg-type]
    return text, blocks


def test_headings_that_ask_and_their_paragraphs_are_questions_and_answers() -> None:
    text, blocks = _blocks([
        ("title", "Entretien avec une historienne"),
        ("paragraph", "Une introduction qui présente l'invitée."),
        ("heading", "Pourquoi ce livre maintenant ?"),
        ("paragraph", "Parce que les archives viennent d'ouvrir."),
        ("paragraph", "Et parce que les témoins disparaissent."),
        ("heading", "Qu'avez-vous trouvé ?"),
        ("paragraph", "Des lettres inédites."),
        ("heading", "Pour aller plus loin"),
        ("paragraph", "Une liste de lectures."),
    ])
    kinds = [b.kind for b in interview_blocks(text, blocks)]
    assert kinds == ["title", "paragraph", "question", "answer", "answer", "question", "answer",
                     "heading", "paragraph"]


def test_one_asking_intertitle_is_no_interview() -> None:
    text, blocks = _blocks([
        ("heading", "Et maintenant ?"),
        ("paragraph", "Le conseil votera en juin."),
        ("heading", "Un chantier de deux ans"),
        ("paragraph", "Les travaux commencent au printemps."),
    ])
    assert interview_blocks(text, blocks) == blocks


def test_a_question_may_end_on_a_closing_mark() -> None:
    assert is_question("Que pensez-vous du « Grand Paris » ?»")
    assert not is_question("Un chantier de deux ans")


def test_a_signed_paragraph_without_quote_marks_is_a_quote_box() -> None:
    text, blocks = _blocks([
        ("paragraph", "La journaliste a porté plainte samedi."),
        ("paragraph", "On m'a tirée vers le sol, puis des passants m'ont aidée à me relever "
                      "—Anne Moreau, reporter"),
        ("paragraph", "Le ministre l'a reçue le lendemain —a-t-on appris de source proche."),
        ("paragraph", "« Je ne céderai pas » —Anne Moreau"),
    ])
    kinds = [b.kind for b in quote_box_blocks(text, blocks)]
    assert kinds == ["paragraph", "blockquote", "paragraph", "paragraph"]
