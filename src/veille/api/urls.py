"""Page URLs, and the one rule that ties a page to its JSON twin: the same path under ``/api``.

``/search?q=x`` is a page; ``/api/search?q=x`` is the same data as JSON. Routes build every
link through these helpers so the rule cannot drift.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from veille.api.schemas import PageInfo

API_PREFIX = "/api"


def page_url(path: str, **params: str | int | None) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def api_twin(url: str) -> str:
    """The JSON twin of a page URL: ``/x?y`` -> ``/api/x?y`` (``/`` -> ``/api``)."""
    return API_PREFIX + (url[1:] if url == "/" or url.startswith("/?") else url)


def doc_url(doc_id: str, start: int | None = None) -> str:
    base = f"/documents/{quote(doc_id, safe='')}"
    return base if start is None else f"{base}#at-{start}"


def entity_url(entity_id: int) -> str:
    return f"/entities/{entity_id}"


def page_info(path: str, params: dict[str, str | None], limit: int, offset: int,
              has_more: bool) -> PageInfo:
    """Links to the previous and next pages of a listing."""
    def at(off: int) -> str:
        return page_url(path, **params, limit=limit if limit != 20 else None, offset=off or None)

    return PageInfo(
        limit=limit, offset=offset,
        next=at(offset + limit) if has_more else None,
        prev=at(max(offset - limit, 0)) if offset > 0 else None,
    )


def until_bound(until: str | None) -> str | None:
    """An inclusive upper bound: "2025-08" must keep "2025-08-15" ("~" sorts after digits)."""
    return until + "~" if until else None
