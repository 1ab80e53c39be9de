// Cronaca explorer: charts, network and map drawn as SVG from the JSON API of this server.
// No library and no other origin; data is only ever set as text or attributes, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOUR = { 1: "#6aa84f", 2: "#2f7d32", 3: "#e69138", 4: "#b3261e" };

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function title(node, text) {
  el("title", {}, node).textContent = text;
}

function empty(box, message) {
  box.replaceChildren();
  const p = document.createElement("p");
  p.className = "empty";
  p.textContent = message;
  box.appendChild(p);
}

async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

// Goldstein -10..10 to a red-grey-green colour
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [150, 150, 150], red = [179, 38, 30], green = [47, 125, 50];
  const to = t < 0 ? red : green, a = Math.abs(t);
  const c = grey.map((x, i) => Math.round(x + (to[i] - x) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// ---------------------------------------------------------------- timeline

function drawTimeline(box, series) {
  const periods = [...new Set(series.map((r) => r.period))].sort();
  if (!periods.length) return empty(box, "No dated event matches these filters.");
  const by = {};
  for (const r of series) (by[r.period] = by[r.period] || {})[r.quad] = r.events;
  const totals = periods.map((p) => Object.values(by[p]).reduce((a, b) => a + b, 0));
  const W = 900, H = 260, L = 40, B = 40, top = 10;
  const max = Math.max(...totals, 1), bw = (W - L - 10) / periods.length;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, id: "timeline-svg" });
  el("line", { x1: L, y1: H - B, x2: W - 5, y2: H - B, stroke: "#999" }, svg);
  el("text", { x: 4, y: top + 10, "font-size": 11 }, svg).textContent = String(max);
  periods.forEach((p, i) => {
    let y = H - B;
    for (const q of [1, 2, 3, 4]) {
      const n = (by[p] || {})[q] || 0;
      if (!n) continue;
      const h = (n / max) * (H - B - top);
      y -= h;
      const rect = el("rect", { x: L + i * bw + 1, y, width: Math.max(1, bw - 2), height: h, fill: QUAD_COLOUR[q], class: "bar" }, svg);
      title(rect, `${p}: ${n} ${QUAD[q]}`);
    }
    if (periods.length <= 31 || i % Math.ceil(periods.length / 15) === 0) {
      el("text", { x: L + i * bw + bw / 2, y: H - B + 14, "font-size": 10, "text-anchor": "middle" }, svg).textContent = p.slice(5);
    }
  });
  [1, 2, 3, 4].forEach((q, i) => {
    el("rect", { x: L + i * 170, y: H - 16, width: 10, height: 10, fill: QUAD_COLOUR[q] }, svg);
    el("text", { x: L + i * 170 + 14, y: H - 7, "font-size": 11 }, svg).textContent = QUAD[q];
  });
  box.replaceChildren(svg);
}

function drawDyad(box, dyad) {
  if (!dyad) return empty(box, "Choose two actors (country codes such as BLR and CHN, or actor codes) to see their curve.");
  const s = dyad.series;
  if (!s.length) return empty(box, `No dated event between ${dyad.a} and ${dyad.b}.`);
  const W = 900, H = 240, L = 50, B = 30, top = 10;
  const vals = s.map((r) => r.weighted), lo = Math.min(0, ...vals), hi = Math.max(0, ...vals);
  const span = hi - lo || 1;
  const x = (i) => L + (s.length === 1 ? (W - L) / 2 : (i * (W - L - 10)) / (s.length - 1));
  const y = (v) => top + ((hi - v) / span) * (H - B - top);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, id: "dyad-svg" });
  el("line", { x1: L, y1: y(0), x2: W - 5, y2: y(0), stroke: "#999", "stroke-dasharray": "4 3" }, svg);
  el("text", { x: 4, y: y(0) + 4, "font-size": 11 }, svg).textContent = "0";
  el("path", { d: s.map((r, i) => `${i ? "L" : "M"}${x(i)} ${y(r.weighted)}`).join(""), fill: "none", stroke: "#1f5f8b", "stroke-width": 2 }, svg);
  s.forEach((r, i) => {
    const dot = el("circle", { cx: x(i), cy: y(r.weighted), r: 4, fill: goldsteinColour(r.mean_goldstein), class: "point" }, svg);
    title(dot, `${r.period}: ${r.events} event(s), Goldstein × mentions ${r.weighted}`);
    el("text", { x: x(i), y: H - 10, "font-size": 10, "text-anchor": "middle" }, svg).textContent = r.period.slice(5);
  });
  el("text", { x: L, y: H - B + 2, "font-size": 11, fill: "#5d6875" }, svg).textContent = `${dyad.a} ↔ ${dyad.b}`;
  box.replaceChildren(svg);
}

