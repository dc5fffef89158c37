"""The views in a real headless Debian Chromium: they render what the graph holds, filters work,
nothing is requested from any host, no console error, and hostile article text runs nothing."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

from sample import write_views
from sample import seed_sample

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
XSS = '<script>alert(1)</script></script>" onmouseover="alert(1)" <img src=x onerror=alert(1)>'

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian chromium not installed at /usr/bin/chromium (`make browser`)")


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def hostile() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The seed sample with attacker text in names, labels, sentences, titles; one undated event."""
    entities, events, participants = seed_sample()
    entities.loc[entities.name == "Boris Johnson", "name"] = f"Boris {XSS}"
    events.loc[events.label == "dismissed", ["label", "sentence", "doc_title", "source"]] = XSS
    events.loc[events.label == "invasion", "doc_url"] = "javascript:alert(1)"
    undated = events.iloc[[0]].assign(event="https://example.org/etkg/event/undated", date=None,
                                      begin=pd.NaT, end=pd.NaT)
    return entities, pd.concat([events, undated], ignore_index=True), participants


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Path]:
    """Pages of the hostile sample ("timeline.html" ...) and of the clean one ("clean/...")."""
    root = tmp_path_factory.mktemp("views")
    pages = {p.name: p for p in write_views(*hostile(), root)}
    pages |= {f"clean/{p.name}": p for p in write_views(*seed_sample(), root / "clean")}
    return pages


class Page:
    """A page with everything that must not happen recorded: console errors, uncaught exceptions,
    requests to any host, dialogs and alert() calls."""

    def __init__(self, browser, path: Path, ready: str):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));")
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.on("request", self._request)
        self.page.goto(path.as_uri())
        self.wait(f"document.body.dataset.{ready}")

    def wait(self, expression: str, timeout: float = 20.0) -> None:
        """Poll from Python: page.wait_for_function evaluates with eval(), which the CSP forbids."""
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            self.page.wait_for_timeout(50)

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme not in ("file", "data", "about", "blob") and url.hostname not in ("localhost", "127.0.0.1"):
            self.problems.append(f"request: {request.url}")

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def entity(self, name: str) -> int:
        return self.js("(n) => etkg.data.entities.findIndex((e) => e.name === n)", name)

    def choose_entity(self, name: str) -> None:
        self.page.select_option("#f-entity", str(self.entity(name)))

    def timeline_items(self) -> int:
        return self.js("etkg.timeline.renderedItems()")

    def map_counts(self) -> tuple[int, int]:
        """Nodes and edges vis-network holds and does not hide (what it draws)."""
        return tuple(self.js("""() => {
            const b = etkg.map.network.body;
            const shown = (o) => Object.values(o).filter((x) => !x.options.hidden).length;
            return [shown(b.nodes), shown(b.edges)];
        }"""))

    def finish(self, shot: str | None = None) -> None:
        if shot:
            ARTIFACTS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(ARTIFACTS / shot))
        alerts = self.js("window.__alerts")
        self.page.close()
        assert self.problems == [] and alerts == []


def test_timeline_renders_every_dated_event_and_filters(browser, site):
    p = Page(browser, site["timeline.html"], "timelineRendered")
    assert p.timeline_items() == 11  # 11 dated events; the undated one is counted, not drawn
    assert p.js("document.getElementById('timeline-status').textContent") == \
        "11 of 11 dated events (1 undated not on the timeline)"
    groups = p.js("[...document.querySelectorAll('.vis-label')].map((g) => g.textContent)")
    assert groups[0] == "Russia" and "no actor" in groups

    p.choose_entity("Volodymyr Zelenskyy")
    assert p.timeline_items() == 1  # Zelenskyy's one event, the one with the hostile text
    p.choose_entity("Ukraine")
    assert p.timeline_items() == 6
    p.page.click(".chip[data-type=ASSAULT]")  # hide ASSAULT: invasion and shelling
    assert p.timeline_items() == 4
    p.page.dblclick(".chip[data-type=CONSULT]")  # only CONSULT: the talks and their resumption
    assert p.timeline_items() == 2
    p.page.click("#f-reset")
    p.page.fill("#f-text", "mariupol")
    p.wait("etkg.timeline.shownEvents() === 1")
    p.page.click("#f-reset")
    p.page.select_option("#t-group", "type")
    assert p.timeline_items() == 11
    assert "CONSULT" in p.js("[...document.querySelectorAll('.vis-label')].map((g) => g.textContent)")
    p.finish("timeline-hostile.png")


