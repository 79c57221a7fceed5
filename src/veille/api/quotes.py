"""Who said what: quotes filtered by speaker and date, newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from veille.api.deps import Handle, Page, Since, Until
from veille.api.entities import quote_out
from veille.api.schemas import QuotePage
from veille.api.urls import page_info, until_bound
from veille.store.base import Store

router = APIRouter(tags=["quotes"])


def quote_page(store: Store, speaker: str | None, since: str | None, until: str | None,
               limit: int, offset: int) -> QuotePage:
    rows = store.quotes(speaker=speaker, since=since, until=until_bound(until),
                        limit=limit + 1, offset=offset)
    info = page_info("/quotes", {"speaker": speaker, "since": since, "until": until}, limit,
                     offset, len(rows) > limit)
    return QuotePage(speaker=speaker, since=since, until=until,
                     quotes=[quote_out(r) for r in rows[:limit]], paging=info)


@router.get("/api/quotes", response_model=QuotePage, summary="Quotes")
def quotes(
    handle: Handle, page: Page, since: Since = None, until: Until = None,
    speaker: Annotated[str | None, Query(max_length=200,
                                         description="Part of a speaker's name.")] = None,
) -> QuotePage:
    with handle.use() as store:
        return quote_page(store, speaker, since, until, page.limit, page.offset)