async function timelinePage() {
  const box = document.getElementById("timeline-chart"), dyadBox = document.getElementById("dyad-chart");
  try {
    const data = await getJSON("/api/timeline" + location.search);
    drawTimeline(box, data.series);
    drawDyad(dyadBox, data.dyad);
  } catch (err) {
    empty(box, err.message);
  }
}

// ---------------------------------------------------------------- network

function drawNetwork(box, data) {
  const nodes = data.nodes, edges = data.edges;
  if (!edges.length) return empty(box, "No interaction between two known actors matches these filters.");
  const W = 900, H = 640, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 90;
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
  });
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, id: "network-svg" });
  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0 0L10 5L0 10z", fill: "#555" }, marker);
  const most = Math.max(...edges.map((e) => e.events));
  for (const e of edges) {
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;  // bend: both directions show
    const path = el("path", {
      d: `M${x1} ${y1}Q${mx} ${my} ${x2} ${y2}`, fill: "none", stroke: goldsteinColour(e.mean_goldstein),
      "stroke-width": 1 + (5 * e.events) / most, "stroke-opacity": 0.75, "marker-end": "url(#arrow)", class: "edge",
      "data-source": e.source, "data-target": e.target,
    }, svg);
    title(path, `${e.source} → ${e.target}: ${e.events} event(s), mean Goldstein ${e.mean_goldstein}`);
    path.addEventListener("click", () => {
      const params = new URLSearchParams(location.search);
      params.set("source", e.source);
      params.set("target", e.target);
      location.href = "/events?" + params.toString();
    });
  }
  const busiest = Math.max(...nodes.map((n) => n.events));
  for (const n of nodes) {
    const [x, y, a] = pos[n.id];
    const dot = el("circle", { cx: x, cy: y, r: 4 + (8 * n.events) / busiest, fill: "#14212b", class: "node" }, svg);
    title(dot, `${n.id}: ${n.events} event(s)`);
    const lx = x + 14 * Math.cos(a), ly = y + 14 * Math.sin(a);
    el("text", { x: lx, y: ly, "font-size": 11, "text-anchor": Math.cos(a) < -0.1 ? "end" : Math.cos(a) > 0.1 ? "start" : "middle" }, svg).textContent = n.id;
  }
  box.replaceChildren(svg);
}

async function networkPage() {
  const box = document.getElementById("network-chart");
  try {
    drawNetwork(box, await getJSON("/api/network" + location.search));
  } catch (err) {
    empty(box, err.message);
  }
}

// ---------------------------------------------------------------- map

async function mapPage() {
  const layer = document.getElementById("points");
  try {
    const data = await getJSON("/api/map" + location.search);
    const most = Math.max(1, ...data.points.map((p) => p.events));
    for (const p of data.points) {
      const r = 1.2 + 5 * Math.sqrt(p.events / most);
      const dot = el("circle", { cx: p.lon, cy: -p.lat, r, class: "cluster" }, layer);
      title(dot, `${p.place || "?"}: ${p.events} event(s), mean Goldstein ${p.mean_goldstein}`);
      if (p.events > 1) el("text", { x: p.lon, y: -p.lat }, layer).textContent = String(p.events);
    }
  } catch (err) {
    const note = document.createElement("p");
    note.className = "error";
    note.textContent = err.message;
    document.getElementById("map").after(note);
  }
}

const PAGES = { timeline: timelinePage, network: networkPage, map: mapPage };

document.addEventListener("DOMContentLoaded", () => {
  const run = PAGES[document.body.dataset.page];
  if (run) run();
});
