/* The relationship map: entities as nodes (shape and colour by kind, size by degree), events as
 * links between them, or, with "events as nodes", the SEM entity-event graph. Labels are drawn on
 * the canvas; tooltips are our own DOM (textContent), never vis-network's HTML `title`.
 * Filtering only toggles `hidden`, so the layout stays put while the user narrows things down. */
"use strict";

function EtkgMap(pane, ctx) {
  const { data, filters, el } = ctx;
  const ents = data.entities;
  const LABELS = 30; // the most linked shown entities keep a label; the others show theirs on zoom or hover
  let eventNodes = false;
  let shownIds = [];
  let showUnlinked = false;
  let minLinks = 1;
  let showReported = true;
  let showCooccur = false;
  let allLabels = false;

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const mode = el("input", { type: "checkbox", id: "m-events" });
  mode.addEventListener("change", () => { eventNodes = mode.checked; build(); });
  const check = (id, on, label, title, set) => {
    const box = el("input", { type: "checkbox", id, checked: on });
    box.addEventListener("change", () => { set(box.checked); apply(); });
    return el("label", { title }, box, label);
  };
  const degree = el("input", { type: "number", id: "m-degree", min: 1, max: 99, value: 1, "aria-label": "Minimum links" });
  degree.addEventListener("input", () => { minLinks = Math.max(1, Number(degree.value) || 1); apply(); });
  const kinds = el("div", { class: "chips", role: "group", "aria-label": "Entity kinds" });
  const present = new Set(ents.map((e) => e.kind));
  for (const [kind, style] of Object.entries(data.kinds)) {
    if (!present.has(kind)) continue;
    const button = ctx.chip(kind, ents.filter((e) => e.kind === kind).length, true, "kind", () => {
      const next = new Set(filters.kinds);
      if (next.has(kind)) next.delete(kind); else next.add(kind);
      filters.set({ kinds: next });
    });
    button.dataset.kind = kind;
    button.prepend(shapeIcon(style));
    kinds.append(button);
  }
  filters.onChange((f) => {
    for (const b of kinds.children) b.setAttribute("aria-pressed", String(f.kinds.has(b.dataset.kind)));
  });
  pane.head.append(el("label", {}, mode, "Events as nodes"),
    check("m-unlinked", false, "Unlinked", "Show entities that no shown link touches", (v) => { showUnlinked = v; }),
    el("label", { title: "Hide entities with fewer links" }, "min links", degree),
    check("m-said", true, "Said / reported by", "Links from the source of a report to whom it is about", (v) => { showReported = v; }),
    check("m-cooc", false, "Same sentence", "Light links between entities named in one sentence", (v) => { showCooccur = v; }),
    kinds,
    el("button", { type: "button", id: "m-fit", text: "Zoom to fit", onclick: () => network.fit() }),
    el("button", { type: "button", id: "m-layout", text: "Re-run layout", onclick: () => relayout() }),
    el("button", { type: "button", id: "m-png", text: "PNG", title: "Download the map as shown", onclick: () => exportImage("png") }),
    el("button", { type: "button", id: "m-svg", text: "SVG", onclick: () => exportImage("svg") }),
    pane.status);

  function shapeIcon(style) {
    const ns = "http://www.w3.org/2000/svg"; // an XML namespace name, not a request
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 12 12");
    const paths = { dot: "M6 1a5 5 0 1 0 0.01 0z", square: "M1 1h10v10H1z", diamond: "M6 0l6 6-6 6-6-6z",
      triangle: "M6 1l5 10H1z", triangleDown: "M1 1h10L6 11z", hexagon: "M3 1h6l3 5-3 5H3L0 6z",
      star: "M6 0l1.8 4h4.2l-3.4 2.6 1.3 4.4L6 8.4 2.1 11l1.3-4.4L0 4h4.2z" };
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", paths[style.shape] || paths.dot);
    path.setAttribute("fill", style.color);
    svg.append(path);
    return svg;
  }

  const nEdges = data.edges.length + data.reported.length;
  const big = ents.length > 400 || nEdges > 800;
  // The layout runs off screen before the first frame, only over the entities that are shown
  // (hidden ones leave the simulation), and freezes when done: the map appears settled, and
  // panning and zooming never compete with the simulation.
  const ITERATIONS = big ? 120 : 400;
  let settling = true;
  let moved = false; // the user zoomed or panned: keep their view when the layout settles
  const options = {
    autoResize: true,
    layout: { improvedLayout: !big, randomSeed: 7 },
    physics: {
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: big ? -2500 : -3500, centralGravity: big ? 0.3 : 0.6, springLength: big ? 90 : 110,
        springConstant: 0.03, damping: 0.5, avoidOverlap: big ? 0 : 0.1, theta: big ? 0.9 : 0.5 },
      stabilization: { enabled: true, iterations: ITERATIONS, updateInterval: 1000, fit: true },
      minVelocity: 1,
    },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 100, multiselect: false },
    nodes: { borderWidth: 1, font: { size: 13, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 36, label: { enabled: true, min: 11, max: 22, drawThreshold: 4 } } },
    edges: {
      smooth: big ? false : { type: "curvedCW", roundness: 0.12 },
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      font: { size: 10, align: "middle", strokeWidth: 3, color: "#37474f" },
      scaling: { min: 1, max: 6, label: { enabled: true, min: 9, max: 12, drawThreshold: 9 } }, // labels once zoomed in
      color: { inherit: false },
    },
  };
  function relayout() {
    settling = true;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(ITERATIONS);
  }
  function freeze() {
    if (!settling) return;
    settling = false;
    network.setOptions({ physics: { enabled: false } });
    if (!moved) network.fit({ animation: false });
    ctx.mark("map-settled");
  }

  /** "3 events: CONSULT, ASSAULT" for a pair; one event says its type and date. */
  function edgeLabel(evs) {
    if (evs.length === 1) return `${evs[0].type} ${Etkg.when(evs[0])}`;
    const types = [...new Set(evs.map((ev) => ev.type))];
    return `${evs.length} events: ${types.slice(0, 3).join(", ")}${types.length > 3 ? "\u2026" : ""}`;
  }
  const dashed = (evs) => evs.every((ev) => ev.modality !== "asserted");

  // Hover and selection keep the colour (it means kind or type) and darken the outline.
  const paint = (c) => ({ background: c, border: "#263238", hover: { background: c, border: "#000000" },
    highlight: { background: c, border: "#000000" } });
  const line = (c) => ({ color: c, hover: c, highlight: c });
  const SAID = "#607d8b", COOC = "#cfd8dc";

  function entityNode(i) {
    const ent = ents[i];
    const style = data.kinds[ent.kind] || data.kinds.other;
    return { id: i, label: ent.name, shape: style.shape, value: ent.degree + 1, color: paint(style.color) };
  }

  /** Fill nodes and links for the current mode; `apply` then hides what the filters drop. */
  function fill() {
    const n = ents.map((e, i) => entityNode(i));
    const e = [];
    if (eventNodes) {
      for (const ev of data.events) {
        n.push({ id: `v${ev.i}`, label: ev.type, shape: "box", ev: ev.i,
          color: paint(data.types[ev.type]), font: { color: "#ffffff", size: 9 },
          shapeProperties: { borderDashes: ev.modality === "asserted" ? false : [4, 3] } });
        const roles = [["actor", ev.actors], ["target", ev.targets], ["place", ev.places], ["participant", ev.others]];
        for (const [role, list] of roles) {
          for (const i of list) {
            e.push({ id: `p${ev.i}_${i}_${role}`, from: i, to: `v${ev.i}`, label: role, ev: ev.i, ent: i,
              arrows: { to: { enabled: false } }, color: { color: "#90a4ae" }, font: { size: 8 } });
          }
        }
      }
    } else {
      data.edges.forEach(([from, to, evIds], k) => {
        const evs = evIds.map((j) => data.events[j]);
        const directed = evs.some((ev) => ev.actors.includes(from));
        e.push({ id: k, kind: "event", from, to, label: edgeLabel(evs), value: evs.length, evs: evIds,
          color: line(data.types[evs[evs.length - 1].type]), dashes: dashed(evs),
          arrows: { to: { enabled: directed } } });
      });
      data.reported.forEach(([from, to, evIds], k) => {
        e.push({ id: `r${k}`, kind: "said", from, to, label: "said", value: 1, evs: evIds, width: 1,
          color: line(SAID), dashes: [2, 4], arrows: { to: { enabled: true, scaleFactor: 0.35 } }, font: { size: 9, color: SAID } });
      });
      data.cooccur.forEach(([from, to, count], k) => {
        e.push({ id: `c${k}`, kind: "co", from, to, value: 1, count, width: 0.5, physics: false,
          color: line(COOC), arrows: { to: { enabled: false } }, smooth: false });
      });
    }
    nodes.clear(); edges.clear();
    nodes.add(n); edges.add(e);
    apply();
  }

  function build() {
    fill();
    relayout();
  }

  function apply() {
    const keep = data.events.map((ev) => filters.keep(ev));
    const kindOk = (i) => filters.kinds.has(ents[i].kind);
    const chosen = filters.entity;
    const touched = new Set(chosen === null ? [] : [chosen]);
    const near = new Map(); // node -> its neighbours over links that pass the filters
    const link = (a, b) => {
      if (!near.has(a)) near.set(a, new Set());
      if (!near.has(b)) near.set(b, new Set());
      near.get(a).add(b); near.get(b).add(a);
    };
    const visibleEdge = new Map(); // edge id -> update
    edges.forEach((edge) => {
      let show;
      const update = { id: edge.id };
      if (eventNodes) {
        show = keep[edge.ev] && kindOk(edge.ent);
      } else if (edge.kind === "co") {
        show = showCooccur && kindOk(edge.from) && kindOk(edge.to) &&
          (!filters.active || edge.from === chosen || edge.to === chosen);
      } else {
        const evs = edge.evs.map((j) => data.events[j]).filter((ev) => keep[ev.i]);
        show = evs.length > 0 && kindOk(edge.from) && kindOk(edge.to) && (edge.kind === "event" || showReported);
        if (show && edge.kind === "event") {
          Object.assign(update, { label: edgeLabel(evs), value: evs.length, dashes: dashed(evs),
            color: line(data.types[evs[evs.length - 1].type]) });
        }
      }
      if (show) {
        link(edge.from, edge.to);
        if (edge.kind !== "co") { touched.add(edge.from); touched.add(edge.to); }
      }
      visibleEdge.set(edge.id, show ? update : null);
    });
    shownIds = [];
    let unlinked = 0;
    const hide = new Set();
    nodes.forEach((node) => {
      const isEvent = typeof node.id === "string";
      const links = near.has(node.id) ? near.get(node.id).size : 0;
      let hidden = (isEvent ? !keep[node.ev] : !kindOk(node.id)) || (filters.active && !touched.has(node.id));
      if (!hidden && !isEvent && !showUnlinked && links < minLinks && node.id !== chosen) {
        hidden = true;
        unlinked += 1;
      }
      if (hidden) hide.add(node.id); else shownIds.push(node.id);
    });
    // labels: the chosen entity and its neighbours, else the most linked shown entities
    const ranked = shownIds.filter((id) => typeof id === "number")
      .sort((a, b) => ((near.get(b) || new Set()).size - (near.get(a) || new Set()).size) || (ents[b].mentions - ents[a].mentions));
    const labelled = new Set(chosen !== null ? [chosen, ...(near.get(chosen) || [])] : ranked.slice(0, LABELS));
    const nodeUpdates = [];
    nodes.forEach((node) => {
      const hidden = hide.has(node.id);
      const update = { id: node.id, hidden, physics: !hidden };
      if (typeof node.id === "number") {
        const want = allLabels || labelled.has(node.id) || shownIds.length <= LABELS ? ents[node.id].name : undefined;
        if (want !== node.label) update.label = want === undefined ? "" : want;
      }
      nodeUpdates.push(update);
    });
    const edgeUpdates = [];
    let shownEdges = 0, said = 0;
    for (const [id, update] of visibleEdge) {
      const edge = edges.get(id);
      const hidden = update === null || hide.has(edge.from) || hide.has(edge.to);
      if (!hidden) { shownEdges += 1; if (edge.kind === "said") said += 1; }
      edgeUpdates.push(Object.assign(update || { id }, { hidden }));
    }
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    pane.status.textContent = `${shownIds.length} nodes, ${shownEdges} links` + (said ? ` (${said} said/reported)` : "") +
      (unlinked ? ` \u00b7 ${unlinked} ${minLinks > 1 ? `with fewer than ${minLinks} links` : "unlinked"} hidden` : "");
    window.etkg.mapStatus = { nodes: shownIds.length, links: shownEdges, hidden: unlinked };
  }

  /** The map as SVG from the laid-out positions: links, then nodes as circles with their labels. */
  function toSvg() {
    const pos = network.getPositions(shownIds);
    const ids = Object.keys(pos);
    if (!ids.length) return ["<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 10, 10];
    const xs = ids.map((id) => pos[id].x), ys = ids.map((id) => pos[id].y);
    const x0 = Math.min(...xs) - 60, y0 = Math.min(...ys) - 40, w = Math.max(...xs) - x0 + 60, h = Math.max(...ys) - y0 + 40;
    const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const body = network.body;
    const out = [];
    edges.forEach((edge) => {
      if (edge.hidden || !pos[edge.from] || !pos[edge.to]) return;
      const a = pos[edge.from], b = pos[edge.to];
      const color = (edge.color && edge.color.color) || "#90a4ae";
      const dash = edge.kind === "said" ? ' stroke-dasharray="2 4"' : "";
      const width = edge.kind === "co" ? 0.5 : Math.min(6, 1 + Math.log2(edge.value || 1));
      out.push(`<line x1="${a.x - x0}" y1="${a.y - y0}" x2="${b.x - x0}" y2="${b.y - y0}" stroke="${color}" stroke-width="${width}"${dash}/>`);
    });
    for (const id of ids) {
      const node = body.nodes[id];
      const p = pos[id];
      const r = node && node.options.size ? node.options.size : 10;
      const color = node && node.options.color ? node.options.color.background : "#999999";
      out.push(`<circle cx="${p.x - x0}" cy="${p.y - y0}" r="${r}" fill="${color}" stroke="#263238"/>`);
      const label = node && node.options.label;
      if (label) out.push(`<text x="${p.x - x0}" y="${p.y - y0 + r + 12}" text-anchor="middle" font-size="12" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`);
    }
    return [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>${out.join("")}</svg>`, w, h];
  }

  function exportImage(kind) {
    if (kind === "svg") {
      ctx.download("map.svg", toSvg()[0], "image/svg+xml");
      return;
    }
    // the canvas as drawn, on white (vis-network leaves it transparent)
    const src = pane.body.querySelector("canvas");
    const canvas = el("canvas", { width: src.width, height: src.height });
    const g = canvas.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(src, 0, 0);
    canvas.toBlob((blob) => ctx.download("map.png", blob), "image/png");
  }

  function eventsOf(edge) {
    if (edge.ev !== undefined) return [data.events[edge.ev]];
    return edge.evs.map((j) => data.events[j]).filter((ev) => filters.keep(ev));
  }

  function nodeTip(id) {
    const node = nodes.get(id);
    if (typeof id === "string") return [ctx.summary(data, data.events[node.ev], false)];
    const ent = ents[id];
    return [el("div", {}, el("b", { text: ent.name }), ` \u00b7 ${ent.kind}`),
      el("div", { class: "meta", text: `${ent.degree} linked entities \u00b7 ${ent.mentions} mentions` }),
      ent.aliases ? el("div", { class: "meta", text: `also: ${ent.aliases}` }) : null].filter(Boolean);
  }

  function edgeTip(id) {
    const edge = edges.get(id);
    if (edge.kind === "co") {
      return [el("div", { text: `${ents[edge.from].name} and ${ents[edge.to].name} are named in ${edge.count} sentence${edge.count > 1 ? "s" : ""} together` })];
    }
    const evs = eventsOf(edge);
    const shown = evs.slice(0, 3).map((ev) => ctx.summary(data, ev, false));
    if (edge.kind === "said") shown.unshift(el("div", { class: "meta", text: `${ents[edge.from].name} said or reported:` }));
    if (evs.length > 3) shown.push(el("div", { class: "meta", text: `and ${evs.length - 3} more (click to list)` }));
    return shown;
  }

  // The data goes in before the network is made, so the first layout runs on it, off screen.
  fill();
  const network = new vis.Network(pane.body, { nodes, edges }, options);
  network.on("stabilizationIterationsDone", freeze);
  network.on("stabilized", freeze);
  network.on("zoom", (p) => {
    moved = true;
    ctx.tip.hide();
    const want = p.scale >= 1.6;
    if (want !== allLabels) { allLabels = want; apply(); }
  });
  network.on("dragStart", () => { moved = true; });
  const at = (p) => {
    const r = pane.body.getBoundingClientRect();
    return [r.left + p.pointer.DOM.x, r.top + p.pointer.DOM.y];
  };
  network.on("hoverNode", (p) => ctx.tip.show(...at(p), ...nodeTip(p.node)));
  network.on("hoverEdge", (p) => ctx.tip.show(...at(p), ...edgeTip(p.edge)));
  network.on("blurNode", () => ctx.tip.hide());
  network.on("blurEdge", () => ctx.tip.hide());
  network.on("dragStart", () => ctx.tip.hide());
  network.on("click", (p) => {
    ctx.tip.hide();
    if (p.nodes.length) {
      const id = p.nodes[0];
      if (typeof id === "string") ctx.details.event(data.events[nodes.get(id).ev]);
      else filters.set({ entity: filters.entity === id ? null : id });
    } else if (p.edges.length && edges.get(p.edges[0]).kind !== "co") {
      const evs = eventsOf(edges.get(p.edges[0]));
      if (evs.length === 1) ctx.details.event(evs[0]);
      else ctx.details.events(`${evs.length} events`, evs);
    }
  });
  let first = true;
  network.on("afterDrawing", () => {
    if (first) { first = false; ctx.mark("map-rendered"); }
  });
  filters.onChange((f, patch) => {
    apply();
    if ("entity" in patch && shownIds.length) network.fit({ nodes: shownIds, animation: false });
  });
  return { network, nodes, edges, toSvg };
}
