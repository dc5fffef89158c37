/* etkg views: data model, shared filters, toolbar, details and tooltips.
 * Article text is untrusted: it reaches the DOM only through textContent (el() below) and the
 * vis libraries only as canvas labels or DOM elements, never as HTML strings. */
"use strict";

const Etkg = (() => {
  const DAY = 86400000;

  /** Create an element; `text` becomes textContent, `on*` listeners, the rest attributes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function load() {
    const data = JSON.parse(document.getElementById("etkg-data").textContent);
    let min = Infinity, max = -Infinity;
    data.events.forEach((ev, i) => {
      ev.i = i;
      ev.t0 = ev.start ? new Date(ev.start).getTime() : null;
      ev.t1 = ev.end ? new Date(ev.end).getTime() : ev.t0;
      ev.who = [...new Set([...ev.actors, ...ev.targets, ...ev.places, ...ev.others])];
      if (ev.t0 !== null) { min = Math.min(min, ev.t0); max = Math.max(max, ev.t1); }
    });
    data.span = min <= max ? [min, max] : null;
    data.dated = data.events.filter((ev) => ev.t0 !== null).length;
    return data;
  }

  const names = (data, list) => list.map((i) => data.entities[i].name).join(", ");

  function haystack(data, ev) {
    if (ev.hay === undefined) {
      ev.hay = [ev.label, ev.type, ev.sentence, ev.trigger, ev.doc, ev.source, ev.date,
        names(data, ev.who)].filter(Boolean).join(" \u0001 ").toLowerCase();
    }
    return ev.hay;
  }

  /** The filter state every view listens to: choosing an entity in one view filters all. */
  class Filters {
    constructor(data) {
      this.data = data;
      this.entity = null;
      this.types = new Set(Object.keys(data.types));
      this.kinds = new Set(Object.keys(data.kinds));
      this.from = data.span ? data.span[0] : null;
      this.to = data.span ? data.span[1] : null;
      this.text = "";
      this.listeners = [];
    }
    onChange(fn) { this.listeners.push(fn); }
    set(patch) {
      Object.assign(this, patch);
      for (const fn of this.listeners) fn(this, patch);
    }
    get fullRange() { return !this.data.span || (this.from <= this.data.span[0] && this.to >= this.data.span[1]); }
    /** True when only the kind toggles (a map-only filter) differ from the defaults. */
    get active() {
      return this.entity !== null || this.text !== "" || !this.fullRange ||
        this.types.size < Object.keys(this.data.types).length;
    }
    keep(ev) {
      if (!this.types.has(ev.type)) return false;
      if (this.entity !== null && !ev.who.includes(this.entity)) return false;
      if (ev.t0 === null ? !this.fullRange : (ev.t1 < this.from || ev.t0 > this.to)) return false;
      return this.text === "" || haystack(this.data, ev).includes(this.text);
    }
  }

  function fmtDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function chip(label, count, pressed, cls, onclick) {
    const button = el("button", { type: "button", class: `chip ${cls}`, "aria-pressed": String(pressed), onclick },
      label, count === null ? null : el("span", { class: "n", text: String(count) }));
    return button;
  }

  /** The shared toolbar: entity, text search, date range, type toggles (they are the legend). */
  function toolbar(data, filters) {
    const bar = el("div", { class: "toolbar", role: "toolbar" });
    const order = data.entities.map((ent, i) => i)
      .sort((a, b) => (data.entities[b].degree - data.entities[a].degree) ||
        (data.entities[b].mentions - data.entities[a].mentions) ||
        data.entities[a].name.localeCompare(data.entities[b].name));
    const entity = el("select", { id: "f-entity", "aria-label": "Entity" },
      el("option", { value: "", text: `All entities (${data.entities.length})` }),
      ...order.map((i) => el("option", { value: String(i), text: `${data.entities[i].name} \u00b7 ${data.entities[i].kind}` })));
    entity.addEventListener("change", () => filters.set({ entity: entity.value === "" ? null : Number(entity.value) }));
    filters.onChange((f) => { entity.value = f.entity === null ? "" : String(f.entity); });

    let timer = 0;
    const search = el("input", { id: "f-text", type: "search", placeholder: "Search text\u2026", "aria-label": "Search" });
    search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => filters.set({ text: search.value.trim().toLowerCase() }), 200);
    });
    bar.append(el("label", {}, "Entity", entity), search);

    let resetRange = () => {};
    if (data.span) {
      const days = Math.max(1, Math.ceil((data.span[1] - data.span[0]) / DAY));
      const at = (v) => Math.min(data.span[1], data.span[0] + Number(v) * DAY);
      const lo = el("input", { id: "f-from", type: "range", min: 0, max: days, value: 0, "aria-label": "From date" });
      const hi = el("input", { id: "f-to", type: "range", min: 0, max: days, value: days, "aria-label": "To date" });
      const out = el("output", { text: "" });
      const show = () => { out.textContent = `${fmtDay(at(lo.value))} \u2013 ${fmtDay(at(hi.value) - 1)}`; };
      const update = (moved) => {
        if (Number(lo.value) > Number(hi.value)) (moved === lo ? hi : lo).value = moved.value;
        show();
        filters.set({ from: at(lo.value), to: at(hi.value) });
      };
      lo.addEventListener("input", () => update(lo));
      hi.addEventListener("input", () => update(hi));
      resetRange = () => { lo.value = 0; hi.value = days; show(); };
      show();
      bar.append(el("span", { class: "range" }, el("label", {}, "Dates", lo, hi), out));
    }

    const counts = {};
    for (const ev of data.events) counts[ev.type] = (counts[ev.type] || 0) + 1;
    const chips = el("div", { class: "chips", role: "group", "aria-label": "Event types (click to hide, double-click for only this)" });
    for (const type of Object.keys(data.types)) {
      if (!counts[type]) continue;
      const button = chip(type, counts[type], true, `t-${type}`, () => {
        const types = new Set(filters.types);
        if (types.has(type)) types.delete(type); else types.add(type);
        filters.set({ types });
      });
      button.dataset.type = type;
      button.addEventListener("dblclick", () => filters.set({ types: new Set([type]) }));
      chips.append(button);
    }
    filters.onChange((f) => {
      for (const button of chips.children) button.setAttribute("aria-pressed", String(f.types.has(button.dataset.type)));
    });
    const reset = el("button", { type: "button", id: "f-reset", text: "Reset", onclick: () => {
      search.value = "";
      resetRange();
      filters.set({ entity: null, text: "", types: new Set(Object.keys(data.types)), kinds: new Set(Object.keys(data.kinds)),
        from: data.span ? data.span[0] : null, to: data.span ? data.span[1] : null });
    } });
    bar.append(chips, reset);
    return bar;
  }

  function badge(data, type) {
    const b = el("span", { class: "badge", text: type });
    b.style.background = data.types[type];
    return b;
  }

  function when(ev) {
    if (ev.date) return ev.date;
    return ev.start ? ev.start.slice(0, 10) : "undated";
  }

  function who(data, ev) {
    const parts = [];
    if (ev.actors.length) parts.push(names(data, ev.actors));
    if (ev.targets.length) parts.push(`\u2192 ${names(data, ev.targets)}`);
    if (ev.places.length) parts.push(`@ ${names(data, ev.places)}`);
    if (ev.others.length) parts.push(`with ${names(data, ev.others)}`);
    return parts.join(" ");
  }

  /** A compact DOM summary of one event: for tooltips and lists. */
  function summary(data, ev, full) {
    const box = el("div", { class: "event" },
      el("div", {}, badge(data, ev.type), el("b", { text: ev.label }), ` \u00b7 ${when(ev)}`,
        ev.modality !== "asserted" ? ` \u00b7 ${ev.modality}` : null),
      el("div", { class: "meta", text: who(data, ev) }));
    if (ev.sentence) {
      const text = full || ev.sentence.length <= 200 ? ev.sentence : `${ev.sentence.slice(0, 199)}\u2026`;
      box.append(el(full ? "blockquote" : "div", { class: "sent", text }));
    }
    const src = [ev.source ? `according to ${ev.source}` : null, ev.doc, ev.docDate].filter(Boolean).join(" \u00b7 ");
    if (src) box.append(el("div", { class: "meta", text: src }));
    return box;
  }

  /** The details panel: the full evidence of an event, with a link to its article. */
  function details(data, panel) {
    return {
      event(ev) {
        const box = summary(data, ev, true);
        const extra = [ev.anchor ? `time from ${ev.anchor}` : null,
          ev.confidence !== null ? `confidence ${ev.confidence.toFixed(2)}` : null,
          ev.polarity ? `polarity ${ev.polarity}` : null].filter(Boolean).join(" \u00b7 ");
        if (extra) box.append(el("div", { class: "meta", text: extra }));
        if (ev.url) box.append(el("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer", text: "Open the article" }));
        panel.replaceChildren(box);
      },
      events(title, evs) {
        const limit = 20;
        panel.replaceChildren(el("h2", { text: title }),
          ...evs.slice(0, limit).map((ev) => summary(data, ev, false)),
          evs.length > limit ? el("p", { class: "more", text: `and ${evs.length - limit} more` }) : null);
      },
    };
  }

  /** One floating tooltip per page, filled with DOM nodes. */
  function tooltip() {
    const tip = el("div", { class: "tip", hidden: true, role: "tooltip" });
    document.body.append(tip);
    return {
      show(x, y, ...nodes) {
        tip.replaceChildren(...nodes);
        tip.hidden = false;
        const w = tip.offsetWidth, h = tip.offsetHeight;
        tip.style.left = `${Math.max(4, Math.min(x + 14, innerWidth - w - 4))}px`;
        tip.style.top = `${Math.max(4, y + 14 + h > innerHeight ? y - h - 10 : y + 14)}px`;
      },
      hide() { tip.hidden = true; },
    };
  }

  function pane(name) {
    const head = el("div", { class: "pane-head" });
    const body = el("div", { class: "pane-body", id: `${name}-body` });
    const status = el("span", { class: "status", id: `${name}-status`, "aria-live": "polite" });
    const node = el("section", { class: "pane", id: `${name}-pane`, "aria-label": name }, head, body);
    return { node, head, body, status };
  }

  /** Record the first time a view reached a state, for tests and benchmarks. */
  function mark(name) {
    if (performance.getEntriesByName(name).length) return;
    performance.mark(name);
    document.body.dataset[name.replace(/-(\w)/g, (m, c) => c.toUpperCase())] = "1";
  }

  function boot() {
    const data = load();
    const filters = new Filters(data);
    const view = document.body.dataset.view;
    const panes = el("main", { class: "panes" });
    const panel = el("aside", { class: "details", id: "details", "aria-live": "polite" });
    document.body.prepend(el("h1", { text: data.title }), toolbar(data, filters), panes);
    document.body.append(panel);
    const ctx = { data, filters, details: details(data, panel), tip: tooltip(), pane, el, summary, chip, mark };
    window.etkg = { data, filters };
    if (view === "timeline" || view === "explorer") {
      const p = pane("timeline");
      panes.append(p.node);
      window.etkg.timeline = EtkgTimeline(p, ctx);
    }
    if (view === "map" || view === "explorer") {
      const p = pane("map");
      panes.append(p.node);
      window.etkg.map = EtkgMap(p, ctx);
    }
  }

  document.addEventListener("DOMContentLoaded", boot);
  return { when };
})();
