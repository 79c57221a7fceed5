"""The OpenAPI schema is served and describes the JSON API (and only it)."""

from __future__ import annotations

import httpx

from veille.api.app import CSP


def test_openapi_lists_the_json_endpoints(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api", "/api/documents", "/api/documents/{ref}", "/api/search", "/api/quotes",
        "/api/entities", "/api/entities/{entity_id}", "/api/entities/{entity_id}/quotes",
        "/api/events", "/api/events/{event_id}", "/api/timeline",
    }
    ingest = schema["paths"]["/api/documents"]["post"]
    assert {"201", "401", "403", "422"} <= set(ingest["responses"])
    assert ingest["security"] == [{"HTTPBearer": []}]
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    search = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert search == {"q", "speaker", "entity", "publisher", "language", "since", "until",
                      "limit", "offset"}
    assert {"DocumentView", "EntityView", "TimelineView", "EventDetail"} <= set(
        schema["components"]["schemas"])


def test_docs_page_and_security_headers(client: httpx.Client) -> None:
    assert client.get("/docs").status_code == 200
    page = client.get("/search")
    assert page.headers["content-security-policy"] == CSP
    script_src = next(d for d in CSP.split(";") if d.strip().startswith("script-src"))
    assert script_src.strip() == "script-src 'self'"
    assert page.headers["x-content-type-options"] == "nosniff"
