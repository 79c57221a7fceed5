"""The cue and frame alternations that test first what their regexes start with find a match
where, and only where, the plain alternations do (:func:`veille.nlp.events.data.kind_tests`)."""

from __future__ import annotations

from pathlib import Path

from veille.lang.pack import LanguagePack
from veille.nlp.events.data import kind_tests, kinds

TABLES = ("events/cues.tsv", "events/frames.tsv")


def _windows(text: str) -> list[str]:
    """The text cut as the rules cut it: 90 characters from every tenth one, and the end."""
    return [text[i:i + 90] for i in range(0, len(text), 10)] + [text[-80:]]


def _agree(pack: LanguagePack, texts: list[str]) -> int:
    tested = 0
    for table in TABLES:
        plain, tests = kinds(pack, table), kind_tests(pack, table)
        assert plain.keys() == tests.keys()
        for kind, regex in plain.items():
            for window in (w for text in texts for w in _windows(text)):
                found, fast = regex.search(window), tests[kind].search(window)
                assert (found is None) == (fast is None), (table, kind, window)
                assert found is None or fast is None or found.start() == fast.start()
                tested += found is not None
    return tested


def test_our_sentences_find_the_same_cues_in_both_packs() -> None:
    texts = ["Aucune rencontre n'est prévue entre les deux ministres, a indiqué l'Élysée.",
             "Le sommet a été annulé. Il s'est dit prêt à rencontrer son homologue.",
             "No meeting is planned; the summit was cancelled, the ministry said on Monday.",
             "Selon le Quai d'Orsay, la visite prévue jeudi a été reportée sine die."]
    assert _agree(LanguagePack.load("fr"), texts) > 0
    assert _agree(LanguagePack.load("en"), texts) > 0


def test_every_seed_and_dev_text_finds_the_same_cues(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    paths = sorted(corpus.glob("seeds/*.txt")) + sorted(corpus.glob("dev/wikinews/*.txt"))
    assert paths, "no seed or dev text found"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    assert _agree(LanguagePack.load("fr"), texts) > 0
