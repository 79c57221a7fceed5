"""Small word tables the speaker rules share, derived once per language pack.

``quotes/speaker_articles.tsv`` gives the gendered definite articles,
``quotes/speaker_pronouns.tsv`` the subject pronouns and what they say of their speaker,
``quotes/speaker_latest.tsv`` the subjects that name the last-mentioned entity ("ce dernier"),
``quotes/turns_honorifics.txt`` the honorifics that open a person's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.lang.pack import LanguagePack
from veille.nlp.scope import current_pack

GENDERS = ("masculine", "feminine")


@dataclass(frozen=True)
class Lexicon:
    """The speaker rules' word tables of one language."""

    article_gender: dict[str, str]  # "le" -> "masculine", "la" -> "feminine"
    pronouns: dict[str, str]  # "il" -> "masculine", "lui" -> "person", "ils" -> "plural"
    latest: dict[str, str]  # "ce dernier" -> "masculine": the last-mentioned entity
    honorifics: frozenset[str]  # as written: "m.", "mme"
    honorific_stems: frozenset[str]  # without a final dot: "m", "mme"

    def gender_of(self, pronoun: str | None) -> str | None:
        """``masculine`` or ``feminine`` for a gendered pronoun, else None."""
        kind = self.pronouns.get(pronoun or "")
        return kind if kind in GENDERS else None

    def plural(self, pronoun: str | None) -> bool:
        """A plural or indefinite pronoun ("ils", "on"): no one person we can name."""
        return self.pronouns.get(pronoun or "") in ("plural", "group")

    def group(self, pronoun: str | None) -> bool:
        """A plural personal pronoun ("ils", "eux"): may refer back to a body named as a plural."""
        return self.pronouns.get(pronoun or "") == "group"


def lexicon() -> Lexicon:
    """The current pack's tables."""
    return current_pack().derive(_build)


def _build(pack: LanguagePack) -> Lexicon:
    rows = pack.table("quotes/speaker_articles.tsv")
    honorifics = pack.words("quotes/turns_honorifics.txt")
    return Lexicon(
        article_gender={row[0]: row[1] for row in rows if len(row) > 1 and row[1] in GENDERS},
        pronouns=pack.mapping("quotes/speaker_pronouns.tsv"),
        latest=pack.mapping("quotes/speaker_latest.tsv"),
        honorifics=honorifics,
        honorific_stems=frozenset(h.rstrip(".") for h in honorifics),
    )
