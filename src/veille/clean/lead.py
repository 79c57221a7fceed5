"""The head of an article page: headline, standfirst and date line, from the page's own markup.

trafilatura returns the body of an article; with ``favor_precision`` it drops what sits between
the headline and the first paragraph (the standfirst, or chapô, and the date line), because
those blocks sit in the page's header markup with the menus. They are article text, and the
standfirst often carries the article's first quotes. They are found here among the page's
visible blocks (:func:`veille.clean.furniture.visible_blocks`) between the headline and the
body's first paragraph:

- the headline: the block that is the page's title (trafilatura's, which may carry the site's
  name after it);
- the standfirst: the block that opens like the page's ``og:description`` (sites write their
  standfirst there, often cut short: the visible block holds the whole of it);
- the date line: the first short block that holds a full date ("Publié le 05/04/2013",
  "lundi 9 décembre 2019 à 09h08", "2 mars 2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.clean.dates import date_parts, explicit_dates, stamp_source
from veille.lang.pack import LanguagePack
from veille.model import BlockKind

PATTERNS = "clean/metadata.toml"
# A date line is a short block: a byline with its date and an update stamp fit in this many
# words ("Par A, B Mis à jour le 06/04/2013 à 10:37 Publié le 05/04/2013 à 17:08").
_DATELINE_MAX_WORDS = 20
# A headline shorter than this is no headline to look for (a site title "Accueil").
_MIN_HEADLINE_CHARS = 15
# The standfirst opens like the og:description over this many words.
_OPENING_WORDS = 8
# Past this many blocks after the headline, a block is no longer the article's head (menus of
# related headlines follow the headline on some pages).
_MAX_HEAD_BLOCKS = 40


@dataclass(frozen=True)
class HeadBlock:
    text: str
    kind: BlockKind


def _squash(text: str) -> str:
    return " ".join(text.split())


def _opening(text: str, words: int = _OPENING_WORDS) -> str:
    return " ".join(_squash(text).casefold().split()[:words])


def page_head(blocks: list[tuple[str, str]], title: str | None, description: str | None,
              body: str, pack: LanguagePack, own_head: frozenset[str] = frozenset(),
              published: str | None = None) -> list[HeadBlock]:
    """Headline, standfirst and date line of the page, in page order, none that ``body``
    already holds; ``blocks`` are the page's visible blocks (text, landmark), ``own_head``
    the lines of ``body`` that are its own head (:func:`head_kinds`): the body proper starts
    after them; ``published`` the page metadata's date (ISO), which confirms the century of
    a two-digit year."""
    texts = [_squash(text) for text, _ in blocks]
    proper = "\n".join(line for line in body.splitlines() if _squash(line) not in own_head)
    stop = _body_at(texts, proper, 0)
    at = _headline_at(texts[:stop], title)
    start = at + 1 if at is not None else max(0, stop - _MAX_HEAD_BLOCKS)
    window = texts[start : min(stop, start + _MAX_HEAD_BLOCKS)]
    kept = _squash(body).casefold()
    head: list[HeadBlock] = []
    if at is not None and texts[at].casefold() not in kept:
        head.append(HeadBlock(texts[at], "title"))
    window = [t for t in window if t.casefold() not in kept and _opening(t, 12) not in kept]
    standfirst = _standfirst(window, description)
    dated = [t for t in window if t != standfirst and len(t.split()) <= _DATELINE_MAX_WORDS
             and _is_dated(t, pack, published)]
    # The shortest dated block is the date line itself, not a box of labels around it
    # ("Auteur ... Date 2 mars 2020 Partager" holds the "2 mars 2020" block).
    dateline = min(dated, key=lambda t: len(t.split()), default=None)
    for text in window:
        if text == standfirst:
            head.append(HeadBlock(text, "standfirst"))
        elif text == dateline:
            head.append(HeadBlock(_from_stamp(text, pack), "dateline"))
    if dateline is None:
        late = _container_stamp(texts, at, pack) or _label_after_body(texts, stop, body, pack)
        if late and late.casefold() not in kept:
            head.append(HeadBlock(late, "dateline"))
    return head


def _is_dated(text: str, pack: LanguagePack, published: str | None) -> bool:
    """Whether ``text`` holds a full date, or a publication stamp with a two-digit year whose
    century the page's metadata date confirms ("Publié le 27 mars 20" on a page of 2020)."""
    if explicit_dates(text, pack):
        return True
    if not published or len(published) < 4:
        return False
    found = pack.regex(PATTERNS, "short_year_stamp", re.IGNORECASE, **date_parts(pack))
    return any(m.group("year") == published[2:4] for m in found.finditer(text))


