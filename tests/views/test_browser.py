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
        if ready:
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
        self.wait("etkg.timeline.idle()")
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
    assert p.js("document.getElementById('timeline-status').textContent") == \
        "11 of 11 dated events (1 undated not on the timeline)"
    # It opens where the events are: the 2014 annexation is an aside a zoom away, not the axis.
    assert p.js("etkg.timeline.inWindow()") == p.timeline_items() == 10
    p.page.click("#t-all")
    p.wait("etkg.timeline.renderedItems() === 11")  # 11 dated events; the undated one is counted, not drawn
    groups = p.js("[...document.querySelectorAll('.vis-label')].map((g) => g.textContent)")
    assert groups[0] == "Russia" and "no actor" in groups

    p.choose_entity("Volodymyr Zelenskyy")
    assert p.timeline_items() == 1  # Zelenskyy's one event, the one with the hostile text
    p.choose_entity("Ukraine")
    assert p.js("etkg.timeline.shownEvents()") == 6
    p.page.click(".chip[data-type=ASSAULT]")  # hide ASSAULT: invasion and shelling
    assert p.timeline_items() == 4
    p.page.dblclick(".chip[data-type=CONSULT]")  # only CONSULT: the talks and their resumption
    assert p.timeline_items() == 2
    p.page.click("#f-reset")
    p.page.fill("#f-text", "mariupol")
    p.wait("etkg.timeline.shownEvents() === 1")
    p.page.click("#f-reset")
    p.page.select_option("#t-group", "type")
    p.page.click("#t-all")
    p.wait("etkg.timeline.renderedItems() === 11")
    assert "CONSULT" in p.js("[...document.querySelectorAll('.vis-label')].map((g) => g.textContent)")
    p.finish("timeline-hostile.png")


