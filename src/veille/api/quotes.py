"""Who said what: quotes filtered by speaker and period, newest first
(:func:`veille.views.quotes.quotes_view`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from veille.api.deps import Handle, Page, Since, Until
from veille.store.base import Store
from veille.views.quotes import QuotePage, quotes_view

router = APIRouter(tags=["quotes"])


def quote_page(store: Store, speaker: str | None, since: str | None, until: str | None,
               limit: int, offset: int) -> QuotePage:
    return quotes_view(store, speaker, since, until, limit, offset)


@router.get("/api/quotes", response_model=QuotePage, summary="Quotes, newest first")
async def quotes(
    handle: Handle, page: Page, since: Since = None, until: Until = None,
    speaker: Annotated[str | None, Query(max_length=200,
                                         description="Part of a speaker's name.")] = None,
) -> QuotePage:
    return await handle.read(quote_page, speaker, since, until, page.limit, page.offset)
