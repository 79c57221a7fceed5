"""HTML pages. Each calls the same view function as its JSON twin (the path under ``/api``)
and renders the object it returns, so the page and the JSON cannot disagree.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from veille.api.deps import EntityId, Handle, Page, Since, Until
from veille.api.events import Entity, TimelinePaging
from veille.api.search import Filters, Query_, search_view
from veille.api.urls import api_twin, page_url
from veille.model import Record
from veille.resolve.timeline import filter_timeline
from veille.taxonomy import ui_taxonomy
from veille.views.document import document_list, document_view
from veille.views.entity import entities_view, entity_quotes, entity_view
from veille.views.event import event_view
from veille.views.home import home_view
from veille.views.quotes import quotes_view
from veille.views.timeline import CACHE, timeline_view
from veille.web import present
from veille.web.charts import activity_chart, graph_layout, timeline_strip
from veille.web.highlight import highlight, record_spans, speaker_classes

router = APIRouter(include_in_schema=False)
T = TypeVar("T")
DocRef = Annotated[str, Path(min_length=1, max_length=300,
                             description="A doc id or a unique prefix.")]
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
templates.env.filters["period_label"] = present.period_label
templates.env.filters["date_label"] = present.date_label
templates.env.filters["type_colour"] = present.type_colour
templates.env.filters["mark_trigger"] = present.mark_trigger
templates.env.globals["undated_label"] = present.undated_label()


def render(request: Request, name: str, data: Any, status: int = 200, **extra: Any
           ) -> HTMLResponse:
    url = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    context = {"data": data, "json_url": api_twin(url), **extra}
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message, "json_url": None},
                                      status_code=status)


def found(view: T | None, message: str) -> T:
    """The view's answer, or the 404 page saying what was not found."""
    if view is None:
        raise HTTPException(404, message)
    return view


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
        view = found(document_view(store, ref),
                     f"no document {ref!r} (give a doc id or a unique prefix of one)")
        record: Record | None = store.get(view.doc_id)
    assert record is not None  # the view just read it
    article = highlight(record.text, record_spans(record, view.entity_links))
    return render(request, "document.html", view, record=record, article=article,
                  colours=speaker_classes(record))


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request, handle: Handle, page: Page,
    type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "entities.html",
                      entities_view(store, type, name, page.limit, page.offset))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_detail_page(request: Request, handle: Handle, page: Page,
                       entity_id: EntityId) -> HTMLResponse:
    with handle.use() as store:
        view = found(entity_view(store, entity_id, page.limit),
                     f"no entity with id {entity_id}")
    act = view.activity
    return render(request, "entity.html", view,
                  activity=activity_chart(act.periods, act.undated),
                  graph=graph_layout(view.graph.nodes, view.graph.edges))


@router.get("/entities/{entity_id}/quotes", response_class=HTMLResponse)
def entity_quotes_page(request: Request, handle: Handle, page: Page,
                       entity_id: EntityId) -> HTMLResponse:
    with handle.use() as store:
        view = found(entity_quotes(store, entity_id, page.limit, page.offset),
                     f"no entity with id {entity_id}")
    return render(request, "entity_quotes.html", view, entity_id=entity_id)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, handle: Handle, page: Page, since: Since = None,
                until: Until = None,
                speaker: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with handle.use() as store:
        return render(request, "quotes.html",
                      quotes_view(store, speaker, since, until, page.limit, page.offset))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, handle: Handle, page: TimelinePaging, entity: Entity = None,
                  since: Since = None, until: Until = None) -> HTMLResponse:
    with handle.use() as store:
        data = timeline_view(store, entity, since, until, page.limit, page.offset)
        # The month links count the entity's whole timeline (merged once, cached), not this
        # page of it, so that a filtered page still links the other months.
        every = filter_timeline(CACHE.merged(store).events, entity)
    return render(request, "timeline.html", data, strip_chart=timeline_strip(data.entries),
                  by_id={e.id: e for e in data.entries}, lanes=present.lanes(data.entries),
                  types=present.type_keys(data.entries),
                  months=present.month_chips(every, entity, since, until),
                  all_months_url=page_url("/timeline", entity=entity))


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event_page(request: Request, handle: Handle,
               event_id: Annotated[str, Path(min_length=1, max_length=400)]) -> HTMLResponse:
    with handle.use() as store:
        detail = found(event_view(store, event_id),
                       f"no event {event_id!r} (an event id is a timeline entry's id)")
    return render(request, "event.html", detail)
