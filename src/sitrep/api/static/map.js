// The event map: an equirectangular SVG of country outlines (served by sitrep), with events as
// circles sized by the best fatality estimate and coloured by event type. Markers closer than a
// grid cell are clustered; a click on a cluster zooms to it and lists its events.

import { clear, colourOf, el, pageHref, svg } from "./common.js";

const W = 900, H = 460, CELL = 34, PAD = 0.15;

function extentOf(points) {
  if (!points.length) return { west: -180, east: 180, south: -60, north: 80 };
  let west = Math.min(...points.map((p) => p.longitude));
  let east = Math.max(...points.map((p) => p.longitude));
  let south = Math.min(...points.map((p) => p.latitude));
  let north = Math.max(...points.map((p) => p.latitude));
  const minSpan = 6;
  if (east - west < minSpan) { const c = (east + west) / 2; west = c - minSpan / 2; east = c + minSpan / 2; }
  if (north - south < minSpan / 2) { const c = (north + south) / 2; south = c - minSpan / 4; north = c + minSpan / 4; }
  const dx = (east - west) * PAD, dy = (north - south) * PAD;
  return { west: west - dx, east: east + dx, south: Math.max(-85, south - dy), north: Math.min(85, north + dy) };
}

// Fit the extent into W x H keeping the aspect of an equirectangular map at the middle latitude.
function projection(ext) {
  const k = Math.cos(((ext.north + ext.south) / 2) * Math.PI / 180) || 1;
  let spanX = (ext.east - ext.west) * k, spanY = ext.north - ext.south;
  if (spanX / spanY > W / H) spanY = spanX * H / W; else spanX = spanY * W / H;
  const cx = ((ext.east + ext.west) / 2) * k, cy = (ext.north + ext.south) / 2;
  const scale = W / spanX;
  const project = (lon, lat) => [(lon * k - cx) * scale + W / 2, (cy - lat) * scale + H / 2];
  const view = { west: (cx - spanX / 2) / k, east: (cx + spanX / 2) / k, south: cy - spanY / 2, north: cy + spanY / 2 };
  return { project, view };
}

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return geometry.coordinates;
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat();
  return [];
}

function outlinePaths(outlines, proj) {
  const { view, project } = proj;
  const group = svg("g", { class: "outlines" });
  for (const feature of (outlines && outlines.features) || []) {
    let d = "";
    for (const ring of rings(feature.geometry)) {
      let w = 180, e = -180, s = 90, n = -90;
      for (const [lon, lat] of ring) { w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat); }
      if (e < view.west || w > view.east || n < view.south || s > view.north) continue;
      d += "M" + ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z";
    }
    if (!d) continue;
    const path = svg("path", { d, class: "country" });
    if (feature.properties && feature.properties.name) path.appendChild(svg("title", {}, feature.properties.name));
    group.appendChild(path);
  }
  return group;
}

function graticule(proj) {
  const { view, project } = proj;
  const span = Math.max(view.east - view.west, view.north - view.south);
  const step = [1, 2, 5, 10, 20, 30, 60].find((s) => span / s <= 8) || 60;
  const group = svg("g", { class: "graticule" });
  for (let lon = Math.ceil(view.west / step) * step; lon <= view.east; lon += step) {
    const [x] = project(lon, 0);
    group.appendChild(svg("line", { x1: x, y1: 0, x2: x, y2: H }));
    group.appendChild(svg("text", { x: x + 2, y: H - 4 }, Math.abs(lon) + "°" + (lon >= 0 ? "E" : "W")));
  }
  for (let lat = Math.ceil(view.south / step) * step; lat <= view.north; lat += step) {
    const [, y] = project(0, lat);
    group.appendChild(svg("line", { x1: 0, y1: y, x2: W, y2: y }));
    group.appendChild(svg("text", { x: 3, y: y - 3 }, Math.abs(lat) + "°" + (lat >= 0 ? "N" : "S")));
  }
  return group;
}

function label(p) {
  const where = p.location || (p.country || []).join(" / ") || "unknown place";
  const deaths = p.best === null || p.best === undefined ? "no fatality estimate" : p.best + " killed (best estimate)";
  return p.sub_event_type + " — " + where + (p.date ? " — " + p.date : "") + " — " + deaths
    + (p.approximate ? " (approximate location)" : "");
}

function cluster(points, proj) {
  const cells = new Map();
  for (const p of points) {
    const [x, y] = proj.project(p.longitude, p.latitude);
    if (x < -CELL || x > W + CELL || y < -CELL || y > H + CELL) continue;
    const key = Math.floor(x / CELL) + ":" + Math.floor(y / CELL);
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push({ p, x, y });
  }
  return [...cells.values()];
}

// A cluster's label: its most frequent named place (a named place beats a bare country list).
function placeName(members) {
  const counts = new Map();
  for (const { p } of members) {
    const name = p.location || (p.country || []).join(" / ");
    if (name) counts.set(name, (counts.get(name) || 0) + (p.location ? 2 : 1));
  }
  if (!counts.size) return "";
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0][0] + (ranked.length > 1 ? ` +${ranked.length - 1}` : "");
}

