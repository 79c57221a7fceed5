"""Ingest through the API: token rules, input validation, text, HTML and URL."""

from __future__ import annotations

from pathlib import Path

import httpx
from pytest_httpserver import HTTPServer

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-4f7d"  # the one tests/api/conftest.py gives the ``writer`` server
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = ("Le président du Sénégal, Bassirou Diomaye Faye, a reçu jeudi à Dakar le ministre "
           "français Jean-Noël Barrot. « Notre partenariat doit être rééquilibré », a déclaré "
           "Bassirou Diomaye Faye après l'entretien.")


def test_read_only_server_refuses_ingest_with_403(client: httpx.Client) -> None:
    response = client.post("/api/documents", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]


def test_wrong_or_missing_token_is_401(writer: httpx.Client) -> None:
    wrong = writer.post("/api/documents", json={"text": ARTICLE},
                        headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert writer.post("/api/documents", json={"text": ARTICLE}).status_code == 401


def test_ingest_text_then_read_it_back(writer: httpx.Client) -> None:
    response = writer.post("/api/documents", headers=AUTH, json={
        "text": ARTICLE, "title": "Dakar et Paris", "publisher": "Test", "published": "2026-03-05"})
    assert response.status_code == 201, response.text
    (doc_id,) = response.json()["added"]
    assert response.json()["urls"] == [f"/documents/{doc_id}"]
    record = writer.get(f"/api/documents/{doc_id}").json()["record"]
    assert record["source"]["title"] == "Dakar et Paris"
    assert record["quotes"][0]["speaker"] == "Bassirou Diomaye Faye"
    again = writer.post("/api/documents", headers=AUTH, json={"text": ARTICLE})
    assert again.status_code == 200
    assert again.json()["added"] == [] and len(again.json()["duplicates"]) == 1


def test_ingest_html(writer: httpx.Client) -> None:
    page = (f"<html><head><title>Dakar</title></head><body><nav>Accueil | Monde</nav>"
            f"<article><h1>Dakar</h1><p>{ARTICLE}</p></article></body></html>")
    response = writer.post("/api/documents", headers=AUTH, json={"html": page})
    assert response.status_code == 201, response.text
    (doc_id,) = response.json()["added"]
    text = writer.get(f"/api/documents/{doc_id}").json()["record"]["text"]
    assert "Notre partenariat" in text and "<p>" not in text


def test_ingest_url(intranet_writer: httpx.Client, httpserver: HTTPServer) -> None:
    writer = intranet_writer
    # A page no other test ingests: trafilatura's process-wide dedup cache refuses a page it
    # has seen a few times already (clean/html.py passes deduplicate=True).
    page = (REPO / "tests" / "data" / "web" / "porto.html").read_bytes()
    httpserver.expect_request("/article").respond_with_data(
        page, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/article")
    response = writer.post("/api/documents", headers=AUTH, json={"url": url})
    assert response.status_code == 201, response.text
    (doc_id,) = response.json()["added"]
    record = writer.get(f"/api/documents/{doc_id}").json()["record"]
    assert record["source"]["url"] == url
    assert "Rui Moreira" in {q["speaker"] for q in record["quotes"]}
    assert "Accueil" not in record["text"]  # the navigation is not article text


def test_invalid_ingest_bodies_are_422(writer: httpx.Client) -> None:
    def status(body: object) -> int:
        return writer.post("/api/documents", headers=AUTH, json=body).status_code

    assert status({}) == 422
    assert status({"text": ARTICLE, "url": "https://example.org/"}) == 422
    assert status({"url": "file:///etc/passwd"}) == 422
    assert status({"text": ""}) == 422
    assert status({"text": ARTICLE, "published": "hier"}) == 422
    assert writer.post("/api/documents", headers={**AUTH, "content-type": "application/json"},
                       content=b"{not json").status_code == 422


def test_unusable_text_is_422_with_the_reason(writer: httpx.Client) -> None:
    response = writer.post("/api/documents", headers=AUTH, json={"text": "   \n  "})
    assert response.status_code == 422
    assert response.json()["error"]


def test_bad_field_values_are_422_naming_the_field_never_500(writer: httpx.Client) -> None:
    for field, value in [("published", "2026-13-45"), ("published", "2026-03-12junk"),
                         ("published", 12345), ("title", {"fr": "Titre"}),
                         ("language", "français"), ("publisher", ["a", "b"])]:
        response = writer.post("/api/documents", headers=AUTH,
                               json={"text": ARTICLE, field: value})
        assert response.status_code == 422, (field, value, response.text)
        assert f"body.{field}" in response.json()["error"], response.text
    assert writer.get("/api/documents").json()["documents"] == []  # nothing stored


def test_url_ingest_refuses_loopback_by_default(writer: httpx.Client, httpserver: HTTPServer
                                                ) -> None:
    httpserver.expect_request("/internal").respond_with_data("secret", content_type="text/plain")
    for url in (httpserver.url_for("/internal"),
                f"http://localhost:{httpserver.port}/internal",
                f"http://2130706433:{httpserver.port}/internal",
                f"http://[::1]:{httpserver.port}/internal"):
        response = writer.post("/api/documents", headers=AUTH, json={"url": url})
        assert response.status_code == 422, response.text
        assert "refused" in response.json()["error"] and "loopback" in response.json()["error"]
    assert httpserver.log == []  # not one request reached the internal service
