"""Role descriptions that stand for a person: "le ministre russe des Affaires étrangères".

Patterns live in ``lang/fr/roles.tsv`` (with nationality adjectives from
``roles-nationalities.tsv`` and country names from the knowledge base); a role found in a text
is a :class:`RoleMatch` with offsets, a portable role key and a country when the text gives one.
"Le ministre du Redressement productif" (a portfolio with no country) becomes the role
``minister:redressement productif``, resolvable only inside the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.kb.base import KnowledgeBase
from veille.lang.pack import read_table
from veille.nlp.entities.text import fold_keep_offsets
from veille.nlp.scope import current_kb

_DET_BEFORE = re.compile(r"(?:\b(?:le|la|les|du|au|aux|des|un|une)\s+|\bl')$")
# "L'ancien président finlandais" is not the president of the document's date.
_NOT_CURRENT = re.compile(r"\b(?:ancien|ancienne|anciens|ex|futur|future|prochain|prochaine"
                          r"|precedent|precedente|defunt|defunte|feu|regrette)[\s-]+$")
_DE = r"(?:de la |de l'|du |des |de |d')"
# A portfolio: a capitalised word, optionally "et" another, then at most one lower-case adjective.
_PORTFOLIO = re.compile(
    r"\b(?:[Ll]e |[Ll]a |[Ll]')?ministres? (?:de la |de l['’]|du |des |de |d['’])"
    r"((?:[A-ZÉÈ][\w'’-]+)(?:,? (?:et|de la|des|du|de l['’])\s?[A-ZÉÈ][\w'’-]+)*"
    r"(?: (?:[a-zéèêàâîôû]+(?:if|ive|al|ale|aux|ique|el|elle|aire|ier|iere|ien|ienne|ais|aise)))?)"
)


@dataclass(frozen=True)
class RoleMatch:
    start: int
    end: int
    text: str
    role: str
    country: str | None
    current: bool = True  # False for "l'ancien président", "le futur chancelier"

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.role, self.country)


@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Folded adjective -> country code."""
    table: dict[str, str] = {}
    for row in read_table("roles-nationalities.tsv"):
        for form in row[0].split(","):
            table[form.strip()] = row[1]
    return table


def country_names() -> dict[str, str]:
    """Folded French country name (from the knowledge base) -> country code."""
    return current_kb().derive(_country_names)


def _country_names(kb: KnowledgeBase) -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in kb:
        if entry.kind == "country" and entry.country:
            for name in [entry.labels.get("fr", ""), *entry.aliases.get("fr", [])]:
                if name:
                    names[fold_keep_offsets(name)] = entry.country
    return names


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[re.Pattern[str], str, str | None]]]:
    """Compiled role patterns grouped by their first word (the trigger to look for)."""
    adj = rf"(?P<adj>{_alternation(list(nationalities()))})"
    de = rf"{_DE}(?P<de>{_alternation(list(country_names()))})"
    grouped: dict[str, list[tuple[re.Pattern[str], str, str | None]]] = {}
    for row in read_table("roles.tsv"):
        pattern = re.escape(row[0]).replace(r"\{adj\}", adj).replace(r"\{de\}", de)
        country = row[2] if len(row) > 2 and row[2] else None
        head = row[0].split()[0]
        grouped.setdefault(head, []).append((re.compile(rf"{pattern}\b"), row[1], country))
    return grouped


@lru_cache(maxsize=1)
def _triggers() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(list(_patterns()))})(?![\w-])")


def find_roles(text: str) -> list[RoleMatch]:
    """Role descriptions in ``text``, longest first where they overlap, in text order.

    Patterns are tried only where their first word occurs (a scan per pattern over a long
    text cost seconds); a determiner just before is taken into the mention.
    """
    folded = fold_keep_offsets(text)
    found: list[RoleMatch] = []
    for trigger in _triggers().finditer(folded):
        for pattern, role, fixed in _patterns()[trigger.group(0)]:
            m = pattern.match(folded, trigger.start())
            if m is None:
                continue
            groups = m.groupdict()
            country = fixed
            if groups.get("adj"):
                country = nationalities()[groups["adj"]]
            elif groups.get("de"):
                country = country_names()[groups["de"]]
            qualifier = _NOT_CURRENT.search(folded, max(0, m.start() - 12), m.start())
            head = qualifier.start() if qualifier else m.start()
            det = _DET_BEFORE.search(folded, max(0, head - 8), head)
            start = det.start() if det else head
            found.append(RoleMatch(start, m.end(), text[start:m.end()], role, country,
                                   current=qualifier is None))
    for m in _PORTFOLIO.finditer(text):
        portfolio = fold_keep_offsets(m.group(1))
        if "affaires etrangeres" not in portfolio:
            found.append(RoleMatch(m.start(), m.end(), m.group(0), f"minister:{portfolio}", None))
    return _longest(found)


def _longest(found: list[RoleMatch]) -> list[RoleMatch]:
    """Drop matches inside a longer one; a country-bearing match wins over a bare one."""
    found.sort(key=lambda r: (-(r.end - r.start), r.country is None, r.start))
    kept: list[RoleMatch] = []
    for match in found:
        if all(match.end <= k.start or k.end <= match.start for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda r: r.start)
