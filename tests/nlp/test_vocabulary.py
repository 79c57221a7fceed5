"""Spans that recur across batches outlive the memory zone; one-off spans do not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from veille.nlp.context import DocContext
from veille.nlp.pipeline import Analysis, analyze
from veille.nlp.vocabulary import Recurring, keep_recurring, span_counts, tokenizer_spans
from veille.settings import Settings

# Our own sentences: elisions, hyphenated inversions, abbreviations with a full stop (spaCy's
# special cases), guillemets with non-breaking spaces, numbers, line breaks, double spaces.
TEXTS = (
    "« Nous reviendrons », a-t-il promis lundi à M. Garnier, l'élu d'Aurillac.",
    "Qu'en pense-t-on ?  Rien, d'après la préfète.\n\nLe conseil siégera le 12 mars.",
    " Aujourd'hui, 3,5 % des élèves (cf. le rapport) étaient absents…\n",
)


@pytest.fixture
def blank() -> Language:
    """A French tokenizer with a vocabulary of its own, so nothing kept leaks between tests."""
    return spacy.blank("fr")


def test_spans_are_split_as_the_tokenizer_splits_them() -> None:
    # Worked out by hand from spaCy's rule: runs of non-space and of space characters, the one
    # space after a word being that word's trailing whitespace, not a span.
    assert list(tokenizer_spans(" Le chef,  dit-il.\n\nFin ")) == [
        " ", "Le", "chef,", " ", "dit-il.", "\n\n", "Fin"]
    assert list(tokenizer_spans("")) == []


def test_the_span_counts_are_those_of_the_spans() -> None:
    # with the rarer characters ``str.isspace`` and the tokenizer take for spaces: no-break
    # and thin spaces, a file separator, a next-line, a tab alone between two words
    texts = [*TEXTS, "  deux espaces devant", " une", "a  b   c", "\n \n",
             "a\u00a0b\x1cc\u2009 d \x85e\tf", "\t y", "\u00a0 z", "fin\n"]
    assert span_counts(texts) == Counter(s for text in texts for s in tokenizer_spans(text))
    assert span_counts([" une fois une"]) == {" ": 1, "une": 2, "fois": 1}


@pytest.mark.parametrize("text", TEXTS)
def test_a_span_alone_gives_the_tokens_it_gives_in_its_text(blank: Language, text: str) -> None:
    alone = [t.text for span in tokenizer_spans(text) for t in blank.tokenizer(span)]
    assert alone == [t.text for t in blank.tokenizer(text)]


class Counting:
    """An affix rule that counts its calls: the tokenizer runs it only for a span it did not
    cache."""

    def __init__(self, search: Callable[[str], object]) -> None:
        self.search, self.calls = search, 0

    def __call__(self, text: str) -> object:
        self.calls += 1
        return self.search(text)


def test_spans_seen_in_two_batches_are_cached_for_later_zones(blank: Language) -> None:
    prefix = blank.tokenizer.prefix_search = Counting(blank.tokenizer.prefix_search)
    for _ in range(2):
        with blank.memory_zone():
            blank.tokenizer(TEXTS[0])
        keep_recurring(blank, [TEXTS[0]], keep=1000)
    before, prefix.calls = len(blank.vocab), 0
    with blank.memory_zone():
        doc = blank.tokenizer(TEXTS[0])
        assert len(blank.vocab) == before  # every lexeme found, none made in the zone
    assert prefix.calls == 0  # and every span's tokens read from the cache, past "M." too
    assert len(doc) > 10
    with blank.memory_zone():
        blank.tokenizer(TEXTS[1])
    assert prefix.calls > 0  # spans never kept: the rules run


def test_a_span_seen_once_goes_with_its_zone_and_is_kept_when_seen_again(
        blank: Language) -> None:
    text = "Le zorbigal grimpait."
    assert keep_recurring(blank, [text], keep=1000) == 0
    with blank.memory_zone():
        blank.tokenizer(text)
    assert "zorbigal" not in blank.vocab.strings
    assert keep_recurring(blank, [text], keep=1000) == 3  # "Le", "zorbigal", "grimpait."
    assert "zorbigal" in blank.vocab.strings


def test_a_span_twice_in_one_batch_is_kept_at_once(blank: Language) -> None:
    assert keep_recurring(blank, ["Le zorbigal grimpait.", "Un zorbigal !"], keep=1000) == 1
    assert "zorbigal" in blank.vocab.strings and "grimpait" not in blank.vocab.strings


def test_the_tokens_are_the_same_once_their_spans_are_kept(blank: Language) -> None:
    def tokens() -> list[tuple[str, str, str, bool]]:
        with blank.memory_zone():
            return [(t.text, t.whitespace_, t.norm_, t.is_stop)
                    for text in TEXTS for t in blank.tokenizer(text)]

    first = tokens()
    for _ in range(2):
        keep_recurring(blank, list(TEXTS), keep=1000)
    assert tokens() == first


def test_no_more_spans_are_kept_than_the_cap(blank: Language) -> None:
    texts = ["un deux trois quatre cinq six"]
    assert keep_recurring(blank, texts, keep=4) == 0
    assert keep_recurring(blank, texts, keep=4) == 4
    assert keep_recurring(blank, texts, keep=4) == 0
    assert sum(word in blank.vocab.strings for word in texts[0].split()) == 4


def test_nothing_is_kept_with_a_cap_of_zero_or_inside_a_zone(blank: Language) -> None:
    text = ["Le zorbigal grimpait."]
    keep_recurring(blank, text, keep=1000)
    with blank.memory_zone():
        assert keep_recurring(blank, text, keep=1000) == 0
    assert keep_recurring(blank, text, keep=0) == 0
    assert "zorbigal" not in blank.vocab.strings


def test_the_spans_seen_once_are_forgotten_past_twice_the_cap() -> None:
    recurring = Recurring(keep=3)
    for batch in range(5):
        recurring.fresh([" ".join(f"mot{batch}x{i}" for i in range(4))])
        assert len(recurring.seen) <= 2 * 3 + 4
    assert recurring.kept == set()


def test_analyses_are_the_same_with_or_without_kept_spans(settings: Settings) -> None:
    context = DocContext.from_iso("2026-03-03", "published")

    def analyses(keep: int) -> list[Analysis]:
        items = [(text, context) for text in TEXTS * 2]
        return list(analyze(items, settings.model, batch_size=1, kb_path=settings.kb_path,
                            keep_spans=keep))

    assert analyses(0) == analyses(100_000) == analyses(100_000)
