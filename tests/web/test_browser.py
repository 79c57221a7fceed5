"""An analyst's path through the UI in headless Chromium: search, read, follow, explore.

Expected values are those of tests/data/web/articles.jsonl (see tests/api/test_read.py).
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Dialog, Page, expect

pytestmark = pytest.mark.browser


def test_search_with_htmx_then_a_facet(page: Page, server: str, errors: list[str]) -> None:
    page.goto(f"{server}/search")
    page.evaluate("window.__same_page = true")  # survives an htmx swap, not a full load
    page.get_by_label("Mots").fill("Tage")
    page.get_by_role("button", name="Rechercher").click()
    hits = page.locator(".hit h2 a")
    expect(hits).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/search\?q=Tage"))  # htmx pushed the URL
    assert page.evaluate("window.__same_page") is True
    assert sorted(hits.all_inner_texts()) == [
        "Eau : Lisbonne et Madrid veulent un accord avant l'été",
        "Le Tage à sec, les agriculteurs inquiets"]
    page.locator(".facet-speaker a", has_text="Manuel Costa").click()
    expect(hits).to_have_count(1)
    expect(hits.first).to_have_text("Le Tage à sec, les agriculteurs inquiets")
    assert errors == []


def test_article_highlights_then_follow_the_speaker(page: Page, server: str,
                                                    errors: list[str]) -> None:
    page.goto(f"{server}/search?q=fleuves")
    page.locator(".hit h2 a").first.click()
    expect(page.locator("h1")).to_have_text(
        "Eau : Lisbonne et Madrid veulent un accord avant l'été")
    text = page.locator(".article-text")
    rangel_quote = text.locator(".quote", has_text="Nous voulons un accord")
    ribera_quote = text.locator(".quote", has_text="Madrid était prête")
    expect(rangel_quote).to_have_class(re.compile(r"spk-0"))
    expect(ribera_quote).to_have_class(re.compile(r"spk-1"))  # another speaker, another colour
    expect(text.locator("time.time", has_text="mardi")).to_have_attribute("datetime", "2026-05-05")
    expect(text.locator("a.ent-PER", has_text="Teresa Ribera").first).to_be_visible()
    expect(page.locator(".cards .card h3", has_text="Paulo Rangel")).to_be_visible()
    page.locator(".doc-quotes a.speaker", has_text="Paulo Rangel").click()
    expect(page.locator("h1")).to_have_text("Paulo Rangel")
    expect(page.locator(".entity-quotes blockquote")).to_have_text(
        ["Nous voulons un accord sur l'eau avant l'été"])
    expect(page.locator(".met-with li").first).to_contain_text("Teresa Ribera")
    expect(page.locator(".aliases-seen")).to_contain_text("Le ministre portugais")
    assert errors == []


def test_removed_boilerplate_can_be_shown(page: Page, server: str) -> None:
    listed = httpx.get(f"{server}/api/documents?limit=200").json()["documents"]
    records = [httpx.get(f"{server}/api/documents/{d['doc_id']}").json() for d in listed]
    with_removed = [r for r in records if r["record"]["removed"]]
    assert with_removed, "the examples have page furniture that cleaning removes"
    page.goto(server + with_removed[0]["url"])
    removed = page.locator("details.removed")
    expect(removed.locator("ul")).to_be_hidden()
    removed.locator("summary").click()
    expect(removed.locator("li").first).to_be_visible()


def test_timeline_opens_an_event_with_its_sources_and_quotes(page: Page, server: str,
                                                             errors: list[str]) -> None:
    page.goto(f"{server}/timeline?entity=Rangel")
    marks = page.locator("svg .mark")
    expect(marks).to_have_count(2)  # the meeting in Lisbon, and the undated press conference
    expect(page.locator(".lane h2")).to_have_text(["Mai 2026", "Sans date"])
    page.locator(".lane .event-link", has_text="Rencontre").click()
    expect(page.locator("h1")).to_have_text("Rencontre · 5 mai 2026 · Lisbonne")
    expect(page.locator(".event-sources a.source")).to_have_text(
        ["Eau : Lisbonne et Madrid veulent un accord avant l'été", "Rencontre ibérique sur l'eau"])
    expect(page.locator(".event-quotes blockquote").first).to_have_text(
        "Nous voulons un accord sur l'eau avant l'été")
    page.go_back()
    page.get_by_label("Depuis").fill("2026-06-01")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator(".lanes")).to_have_text("Aucun événement.")
    assert errors == []


def test_quote_explorer_links_each_quote_to_its_source(page: Page, server: str,
                                                       errors: list[str]) -> None:
    page.goto(f"{server}/quotes")
    page.get_by_label("Locuteur").fill("Manuel Costa")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator("#quote-list blockquote")).to_have_text(
        ["Sans accord, nos vergers mourront"])
    page.locator("#quote-list a.source").click()
    expect(page).to_have_url(re.compile(r"/documents/web-tage#at-\d+$"))
    expect(page.locator(".article-text .quote.spk-0")).to_contain_text("nos vergers mourront")
    assert errors == []


HOSTILE = ("Dépêche piégée. <script>window.__pwned = 1; document.title = 'pwned'</script> "
           "Le ministre Paulo Rangel a déclaré : « <img src=x onerror=\"window.__pwned = 2\"> "
           "nous verrons ». <a href=\"#\" onclick=\"window.__pwned = 3\">cliquez</a> "
           "<svg onload=\"window.__pwned = 4\"></svg>")


def test_hostile_article_text_never_runs(page: Page, server: str, api_token: str) -> None:
    response = httpx.post(f"{server}/api/documents",
                          headers={"Authorization": f"Bearer {api_token}"},
                          json={"text": HOSTILE, "title": "<script>window.__pwned=5</script>Piège",
                                "publisher": "<b onmouseover=\"window.__pwned=6\">X</b>"},
                          timeout=60)
    assert response.status_code == 201, response.text
    (url,) = response.json()["urls"]
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:  # an alert() that ran would land here
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    rangel = httpx.get(f"{server}/api/entities?name=Paulo Rangel").json()["entities"][0]["url"]
    for path in (url, "/search?q=piégée", "/documents", "/quotes?speaker=Rangel", "/",
                 "/timeline", rangel, rangel + "/quotes"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.title() != "pwned"
    page.goto(server + url)
    article = page.locator(".article-text")
    expect(article).to_contain_text("<script>window.__pwned = 1;")  # shown as text
    expect(page.locator("h1")).to_have_text("<script>window.__pwned=5</script>Piège")
    assert page.locator(".article-text img, .article-text script, .article-text svg").count() == 0
    page.get_by_text("cliquez").click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


@pytest.mark.parametrize("path", ["/", "/search?q=Tage", "/documents/web-lisbonne", "/quotes",
                                  "/timeline", "/entities"])
def test_phone_width_has_no_sideways_scroll(page: Page, server: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + path)
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a phone"


def test_keyboard_skip_link_and_visible_focus(page: Page, server: str) -> None:
    page.goto(f"{server}/search?q=Tage")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    for _ in range(20):  # tabbing from main reaches the first result, then opens it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hit') !== null"):
            break
    page.keyboard.press("Enter")
    expect(page.locator(".article-text")).to_be_visible()
