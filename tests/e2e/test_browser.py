"""The web app in a real browser, over the bundled examples.

A reader opens the overview, goes to the timeline, follows an event to the sentence
that reports it, switches the theme, searches from the keyboard; a report carrying
markup shows it as text. Screenshots go to test-artifacts/screenshots and are checked
by what they show: the highlight's colour in the pixels, the dark theme's darkness.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    HOSTILE_IMAGE,
    HOSTILE_SCRIPT,
    PageErrors,
    Server,
)
from tests.e2e.pixels import (
    Colour,
    colour_distance,
    dominant_colour,
    luminance,
    mean_luminance,
    read_png,
)

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

NAV = ("overview", "timeline", "stories", "actors", "quotes", "claims", "reports")
NAV_PATHS = ("/", "/timeline", "/stories", "/actors", "/quotes", "/claims", "/reports")
STATUSES = {"happened", "planned", "ongoing", "possible"}
SOURCE_LINK = re.compile(r"^/reports/(\d+)\?hl=(\d+)-(\d+)#hl$")
SEARCH_WORD = "Rahmon"  # in four of the examples, in English
# Screenshots of one solid colour differ by rounding at most; a highlight must stand out.
SAME_COLOUR = 3
DISTINCT_COLOUR = 24

# The colour an element shows where nothing is drawn over it: its background over its
# ancestors' backgrounds, composited on a 1x1 canvas (which also turns oklch() or
# color-mix() into sRGB bytes, as the screenshot has them).
EFFECTIVE_BACKGROUND = """(element) => {
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    layers.unshift(getComputedStyle(node).backgroundColor);
  }
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 1, 1);
  for (const colour of layers) {
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
  }
  return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
}"""

# Which [data-item] holds the focused element (-1: none).
FOCUSED_ITEM = """() => {
  const item = document.activeElement && document.activeElement.closest("[data-item]");
  return [...document.querySelectorAll("[data-item]")].indexOf(item);
}"""


def _background(page: Any, selector: str) -> Colour:
    red, green, blue = page.locator(selector).first.evaluate(EFFECTIVE_BACKGROUND)
    return red, green, blue


def _words(text: str) -> str:
    return " ".join(text.split())


def _source_sentence(server: Server, href: str) -> tuple[int, str]:
    """The report id and the sentence a ``/reports/{id}?hl=S-E#hl`` link points at."""
    match = SOURCE_LINK.match(href)
    assert match, f"{href!r} is not a source link (/reports/ID?hl=START-END#hl)"
    report_id, start, end = (int(group) for group in match.groups())
    assert report_id in server.corpus.texts, f"{href}: no report {report_id} in the store"
    text = server.corpus.texts[report_id]
    assert 0 <= start < end <= len(text), f"{href}: {start}-{end} is outside the report"
    return report_id, text[start:end]


def _expect_highlighted(page: Any, sentence: str) -> Any:
    """The report page shows ``sentence`` marked, on screen; returns the mark."""
    mark = page.locator("article.report-text mark#hl.hl-target")
    expect(mark).to_have_count(1)
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    assert _words(mark.inner_text()) == _words(sentence)
    return mark


@pytest.mark.parametrize("path", [*NAV_PATHS, "/search?q=Sochi"])
def test_browser_every_page_has_nav_search_and_theme_toggle(page: Any, server: Server, path: str):
    response = page.goto(server.at(path))
    assert response.status == 200, f"{path}: HTTP {response.status}"
    assert page.locator("html").get_attribute("data-theme") in {"light", "dark"}
    for name in NAV:
        expect(page.locator(f"nav.site-nav a[data-nav='{name}']")).to_have_count(1)
    expect(page.locator("form[role='search'][action='/search'] input#search-box[name='q']"))
    expect(page.locator("#search-box")).to_be_visible()
    expect(page.locator("button#theme-toggle")).to_be_visible()


def test_browser_overview_shows_sources_stories_and_actors(
    page: Any, server: Server, screenshots: Path
):
    page.goto(server.at("/"))
    expect(page.locator("h1")).to_be_visible()
    for section in ("#sources", "#stories", "#actors"):
        expect(page.locator(section)).to_be_visible()
    expect(page.locator("#conflicts")).to_have_count(1)
    for outlet in ("Eurasia Wire", "Steppe Herald", "Tien Shan Times"):
        expect(page.locator("#sources")).to_contain_text(outlet)
    expect(page.locator("#actors")).to_contain_text("Emomali Rahmon")
    assert page.locator("#stories a").count() >= 1, "no story links on the overview"
    page.screenshot(path=screenshots / "overview.png", full_page=True, animations="disabled")


