"""Quote-mark conventions of French-language outlets (nlp/quotes/marks.py): each found over
plain text, then with its speaker through the whole quote stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.model import Quote
from veille.nlp.pipeline import Analysis
from veille.nlp.quotes.marks import (
    Marked,
    containing,
    dialogue_lines,
    find_marked,
    mark_rules,
    mask_quotes,
    sentences,
)

Analyze = Callable[..., Analysis]


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


def _direct(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text and q.kind == "direct"]
    assert found, f"no direct quote with {words!r} in {[(q.kind, q.text) for q in quotes]}"
    return found[0]


# -- marks over plain text ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ('Le maire a déclaré : "Nous rouvrirons l\'école."', "Nous rouvrirons l'école."),
    ("La doyenne a répondu ‹ Nous verrons bien lundi prochain ›, selon ses proches.",
     "Nous verrons bien lundi prochain"),
    ("Le syndic a déclaré : „Nous ne céderons rien sur les salaires.“ La séance a été levée.",
     "Nous ne céderons rien sur les salaires."),
    ("Le syndic a déclaré : ”Nous ne céderons rien sur les salaires.” La séance a été levée.",
     "Nous ne céderons rien sur les salaires."),
])
def test_each_convention_bounds_the_quoted_words(text: str, words: str) -> None:
    assert _quoted(text) == [words]


@pytest.mark.parametrize(("text", "words"), [
    # the low opener closed the French way: copy typed on a French keyboard, machine translation
    ("Le préfet a annoncé : „La route restera fermée jusqu'à lundi.” Les travaux ont commencé.",
     "La route restera fermée jusqu'à lundi."),
    ("„Les urnes ferment à 20 heures”, a rappelé l'échevine, „pas une minute plus tard”.",
     "Les urnes ferment à 20 heures"),
])
def test_low_opener_closes_with_either_high_mark(text: str, words: str) -> None:
    assert _quoted(text)[0] == words
    assert find_marked(text)[0].closed


def test_each_closer_of_the_low_opener_ends_its_own_quote() -> None:
    text = "„Nous voterons contre“, dit l'un ; „nous nous abstiendrons”, répond l'autre."
    assert _quoted(text) == ["Nous voterons contre", "nous nous abstiendrons"]


def test_closer_of_the_low_opener_closes_no_other_opener() -> None:
    text = "« La ligne „express” ouvrira en juin », a promis la directrice du réseau."
    assert _quoted(text) == ["La ligne „express” ouvrira en juin"]


def test_single_guillemets_inside_guillemets_stay_in_the_outer_quote() -> None:
    text = "La ministre a raconté : « Il m'a lancé ‹ jamais de la vie › devant tous. »"
    assert _quoted(text) == ["Il m'a lancé ‹ jamais de la vie › devant tous."]


def test_right_mark_after_a_letter_does_not_open_a_quote() -> None:
    # ” glued to a word closes (or is a stray); it opens only before a word, after a non-letter.
    text = "Le rapport parle d’une gestion ”prudente” mais coûteuse de la dette”."
    assert _quoted(text) == ["prudente"]


def test_german_style_quote_ends_its_sentence() -> None:
    text = "Le syndic a déclaré : „Nous ne céderons rien.“ La séance a été levée à midi."
    spans = sentences(text, find_marked(text))
    assert [text[a:b] for a, b in spans] == ["Le syndic a déclaré : „Nous ne céderons rien.“",
                                             "La séance a été levée à midi."]


def test_missing_opening_mark_before_an_incise_quotes_the_paragraph() -> None:
    text = ("Le conseil a siégé lundi.\n"
            "Nous ne fermerons aucune classe cette année », a assuré la rectrice.")
    marks = find_marked(text)
    assert _quoted(text) == ["Nous ne fermerons aucune classe cette année"]
    assert marks[0].closed and not marks[0].chained


@pytest.mark.parametrize("text", [
    # no incise after the mark: nothing says a quote closed there
    "Nous ne fermerons aucune classe cette année ».",
    # where in a paragraph of two sentences the quote began is not guessed
    "Le conseil a siégé. Nous ne fermerons aucune classe cette année », a dit la rectrice.",
    # too few words to be a statement
    "Pas question », a dit la rectrice.",
    # the paragraph does not start a sentence
    "et nous ne fermerons aucune classe cette année », a dit la rectrice.",
    # the straight mark is also inches and seconds
    'Nous ne fermerons aucune classe cette année", a dit la rectrice.',
])
def test_lone_closing_mark_is_no_quote_without_all_the_evidence(text: str) -> None:
    assert find_marked(text) == []


def test_missing_opener_is_not_guessed_after_a_quote_left_open() -> None:
    text = "« Première partie du propos.\nSuite et fin du propos », a-t-il dit."
    marks = find_marked(text)
    assert len(marks) == 2 and marks[1].chained  # the open quote's chain, not a new quote


# -- speakers ----------------------------------------------------------------------------------

def test_straight_quotes_after_a_colon_have_their_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("Le maire, Paul Kerbrat, a déclaré : \"Nous rouvrirons l'école "
                          'dès la rentrée de septembre."').quotes
    quote = _direct(quotes, "rouvrirons")
    assert quote.speaker == "Paul Kerbrat"


def test_german_style_quote_has_its_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("„Nous ne céderons rien sur les salaires“, a déclaré Martine "
                          "Vauthier, secrétaire du syndicat.").quotes
    quote = _direct(quotes, "céderons")
    assert quote.speaker == "Martine Vauthier"


def test_low_opener_with_french_closer_has_its_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("Le conseil communal a siégé jusqu'à minuit.\n„Le budget de la piscine "
                          "sera revu à la baisse”, a annoncé Luc Demeyer, échevin des finances."
                          ).quotes
    quote = _direct(quotes, "piscine")
    assert quote.text == "Le budget de la piscine sera revu à la baisse"
    assert quote.speaker == "Luc Demeyer"


def test_right_marks_on_both_sides_have_their_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("”Le budget sera voté avant la fin du mois”, a affirmé Hélène "
                          "Marchetti.").quotes
    quote = _direct(quotes, "budget")
    assert quote.speaker == "Hélène Marchetti"


def test_single_guillemets_have_their_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("‹ Nous attendons des réponses depuis trois mois ›, explique "
                          "Youssef Benali.").quotes
    quote = _direct(quotes, "réponses")
    assert quote.speaker == "Youssef Benali"


def test_quote_missing_its_opening_mark_has_its_speaker(analyze_text: Analyze) -> None:
    quotes = analyze_text("La rectrice Claire Daumas a visité le collège lundi.\n"
                          "Nous ne fermerons aucune classe cette année », a-t-elle assuré."
                          ).quotes
    quote = _direct(quotes, "classe")
    assert quote.text.startswith("Nous ne fermerons")
    assert quote.speaker == "Claire Daumas"


def test_containing_finds_the_sentence_of_a_position_or_the_one_before_it() -> None:
    sents = [(0, 10), (11, 20), (25, 40)]
    assert containing(sents, 0) == (0, 10)
    assert containing(sents, 15) == (11, 20)
    assert containing(sents, 22) == (11, 20)  # between two sentences: the one before
    assert containing(sents, 39) == (25, 40)
    assert containing(sents, 99) == (25, 40)
    assert containing([(5, 9)], 2) == (5, 9)  # before every sentence: the first
    assert containing([], 3) == (0, 0)


def test_a_lone_closing_mark_is_known_by_the_packs_pattern() -> None:
    rules = mark_rules()  # French: » and ” may close a quote whose opener was lost
    assert rules.orphan_closers_in({"»", "”", "«", "a"}) == {"»", "”"}
    # the characters met are remembered, and asked again give the same answer
    assert {"»", "a"} <= rules.orphan_tested and "a" not in rules.orphan_closer_chars
    assert rules.orphan_closers_in({"a", "»"}) == {"»"}


def test_the_closers_of_a_text_are_those_of_its_characters() -> None:
    rules = mark_rules()
    texts = ["Il a dit « non » hier.", "Rien », a-t-il dit.", "Ni « ni ” ni ‹ ›.", "ça ∑ ”", ""]
    for text in texts + texts:  # the second time every character has been met
        assert rules.orphan_closers_in_text(text) == rules.orphan_closers_in(set(text)), text


def test_masking_keeps_spaces_and_capitals_and_reads_overlaps_once() -> None:
    text = "Il a dit « Oui. Non » puis « Bien » fin."
    first, second = find_marked(text)
    inner = Marked(second.start + 1, second.end, second.left, second.right, True)
    expected = "Il a dit « Xxxx Xxx » puis « Xxxx » fin."
    assert mask_quotes(text, [first, second]) == expected
    assert mask_quotes(text, [second, inner, first]) == expected  # out of order, overlapping
    assert mask_quotes(text, []) == text


def test_dialogue_lines_are_found_at_each_line_start_the_first_included() -> None:
    text = ("— Nous partirons demain, a dit la ministre.\n"
            "Le maire - furieux - est sorti.\n"
            "  – Vous restez ? demanda-t-il.\n"
            "— Non, répondit-elle.")
    found = dialogue_lines(text)
    second = text.index("  –")
    assert sorted(found) == [0, second, text.index("— Non")]
    assert text[found[0].start : found[0].end] == "Nous partirons demain"
    assert mark_rules().dialogue_dash.match(text, text.index("- furieux")) is None  # mid-line
