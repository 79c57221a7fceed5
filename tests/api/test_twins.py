"""Every HTML page has a JSON twin: the same path and query under /api, holding the same data."""

from __future__ import annotations

import re

import httpx
import pytest

from veille.api.urls import api_twin


def rangel(client: httpx.Client) -> int:
    found = client.get("/api/entities?name=Paulo+Rangel&type=PER").json()["entities"]
    return int(found[0]["id"])


PAGES = ["/", "/search?q=Tage", "/documents", "/documents/web-lisbonne", "/entities?type=PER",
         "/quotes?speaker=Rangel", "/timeline?entity=Rangel", "ENTITY"]


def test_twin_rule() -> None:
    assert api_twin("/") == "/api"
    assert api_twin("/?x=1") == "/api?x=1"
    assert api_twin("/search?q=a") == "/api/search?q=a"


@pytest.mark.parametrize("page", PAGES)
def test_page_and_twin_agree(client: httpx.Client, page: str) -> None:
    if page == "ENTITY":
        page = f"/entities/{rangel(client)}"
    html = client.get(page)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    twin = api_twin(page)
    assert f'<link rel="alternate" type="application/json" href="{twin.replace("&", "&amp;")}">' \
        in html.text
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    # Every page URL the JSON lists (but the page's own) is linked from the HTML page.
    listed = set(re.findall(r'"url":"(/(?:documents|entities)/[^"#]+)', data.text)) - {page}
    assert listed or page in ("/", "/documents/web-lisbonne")
    for url in listed:
        assert f'href="{url}' in html.text, url


def test_pages_show_errors_as_html_and_api_as_json(client: httpx.Client) -> None:
    page = client.get("/documents/no-such-doc")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no-such-doc" in page.text
    assert client.get("/search?since=hier").status_code == 422
    assert client.get("/api/nothing-here").json()["status"] == 404
