"""One pass over a sentence for all triggers gives what running each trigger regex over it gives."""

from __future__ import annotations

from pathlib import Path

from veille.lang.pack import LanguagePack
from veille.nlp.events.rules import split_sentences
from veille.nlp.events.triggers import Trigger, _read_triggers, sentence_triggers

FR = LanguagePack.load("fr")


def _one_by_one(text: str, start: int, end: int) -> list[Trigger]:
    """The plain reading: every trigger regex over the sentence cut out, longest first."""
    found = [Trigger(start + m.start(), start + m.end(), m.group(), kind, cameo)
             for pattern, kind, cameo in FR.derive(_read_triggers).rules
             for m in pattern.finditer(text[start:end])]
    kept: list[Trigger] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def _agree(text: str) -> list[list[Trigger]]:
    sentences = split_sentences(text)
    scanned = sentence_triggers(text, sentences)
    assert scanned == [_one_by_one(text, s, e) for s, e in sentences]
    return scanned


def test_a_lookahead_reading_into_the_next_sentence_finds_nothing() -> None:
    # "est attendue" is a visit only when "à"/"en" follows within two words: here the "à"
    # belongs to the next sentence
    text = "Élise Borne est attendue demain. À Lyon, la réunion a eu lieu mardi."
    scanned = _agree(text)
    assert [[t.text for t in ts] for ts in scanned] == [[], ["réunion"]]


def test_overlapping_triggers_keep_the_longest_in_each_sentence() -> None:
    text = ("Les deux ministres ont tenu une conférence de presse conjointe à Rome.\n"
            "Elle s'est entretenue par téléphone avec son homologue. Le sommet aura lieu.")
    scanned = _agree(text)
    assert [[t.type for t in ts] for ts in scanned] == [
        ["press_conference"], ["talks"], ["summit"]]
    assert scanned[0][0].text == "conférence de presse conjointe"


def test_no_sentence_no_trigger() -> None:
    assert sentence_triggers("", []) == []


def test_every_seed_and_dev_text_reads_the_same(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    paths = sorted(corpus.glob("seeds/*.txt")) + sorted(corpus.glob("dev/*/*.*"))
    assert paths, "no seed or dev text found"
    for path in paths:
        _agree(path.read_text(encoding="utf-8", errors="replace"))


def test_a_trigger_starts_in_either_case_or_by_a_fold_re_knows() -> None:
    # capitals, a trigger after a quote mark and one spelt with the long s, which
    # re.IGNORECASE matches as "s": the one-pass scan reads them as each regex does
    text = "SOMMET à Rome. «Réunion» prévue, puis un ſommet au Caire."
    scanned = _agree(text)
    assert [[t.text for t in ts] for ts in scanned] == [["SOMMET"], ["Réunion", "ſommet"]]