def test_browser_timeline_entry_opens_its_highlighted_sentence(
    page: Any, server: Server, screenshots: Path
):
    page.goto(server.at("/"))
    page.locator("nav.site-nav a[data-nav='timeline']").click()
    page.wait_for_url(re.compile(r"/timeline$"))
    expect(page.locator("svg.tl-chart")).to_be_visible()
    assert page.locator("svg.tl-chart a.tl-dot").count() >= 1, "the chart has no dots"

    entries = page.locator("ol.tl-list > li.tl-entry[data-item]")
    assert entries.count() >= 5, "the examples give at least five timeline entries"
    for index in range(entries.count()):
        entry = entries.nth(index)
        assert entry.get_attribute("data-status") in STATUSES
        expect(entry.locator("a.tl-open")).to_have_count(1)
        sources = entry.locator("a.tl-source")
        assert sources.count() >= 1, f"entry {index} names no source"
        for link in range(sources.count()):
            _source_sentence(server, sources.nth(link).get_attribute("href"))

    # The entry whose sentence lies deepest in its report: the page must scroll to it.
    opens = entries.locator("a.tl-open")
    hrefs = [opens.nth(index).get_attribute("href") for index in range(opens.count())]
    deepest = max(range(len(hrefs)), key=lambda index: int(SOURCE_LINK.match(hrefs[index])[2]))
    report_id, sentence = _source_sentence(server, hrefs[deepest])
    opens.nth(deepest).click()
    page.wait_for_url(re.compile(rf"/reports/{report_id}\?hl=\d+-\d+#hl$"))
    mark = _expect_highlighted(page, sentence)
    page.screenshot(path=screenshots / "report-highlight.png", animations="disabled")

    # The pixels: the mark's own screenshot is mostly its highlight colour, which stands
    # out from the article's background (it would not, were the highlight unstyled).
    highlight = _background(page, "mark#hl")
    article = _background(page, "article.report-text")
    assert colour_distance(highlight, article) >= DISTINCT_COLOUR, (
        f"the highlight {highlight} barely differs from the article background {article}"
    )
    mark.screenshot(path=screenshots / "report-mark.png", animations="disabled")
    shown = dominant_colour(read_png(screenshots / "report-mark.png"))
    assert colour_distance(shown, highlight) <= SAME_COLOUR, (
        f"report-mark.png is mostly {shown}, not the highlight colour {highlight}"
    )
    # The whole report from the top (a full-page shot of a scrolled page draws the
    # sticky bar halfway down).
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=screenshots / "report-full.png", full_page=True, animations="disabled")


def test_browser_theme_toggle_darkens_the_page(page: Any, server: Server, screenshots: Path):
    page.goto(server.at("/timeline"))
    html = page.locator("html")
    expect(html).to_have_attribute("data-theme", "light")  # a light-scheme browser
    light_png = screenshots / "timeline-light.png"
    page.screenshot(path=light_png, full_page=True, animations="disabled")
    light = _background(page, "body")

    page.locator("#theme-toggle").click()
    expect(html).to_have_attribute("data-theme", "dark")
    dark_png = screenshots / "timeline-dark.png"
    page.screenshot(path=dark_png, full_page=True, animations="disabled")
    dark = _background(page, "body")

    assert luminance(dark) < luminance(light) - 0.5, f"dark {dark} vs light {light}"
    light_pixels, dark_pixels = read_png(light_png), read_png(dark_png)
    for name, pixels, background in (("light", light_pixels, light), ("dark", dark_pixels, dark)):
        shown = dominant_colour(pixels)
        assert colour_distance(shown, background) <= SAME_COLOUR, (
            f"timeline-{name}.png is mostly {shown}, not the page background {background}"
        )
    light_mean, dark_mean = mean_luminance(light_pixels), mean_luminance(dark_pixels)
    assert dark_mean < light_mean / 2, f"luminance {dark_mean:.2f} dark, {light_mean:.2f} light"

    page.locator("#theme-toggle").click()
    expect(html).to_have_attribute("data-theme", "light")


