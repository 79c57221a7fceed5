"""The API docs in headless Chromium: Swagger UI renders from Veille's own files, inside its
CSP, with no request leaving the server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Request, expect

pytestmark = pytest.mark.browser


def outside_requests(page: Page, server: str) -> list[str]:
    """Every request the page makes to anywhere but ``server`` (filled as the page loads)."""
    seen: list[str] = []

    def check(request: Request) -> None:
        if not request.url.startswith((server + "/", "data:", "blob:")):
            seen.append(request.url)

    page.on("request", check)
    return seen


def test_swagger_ui_renders_operations_offline(page: Page, server: str,
                                               errors: list[str]) -> None:
    outside = outside_requests(page, server)
    page.goto(f"{server}/docs")
    operations = page.locator(".opblock-summary-path")
    expect(operations.filter(has_text=re.compile(r"^/api/timeline$"))).to_have_count(1)
    expect(operations.filter(has_text=re.compile(r"^/api/entities/\{entity_id\}$"))
           ).to_have_count(1)
    page.locator(".opblock-summary", has_text="/api/timeline").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()  # an operation opens
    assert outside == []
    assert errors == []


def test_docs_page_sends_the_csp(page: Page, server: str) -> None:
    response = page.goto(f"{server}/docs")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
