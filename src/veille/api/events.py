"""Events as found in each document, the timeline that merges them across documents, and one
merged event. The merge and its pages are :mod:`veille.views.timeline`'s, the same as
``veille timeline``'s."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from veille.api.deps import MAX_LIMIT, Handle, Page, Paging, Since, Until
from veille.api.schemas import EventOut, EventPage
from veille.store.base import EventRow
from veille.views.event import EventDetail, event_view
from veille.views.labels import labels
from veille.views.links import doc_url, page_info, until_bound
from veille.views.timeline import TIMELINE_LIMIT, TimelineView, timeline_view

router = APIRouter(tags=["events"])

Entity = Annotated[str | None, Query(max_length=200,
                                     description="Part of a participant's name, or a KB id.")]
EventRef = Annotated[str, Path(min_length=1, max_length=400,
                               description="A timeline entry's id.")]


async def timeline_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")
                     ] = TIMELINE_LIMIT,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Events to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


TimelinePaging = Annotated[Paging, Depends(timeline_paging)]


def event_out(row: EventRow, label: str) -> EventOut:
    ev = row.event
    return EventOut(doc_id=row.doc_id, label=label, title=row.title, publisher=row.publisher,
                    published=row.published, type=ev.type, trigger=ev.trigger,
                    participants=ev.participants, place=ev.place, date=ev.date,
                    status=ev.status, url=doc_url(row.doc_id, ev.start))


@router.get("/api/events", response_model=EventPage, summary="Events, one per document")
def events(handle: Handle, page: Page, entity: Entity = None, since: Since = None,
           until: Until = None) -> EventPage:
    with handle.use() as store:
        rows = store.events(entity=entity, since=since, until=until_bound(until))
        chunk = rows[page.offset:page.offset + page.limit]
        named = labels(store, ((r.doc_id, r.title) for r in chunk))
    # No HTML page lists raw events: the timeline is their page, so "next" points to this API.
    info = page_info("/api/events", {"entity": entity, "since": since, "until": until},
                     page.limit, page.offset, len(rows) > page.offset + page.limit)
    return EventPage(entity=entity, since=since, until=until,
                     events=[event_out(r, named[r.doc_id]) for r in chunk], paging=info)


@router.get("/api/timeline", response_model=TimelineView,
            summary="Events merged across documents")
async def timeline(handle: Handle, page: TimelinePaging, entity: Entity = None,
                   since: Since = None, until: Until = None) -> TimelineView:
    return await handle.read(timeline_view, entity, since, until, page.limit, page.offset)


@router.get("/api/events/{event_id:path}", response_model=EventDetail,
            summary="One merged event: sources, participants, place, disagreements, quotes",
            responses={404: {"description": "Unknown event"}})
def event(handle: Handle, event_id: EventRef) -> EventDetail:
    with handle.use() as store:
        found = event_view(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} (an event id is a timeline entry's id)")
    return found
