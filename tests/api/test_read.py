"""Reading through the API: documents, search and its filters, quotes, entities, timeline.

Expected values come from tests/data/web/articles.jsonl, read by hand: Paulo Rangel speaks in
"web-lisbonne" (meeting Teresa Ribera in Lisbon on Tuesday 2026-05-05), "web-lisbonne-bis"
reports the same meeting, and "web-tage" names him and quotes Manuel Costa.
"""

from __future__ import annotations

from typing import Any

import httpx


def get_json(client: httpx.Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def entity_id(client: httpx.Client, name: str) -> int:
    found = get_json(client, f"/api/entities?name={name}&type=PER")["entities"]
    (match,) = [e for e in found if e["name"] == name]
    return int(match["id"])


def test_document_carries_the_full_extraction_record(client: httpx.Client) -> None:
    doc = get_json(client, "/api/documents/web-lisbonne")
    record = doc["record"]
    assert record["schema"] == "veille.extraction/1"
    assert record["source"]["publisher"] == "Gazette de test"
    assert [q["speaker"] for q in record["quotes"]] == ["Paulo Rangel", "Teresa Ribera"]
    assert {e["name"] for e in record["entities"]} >= {"Paulo Rangel", "Teresa Ribera", "Tage"}
    rangel_local = next(e["id"] for e in record["entities"] if e["name"] == "Paulo Rangel")
    assert doc["entity_links"][rangel_local] == entity_id(client, "Paulo Rangel")


def test_document_by_unique_prefix(client: httpx.Client) -> None:
    assert get_json(client, "/api/documents/web-lisbonne-b")["doc_id"] == "web-lisbonne-bis"
    get_json(client, "/api/documents/web-lis", 404)  # two documents start so


def test_unknown_document_is_a_json_404(client: httpx.Client) -> None:
    body = get_json(client, "/api/documents/no-such-doc", 404)
    assert body["status"] == 404
    assert "no-such-doc" in body["error"]


def test_search_finds_by_word_and_inflection(client: httpx.Client) -> None:
    hits = get_json(client, "/api/search?q=fleuve")["hits"]  # the text says "fleuves"
    assert [h["doc_id"] for h in hits] == ["web-lisbonne"]
    assert hits[0]["url"] == "/documents/web-lisbonne"


def test_search_filters(client: httpx.Client) -> None:
    def ids(query: str) -> set[str]:
        return {h["doc_id"] for h in get_json(client, f"/api/search?q=Tage&{query}")["hits"]}

    assert ids("") == {"web-lisbonne", "web-tage"}
    assert ids("speaker=Manuel+Costa") == {"web-tage"}
    assert ids("publisher=Gazette+de+test") == {"web-lisbonne"}
    assert ids("entity=Teresa+Ribera") == {"web-lisbonne"}
    assert ids("since=2026-06") == {"web-tage"}
    # "until" is inclusive at its precision: 2026-05 keeps 2026-05-05.
    assert ids("until=2026-05") == {"web-lisbonne"}
    assert ids("language=en") == set()


def test_search_facets_count_the_hits(client: httpx.Client) -> None:
    facets = get_json(client, "/api/search?q=Tage")["facets"]
    publishers = {f["value"]: f["count"] for f in facets["publisher"]}
    assert publishers == {"Gazette de test": 1, "Courrier de test": 1}
    months = {f["value"] for f in facets["month"]}
    assert months == {"2026-05", "2026-06"}
    speaker = next(f for f in facets["speaker"] if f["value"] == "Manuel Costa")
    assert speaker["url"] == "/search?q=Tage&speaker=Manuel+Costa"


def test_search_pages(client: httpx.Client) -> None:
    first = get_json(client, "/api/search?q=Tage&limit=1")
    second = get_json(client, "/api/search?q=Tage&limit=1&offset=1")
    assert first["paging"]["next"] == "/search?q=Tage&limit=1&offset=1"
    assert second["paging"]["next"] is None
    assert second["paging"]["prev"] == "/search?q=Tage&limit=1"
    assert first["hits"][0]["doc_id"] != second["hits"][0]["doc_id"]


def test_bad_queries_and_parameters(client: httpx.Client) -> None:
    assert "no word" in get_json(client, "/api/search?q=%2A%2A%2A", 400)["error"]
    body = get_json(client, "/api/search?q=Tage&since=mars", 422)
    assert body["detail"][0]["where"] == "query.since"
    get_json(client, "/api/search?q=Tage&limit=0", 422)
    get_json(client, "/api/search?q=Tage&limit=100000", 422)
    get_json(client, "/api/entities/0", 422)
    get_json(client, "/api/entities/999999", 404)
    get_json(client, "/api/entities?type=PERSON", 422)


def test_quotes_filter_by_speaker_and_date(client: httpx.Client) -> None:
    quotes = get_json(client, "/api/quotes?speaker=Rangel")["quotes"]
    assert [q["text"] for q in quotes] == ["Nous voulons un accord sur l'eau avant l'été"]
    assert quotes[0]["url"] == f"/documents/web-lisbonne#at-{quotes[0]['start']}"
    assert quotes[0]["speaker_url"] == f"/entities/{entity_id(client, 'Paulo Rangel')}"
    assert get_json(client, "/api/quotes?speaker=Rangel&since=2026-06")["quotes"] == []


def test_entity_page_data(client: httpx.Client) -> None:
    rangel = get_json(client, f"/api/entities/{entity_id(client, 'Paulo Rangel')}")
    assert rangel["entity"]["documents"] == 3
    assert rangel["entity"]["mentions"] == 5
    assert "Le ministre portugais des Affaires étrangères" in rangel["entity"]["aliases"]
    assert rangel["card"]["name"] == "Paulo Rangel"
    assert rangel["card"]["source"] == "store"  # not in the knowledge base
    # His articles are of 5 and 6 May 2026 (ISO week 19) and 10 June (week 24): within twelve
    # weeks, so the chart counts weeks, the quiet ones between at zero.
    chart = rangel["activity"]
    assert chart["unit"] == "week" and chart["undated"] is None
    assert [(p["period"], p["documents"], p["quotes"]) for p in chart["periods"]] == [
        ("2026-W19", 2, 1), ("2026-W20", 0, 0), ("2026-W21", 0, 0), ("2026-W22", 0, 0),
        ("2026-W23", 0, 0), ("2026-W24", 1, 0)]
    assert rangel["counts"]["quotes"] == {"shown": 1, "total": 1}
    assert {e["type"] for e in rangel["events"]} == {"meeting", "press_conference"}
    met = [(m["name"], m["count"]) for m in rangel["met_with"]]
    # Three names share two of his articles: the person first, then places by name.
    assert met[:4] == [("Teresa Ribera", 2), ("Lisbonne", 2), ("Tage", 2), ("Manuel Costa", 1)]


def test_cards_come_from_the_knowledge_base_on_the_articles_date(client: httpx.Client) -> None:
    macron = get_json(client, f"/api/entities/{entity_id(client, 'Emmanuel Macron')}")["card"]
    assert macron["source"] == "kb"
    assert macron["kb_id"] == "Q3052772"
    assert macron["role"] == "chef de l'État (France)"
    lisbon = get_json(client, "/api/documents/web-lisbonne")["cards"]
    by_name = {c["name"]: c for c in lisbon}
    assert by_name["Lisbonne"]["country"] == "Portugal"
    assert by_name["Lisbonne"]["on"] == "2026-05-05"  # the article's date
    assert by_name["Paulo Rangel"]["source"] == "store"


def test_timeline_merges_and_opens_sources_and_quotes(client: httpx.Client) -> None:
    timeline = get_json(client, "/api/timeline?entity=Paulo+Rangel")
    meeting = next(e for e in timeline["entries"] if e["type"] == "meeting")
    assert (meeting["date"], meeting["place"]) == ("2026-05-05", "Lisbonne")
    assert meeting["participants"] == ["Paulo Rangel", "Teresa Ribera"]
    assert [s["doc_id"] for s in meeting["sources"]] == ["web-lisbonne", "web-lisbonne-bis"]
    # The link points at "se sont rencontrés" in the second report.
    assert meeting["sources"][1]["url"] == "/documents/web-lisbonne-bis#at-30"
    assert [q["speaker"] for q in meeting["quotes"]] == ["Paulo Rangel", "Teresa Ribera"]
    assert timeline["entries"][-1]["date"] is None  # undated events come last
    dated = get_json(client, "/api/timeline?entity=Paulo+Rangel&since=2026-05-06")
    assert all(e["type"] != "meeting" for e in dated["entries"])


def test_events_endpoint_pages(client: httpx.Client) -> None:
    events = get_json(client, "/api/events?entity=Paulo+Rangel&limit=1")
    assert len(events["events"]) == 1
    assert events["paging"]["next"] == "/api/events?entity=Paulo+Rangel&limit=1&offset=1"


def test_documents_listing_pages(client: httpx.Client) -> None:
    total = get_json(client, "/api")["stats"]["documents"]
    listed = get_json(client, f"/api/documents?limit={total}")
    assert len(listed["documents"]) == total
    assert listed["paging"]["next"] is None
    assert get_json(client, f"/api/documents?offset={total}")["documents"] == []