def _container_stamp(texts: list[str], at: int | None, pack: LanguagePack) -> str | None:
    """The publication stamp of the container just before the headline that holds it: the
    markup leaves the stamp as loose text in the header box around the headline ("Titre
    Rubrique Publié le 3 mars 2026 à 07h47 Chapô ..."), in no block of its own."""
    if at is None or at == 0 or texts[at].casefold() not in texts[at - 1].casefold():
        return None
    found = pack.regex(PATTERNS, "head_stamp", re.IGNORECASE, stamp=stamp_source(pack))
    match = found.search(texts[at - 1])
    return match.group(0).strip() if match else None


# A label block that dates the article sits among the few blocks after its body (sharing and
# printing links follow it).
_TAIL_BLOCKS = 8


def _label_after_body(texts: list[str], stop: int, body: str, pack: LanguagePack
                      ) -> str | None:
    """A block after the body that is only a label and a date ("Date 23.05.2011", "Publié le
    3 mars 2026"): some layouts print the date line under the article."""
    lines = [_squash(line).casefold() for line in body.splitlines() if line.strip()]
    if not lines:
        return None
    last = next((k for k in range(len(texts) - 1, stop - 1, -1)
                 if texts[k].casefold() == lines[-1]), None)
    if last is None:
        return None
    found = pack.regex(PATTERNS, "label_stamp", re.IGNORECASE, stamp=stamp_source(pack))
    return next((t for t in texts[last + 1 : last + 1 + _TAIL_BLOCKS] if found.match(t)), None)


def _standfirst(window: list[str], description: str | None) -> str | None:
    """The block that opens like the page's description, whole."""
    wanted = _opening(description) if description else ""
    if len(wanted.split()) < 4:
        return None
    for text in window:
        opening = _opening(text)
        if len(text.split()) >= _OPENING_WORDS and (
                opening.startswith(wanted) or wanted.startswith(opening)):
            return text
    return None


def _from_stamp(line: str, pack: LanguagePack) -> str:
    """The date line from its first publication or update stamp on ("Par A, BMis à jour le
    06/04/2013 ...": a byline glued by the markup would read as a name "BMis"). A byline is
    the authors', not the article's words."""
    found = pack.regex(PATTERNS, "head_stamp", re.IGNORECASE, stamp=stamp_source(pack))
    match = found.search(line)
    return line[match.start():] if match else line


def _headline_at(texts: list[str], title: str | None) -> int | None:
    """The last block before the body that is the page's title (or its start: "Titre -
    Site"): the first is often in the site's header, the last is the article's."""
    if not title or len(title.strip()) < _MIN_HEADLINE_CHARS:
        return None
    wanted = _squash(title).casefold()
    found = None
    for index, text in enumerate(texts):
        low = text.casefold()
        if len(low) >= _MIN_HEADLINE_CHARS and (low == wanted or wanted.startswith(low)):
            found = index
    return found


def _body_at(texts: list[str], body: str, start: int) -> int:
    """The first block from ``start`` on that is a line of the article body."""
    lines = [_squash(line).casefold() for line in body.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    own = set(lines)
    for index in range(start, len(texts)):
        low = texts[index].casefold()
        if low and (low in own or (len(low) >= 20 and first.startswith(low))):
            return index
    return len(texts)


# The body's own head: trafilatura keeps the headline, standfirst and date line in the body on
# some layouts (all inside ``<article>``); they are among its first few blocks.
_HEAD_LINES = 5


def head_kinds(lines: list[str], title: str | None, description: str | None,
               pack: LanguagePack) -> dict[int, BlockKind]:
    """The head kind of the first lines of a body that holds its own head: the line that is
    the headline, the one that opens like the description, a short dated one."""
    kinds: dict[int, BlockKind] = {}
    wanted = _squash(title or "").casefold()
    opening = _opening(description) if description else ""
    content = [k for k, line in enumerate(lines) if line.strip()][:_HEAD_LINES]
    for k in content:
        line = _squash(lines[k])
        low = line.casefold()
        if "title" not in kinds.values() and not kinds and len(low) >= _MIN_HEADLINE_CHARS and (
                low == wanted or wanted.startswith(low)):
            kinds[k] = "title"
        elif ("standfirst" not in kinds.values() and len(opening.split()) >= 4
              and _opening(line).startswith(opening)):
            kinds[k] = "standfirst"
        elif ("dateline" not in kinds.values() and len(line.split()) <= _DATELINE_MAX_WORDS
              and explicit_dates(line, pack)):
            kinds[k] = "dateline"
    return kinds