export class EventMap {
  constructor(container, selection, onSelect) {
    this.container = container;
    this.selection = selection;
    this.onSelect = onSelect;
    this.outlines = null;
    this.points = [];
    this.extent = null;
  }

  setOutlines(outlines) { this.outlines = outlines; this.render(); }

  setPoints(points) { this.points = points; this.extent = null; this.render(); }

  reset() { this.extent = null; clear(this.selection); this.render(); }

  render() {
    const ext = this.extent || extentOf(this.points);
    const proj = projection(ext);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "img", "aria-label": "map of events" });
    root.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    if (this.outlines) root.appendChild(outlinePaths(this.outlines, proj));
    root.appendChild(graticule(proj));
    const maxBest = Math.max(1, ...this.points.map((p) => p.best || 0));
    const radius = (best) => 5 + 13 * Math.sqrt((best || 0) / maxBest);
    const layer = svg("g", { class: "markers" });
    const groups = cluster(this.points, proj);
    groups.sort((a, b) => b.length - a.length);
    const labels = svg("g", { class: "labels" });
    for (const members of groups) {
      if (members.length === 1) layer.appendChild(this.marker(members[0], radius));
      else layer.appendChild(this.clusterMarker(members, radius));
      const name = placeName(members);
      if (name && labels.childNodes.length < 12) {
        const x = members.reduce((s, m) => s + m.x, 0) / members.length;
        const y = members.reduce((s, m) => s + m.y, 0) / members.length;
        labels.appendChild(svg("text", { x: (x + 14).toFixed(1), y: (y + 4).toFixed(1), class: "map-label" }, name));
      }
    }
    root.appendChild(layer);
    root.appendChild(labels);
    clear(this.container).appendChild(root);
    if (!this.points.length) this.container.appendChild(el("p", { class: "hint" }, "No event to map."));
  }

  marker({ p, x, y }, radius) {
    const link = svg("a", { href: pageHref("events", p.event_id), class: "marker", "data-event-id": p.event_id });
    const circle = svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.best).toFixed(1),
      fill: colourOf(p.event_type), class: p.approximate ? "approx" : "exact",
    });
    circle.appendChild(svg("title", {}, label(p)));
    link.appendChild(circle);
    return link;
  }

  clusterMarker(members, radius) {
    const x = members.reduce((s, m) => s + m.x, 0) / members.length;
    const y = members.reduce((s, m) => s + m.y, 0) / members.length;
    const total = members.reduce((s, m) => s + (m.p.best || 0), 0);
    const r = Math.max(11, Math.min(28, radius(total) + 3 * Math.log2(members.length)));
    const ids = members.map((m) => m.p.event_id);
    const group = svg("g", { class: "cluster", tabindex: 0, role: "button", "data-count": members.length, "data-event-ids": ids.join(" ") });
    const types = [...new Set(members.map((m) => m.p.event_type))];
    group.appendChild(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: types.length === 1 ? colourOf(types[0]) : "#34495e" }));
    group.appendChild(svg("text", { x: x.toFixed(1), y: (y + 4).toFixed(1), class: "cluster-count" }, String(members.length)));
    group.appendChild(svg("title", {}, members.length + " events:\n" + members.map((m) => label(m.p)).join("\n")));
    const open = () => this.openCluster(members);
    group.addEventListener("click", open);
    group.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    return group;
  }

  openCluster(members) {
    const ps = members.map((m) => m.p);
    const lons = ps.map((p) => p.longitude), lats = ps.map((p) => p.latitude);
    const spread = Math.max(...lons) - Math.min(...lons) + Math.max(...lats) - Math.min(...lats);
    clear(this.selection);
    this.selection.appendChild(el("h3", {}, ps.length + " events here"));
    const list = el("ul");
    for (const p of ps) {
      list.appendChild(el("li", {}, el("a", { href: pageHref("events", p.event_id) }, label(p))));
    }
    this.selection.appendChild(list);
    if (spread > 0.01) {
      const pad = Math.max(0.2, spread * 0.3);
      this.extent = {
        west: Math.min(...lons) - pad, east: Math.max(...lons) + pad,
        south: Math.min(...lats) - pad, north: Math.max(...lats) + pad,
      };
      this.render();
    }
    if (this.onSelect) this.onSelect(ps);
  }
}

export function legend(container) {
  clear(container);
  for (const type of ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"]) {
    const swatch = svg("svg", { width: 12, height: 12, class: "swatch" }, svg("circle", { cx: 6, cy: 6, r: 5, fill: colourOf(type) }));
    container.appendChild(el("li", {}, swatch, " " + type));
  }
  const approx = svg("svg", { width: 12, height: 12, class: "swatch" }, svg("circle", { cx: 6, cy: 6, r: 5, class: "approx", fill: "#fff" }));
  container.appendChild(el("li", {}, approx, " approximate location (border or country)"));
  container.appendChild(el("li", { class: "hint" }, "size: best fatality estimate; numbers: clustered events"));
}
