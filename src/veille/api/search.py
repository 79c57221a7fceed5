"""Full-text search with filters, and facets counted over the page of results shown."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from veille.api.deps import Handle, Page, Since, Until
from veille.api.schemas import Facet, SearchHitOut, SearchResult
from veille.api.urls import doc_url, page_info, page_url, until_bound
from veille.errors import StoreError
from veille.store.base import SearchFilters, Store
from veille.store.rows import fts_query
from veille.views.labels import labels

router = APIRouter(tags=["search"])
FACET_SIZE = 8


def search_view(store: Store, query: str, filters: SearchFilters, limit: int, offset: int
                ) -> SearchResult:
    """One page of hits; an empty query gives an empty page, a query without words a 400."""
    shown = {"speaker": filters.speaker, "entity": filters.entity,
             "publisher": filters.publisher, "language": filters.language,
             "since": filters.since, "until": filters.until}
    hits = []
    if query.strip():
        if not fts_query(query):
            raise HTTPException(400, f"bad query {query!r}: it has no word to search for")
        bounded = SearchFilters(**{**shown, "until": until_bound(filters.until)})
        try:
            found = store.search(query, bounded, limit=limit + 1, offset=offset)
        except StoreError as err:
            raise HTTPException(400, f"bad query: {err}") from None
        named = labels(store, ((h.doc_id, h.title) for h in found))
        hits = [SearchHitOut(doc_id=h.doc_id, label=named[h.doc_id], title=h.title,
                             publisher=h.publisher, published=h.published, snippet=h.snippet,
                             score=round(h.score, 4), url=doc_url(h.doc_id)) for h in found]
    params = {"q": query or None, **shown}
    return SearchResult(
        query=query, filters=shown, hits=hits[:limit],
        facets=_facets(store, hits[:limit], params),
        paging=page_info("/search", params, limit, offset, len(hits) > limit),
    )


def _facets(store: Store, hits: list[SearchHitOut], params: dict[str, str | None]
            ) -> dict[str, list[Facet]]:
    """Counts of documents per speaker, entity, publisher and month among ``hits`` (counted
    by the store from its tables: reading each hit's whole record was most of a search)."""
    counts = store.facets(list(dict.fromkeys(hit.doc_id for hit in hits)))
    facets = {}
    for name in ("speaker", "entity", "publisher", "month"):
        ranked = sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
        facets[name] = [Facet(value=v, count=c, url=_with(params, name, v)) for v, c in ranked]
    return facets


def _with(params: dict[str, str | None], name: str, value: str) -> str:
    if name == "month":  # a month facet is a date range
        return page_url("/search", **{**params, "since": value, "until": value})
    return page_url("/search", **{**params, name: value})


async def search_filters(
    since: Since = None, until: Until = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Quoted speaker.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity named.")] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(pattern="^[a-z]{2}$")] = None,
) -> SearchFilters:
    return SearchFilters(speaker=speaker, entity=entity, publisher=publisher,
                         language=language, since=since, until=until)


Query_ = Annotated[str, Query(max_length=500, description='Words (all must match); "a phrase".')]
Filters = Annotated[SearchFilters, Depends(search_filters)]


@router.get("/api/search", response_model=SearchResult, summary="Full-text search",
            responses={400: {"description": "A query the index cannot run"}})
async def search(handle: Handle, page: Page, filters: Filters, q: Query_ = "") -> SearchResult:
    return await handle.read(search_view, q, filters, page.limit, page.offset)
