/* The timeline: one vis-timeline item per dated event, coloured by PLOVER type, styled by modality.
 * Items are plain objects; their content is made by `template` as a text node, so article text is
 * never parsed as HTML. Beyond 2,000 dated events vis-timeline clusters crowded items. */
"use strict";

function EtkgTimeline(pane, ctx) {
  const { data, filters, el } = ctx;
  const TOP_GROUPS = 30; // more actors than this share an "other actors" row
  const big = data.dated > 2000;
  let groupBy = "actor";
  let shown = [];
  let timeline = null;
  let waiting = [];
  let fresh = false; // a new timeline whose window has not yet moved to where the events are
  let settled = false; // ... and which has drawn itself there

  const groupSel = el("select", { id: "t-group", "aria-label": "Group by" },
    el("option", { value: "actor", text: "actor" }), el("option", { value: "type", text: "type" }),
    el("option", { value: "none", text: "nothing" }));
  groupSel.addEventListener("change", () => { groupBy = groupSel.value; apply(); });
  const legend = el("span", { class: "legend", "aria-label": "Modality" },
    ...["asserted", "reported", "negated", "future"].map((m) =>
      el("span", {}, el("span", { class: `sw ${m}` }), m === "future" ? "planned / expected" : m)));
  pane.head.append(el("label", {}, "Group by", groupSel),
    el("button", { type: "button", id: "t-fit", text: "Where the events are", title: "The 5th to 95th percentile of the dates", onclick: () => focus() }),
    el("button", { type: "button", id: "t-all", text: "All dates", onclick: () => fit() }),
    el("button", { type: "button", id: "t-png", text: "PNG", title: "Download the timeline as shown", onclick: () => exportImage("png") }),
    el("button", { type: "button", id: "t-svg", text: "SVG", onclick: () => exportImage("svg") }),
    legend, pane.status);
  const empty = el("div", { class: "empty", hidden: true, text: "No dated event matches the filters." });
  pane.body.append(empty);

  const cell = (text) => el("span", { text });
  const options = {
    height: "100%",
    stack: true,
    align: "left",
    showTooltips: false,
    showCurrentTime: false,
    orientation: { axis: "top", item: "top" },
    margin: { item: { horizontal: 2, vertical: 3 } },
    zoomMin: 86400000,
    groupOrder: "order",
    // Cluster items are made by vis-timeline itself; only their count is shown.
    template: (item, element, raw) => cell(raw && raw.uiItems ? `${raw.uiItems.length} events` : item.text),
    groupTemplate: (group) => (group ? cell(group.text) : ""),
    cluster: big ? { maxItems: 3, titleTemplate: "{count} events", showStipes: false, fitOnDoubleClick: true } : false,
  };

  /** A new vis.Timeline for each filtering: vis-timeline 8 builds 10,000 items in about a
   * second, but adding or removing thousands of items on a live timeline takes minutes. */
  function make(items, rows) {
    if (timeline) timeline.destroy();
    timeline = rows ? new vis.Timeline(pane.body, items, rows, options) : new vis.Timeline(pane.body, items, options);
    // vis-timeline fits every item when it first draws; the window moves once that is done.
    fresh = true;
    settled = false;
    timeline.on("itemover", (p) => {
      const ev = data.events[p.item];
      if (ev) ctx.tip.show(p.event.clientX, p.event.clientY, ctx.summary(data, ev, false));
    });
    timeline.on("itemout", () => ctx.tip.hide());
    timeline.on("rangechange", () => ctx.tip.hide());
    timeline.on("select", (p) => {
      const ev = data.events[p.items[0]];
      if (ev) ctx.details.event(ev);
    });
    timeline.on("changed", () => {
      if (fresh) {
        fresh = false;
        focus();
        return;
      }
      settled = true;
      ctx.mark("timeline-rendered");
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    });
  }

  /** A range drawn to scale for a month or a year (its label may run past the bar), a point
   * with its label beside it for a day; planned, hypothetical and future-dated events are
   * hatched and say so, because they have not happened. */
  function item(ev) {
    const unreal = ev.future || ev.modality === "planned" || ev.modality === "hypothetical";
    const prefix = ev.modality === "hypothetical" ? "if: " : unreal ? "planned: " : "";
    return {
      id: ev.i,
      text: prefix + ev.label,
      start: ev.start,
      end: ev.range ? ev.end : undefined,
      type: ev.range ? "range" : "point",
      className: `t-${ev.type} m-${ev.modality}${unreal ? " future" : ""}`,
    };
  }

  function groups(evs) {
    if (groupBy === "none") return null;
    if (groupBy === "type") {
      const present = new Set(evs.map((ev) => ev.type));
      return Object.keys(data.types).filter((t) => present.has(t)).map((t, order) => ({ id: t, text: t, order }));
    }
    const count = new Map();
    for (const ev of evs) {
      const key = ev.actors.length ? ev.actors[0] : -1;
      count.set(key, (count.get(key) || 0) + 1);
    }
    const top = [...count.keys()].filter((k) => k >= 0).sort((a, b) => count.get(b) - count.get(a)).slice(0, TOP_GROUPS);
    const rows = top.map((k, order) => ({ id: `e${k}`, text: data.entities[k].name, order }));
    if (count.size - (count.has(-1) ? 1 : 0) > top.length) rows.push({ id: "other", text: "other actors", order: TOP_GROUPS + 1 });
    if (count.has(-1)) rows.push({ id: "none", text: "no actor", order: TOP_GROUPS + 2 });
    return rows;
  }

  function apply() {
    shown = data.events.filter((ev) => ev.t0 !== null && filters.keep(ev));
    const rows = groups(shown);
    const top = new Set(rows ? rows.map((r) => r.id) : []);
    const items = shown.map((ev) => {
      const it = item(ev);
      if (groupBy === "type") it.group = ev.type;
      else if (groupBy === "actor") {
        const id = ev.actors.length ? `e${ev.actors[0]}` : "none";
        it.group = top.has(id) ? id : "other";
      }
      return it;
    });
    ctx.tip.hide();
    make(items, rows);
    empty.hidden = shown.length > 0;
    const undated = data.events.length - data.dated;
    pane.status.textContent = `${shown.length} of ${data.dated} dated events` +
      (undated ? ` (${undated} undated not on the timeline)` : "");
  }

  /** Fit all items, with room on the right for the labels of the latest ones. */
  function fit() {
    timeline.fit({ animation: false });
    const w = timeline.getWindow();
    const span = w.end - w.start;
    timeline.setWindow(w.start, w.end.valueOf() + span * 0.12, { animation: false });
    timeline.redraw(); // vis-timeline 8 leaves ranges that enter the window unplaced until the next redraw
  }

  /** Show where most of the shown events are (5th-95th percentile); the rest is a zoom away. */
  function focusWindow() {
    const core = Etkg.core(shown);
    return core ? [core[0], core[1] + (core[1] - core[0]) * 0.12] : null;
  }

  function focus() {
    const w = focusWindow();
    if (w) {
      timeline.setWindow(w[0], w[1], { animation: false });
      timeline.redraw();
    }
  }

  /** The timeline as drawn, rebuilt as SVG from the boxes on screen: axis labels, group labels,
   * items with their colours and text (vis-timeline draws DOM, not a canvas). */
  function toSvg() {
    const box = pane.body.getBoundingClientRect();
    const parts = [];
    const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const visible = (r) => r.width > 0 && r.height > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    for (const node of pane.body.querySelectorAll(".vis-item, .vis-label, .vis-time-axis .vis-text, .vis-time-axis .vis-grid")) {
      const r = node.getBoundingClientRect();
      if (!visible(r) || getComputedStyle(node).visibility === "hidden") continue;
      const cs = getComputedStyle(node);
      const x = r.left - box.left, y = r.top - box.top;
      if (node.classList.contains("vis-grid")) {
        parts.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + r.height}" stroke="#e5e5e5"/>`);
        continue;
      }
      const isItem = node.classList.contains("vis-item");
      if (isItem && !node.classList.contains("vis-point")) {
        parts.push(`<rect x="${x}" y="${y}" width="${r.width}" height="${r.height}" rx="3" fill="${cs.backgroundColor}" stroke="${cs.borderColor}"/>`);
      }
      if (isItem && node.classList.contains("vis-point")) {
        const dot = node.querySelector(".vis-dot");
        const d = dot ? getComputedStyle(dot).borderColor : cs.borderColor;
        parts.push(`<circle cx="${x + 4}" cy="${y + r.height / 2}" r="4" fill="${d}"/>`);
      }
      const content = node.querySelector(".vis-item-content, .vis-inner") || node;
      const text = content.textContent.trim();
      if (!text) continue;
      const cr = content.getBoundingClientRect();
      const color = isItem && !node.classList.contains("vis-point") ? cs.color : "#1d2329";
      parts.push(`<text x="${cr.left - box.left + 2}" y="${cr.top - box.top + cr.height / 2 + 4}" font-size="11" fill="${color}">${esc(text)}</text>`);
    }
    return [`<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}" font-family="system-ui, sans-serif">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`, box.width, box.height];
  }

  function exportImage(kind) {
    const [svg, w, h] = toSvg();
    if (kind === "svg") ctx.download("timeline.svg", svg, "image/svg+xml");
    else ctx.svgToPng(svg, w, h, (blob) => ctx.download("timeline.png", blob));
  }

  filters.onChange(apply);
  apply();
  return {
    get timeline() { return timeline; },
    /** Resolves when the timeline has next drawn itself. */
    drawn: () => new Promise((resolve) => waiting.push(resolve)),
    /** Items vis-timeline actually placed on screen (a cluster counts once; see style.css). */
    renderedItems: () => pane.body.querySelectorAll(
      ":is(.vis-box, .vis-range, .vis-point).vis-item:not(.vis-cluster)[style*=translate], .vis-item.vis-cluster[style*=left]").length,
    shownEvents: () => shown.length,
    /** The latest timeline has drawn itself in its first window. */
    idle: () => settled,
    /** Events whose date lies in the visible window. */
    inWindow: () => {
      const w = timeline.getWindow();
      return shown.filter((ev) => ev.t0 >= w.start.valueOf() && ev.t0 <= w.end.valueOf()).length;
    },
    toSvg,
  };
}
