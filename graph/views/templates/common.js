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
    data.core = core(data.events);
    data.reported = data.reported || [];
    data.cooccur = data.cooccur || [];
    return data;
  }

  /** Where the events are: the 5th to 95th percentile of their dates, padded, so that a history
   * aside (1875) or a far target (2050) does not squash everything else into a sliver. */
  function core(events) {
    const t = events.filter((ev) => ev.t0 !== null).map((ev) => ev.t0).sort((a, b) => a - b);
    if (!t.length) return null;
    const at = (q) => t[Math.min(t.length - 1, Math.max(0, Math.round(q * (t.length - 1))))];
    const lo = t.length >= 10 ? at(0.05) : t[0];
    const hi = t.length >= 10 ? at(0.95) : t[t.length - 1];
    const last = events.filter((ev) => ev.t0 !== null && ev.t0 <= hi).reduce((m, ev) => Math.max(m, ev.t1), hi);
    const pad = Math.max(DAY, (last - lo) * 0.04);
    return [lo - pad, last + pad];
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
      const brush = histogram(data, filters);
      resetRange = brush.reset;
      bar.append(brush.node);
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
    const csv = el("button", { type: "button", id: "f-csv", text: "CSV of what is shown", title: "Download the events that pass the filters",
      onclick: () => download("events-shown.csv", toCsv(EVENT_CSV, data.events.filter((ev) => filters.keep(ev)).map((ev) => eventRow(data, ev))), "text/csv") });
    const reset = el("button", { type: "button", id: "f-reset", text: "Reset", onclick: () => {
      search.value = "";
      resetRange();
      filters.set({ entity: null, text: "", types: new Set(Object.keys(data.types)), kinds: new Set(Object.keys(data.kinds)),
        from: data.span ? data.span[0] : null, to: data.span ? data.span[1] : null });
    } });
    bar.append(chips, reset, csv, corrections.button);
    return bar;
  }

  /** Events per day, week or month as bars; dragging over them sets the date range (both views).
   * It spans where the events are (the core window); "all" widens it to every date. */
  function histogram(data, filters) {
    const W = 300, H = 30, ns = "http://www.w3.org/2000/svg"; // an XML namespace name, not a request
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("class", "hist");
    svg.setAttribute("id", "f-hist");
    svg.setAttribute("role", "slider");
    svg.setAttribute("aria-label", "Date range: drag over the bars");
    const out = el("output", { id: "f-range" });
    let domain = data.core || data.span;
    let full = false;
    const widen = el("button", { type: "button", id: "f-all-dates", class: "link", onclick: () => {
      full = !full;
      domain = full ? [data.span[0], data.span[1] + DAY] : (data.core || data.span);
      draw();
    } });
    const unitOf = (span) => (span <= 120 * DAY ? ["day", DAY] : span <= 3 * 365 * DAY ? ["week", 7 * DAY] : ["month", 30.44 * DAY]);
    let unit;
    const x = (t) => ((t - domain[0]) / (domain[1] - domain[0])) * W;
    const t = (px) => domain[0] + (Math.max(0, Math.min(W, px)) / W) * (domain[1] - domain[0]);
    const sel = document.createElementNS(ns, "rect");
    sel.setAttribute("class", "sel");
    function draw() {
      unit = unitOf(domain[1] - domain[0]);
      const n = Math.max(1, Math.ceil((domain[1] - domain[0]) / unit[1]));
      const bins = new Array(n).fill(0);
      let before = 0, after = 0;
      for (const ev of data.events) {
        if (ev.t0 === null) continue;
        if (ev.t0 < domain[0]) before += 1;
        else if (ev.t0 >= domain[1]) after += 1;
        else bins[Math.min(n - 1, Math.floor((ev.t0 - domain[0]) / unit[1]))] += 1;
      }
      const top = Math.max(1, ...bins);
      const bars = bins.map((c, i) => {
        if (!c) return null;
        const r = document.createElementNS(ns, "rect");
        r.setAttribute("x", String((i / n) * W));
        r.setAttribute("width", String(Math.max(1, W / n - 0.5)));
        r.setAttribute("y", String(H - 2 - (c / top) * (H - 4)));
        r.setAttribute("height", String((c / top) * (H - 4)));
        return r;
      }).filter(Boolean);
      svg.replaceChildren(...bars, sel);
      svg.setAttribute("aria-description", `events per ${unit[0]}`);
      widen.textContent = full ? "where the events are" : (before + after ? `all dates (+${before + after} outside)` : "");
      widen.hidden = !full && !(before + after);
      show();
    }
    function show() {
      const whole = filters.fullRange;
      out.textContent = whole ? `all dates · per ${unit[0]}` : `${fmtDay(filters.from)} – ${fmtDay(filters.to - 1)}`;
      const a = whole ? 0 : Math.max(0, x(filters.from)), b = whole ? 0 : Math.min(W, x(filters.to));
      sel.setAttribute("x", String(a));
      sel.setAttribute("width", String(Math.max(0, b - a)));
      sel.setAttribute("y", "0");
      sel.setAttribute("height", String(H));
    }
    let anchor = null;
    const px = (e) => ((e.clientX - svg.getBoundingClientRect().left) / svg.getBoundingClientRect().width) * W;
    svg.addEventListener("pointerdown", (e) => { anchor = px(e); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", (e) => {
      if (anchor === null) return;
      const a = Math.min(anchor, px(e)), b = Math.max(anchor, px(e));
      sel.setAttribute("x", String(a));
      sel.setAttribute("width", String(b - a));
    });
    svg.addEventListener("pointerup", (e) => {
      if (anchor === null) return;
      const a = Math.min(anchor, px(e)), b = Math.max(anchor, px(e));
      anchor = null;
      if (b - a < 2) { range(null, null); return; } // a click clears the range
      range(t(a), t(b));
    });
    function range(from, to) {
      if (from === null) filters.set({ from: data.span[0], to: data.span[1] });
      else filters.set({ from: Math.floor(from / DAY) * DAY, to: Math.ceil(to / DAY) * DAY });
    }
    filters.onChange((f, patch) => { if ("from" in patch || "to" in patch) show(); });
    draw();
    return { node: el("span", { class: "range" }, el("label", { for: "f-hist" }, "Dates"), svg, out, widen), reset: () => show(), range };
  }

  const EVENT_CSV = ["event", "date", "begin", "end", "type", "label", "modality", "future", "actors", "targets",
    "places", "others", "source", "sentence", "document", "published", "url"];

  function eventRow(data, ev) {
    return [ev.iri, ev.date, ev.start, ev.end, ev.type, ev.label, ev.modality, ev.future ? "yes" : "",
      names(data, ev.actors), names(data, ev.targets), names(data, ev.places), names(data, ev.others),
      ev.source, ev.sentence, ev.doc, ev.docDate, ev.url];
  }

  /** RFC 4180 CSV; a cell that a spreadsheet would read as a formula gets a leading quote. */
  function toCsv(header, rows) {
    const cell = (v) => {
      let text = v === null || v === undefined ? "" : String(v);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  }

  /** Save a file the page made (no server): a blob: URL on a temporary download link. */
  function download(name, content, type) {
    const blob = content instanceof Blob ? content : new Blob([content], { type: `${type};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    (window.etkg.downloads = window.etkg.downloads || []).push(name);
  }

  /** An SVG document (text) rasterised to a PNG blob, through a data: image (allowed by the CSP). */
  function svgToPng(svgText, width, height, done) {
    const img = new Image();
    img.onload = () => {
      const canvas = el("canvas", { width: Math.round(width * 2), height: Math.round(height * 2) });
      const g = canvas.getContext("2d");
      g.scale(2, 2);
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, width, height);
      g.drawImage(img, 0, 0, width, height);
      canvas.toBlob(done, "image/png");
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  }

  /** Corrections the user marks in the views, kept in the page and downloaded as corrections.csv
   * (action,subject,value,note) for `etkg` to apply; nothing is sent anywhere. */
  const corrections = (() => {
    const rows = [];
    const button = el("button", { type: "button", id: "f-corrections", hidden: true,
      title: "Download the corrections marked so far (action,subject,value,note)",
      onclick: () => download("corrections.csv", toCsv(["action", "subject", "value", "note"], rows), "text/csv") });
    return {
      button, rows,
      add(action, subject, value, note) {
        rows.push([action, subject, value || "", note || ""]);
        button.hidden = false;
        button.textContent = `Corrections (${rows.length}) ⤓`;
      },
    };
  })();

  function badge(data, type) {
    const b = el("span", { class: "badge", text: type });
    b.style.background = data.types[type];
    return b;
  }

  function when(ev) {
    return ev.when || ev.date || (ev.start ? ev.start.slice(0, 10) : "undated");
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
        ev.modality !== "asserted" ? ` \u00b7 ${ev.modality}` : null, ev.future ? " \u00b7 expected, not yet happened" : null),
      el("div", { class: "meta", text: who(data, ev) }));
    if (ev.sentence) {
      const text = full || ev.sentence.length <= 200 ? ev.sentence : `${ev.sentence.slice(0, 199)}\u2026`;
      box.append(el(full ? "blockquote" : "div", { class: "sent", text }));
    }
    const src = [ev.source ? `according to ${ev.source}` : null, ev.doc, ev.docDate].filter(Boolean).join(" \u00b7 ");
    if (src) box.append(el("div", { class: "meta", text: src }));
    return box;
  }

  function roleOf(ev, i) {
    if (ev.actors.includes(i)) return "actor";
    if (ev.targets.includes(i)) return "target";
    if (ev.places.includes(i)) return "place";
    if (ev.others.includes(i)) return "participant";
    return ev.src === i ? "source" : null;
  }

  /** A "correct this" row: a button that shows a control, whose value becomes a corrections line. */
  function fix(label, control, onok) {
    const box = el("span", { class: "fix" });
    const ok = el("button", { type: "button", text: "add", onclick: () => { if (onok(control.value)) box.replaceChildren(el("span", { class: "done", text: "\u2713 noted" })); } });
    const open = el("button", { type: "button", class: "link", text: label, onclick: () => box.replaceChildren(control, ok) });
    box.append(open);
    return box;
  }

  function select(options, name) {
    return el("select", { "aria-label": name }, ...options.map((o) => el("option", { value: o, text: o })));
  }

  /** The details panel: the full evidence of an event, or an entity's profile. */
  function details(data, panel) {
    const eventFixes = (ev) => el("div", { class: "fixes" }, "Correct: ",
      el("button", { type: "button", class: "link", text: "mark as wrong", onclick: (e) => {
        corrections.add("drop-event", ev.iri, "", `${ev.label} (${when(ev)})`);
        e.target.replaceWith(el("span", { class: "done", text: "\u2713 marked wrong" }));
      } }),
      fix("retype", select(Object.keys(data.types), "Event type"), (v) => {
        corrections.add("retype-event", ev.iri, v, `${ev.label}: ${ev.type} -> ${v}`);
        return true;
      }));
    const entityFixes = (i) => {
      const ent = data.entities[i];
      const others = el("select", { "aria-label": "Same as" }, ...data.entities.map((e, k) => (k === i ? null :
        el("option", { value: String(k), text: `${e.name} \u00b7 ${e.kind}` }))).filter(Boolean));
      const rename = el("input", { type: "text", value: ent.name, "aria-label": "New name" });
      const alias = el("input", { type: "text", placeholder: "another name", "aria-label": "Alias" });
      return el("div", { class: "fixes" }, "Correct: ",
        el("button", { type: "button", class: "link", text: "mark as wrong", onclick: (e) => {
          corrections.add("drop", ent.iri, "", ent.name);
          e.target.replaceWith(el("span", { class: "done", text: "\u2713 marked wrong" }));
        } }),
        fix("same as\u2026", others, (v) => {
          const to = data.entities[Number(v)];
          corrections.add("merge", ent.iri, to.iri, `${ent.name} = ${to.name}`);
          return true;
        }),
        fix("retype", select(Object.keys(data.kinds), "Kind"), (v) => {
          corrections.add("retype", ent.iri, v, `${ent.name}: ${ent.kind} -> ${v}`);
          return true;
        }),
        fix("rename", rename, (v) => {
          if (!v.trim() || v.trim() === ent.name) return false;
          corrections.add("rename", ent.iri, v.trim(), ent.name);
          return true;
        }),
        fix("add alias", alias, (v) => {
          if (!v.trim()) return false;
          corrections.add("alias", ent.iri, v.trim(), ent.name);
          return true;
        }));
    };
    return {
      event(ev) {
        const box = summary(data, ev, true);
        const extra = [ev.anchor ? `time from ${ev.anchor}` : null,
          ev.confidence !== null ? `confidence ${ev.confidence.toFixed(2)}` : null,
          ev.polarity ? `polarity ${ev.polarity}` : null].filter(Boolean).join(" \u00b7 ");
        if (extra) box.append(el("div", { class: "meta", text: extra }));
        if (ev.url) box.append(el("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer", text: "Open the article" }));
        box.append(eventFixes(ev));
        panel.replaceChildren(box);
      },
      events(title, evs) {
        const limit = 20;
        panel.replaceChildren(el("h2", { text: title }),
          ...evs.slice(0, limit).map((ev) => summary(data, ev, false)),
          evs.length > limit ? el("p", { class: "more", text: `and ${evs.length - limit} more` }) : null);
      },
      /** The entity profile (as kg.profile): kind, aliases, links, mentions, documents, events. */
      entity(i) {
        const ent = data.entities[i];
        const evs = data.events.filter((ev) => roleOf(ev, i) !== null)
          .sort((a, b) => (a.t0 === null) - (b.t0 === null) || a.t0 - b.t0);
        const links = (ent.links || []).map((link) => (/^https?:\/\//i.test(link)
          ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: link }) : el("span", { text: link })));
        const rows = evs.slice(0, 200).map((ev) => el("tr", { onclick: () => this.event(ev) },
          el("td", { text: when(ev) }), el("td", {}, badge(data, ev.type)), el("td", { text: roleOf(ev, i) }),
          el("td", { text: ev.label }), el("td", { text: ev.source || "" })));
        panel.replaceChildren(el("div", { class: "profile", id: "profile" },
          el("h2", { text: ent.name }),
          el("div", { class: "meta", text: [ent.kind, `${ent.mentions} mentions`, `${ent.documents} documents`,
            `${ent.degree} event partners`, `${evs.length} events`].join(" \u00b7 ") }),
          ent.aliases ? el("div", { class: "meta", text: `also: ${ent.aliases}` }) : null,
          links.length ? el("div", { class: "meta" }, "links: ", ...links.flatMap((a, k) => (k ? [" \u00b7 ", a] : [a]))) : null,
          entityFixes(i),
          evs.length ? el("table", { class: "events" },
            el("thead", {}, el("tr", {}, ...["date", "type", "role", "event", "source"].map((h) => el("th", { text: h })))),
            el("tbody", {}, ...rows)) : el("p", { class: "more", text: "No events." }),
          evs.length > 200 ? el("p", { class: "more", text: `and ${evs.length - 200} more` }) : null));
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
    const ctx = { data, filters, details: details(data, panel), tip: tooltip(), pane, el, summary, chip, mark,
      download, svgToPng, corrections };
    window.etkg = { data, filters, corrections: corrections.rows };
    // Whatever a tooltip showed may just have been filtered out; choosing an entity profiles it.
    filters.onChange((f, patch) => {
      ctx.tip.hide();
      if ("entity" in patch && f.entity !== null) ctx.details.entity(f.entity);
    });
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
  return { when, core, DAY };
})();
