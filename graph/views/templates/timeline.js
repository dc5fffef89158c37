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

  const groupSel = el("select", { id: "t-group", "aria-label": "Group by" },
    el("option", { value: "actor", text: "actor" }), el("option", { value: "type", text: "type" }),
    el("option", { value: "none", text: "nothing" }));
  groupSel.addEventListener("change", () => { groupBy = groupSel.value; apply(); });
  const legend = el("span", { class: "legend", "aria-label": "Modality" },
    ...["asserted", "reported", "planned", "negated"].map((m) =>
      el("span", {}, el("span", { class: `sw ${m}` }), m)));
  pane.head.append(el("label", {}, "Group by", groupSel),
    el("button", { type: "button", id: "t-fit", text: "Zoom to fit", onclick: () => fit() }),
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
    timeline.on("itemover", (p) => {
      const ev = data.events[p.item];
      if (ev) ctx.tip.show(p.event.clientX, p.event.clientY, ctx.summary(data, ev, false));
    });
    timeline.on("itemout", () => ctx.tip.hide());
    timeline.on("select", (p) => {
      const ev = data.events[p.items[0]];
      if (ev) ctx.details.event(ev);
    });
    timeline.on("changed", () => {
      ctx.mark("timeline-rendered");
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    });
  }

  function item(ev) {
    return {
      id: ev.i,
      text: ev.label,
      start: ev.start,
      end: ev.range ? ev.end : undefined,
      type: ev.range ? "range" : "box",
      className: `t-${ev.type} m-${ev.modality}`,
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
    make(items, rows);
    empty.hidden = shown.length > 0;
    const undated = data.events.length - data.dated;
    pane.status.textContent = `${shown.length} of ${data.dated} dated events` +
      (undated ? ` (${undated} undated not on the timeline)` : "");
    if (shown.length) fit();
  }

  /** Fit all items, with room on the right for the labels of the latest ones. */
  function fit() {
    timeline.fit({ animation: false });
    const w = timeline.getWindow();
    const span = w.end - w.start;
    timeline.setWindow(w.start, w.end.valueOf() + span * 0.12, { animation: false });
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
  };
}
