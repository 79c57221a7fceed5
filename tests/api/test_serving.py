"""A server that serves: no 500 for odd ids, readers that do not queue behind a slow one,
a runaway search cut short with a 400, a paged timeline, and safe links."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from veille.api.deps import StoreHandle
from veille.api.server import background_server
from veille.clean.dedup import signature
from veille.model import Record, Source
from veille.settings import Settings
from veille.store import open_store

TOKEN = "test-token-4f7d"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = ("Le président du Sénégal, Bassirou Diomaye Faye, a reçu jeudi à Dakar le ministre "
           "français Jean-Noël Barrot. « Notre partenariat doit être rééquilibré », a déclaré "
           "Bassirou Diomaye Faye après l'entretien.")
# The runaway: every "a*" is the very common word "a"/"à", and FTS5 snippet() over
# twenty such terms takes a third of a second per matching document.
RUNAWAY = "a* " * 20


@pytest.fixture(scope="module")
def heavy_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Sixty texts full of "a" and "à": the runaway search takes 20 s here without a budget."""
    path = str(tmp_path_factory.mktemp("heavy") / "heavy.sqlite")
    store, rng = open_store(path), random.Random(1)
    try:
        for i in range(60):
            text = " ".join(rng.choice(["a", "à", "il", f"mot{rng.randrange(10**6)}"])
                            for _ in range(300))
            store.add(Record(doc_id=f"h{i}", source=Source(title=f"Texte {i}"), text=text),
                      signature(text), 0.99)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def heavy(heavy_db: str) -> Iterator[httpx.Client]:
    with background_server(Settings(db=heavy_db, query_timeout=1.0)) as base, \
            httpx.Client(base_url=base, timeout=60) as http:
        yield http


def test_a_runaway_search_is_a_400_and_small_requests_do_not_wait(heavy: httpx.Client) -> None:
    answer: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        response = heavy.get("/api/search", params={"q": RUNAWAY})
        answer.update(status=response.status_code, error=response.json()["error"],
                      took=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.1)
    waits = []
    while thread.is_alive() and len(waits) < 20:
        started = time.monotonic()
        assert heavy.get("/api/documents/h3").status_code == 200
        waits.append(time.monotonic() - started)
    thread.join()
    assert answer["status"] == 400 and "budget of 1 s" in str(answer["error"])
    assert float(str(answer["took"])) < 5
    assert waits and max(waits) < 0.5, waits  # behind a global lock: ~1 s each


def test_readers_do_not_wait_for_each_other(heavy_db: str) -> None:
    handle = StoreHandle(open_store(heavy_db), query_timeout=None)
    holding = threading.Event()

    def slow_reader() -> None:
        with handle.use() as store:
            holding.set()
            time.sleep(1.5)  # a reader busy for 1.5 s, as a long query would be
            store.stats()

    thread = threading.Thread(target=slow_reader)
    thread.start()
    holding.wait(5)
    started = time.monotonic()
    with handle.use() as store:
        assert store.stats()["documents"] == 60
    waited = time.monotonic() - started
    thread.join()
    handle.close()
    assert waited < 0.5


@pytest.mark.parametrize("path", ["/api/entities/99999999999999999999",
                                  "/entities/99999999999999999999",
                                  "/api/entities/-1", "/api/entities/1e3"])
def test_an_out_of_range_id_is_422_not_500(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 422


def test_the_largest_id_is_simply_unknown(client: httpx.Client) -> None:
    assert client.get(f"/api/entities/{2**63 - 1}").status_code == 404


def test_the_timeline_is_paged(client: httpx.Client) -> None:
    whole = client.get("/api/timeline", params={"entity": "Rangel"}).json()
    assert whole["total"] == len(whole["entries"]) >= 2
    first = client.get("/api/timeline", params={"entity": "Rangel", "limit": 1}).json()
    # Entry ids are the views' business (their format changed with issue 13): the page is the
    # whole timeline's first entry, whatever its id.
    assert first["entries"] == whole["entries"][:1] and first["total"] == whole["total"]
    assert first["paging"]["next"] == "/timeline?entity=Rangel&limit=1&offset=1"
    second = client.get("/api/timeline", params={"entity": "Rangel", "limit": 1,
                                                 "offset": 1}).json()
    assert second["entries"] == whole["entries"][1:2]
    assert client.get("/api/timeline", params={"limit": 10_000}).status_code == 422


def test_a_document_id_with_a_slash_opens_in_json_and_html(writer: httpx.Client) -> None:
    response = writer.post("/api/documents", headers=AUTH,
                           json={"text": ARTICLE, "id": "dépêches/2026/dakar_1"})
    assert response.status_code == 201, response.text
    assert response.json()["added"] == ["dépêches/2026/dakar_1"]
    url = response.json()["urls"][0]
    assert url == "/documents/" + quote("dépêches/2026/dakar_1", safe="")
    page = writer.get(url)
    assert page.status_code == 200 and "Bassirou Diomaye Faye" in page.text
    assert writer.get("/api" + url).json()["doc_id"] == "dépêches/2026/dakar_1"


def test_an_event_of_a_document_id_with_a_slash_opens_as_a_page(writer: httpx.Client) -> None:
    writer.post("/api/documents", headers=AUTH,
                json={"text": ARTICLE, "id": "dépêches/2026/dakar_2"})
    entries = writer.get("/api/timeline", params={"entity": "Barrot"}).json()["entries"]
    assert entries, "the reception in Dakar is an event"
    for entry in entries:
        page = writer.get(entry["url"])
        assert page.status_code == 200 and "Barrot" in page.text, entry["url"]


def test_a_javascript_source_url_is_not_rendered_as_a_link(tmp_path: Path) -> None:
    # Stored before input validation existed (or taken from a page's metadata).
    db = str(tmp_path / "old.sqlite")
    store = open_store(db)
    text = "Le maire a inauguré mardi la nouvelle médiathèque du quartier."
    store.add(Record(doc_id="old-1", source=Source(url="javascript:alert(document.domain)",
                                                   title="Ancien"), text=text),
              signature(text), 0.85)
    store.close()
    with background_server(Settings(db=db)) as base:
        page = httpx.get(f"{base}/documents/old-1")
    assert page.status_code == 200
    assert 'href="javascript:' not in page.text
    assert "javascript:alert(document.domain)" in page.text  # shown, as text
