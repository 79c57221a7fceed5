"""One raw input to a cleaned document with its metadata: the first pure stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from veille.clean import metadata
from veille.clean.boilerplate import LineLayout, paragraph_layout, strip_layout
from veille.clean.dedup import doc_id_for
from veille.clean.furniture import removed_from_page
from veille.clean.html import extract_page, with_page_head
from veille.clean.language import document_language
from veille.clean.layout import interview_blocks, quote_box_blocks
from veille.errors import InputError
from veille.lang.pack import LanguagePack
from veille.model import Block, RawDocument, Removed, Source
from veille.settings import Settings

# The pack that cleans a document in a language with no pack of its own (or none detected):
# Veille's news is French, and French furniture rules are what cleaned every document before
# packs followed the language.
FALLBACK_LANGUAGE = "fr"


# A dateline that opens a paragraph ("5 juillet 2012. - Le ministre ...") leaves the line a
# paragraph: only a line that is the date line alone is a dateline block.
_DATELINE_MAX_CHARS = 80


@dataclass
class CleanDocument:
    doc_id: str
    text: str
    source: Source
    removed: list[Removed] = field(default_factory=list)
    origin: str = ""
    blocks: list[Block] = field(default_factory=list)


def clean_document(raw: RawDocument, settings: Settings) -> CleanDocument:
    """Extract (HTML), strip boilerplate, settle metadata; InputError if nothing is left."""
    text, title, published, publisher, declared, url = (
        raw.text, raw.title, raw.published, raw.publisher, None, raw.url,
    )
    page_removed: list[Removed] = []
    layout: list[LineLayout] | None = None
    if raw.is_html:
        page = extract_page(raw.text, raw.origin, raw.url)
        declared = page.language
        language = document_language(raw.language, declared, page.text)
        pack = cleaning_pack(language)
        page = with_page_head(page, raw.text, pack)
        page_removed = removed_from_page(raw.text, page.text, pack)
        text = page.text
        layout = page.layout
        title = title or page.title
        published = published or page.published
        publisher = publisher or page.publisher
        url = url or page.url
    else:
        language = document_language(raw.language, None, text)
        pack = cleaning_pack(language)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if layout is None:
        layout = text_layout(text, pack)
    cleaned, removed, blocks = strip_layout(text, pack, title, layout)
    blocks = quote_box_blocks(cleaned, interview_blocks(cleaned, blocks))
    # Page furniture first (offsets into the page's visible text), then what the text lost.
    removed = page_removed + removed
    if not cleaned.strip():
        raise InputError(raw.origin, "nothing left after removing boilerplate")
    if len(cleaned) > settings.max_chars:
        raise InputError(
            raw.origin, f"text too long ({len(cleaned):,} chars > cap of {settings.max_chars:,})"
        )
    source = Source(
        path=raw.path,
        url=url,
        title=title or metadata.guess_title(cleaned),
        publisher=publisher
        or metadata.publisher_from_boilerplate(removed, pack)
        or metadata.publisher_from_url(url),
        # Told once, from the text before cleaning: what cleaning removes (furniture, a
        # repeated headline) is in the page's own language, and telling it again on the
        # cleaned text gave the same answer on every seed, dev and test document.
        language=language,
    )
    _settle_dates(source, published, cleaned, pack)
    return CleanDocument(
        doc_id=doc_id_for(cleaned, raw.id), text=cleaned, source=source, removed=removed,
        origin=raw.origin, blocks=blocks,
    )


def text_layout(text: str, pack: LanguagePack, lines_to_scan: int = 6) -> list[LineLayout]:
    """Plain text's layout: paragraphs between blank lines; near the top, a headline line (and
    its copy, as news files often repeat it) is the title and a dateline line the dateline."""
    layout = paragraph_layout(text)
    lines = text.splitlines()
    content = [i for i, line in enumerate(lines) if line.strip()][:lines_to_scan]
    first = lines[content[0]].strip() if len(content) > 1 else ""
    heading = first if first and metadata.guess_title(first) == first else ""
    for at in content:
        line = lines[at].strip()
        place = layout[at]
        if place is None:
            continue
        if heading and line == heading:
            layout[at] = (-1 - at, "title")
        elif len(line) <= _DATELINE_MAX_CHARS and metadata.dateline(line, pack, 1):
            layout[at] = (-1 - at, "dateline")
    return layout


def cleaning_pack(language: str) -> LanguagePack:
    """The pack whose furniture patterns clean a text in ``language`` (see
    :func:`veille.clean.language.document_language`), else :data:`FALLBACK_LANGUAGE`'s."""
    code = language[:2].lower()
    return LanguagePack.load(code if code in _installed() else FALLBACK_LANGUAGE)


@cache
def _installed() -> tuple[str, ...]:
    """The installed packs, listed once: reading the package's folders cost more than
    cleaning a short text."""
    return LanguagePack.available()


def _settle_dates(source: Source, published: str | None, text: str, pack: LanguagePack) -> None:
    """Publication date: given > page metadata > date line (it gives ``published`` too).
    Reference date: the same, else inferred from the text only when it names the day it is
    written ("ce lundi 3 mars 2026"), else none: never the latest or a future date of the text."""
    given = (published or "")[:10] or None
    if given:
        source.published = source.reference_date = given
        source.reference_date_basis = "published"
        return
    found = metadata.dateline(text, pack)
    if found:
        source.published = source.reference_date = found
        source.reference_date_basis = "dateline"
        return
    today = metadata.dated_today(text, pack)
    if today:
        source.reference_date = today
        source.reference_date_basis = "inferred"