def test_map_counts_filters_and_event_nodes(browser, site):
    p = Page(browser, site["map.html"], "mapSettled")
    entities = p.js("etkg.data.entities.length")
    edges = p.js("etkg.data.edges.length")
    assert (entities, edges) == (13, 10)
    assert p.map_counts() == (entities, edges)

    # Clicking a node on the canvas chooses that entity: its neighbourhood stays.
    putin = p.entity("Putin")
    x, y = p.js("""(id) => { const n = etkg.map.network; const c = n.getPosition(id);
        const d = n.canvasToDOM(c); const r = document.getElementById('map-body').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", putin)
    p.page.mouse.click(x, y)
    assert p.js("etkg.filters.entity") == putin
    assert p.map_counts() == (2, 1)  # Putin and the (hostile-named) Boris Johnson
    p.page.click("#f-reset")

    # The date slider hides links outside the range: from 2022-03-30 on, no 2014 annexation.
    p.js("""() => { const lo = document.getElementById('f-from');
        lo.value = String(Math.round((new Date('2022-03-30T00:00:00') - etkg.data.span[0]) / 86400000));
        lo.dispatchEvent(new Event('input')); }""")
    crimea = p.entity("Crimean Peninsula")
    assert p.js("(i) => etkg.map.nodes.get(i).hidden", crimea) is True
    assert p.map_counts()[1] < edges
    p.page.click("#f-reset")

    p.page.click(".chip.kind[data-kind=city]")  # hide cities
    assert p.map_counts()[0] == entities - 4
    p.page.click("#f-reset")

    # Events as nodes: the SEM graph, where the Istanbul talks join Russia, Ukraine and Istanbul.
    p.page.check("#m-events")
    assert p.map_counts() == (entities + 12, 27)  # the undated copy has no participants
    talks = p.js("etkg.data.events.findIndex((e) => e.label === 'Istanbul talks')")
    linked = p.js("""(k) => etkg.map.network.getConnectedNodes('v' + k)
        .map((i) => etkg.data.entities[i].name).sort()""", talks)
    assert linked == ["Istanbul", "Russia", "Ukraine"]
    p.finish("map-hostile.png")


def test_explorer_entity_choice_filters_both_views(browser, site):
    p = Page(browser, site["index.html"], "mapSettled")
    assert p.timeline_items() == 11 and p.map_counts() == (13, 10)
    p.choose_entity("Crimean Peninsula")
    assert p.timeline_items() == 1
    assert p.map_counts() == (2, 1)
    p.page.click("#f-reset")
    assert p.timeline_items() == 11 and p.map_counts() == (13, 10)
    p.finish("explorer-hostile.png")


def test_hostile_text_is_shown_as_text_and_runs_nothing(browser, site):
    p = Page(browser, site["index.html"], "mapSettled")
    hostile_item = ".vis-item.vis-box.t-REJECT:has-text('alert(1)')"
    p.page.hover(hostile_item)
    tip = p.page.locator(".tip")
    p.wait("!document.querySelector('.tip').hidden")
    assert "<script>alert(1)</script>" in tip.inner_text()
    p.page.click(hostile_item)
    details = p.page.locator("#details").inner_text()
    assert XSS.split(" <img")[0] in details
    p.page.click(".vis-item.vis-range.t-ASSAULT:has-text('invasion')")
    assert "invasion" in p.page.locator("#details").inner_text()
    assert p.page.locator("#details a").count() == 0  # the javascript: URL is not a link
    names = p.js("[...document.querySelectorAll('#f-entity option')].map((o) => o.textContent)")
    assert any(name.startswith(f"Boris {XSS}") for name in names)
    # Only our own script elements exist, and the attacker's markup made no element.
    assert p.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert p.js("document.scripts.length") == 6
    p.page.mouse.move(5, 5)
    p.finish("explorer-hostile-tooltip.png")


@pytest.mark.parametrize("name,ready", [("timeline.html", "timelineRendered"), ("map.html", "mapSettled"),
                                        ("index.html", "mapSettled")])
def test_clean_pages_load_without_errors(browser, site, name, ready):
    p = Page(browser, site[f"clean/{name}"], ready)
    p.page.wait_for_timeout(300)  # let the map finish its last frame for the screenshot
    p.finish(f"clean-{name.replace('.html', '.png')}")



def test_big_timeline_clusters_and_filters_quickly(browser, tmp_path):
    """Beyond 2,000 dated events crowded items fold into clusters; filtering rebuilds fast."""
    from graph.views import render_timeline
    from sample import synthetic

    entities, events, participants = synthetic(2_500, 200)
    path = tmp_path / "big.html"
    path.write_text(render_timeline(events, participants, entities), encoding="utf-8")
    p = Page(browser, path, "timelineRendered")
    assert p.js("document.querySelectorAll('.vis-item.vis-cluster').length") > 0
    assert p.timeline_items() < 2_500
    busy = (participants.entity == entities.entity[5]).groupby(participants.event).any().sum()
    started = time.monotonic()
    p.choose_entity("Entity 5")
    p.wait(f"etkg.timeline.shownEvents() === {busy}")
    assert time.monotonic() - started < 5
    p.finish("timeline-big.png")


@pytest.mark.parametrize("name, ready", [("timeline.html", "timelineRendered"), ("map.html", "mapSettled"),
                                         ("index.html", "mapSettled")])
def test_pages_built_from_the_seed_article(browser, seed_kg, seed_out, name, ready):
    """What `etkg build` writes for the seed article: every dated event and every entity drawn."""
    p = Page(browser, seed_out / name, ready)
    if name != "map.html":
        p.wait("document.body.dataset.timelineRendered")
        assert p.timeline_items() == int(seed_kg.events()["begin"].notna().sum())
    if name != "timeline.html":
        assert p.map_counts()[0] == len(seed_kg.entities())
    p.finish(f"seed-{name.replace('.html', '.png')}")
