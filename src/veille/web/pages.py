"""HTML pages. Each calls the same view function as its JSON twin (the path under ``/api``)
and renders the object it returns, so the page and the JSON cannot disagree.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from veille.api.app_views import home_view
from veille.api.deps import EntityId, Handle, Page, Since, Until
from veille.api.documents import DocRef, document_detail, document_list, load_record
from veille.api.entities import entity_detail, entity_page
from veille.api.events import Entity, TimelinePaging, timeline_view
from veille.api.quotes import quote_page
from veille.api.search import Filters, Query_, search_view
from veille.api.urls import api_twin
from veille.model import Record
from veille.taxonomy import ui_taxonomy
from veille.web.highlight import highlight, record_spans, speaker_classes

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("veille.web") / "templates"))


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matches between [ and ]) as escaped HTML with <mark> around matches."""
    parts = re.split(r"\[([^\[\]]*)\]", snippet)
    return Markup("".join(f"<mark>{escape(p)}</mark>" if n % 2 else str(escape(p))
                          for n, p in enumerate(parts)))


def is_web_url(value: object) -> bool:
    """Only an http(s) address becomes a link: a stored ``javascript:`` URL (from before input
    validation, or from a page's metadata) is shown as text."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


templates.env.filters["snippet"] = snippet_html
# "summit" -> "sommet": an event type's label in the interface's language (events/taxonomy.tsv)
templates.env.filters["event_label"] = ui_taxonomy().label
templates.env.tests["web_url"] = is_web_url


def render(request: Request, name: str, data: Any, status: int = 200, **extra: Any
           ) -> HTMLResponse:
    url = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    context = {"data": data, "json_url": api_twin(url), **extra}
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message, "json_url": None},
                                      status_code=status)


@router.get("/", response_class=HTMLResponse)
def home_page(request: Request, handle: Handle) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "home.html", home_view(store))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, handle: Handle, page: Page, filters: Filters,
                q: Query_ = "") -> HTMLResponse:
    with handle.use() as store:
        return render(request, "search.html", search_view(store, q, filters, page.limit,
                                                          page.offset))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, handle: Handle, page: Page) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "documents.html", document_list(store, page.limit, page.offset))


@router.get("/documents/{ref:path}", response_class=HTMLResponse)
def document_page(request: Request, handle: Handle, ref: DocRef) -> HTMLResponse:
    with handle.use() as store:
        detail = document_detail(store, ref)
        record: Record = load_record(store, detail.doc_id)
    article = highlight(record.text, record_spans(record, detail.entity_links))
    colours = speaker_classes(record)
    return render(request, "document.html", detail, record=record, article=article,
                  colours=colours)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request, handle: Handle, page: Page,
    type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "entities.html",
                      entity_page(store, type, name, page.limit, page.offset))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_detail_page(request: Request, handle: Handle,
                       entity_id: EntityId) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "entity.html", entity_detail(store, entity_id))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, handle: Handle, page: Page, since: Since = None,
                until: Until = None,
                speaker: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "quotes.html",
                      quote_page(store, speaker, since, until, page.limit, page.offset))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, handle: Handle, page: TimelinePaging, entity: Entity = None,
                  since: Since = None, until: Until = None) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "timeline.html", timeline_view(store, entity, since, until,
                                                              page.limit, page.offset))