def test_browser_keyboard_moves_through_items_and_searches(page: Any, server: Server):
    page.goto(server.at("/timeline"))
    html = page.locator("html")
    page.locator("body").click(position={"x": 5, "y": 5})  # focus the page, not a control

    page.keyboard.press("t")
    expect(html).to_have_attribute("data-theme", "dark")
    page.keyboard.press("t")
    expect(html).to_have_attribute("data-theme", "light")

    assert page.evaluate(FOCUSED_ITEM) == -1
    for key, item in (("j", 0), ("j", 1), ("j", 2), ("k", 1), ("k", 0)):
        page.keyboard.press(key)
        assert page.evaluate(FOCUSED_ITEM) == item, f"after {key}: item {item} should have focus"

    box = page.locator("#search-box")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    expect(box).to_have_value("")  # the slash focuses; it is not typed
    page.keyboard.type("t j")  # shortcuts stay quiet while typing
    expect(html).to_have_attribute("data-theme", "light")
    expect(box).to_have_value("t j")
    box.fill("")
    page.keyboard.type(SEARCH_WORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    assert parse_qs(urlparse(page.url).query)["q"] == [SEARCH_WORD]
    hits = page.locator("li.search-hit")
    assert hits.count() >= 1, f"no hits for {SEARCH_WORD}"

    link = hits.first.locator("a[href^='/reports/']").first
    report_id, sentence = _source_sentence(server, link.get_attribute("href"))
    assert SEARCH_WORD.lower() in sentence.lower(), f"the first hit's sentence: {sentence!r}"
    link.click()
    page.wait_for_url(re.compile(rf"/reports/{report_id}\?"))
    _expect_highlighted(page, sentence)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/reports",
        "/timeline",
        "/stories",
        "/search?q=Panj",
        "/search?q=<script>alert(4)</script>",
        '/search?q="><img src=x onerror=alert(5)>',
        "hostile report",
    ],
)
def test_browser_markup_in_reports_and_queries_stays_text(
    page: Any, server: Server, page_errors: PageErrors, path: str
):
    hostile = f"/reports/{server.corpus.hostile_id}"
    page.goto(server.at(hostile if path == "hostile report" else path))
    page.wait_for_load_state("load")
    injected = page.evaluate(
        """() => [...document.scripts].filter(s => s.textContent.includes("alert")).length
             + document.querySelectorAll("[onerror]").length"""
    )
    assert injected == 0, "markup from a report or the query became elements"
    assert page_errors.dialogs == [], "a script from a report or the query ran"
    if path == "hostile report":
        article = page.locator("article.report-text")
        expect(article).to_contain_text(HOSTILE_SCRIPT)
        expect(article).to_contain_text(HOSTILE_IMAGE)
    if path.startswith("/search?q="):
        query = parse_qs(urlparse(path).query)["q"][0]
        expect(page.locator("#search-box")).to_have_value(query)


def _script_sources(policy: str) -> list[str]:
    directives = {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }
    return directives.get("script-src", directives.get("default-src", []))


@pytest.mark.parametrize("path", [*NAV_PATHS, "/search?q=Sochi", "/reports/1"])
def test_browser_pages_carry_a_content_security_policy(server: Server, path: str):
    response = httpx.get(server.at(path), timeout=10.0)
    assert response.status_code == 200
    policy = response.headers.get("content-security-policy")
    assert policy, f"{path}: no Content-Security-Policy header"
    scripts = _script_sources(policy)
    assert scripts, f"{path}: the policy limits no scripts: {policy}"
    assert "'unsafe-inline'" not in scripts and "*" not in scripts, f"{path}: {policy}"


# Elements reaching past the right edge of the window, unless a box they are in scrolls
# sideways (a wide table in an overflow-x: auto wrapper is fine; clipped content is not).
PAST_RIGHT_EDGE = """() => {
  const width = document.documentElement.clientWidth;
  const inScroller = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  return [...document.body.querySelectorAll("*")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > width + 1 && !inScroller(element);
    })
    .map((element) => {
      const right = Math.round(element.getBoundingClientRect().right);
      return `${name(element)} ends at ${right}px`;
    })
    .slice(0, 8);
}"""


@pytest.mark.parametrize("path", [*NAV_PATHS, "/reports/1"])
def test_browser_pages_fit_a_phone_screen(browser: Any, server: Server, path: str):
    """Nothing on a page reaches past the edge of a 390-pixel-wide phone screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(server.at(path))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 390px screen"
        past_edge = page.evaluate(PAST_RIGHT_EDGE)
        assert not past_edge, f"{path} on a 390px screen: {past_edge}"
        expect(page.locator("#theme-toggle")).to_be_in_viewport()
    finally:
        context.close()
