"""Time to first render of the HTML views in headless Debian Chromium, and the cost of using them.

A synthetic 10,000-event timeline and a 2,000-entity map with about 5,000 links (graph/views/
sample.py) are rendered to HTML, opened as files, and timed from navigation start to the first
frame the view draws (performance marks set by the page). Each figure is the median of --runs
fresh pages. Run from the project root:

    .venv/bin/python benchmarks/views.py

and the figures replace the "Views (headless Chromium)" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "views"))  # the synthetic view input of the tests

from benchmarks.results import replace_section  # noqa: E402
from graph.views import render_map, render_timeline  # noqa: E402
from sample import synthetic  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
MARKS = "(n) => (performance.getEntriesByName(n)[0] || {}).startTime"

# One interaction each, timed inside the page until the view has drawn its result.
TIMELINE_FILTER = """async () => {
  const t = performance.now();
  etkg.filters.set({ entity: 0 });
  await etkg.timeline.drawn();
  const one = performance.now() - t;
  etkg.filters.set({ entity: null });
  await etkg.timeline.drawn();
  return [one, performance.now() - t - one];
}"""
TIMELINE_ZOOM = """async () => {
  const tl = etkg.timeline.timeline, w = tl.getWindow(), mid = (w.start.valueOf() + w.end.valueOf()) / 2;
  const t = performance.now();
  tl.setWindow(mid - 180 * 864e5, mid + 180 * 864e5, { animation: false });
  await etkg.timeline.drawn();
  return performance.now() - t;
}"""
MAP_FILTER = """() => new Promise((done) => {
  const t = performance.now();
  etkg.map.network.once("afterDrawing", () => done(performance.now() - t));
  etkg.filters.set({ entity: 0 });
})"""
MAP_FRAME = """() => new Promise((done) => {
  etkg.filters.set({ entity: null });
  const net = etkg.map.network;
  net.once("afterDrawing", () => {
    const t = performance.now();
    net.once("afterDrawing", () => done(performance.now() - t));
    net.moveTo({ scale: net.getScale() * 1.5 });
  });
  net.redraw();
})"""


def measure(browser, path: Path, ready: str, actions: dict[str, str]) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    deadline = time.monotonic() + 120
    while not page.evaluate(MARKS, ready):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path.name}: no {ready} mark after 120 s")
        page.wait_for_timeout(50)
    result = {ready: page.evaluate(MARKS, ready)}
    if ready == "map-rendered":
        while not page.evaluate(MARKS, "map-settled"):
            page.wait_for_timeout(100)
        result["map-settled"] = page.evaluate(MARKS, "map-settled")
    for name, script in actions.items():
        value = page.evaluate(script)
        if isinstance(value, list):  # [choose an entity, back to all]
            result[name], result[f"{name}-all"] = value
        else:
            result[name] = value
    page.close()
    if errors:
        raise RuntimeError(f"{path.name}: console errors {errors[:3]}")
    return result


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="timeline events")
    parser.add_argument("--entities", type=int, default=2_000, help="map entities")
    parser.add_argument("--map-events", type=int, default=5_600, help="map events (about 0.9 links each)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(tempfile.mkdtemp(prefix="etkg-views-bench-"))
    entities, events, participants = synthetic(args.events, 1_500)
    t = time.perf_counter()
    timeline_html = render_timeline(events, participants, entities)
    timeline_py = time.perf_counter() - t
    entities, events, participants = synthetic(args.map_events, args.entities, seed=3)
    t = time.perf_counter()
    map_html = render_map(entities, events, participants)
    map_py = time.perf_counter() - t
    (out / "timeline.html").write_text(timeline_html, encoding="utf-8")
    (out / "map.html").write_text(map_html, encoding="utf-8")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        version = browser.version
        tl = [measure(browser, out / "timeline.html", "timeline-rendered",
                      {"filter": TIMELINE_FILTER, "zoom": TIMELINE_ZOOM}) for _ in range(args.runs)]
        mp = [measure(browser, out / "map.html", "map-rendered",
                      {"filter": MAP_FILTER, "frame": MAP_FRAME}) for _ in range(args.runs)]
        counts = _counts(browser, out / "map.html")
        browser.close()

    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    body = f"""Chromium {version} (Debian, headless, `--disable-gpu`, software rendering), {cpu} cores,
1400x900 viewport; medians of {args.runs} fresh page loads. "First render" runs from navigation
start to the first frame the view draws (parse the file, read the JSON, build, lay out, paint).

| view | size | Python render | first render | interaction |
| --- | --- | --- | --- | --- |
| timeline: {args.events:,} events | {len(timeline_html) / 1e6:.1f} MB | {timeline_py:.2f} s | {median(tl, "timeline-rendered") / 1000:.2f} s | choose an entity {median(tl, "filter"):.0f} ms, back to all {median(tl, "filter-all"):.0f} ms; zoom to one year {median(tl, "zoom"):.0f} ms |
| map: {counts[0]:,} nodes, {counts[1]:,} links | {len(map_html) / 1e6:.1f} MB | {map_py:.2f} s | {median(mp, "map-rendered") / 1000:.2f} s (settled and frozen {median(mp, "map-settled") / 1000:.1f} s) | choose an entity {median(mp, "filter"):.0f} ms; one zoom frame {median(mp, "frame"):.0f} ms |

The timeline clusters items when more than 2,000 events are dated and opens on the 5th-95th
percentile of the dates; the map runs its layout (120 iterations) off screen over the entities
that have a link, draws once it is done and freezes it ("settled" is that moment).
"""
    print(body)
    if not args.no_write:
        replace_section("Views (headless Chromium)", body, "make browser && .venv/bin/python benchmarks/views.py")


def _counts(browser, path: Path) -> tuple[int, int]:
    page = browser.new_page()
    page.goto(path.as_uri())
    while not page.evaluate(MARKS, "map-rendered"):
        page.wait_for_timeout(50)
    counts = page.evaluate("[etkg.data.entities.length, etkg.data.edges.length]")
    page.close()
    return counts[0], counts[1]


if __name__ == "__main__":
    main()
