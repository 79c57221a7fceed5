"""Documents: the listing, one document's full extraction record, and ingest (token only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Response

from veille.api.deps import Handle, Page, StoreHandle, get_settings_dep, require_token
from veille.api.schemas import IngestRequest, IngestResult
from veille.api.urls import doc_url
from veille.model import Record
from veille.settings import Settings
from veille.store.base import Store
from veille.views import document as views
from veille.views.document import DocumentList, DocumentView

router = APIRouter(tags=["documents"])

DocRef = Annotated[str, Path(min_length=1, max_length=300,
                             description="A doc id or a unique prefix.")]


def document_list(store: Store, limit: int, offset: int) -> DocumentList:
    return views.document_list(store, limit, offset)


def load_record(store: Store, ref: str) -> Record:
    doc_id = store.resolve_doc(ref)
    record = store.get(doc_id) if doc_id else None
    if record is None:
        raise HTTPException(404, f"no document {ref!r} (give a doc id or a unique prefix of one)")
    return record


def document_detail(store: Store, ref: str) -> DocumentView:
    found = views.document_view(store, ref)
    if found is None:
        raise HTTPException(404, f"no document {ref!r} (give a doc id or a unique prefix of one)")
    return found


def ingest_request(handle: StoreHandle, body: IngestRequest, settings: Settings) -> IngestResult:
    """Extract outside the store lock (spaCy takes seconds), then store under it."""
    # The pipeline is imported by the first ingest, not at the server's start (seconds).
    from veille.extract import extract_records
    from veille.ingest.item import raw_document
    from veille.run import Sources, read_sources, store_outcomes

    given = [k for k in ("text", "html", "url") if getattr(body, k)]
    if len(given) != 1:
        raise HTTPException(422, "give exactly one of text, html or url")
    if body.url:
        items = list(read_sources(Sources(urls=[body.url]), settings))
    else:
        items = [raw_document(body, body.text or body.html or "", "api", is_html=bool(body.html))]
    with handle.extract_lock:
        outcomes = list(extract_records(items, settings))
    with handle.write() as store:
        summary = store_outcomes(outcomes, store, settings)
    return IngestResult(added=summary.added, duplicates=summary.duplicates,
                        failures=summary.failures, urls=[doc_url(d) for d in summary.added])


@router.get("/api/documents", response_model=DocumentList, summary="List documents")
async def list_documents(handle: Handle, page: Page) -> DocumentList:
    return await handle.read(document_list, page.limit, page.offset)


@router.get("/api/documents/{ref:path}", response_model=DocumentView,
            summary="One document with its full extraction record",
            responses={404: {"description": "Unknown document"}})
async def get_document(handle: Handle, ref: DocRef) -> DocumentView:
    return await handle.read(document_detail, ref)


@router.post("/api/documents", response_model=IngestResult, status_code=201,
             summary="Ingest text, HTML or a URL (needs the API token)",
             dependencies=[Depends(require_token)],
             responses={200: {"description": "Nothing new: a duplicate"},
                        401: {"description": "Wrong or missing token"},
                        403: {"description": "No token configured: read-only server"},
                        422: {"description": "Invalid or unusable input"}})
def ingest(body: IngestRequest, handle: Handle, response: Response,
           settings: Annotated[Settings, Depends(get_settings_dep)]) -> IngestResult:
    result = ingest_request(handle, body, settings)
    if not result.added:
        if result.failures:
            raise HTTPException(422, "; ".join(result.failures))
        response.status_code = 200
    return result
