"""Page URLs, and the one rule that ties a page to its JSON twin: the same path under ``/api``.

``/search?q=x`` is a page; ``/api/search?q=x`` is the same data as JSON. The URL helpers live
in :mod:`veille.views.links` (the views build every link); they are re-exported here.
"""

from __future__ import annotations

from veille.views.links import (
    PageInfo,
    doc_url,
    entity_url,
    event_url,
    page_info,
    page_url,
    until_bound,
)

API_PREFIX = "/api"

__all__ = ["API_PREFIX", "PageInfo", "api_twin", "doc_url", "entity_url", "event_url",
           "page_info", "page_url", "until_bound"]


def api_twin(url: str) -> str:
    """The JSON twin of a page URL: ``/x?y`` -> ``/api/x?y`` (``/`` -> ``/api``)."""
    return API_PREFIX + (url[1:] if url == "/" or url.startswith("/?") else url)
