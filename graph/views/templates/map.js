/* The relationship map: entities as nodes (shape and colour by kind, size by degree), events as
 * links between them, or, with "events as nodes", the SEM entity-event graph. Labels are drawn on
 * the canvas; tooltips are our own DOM (textContent), never vis-network's HTML `title`.
 * Filtering only toggles `hidden`, so the layout stays put while the user narrows things down. */
"use strict";

function EtkgMap(pane, ctx) {
  const { data, filters, el } = ctx;
  const ents = data.entities;
  let eventNodes = false;
  let shownIds = [];

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const mode = el("input", { type: "checkbox", id: "m-events" });
  mode.addEventListener("change", () => { eventNodes = mode.checked; build(); });
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
  pane.head.append(el("label", {}, mode, "Events as nodes"), kinds,
    el("button", { type: "button", id: "m-fit", text: "Zoom to fit", onclick: () => network.fit() }),
    el("button", { type: "button", id: "m-layout", text: "Re-run layout", onclick: () => relayout() }),
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

  const nEdges = data.edges.length;
  const big = ents.length > 400 || nEdges > 800;
  // A big graph gets a short off-screen layout (about a second for 2,000 nodes on a slow
  // machine), then settles on screen while usable; any graph is frozen once settled or after
  // SETTLE_MS, so panning and zooming never compete with the simulation.
  const ITERATIONS = big ? 40 : 400;
  const SETTLE_MS = 8000;
  let settleTimer = 0;
  let settling = true;
  let moved = false; // the user zoomed or panned: keep their view when the layout settles
  const options = {
    autoResize: true,
    layout: { improvedLayout: !big, randomSeed: 7 },
    physics: {
      solver: "barnesHut",
      // Isolated entities are common in news graphs: enough central gravity keeps them near.
      barnesHut: { gravitationalConstant: -3500, centralGravity: big ? 0.25 : 0.6, springLength: 110, springConstant: 0.03,
        damping: 0.45, avoidOverlap: big ? 0 : 0.1, theta: big ? 0.8 : 0.5 },
      stabilization: { enabled: true, iterations: ITERATIONS, updateInterval: 50, fit: true },
      minVelocity: 1,
    },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 100, multiselect: false },
    nodes: { borderWidth: 1, font: { size: 13, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 36, label: { enabled: true, min: 11, max: 22, drawThreshold: big ? 7 : 4 } } },
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
    clearTimeout(settleTimer);
    if (!settling) return;
    settling = false;
    network.setOptions({ physics: { enabled: false } });
    if (!moved) network.fit({ animation: false });
    ctx.mark("map-settled");
  }

  const edgeLabel = (evs) => (evs.length === 1 ? `${evs[0].type} ${Etkg.when(evs[0])}` : `${evs.length} events`);
  const dashed = (evs) => evs.every((ev) => ev.modality !== "asserted");

  // Hover and selection keep the colour (it means kind or type) and darken the outline.
  const paint = (c) => ({ background: c, border: "#263238", hover: { background: c, border: "#000000" },
    highlight: { background: c, border: "#000000" } });
  const line = (c) => ({ color: c, hover: c, highlight: c });

  function entityNode(i) {
    const ent = ents[i];
    const style = data.kinds[ent.kind];
    return { id: i, label: ent.name, shape: style.shape, value: ent.degree + 1,
      color: paint(style.color) };
  }

  /** Fill nodes and links for the current mode; `apply` then hides what the filters drop. */
  function fill() {
    const n = ents.map((e, i) => entityNode(i));
    const e = [];
    if (eventNodes) {
      for (const ev of data.events) {
        n.push({ id: `v${ev.i}`, label: `${ev.type}\n${Etkg.when(ev)}`, shape: "box", ev: ev.i,
          color: paint(data.types[ev.type]), font: { color: "#ffffff", size: 11 },
          shapeProperties: { borderDashes: ev.modality === "asserted" ? false : [4, 3] } });
        const roles = [["actor", ev.actors], ["target", ev.targets], ["place", ev.places], ["participant", ev.others]];
        for (const [role, list] of roles) {
          for (const i of list) {
            e.push({ id: `p${ev.i}_${i}_${role}`, from: i, to: `v${ev.i}`, label: role, ev: ev.i, ent: i,
              arrows: { to: { enabled: false } }, color: { color: "#90a4ae" }, font: { size: 9 } });
          }
        }
      }
    } else {
      data.edges.forEach(([from, to, evIds], k) => {
        const evs = evIds.map((j) => data.events[j]);
        const directed = evs.some((ev) => ev.actors.includes(from));
        e.push({ id: k, from, to, label: edgeLabel(evs), value: evs.length, evs: evIds,
          color: line(data.types[evs[evs.length - 1].type]), dashes: dashed(evs),
          arrows: { to: { enabled: directed } } });
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
    const touched = new Set(filters.entity === null ? [] : [filters.entity]);
    const edgeUpdates = [];
    const nodeUpdates = [];
    let shownEdges = 0;
    edges.forEach((edge) => {
      let hidden;
      if (eventNodes) {
        hidden = !keep[edge.ev] || !kindOk(edge.ent);
        if (!hidden) { touched.add(edge.ent); touched.add(edge.to); }
        edgeUpdates.push({ id: edge.id, hidden });
      } else {
        const evs = edge.evs.map((j) => data.events[j]).filter((ev) => keep[ev.i]);
        hidden = !evs.length || !kindOk(edge.from) || !kindOk(edge.to);
        const update = { id: edge.id, hidden };
        if (!hidden) {
          touched.add(edge.from); touched.add(edge.to);
          Object.assign(update, { label: edgeLabel(evs), value: evs.length, dashes: dashed(evs),
            color: line(data.types[evs[evs.length - 1].type]) });
        }
        edgeUpdates.push(update);
      }
      if (!hidden) shownEdges += 1;
    });
    shownIds = [];
    nodes.forEach((node) => {
      const isEvent = typeof node.id === "string";
      // Unfiltered, everything shows (isolated nodes too); filtered, only what visible links touch.
      const hidden = (isEvent ? !keep[node.ev] : !kindOk(node.id)) || (filters.active && !touched.has(node.id));
      if (!hidden) shownIds.push(node.id);
      nodeUpdates.push({ id: node.id, hidden });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    pane.status.textContent = `${shownIds.length} nodes, ${shownEdges} links`;
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
    const evs = eventsOf(edges.get(id));
    const shown = evs.slice(0, 3).map((ev) => ctx.summary(data, ev, false));
    if (evs.length > 3) shown.push(el("div", { class: "meta", text: `and ${evs.length - 3} more (click to list)` }));
    return shown;
  }

  // The data goes in before the network is made, so the first layout runs on it, off screen.
  fill();
  const network = new vis.Network(pane.body, { nodes, edges }, options);
  network.on("stabilizationIterationsDone", () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(freeze, SETTLE_MS);
  });
  network.on("stabilized", freeze);
  network.on("zoom", () => { moved = true; });
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
    } else if (p.edges.length) {
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
  return { network, nodes, edges };
}
