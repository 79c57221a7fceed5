"""The workbench pages in headless Chromium: timeline, event, entity, home, article, titles.

Expected values are those of tests/data/web/articles.jsonl and examples/ (see
tests/api/test_read.py): Paulo Rangel meets Teresa Ribera in Lisbon on 5 May 2026, told by two
articles; a press conference with no date; Sergueï Lavrov's planned visit to Khartoum.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

HEX_ID = re.compile(r"^[0-9a-f]{16}$")
RAW_TYPES = ("press_conference", "meeting", "summit", "cancellation")


def test_timeline_speaks_french_colours_types_and_lanes_the_undated(
        page: Page, server: str, errors: list[str]) -> None:
    page.goto(f"{server}/timeline")
    cards = page.locator(".lane .event")
    assert cards.count() >= 3
    text = page.locator(".lanes").inner_text()
    assert not any(raw in text for raw in RAW_TYPES), text[:300]
    expect(page.locator(".lane-undated h2")).to_have_text("Sans date")
    expect(page.locator("svg .tick.undated")).to_have_text("sans date")
    assert page.locator(".lane-undated .event").count() >= 1
    colour = "getComputedStyle(el).borderLeftColor"
    meeting = page.locator(".event", has_text="Rencontre").first.evaluate(f"el => {colour}")
    conference = page.locator(".event", has_text="Conférence de presse").first.evaluate(
        f"el => {colour}")
    assert meeting != conference  # each type its colour
    lisbon = page.locator(".event").filter(has=page.locator(".place", has_text="Lisbonne"))
    expect(lisbon.locator(".count")).to_have_text("2 sources")
    lisbon.locator("summary.count").click()  # the sources, by their titles, open in place
    expect(lisbon.locator(".srcs a")).to_have_text(
        ["Eau : Lisbonne et Madrid veulent un accord avant l'été", "Rencontre ibérique sur l'eau"])


def test_planned_events_are_drawn_apart(page: Page, server: str) -> None:
    page.goto(f"{server}/timeline?entity=Lavrov")
    planned = page.locator(".event.status-planned", has_text="Khartoum")
    expect(planned.locator(".status")).to_have_text("prévu")
    assert planned.evaluate("el => getComputedStyle(el).borderTopStyle") == "dashed"
    mark = page.locator("svg .mark.status-planned circle, svg .mark.status-planned rect").first
    assert mark.evaluate("el => getComputedStyle(el).fill") == "rgb(255, 255, 255)"  # hollow
    happened = page.locator("svg .mark.status-happened circle").first
    if happened.count():
        assert happened.evaluate("el => getComputedStyle(el).fill") != "rgb(255, 255, 255)"


def test_a_mark_on_the_strip_opens_the_event_page(page: Page, server: str,
                                                  errors: list[str]) -> None:
    page.goto(f"{server}/timeline?entity=Rangel")
    page.locator("svg a.mark").first.click()
    expect(page).to_have_url(re.compile(r"/events/[^/]+$"))
    expect(page.locator(".event-facts .place")).to_have_text("Lisbonne")
    expect(page.locator(".event-facts .participants a")).to_have_text(
        ["Paulo Rangel", "Teresa Ribera"])
    sentences = page.locator(".event-sources blockquote.sentence")
    expect(sentences).to_have_count(2)
    expect(sentences.first.locator("mark.trigger")).to_have_count(1)  # the trigger word
    expect(page.locator(".event-quotes .speaker").first).to_have_text("Paulo Rangel")
    page.locator(".event-facts .participants a", has_text="Teresa Ribera").click()
    expect(page.locator("h1")).to_have_text("Teresa Ribera")
    assert errors == []


def test_month_filter_keeps_one_month(page: Page, server: str, errors: list[str]) -> None:
    page.goto(f"{server}/timeline")
    months = page.locator("nav.months a")
    assert months.count() >= 2
    page.locator("nav.months a", has_text="mai 2026").click()
    expect(page).to_have_url(re.compile(r"since=2026-05&until=2026-05"))
    expect(page.locator(".lane h2")).to_have_text(["Mai 2026"])  # no undated lane either
    expect(page.locator("nav.months a[aria-current=page]")).to_have_text("mai 2026")
    expect(page.get_by_label("Depuis")).to_have_value("2026-05")
    twin = httpx.get(f"{server}/api/timeline?since=2026-05&until=2026-05").json()
    assert page.locator(".lane .event").count() == len(twin["entries"])
    assert all(e["date"].startswith("2026-05") for e in twin["entries"])
    page.locator("nav.months a", has_text="tous les mois").click()
    assert page.locator(".lane h2").count() > 1
    assert errors == []


def test_entity_page_events_first_then_charts_then_paged_quotes(
        page: Page, server: str, errors: list[str]) -> None:
    page.goto(f"{server}/search?q=fleuves")
    page.locator(".hit h2 a").first.click()
    page.locator(".doc-quotes a.speaker", has_text="Paulo Rangel").click()
    expect(page.locator("h1")).to_have_text("Paulo Rangel")
    events = page.locator(".entity-events-top li")
    expect(events.first).to_contain_text("5 mai 2026")
    expect(events.first).to_contain_text("Lisbonne")
    expect(events.first.locator(".status")).to_have_text("a eu lieu")
    events_y = events.first.bounding_box()
    quotes_y = page.locator(".entity-quotes").bounding_box()
    assert events_y and quotes_y and events_y["y"] < quotes_y["y"] < 2000
    bars = page.locator(".activity svg rect.bar-quotes")
    assert bars.count() >= 1
    heights = bars.evaluate_all("els => els.map(e => e.getAttribute('height'))")
    assert max(float(h) for h in heights) > 0
    nodes = page.locator(".graph svg a.node")
    assert nodes.count() >= 2
    expect(page.locator(".graph svg a.node.centre text")).to_have_text("Paulo Rangel")
    page.locator(".graph svg a.node:not(.centre)", has_text="Teresa Ribera").click()
    expect(page.locator("h1")).to_have_text("Teresa Ribera")
    assert errors == []


def test_entity_quotes_are_paged(page: Page, server: str) -> None:
    entity = httpx.get(f"{server}/api/entities?name=Guterres").json()["entities"][0]
    page.goto(f"{server}{entity['url']}?limit=1")
    expect(page.locator(".entity-quotes h2")).to_contain_text("1 sur ")
    expect(page.locator(".entity-quotes blockquote")).to_have_count(1)
    first = page.locator(".entity-quotes blockquote").inner_text()
    page.locator(".entity-quotes a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/entities/\d+/quotes\?limit=1&offset=1"))
    expect(page.locator(".quotes blockquote")).to_have_count(1)
    assert page.locator(".quotes blockquote").inner_text() != first


def test_undated_activity_is_labelled_sans_date(page: Page, server: str, api_token: str
                                                ) -> None:
    posted = httpx.post(f"{server}/api/documents",
                        headers={"Authorization": f"Bearer {api_token}"},
                        json={"text": "Travaux du pont. Le maire Jules Fontaine a déclaré : "
                                      "« Le pont rouvrira bientôt. »", "title": "Le pont"},
                        timeout=60)
    assert posted.status_code in (200, 201), posted.text
    found = httpx.get(f"{server}/api/entities?name=Fontaine").json()["entities"]
    assert found, "the mayor is an entity"
    view = httpx.get(f"{server}/api{found[0]['url']}").json()
    assert view["activity"]["undated"]["documents"] >= 1  # an article with no date at all
    page.goto(server + found[0]["url"])
    expect(page.locator(".activity svg .tick.undated")).to_have_text("sans date")
    expect(page.locator(".activity svg rect.bar-documents")).to_have_count(1)


def test_home_shows_latest_articles_events_and_counts(page: Page, server: str,
                                                      errors: list[str]) -> None:
    page.goto(f"{server}/")
    home = httpx.get(f"{server}/api").json()
    docs = page.locator(".latest-documents li a")
    expect(docs.first).to_have_text(home["latest_documents"][0]["label"])
    assert docs.count() == len(home["latest_documents"]) > 0
    events = page.locator(".latest-events li a")
    assert events.count() == len(home["latest_events"]) > 0
    expect(page.locator(".stats dd").first).to_have_text(str(home["stats"]["documents"]))
    events.first.click()
    expect(page).to_have_url(re.compile(r"/events/"))
    assert errors == []


def test_article_puts_the_speaker_above_each_quote_with_why(page: Page, server: str) -> None:
    page.goto(f"{server}/documents/web-lisbonne")
    items = page.locator(".doc-quotes .quote-item")
    expect(items).to_have_count(2)
    for n in range(2):
        speaker = items.nth(n).locator(".speaker").bounding_box()
        card = items.nth(n).locator("a.quote").bounding_box()
        assert speaker and card and speaker["y"] + speaker["height"] <= card["y"]
    expect(items.first.locator(".speaker")).to_have_text("Paulo Rangel")
    why = items.first.locator(".why")
    expect(why).to_have_attribute("title", re.compile(r"^Pourquoi : incise"))
    why.focus()  # the reason is reachable from the keyboard
    expect(why).to_be_focused()


def test_no_page_shows_a_bare_id_where_a_title_or_words_exist(page: Page, server: str,
                                                              api_token: str) -> None:
    posted = httpx.post(f"{server}/api/documents",
                        headers={"Authorization": f"Bearer {api_token}"},
                        json={"text": "Dépêche sans titre. La députée Ana Lopes a déclaré "
                                      "mardi : « Nous verrons bien. »"},
                        timeout=60)
    assert posted.status_code in (200, 201), posted.text
    paths = ["/", "/documents?limit=100", "/search?q=Rangel", "/quotes?limit=100",
             "/timeline", "/search?q=titre"]
    timeline = httpx.get(f"{server}/api/timeline").json()
    paths += [e["url"] for e in timeline["entries"][:6]]
    paths += [e["url"] for e in httpx.get(f"{server}/api/entities").json()["entities"][:4]]
    for path in paths:
        page.goto(server + path)
        texts = page.locator("main a").evaluate_all("els => els.map(e => e.textContent)")
        bare = [t for t in texts if HEX_ID.match(t.strip())]
        assert not bare, f"{path} links by bare id: {bare}"
    page.goto(f"{server}/search?q=titre")
    expect(page.locator(".hit h2 a").first).to_contain_text("Dépêche sans titre")


@pytest.mark.parametrize("path", ["/timeline", "/timeline?entity=Rangel", "/entities/by-name",
                                  "/events/first", "/", "/docs"])
def test_phone_width_clips_no_label(page: Page, server: str, path: str) -> None:
    if path == "/entities/by-name":
        path = httpx.get(f"{server}/api/entities?name=Rangel").json()["entities"][0]["url"]
    elif path == "/events/first":
        path = httpx.get(f"{server}/api/timeline?entity=Rangel").json()["entries"][0]["url"]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + path)
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a phone"
    clipped = page.evaluate("""() => {
      const out = [];
      for (const t of document.querySelectorAll('svg text')) {
        const svg = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
        if (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 ||
            r.bottom > svg.bottom + 1) out.push(t.textContent);
      }
      for (const t of document.querySelectorAll('.strip svg text')) {
        const r = t.getBoundingClientRect();
        for (const m of t.ownerSVGElement.querySelectorAll('.mark circle, .mark rect')) {
          const b = m.getBoundingClientRect();
          if (r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom)
            out.push(t.textContent + ' over a mark');
        }
      }
      for (const el of document.querySelectorAll('main .event, main h1, main .evtype')) {
        if (el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.trim().slice(0, 40));
      }
      return out;
    }""")
    assert clipped == [], f"{path}: clipped {clipped}"


def test_cancelled_events_are_crossed_out(page: Page, server: str, api_token: str) -> None:
    text = ("Sommet annulé.\n\nLe sommet entre Hugo Matos et Rui Pinto, prévu le 20 juin 2026 à "
            "Porto, a été annulé, a annoncé mardi le gouvernement portugais.\n")
    posted = httpx.post(f"{server}/api/documents", headers={"Authorization": f"Bearer {api_token}"},
                        json={"text": text, "title": "Sommet annulé", "published": "2026-06-02"},
                        timeout=60)
    assert posted.status_code in (200, 201), posted.text
    page.goto(f"{server}/timeline?entity=Matos")
    cancelled = page.locator(".event.status-cancelled")
    expect(cancelled).to_have_count(1)
    expect(cancelled.locator(".status")).to_have_text("annulé")
    decoration = cancelled.locator(".evtype").evaluate(
        "el => getComputedStyle(el).textDecorationLine")
    assert decoration == "line-through"
    expect(page.locator("svg .mark.status-cancelled line.cross")).to_have_count(1)


def test_keyboard_reaches_an_event_from_the_timeline(page: Page, server: str) -> None:
    page.goto(f"{server}/timeline?entity=Rangel")
    for _ in range(40):  # the strip's marks and the lanes' links are all on the Tab path
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('event-link')"):
            break
    else:
        pytest.fail("no event link reached with Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/events/"))
    expect(page.locator(".event-sources")).to_be_visible()