def test_map_counts_filters_and_event_nodes(browser, site):
    p = Page(browser, site["map.html"], "mapSettled")
    entities = p.js("etkg.data.entities.length")
    edges, said = p.js("etkg.data.edges.length"), p.js("etkg.data.reported.length")
    assert (entities, edges, said) == (13, 10, 6)
    # Entities no link touches are hidden by default, and counted; a toggle shows them.
    assert p.map_counts() == (entities - 2, edges + said)
    assert p.js("document.getElementById('map-status').textContent") == \
        f"{entities - 2} nodes, {edges + said} links (6 said/reported) \u00b7 2 unlinked hidden"
    p.page.check("#m-unlinked")
    assert p.map_counts() == (entities, edges + said)
    p.page.uncheck("#m-unlinked")
    p.page.uncheck("#m-said")
    assert p.map_counts()[1] == edges
    p.page.check("#m-said")
    p.page.fill("#m-degree", "3")
    partners = p.js("""() => { const near = {};
        for (const [a, b] of [...etkg.data.edges, ...etkg.data.reported]) {
            (near[a] = near[a] || new Set()).add(b); (near[b] = near[b] || new Set()).add(a); }
        return etkg.map.nodes.get({ filter: (n) => !n.hidden }).map((n) => near[n.id].size); }""")
    assert partners and min(partners) >= 3
    p.page.fill("#m-degree", "1")
    assert p.map_counts() == (entities - 2, edges + said)

    # Clicking a node on the canvas chooses that entity: its neighbourhood stays.
    putin = p.entity("Putin")
    x, y = p.js("""(id) => { const n = etkg.map.network; const c = n.getPosition(id);
        const d = n.canvasToDOM(c); const r = document.getElementById('map-body').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", putin)
    p.page.mouse.click(x, y)
    assert p.js("etkg.filters.entity") == putin
    assert p.map_counts()[0] == 2  # Putin and the (hostile-named) Boris Johnson
    assert "Putin" in p.page.locator("#profile").inner_text()  # and his profile
    p.page.click("#f-reset")

    # Dragging over the date histogram sets the range: it spans 2022, so no 2014 annexation.
    box = p.page.locator("#f-hist").bounding_box()
    p.page.mouse.move(box["x"] + 2, box["y"] + 10)
    p.page.mouse.down()
    p.page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 10, steps=4)
    p.page.mouse.up()
    assert p.js("etkg.filters.from > etkg.data.span[0]") is True
    crimea = p.entity("Crimean Peninsula")
    assert p.js("(i) => etkg.map.nodes.get(i).hidden", crimea) is True
    assert p.map_counts()[1] < edges + said
    p.page.click("#f-reset")
    assert p.js("etkg.filters.fullRange") is True

    before = p.map_counts()[0]
    p.page.click(".chip.kind[data-kind=city]")  # hide cities
    assert p.map_counts()[0] < before
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
    assert p.js("etkg.timeline.shownEvents()") == 11 and p.map_counts() == (11, 16)
    p.choose_entity("Crimean Peninsula")
    assert p.timeline_items() == 1
    assert p.map_counts() == (2, 1)
    p.page.click("#f-reset")
    assert p.js("etkg.timeline.shownEvents()") == 11 and p.map_counts() == (11, 16)
    p.finish("explorer-hostile.png")


def test_hostile_text_is_shown_as_text_and_runs_nothing(browser, site):
    p = Page(browser, site["index.html"], "mapSettled")
    hostile_item = ".vis-item.vis-point.t-REJECT:has-text('alert(1)')"
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
        dated = int(seed_kg.events()["begin"].notna().sum())
        assert p.js("etkg.timeline.shownEvents()") == dated
        assert p.js("etkg.timeline.inWindow()") >= 0.9 * dated
    if name != "timeline.html":
        status = p.js("etkg.mapStatus")
        assert p.map_counts()[0] == status["nodes"] == len(seed_kg.entities()) - status["hidden"]
    p.finish(f"seed-{name.replace('.html', '.png')}")


def _download(p: Page, selector: str) -> tuple[str, bytes]:
    with p.page.expect_download() as info:
        p.page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_profile_downloads_and_corrections(browser, site, tmp_path):
    """Choosing an entity fills its profile; PNG, SVG and CSV downloads are produced; marked
    corrections come back as corrections.csv (action,subject,value,note)."""
    p = Page(browser, site["clean/index.html"], "mapSettled")
    p.page.context.set_default_timeout(10_000)
    p.choose_entity("Ukraine")
    profile = p.page.locator("#profile").inner_text()
    assert profile.startswith("Ukraine") and "country" in profile and "6 events" in profile
    assert p.page.locator("#profile tbody tr").count() == 6
    for selector, name, magic in (("#m-png", "map.png", b"\x89PNG"), ("#t-png", "timeline.png", b"\x89PNG"),
                                  ("#m-svg", "map.svg", b"<svg"), ("#t-svg", "timeline.svg", b"<svg")):
        got, content = _download(p, selector)
        assert got == name and content.startswith(magic) and len(content) > 1000, name
    got, content = _download(p, "#f-csv")
    lines = content.decode("utf-8").splitlines()
    assert got == "events-shown.csv" and lines[0].startswith("event,date,begin") and len(lines) == 1 + 6

    p.page.click("#profile .fixes button:text('mark as wrong')")
    p.page.click("#profile .fixes button:text('retype')")
    p.page.select_option("#profile .fixes select", "group")
    p.page.click("#profile .fixes button:text('add')")
    p.page.click("#profile tbody tr >> nth=0")  # the first event's details
    p.page.click("#details .fixes button:text('mark as wrong')")
    got, content = _download(p, "#f-corrections")
    rows = content.decode("utf-8").splitlines()
    ukraine = p.js("(i) => etkg.data.entities[i].iri", p.entity("Ukraine"))
    assert got == "corrections.csv" and rows[0] == "action,subject,value,note"
    assert rows[1] == f"drop,{ukraine},,Ukraine" and rows[2].startswith(f"retype,{ukraine},group,")
    assert rows[3].startswith("drop-event,https://")
    from graph.corrections import read_corrections  # the file the corrections engine reads

    saved = tmp_path / "corrections.csv"
    saved.write_bytes(content)
    read = read_corrections(saved)
    assert [c.action for c in read.rows] == ["drop", "retype", "drop-event"] and not read.problems
    p.finish()


def test_no_stale_tooltip_after_filtering(browser, site):
    p = Page(browser, site["clean/timeline.html"], "timelineRendered")
    p.page.hover(".vis-item.vis-point.t-REJECT")
    p.wait("!document.querySelector('.tip').hidden")
    p.page.click(".chip[data-type=REJECT]", position={"x": 5, "y": 5})
    assert p.js("document.querySelector('.tip').hidden") is True
    p.finish()


def test_pyvis_page_draws_offline(browser, seed_kg, tmp_path):
    path = tmp_path / "pyvis.html"
    seed_kg.to_pyvis().write_html(str(path))
    p = Page(browser, path, "")
    p.wait("typeof network !== 'undefined' && network.body && Object.keys(network.body.nodes).length > 0")
    assert p.js("network.body.data.nodes.length") == seed_kg.to_networkx().number_of_nodes()
    p.finish("pyvis.png")


def test_jupyter_frame_inflates_the_page(browser, tmp_path):
    """The notebook output (a gzipped page in an iframe srcdoc) renders the view inside the frame."""
    from graph.views import iframe, render_map

    host = tmp_path / "host.html"
    host.write_text(f"<!DOCTYPE html><html><body>{iframe(render_map(*seed_sample())).__class__.__name__}"
                    f"{iframe(render_map(*seed_sample()), height=500)._repr_html_()}</body></html>", encoding="utf-8")
    p = Page(browser, host, "")
    frame = p.page.frames[1]
    deadline = time.monotonic() + 20
    while not frame.evaluate("!!(document.body && document.body.dataset.mapSettled)"):
        assert time.monotonic() < deadline, "the map in the frame never settled"
        p.page.wait_for_timeout(100)
    assert frame.evaluate("etkg.data.entities.length") == 13
    p.finish()


REALNEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "realnews-dev"


@pytest.fixture(scope="module")
def realnews_out(tmp_path_factory, nlp):
    if not REALNEWS.is_dir():
        pytest.skip(f"{REALNEWS} is absent (CI keeps a copy of shared/ beside the clone)")
    import graph
    from graph.outputs import write_outputs

    out = tmp_path_factory.mktemp("realnews")
    kg = graph.build(sorted(str(p) for p in REALNEWS.glob("*.txt")))
    write_outputs(kg, out)
    return kg, out


@pytest.mark.parametrize("name, ready", [("map.html", "mapSettled"), ("timeline.html", "timelineRendered"),
                                         ("index.html", "mapSettled")])
def test_real_news_views(browser, realnews_out, name, ready):
    """A build of real articles: unlinked entities hidden and counted, the timeline opening on
    where >= 90% of the events are, a profile on choosing an entity, no errors, nothing fetched."""
    kg, out = realnews_out
    p = Page(browser, out / name, ready)
    if name != "timeline.html":
        status = p.js("etkg.mapStatus")
        assert status["hidden"] > 0 and p.map_counts() == (status["nodes"], status["links"])
        assert f"{status['hidden']} unlinked hidden" in p.js("document.getElementById('map-status').textContent")
        assert status["nodes"] + status["hidden"] <= len(kg.entities())
    if name != "map.html":
        p.wait("document.body.dataset.timelineRendered")
        dated = int(kg.events()["begin"].notna().sum())
        assert p.js("etkg.timeline.shownEvents()") == dated
        assert p.js("etkg.timeline.inWindow()") >= 0.9 * dated
    top = p.js("etkg.data.entities.reduce((b, e, i, a) => (e.degree > a[b].degree ? i : b), 0)")
    p.page.select_option("#f-entity", str(top))
    assert p.page.locator("#profile tbody tr").count() >= 1
    p.page.select_option("#f-entity", "")
    p.finish(f"realnews-{name.replace('.html', '.png')}")
