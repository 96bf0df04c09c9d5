// Shared helpers of sitrep's pages. Every string that comes from the API (and so, maybe,
// from an article) is put into the page as a text node: never as markup.

export const EVENT_TYPES = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
    "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other"],
};

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};

export function colourOf(type) {
  return Object.prototype.hasOwnProperty.call(TYPE_COLOURS, type) ? TYPE_COLOURS[type] : "#555";
}

const SVG_NS = "http://www.w3.org/2000/svg";

// el("td", {class: "x"}, "text", otherNode): attributes via setAttribute, children as text nodes.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key) || key === "style") throw new Error("refusing attribute " + key);
    node.setAttribute(key, String(value));
  }
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link to one of our own pages: path segments are URL-encoded, never taken as-is.
export function pageHref(kind, id) {
  return "/" + kind + "/" + encodeURIComponent(id);
}

export function status(message, isError) {
  const node = document.getElementById("status");
  if (!node) return;
  node.textContent = message || "";
  node.classList.toggle("error", Boolean(isError));
}

export async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    const err = new Error(message);
    err.status = response.status;
    throw err;
  }
  return body;
}

export function figureText(low, high, approx) {
  let text;
  if (low === null && high === null) text = "unknown number";
  else if (high === null) text = "at least " + low;
  else if (low === null) text = "up to " + high;
  else if (low === high) text = String(low);
  else text = low + "–" + high;
  return (approx ? "about " : "") + text;
}

export function fatalitiesText(f) {
  if (!f || (f.low === null && f.best === null && f.high === null)) return "—";
  const best = f.best === null ? "?" : String(f.best);
  if (f.low === f.high && f.low === f.best) return best;
  const low = f.low === null ? "?" : f.low;
  const high = f.high === null ? "?" : f.high;
  return best + " (" + low + "–" + high + ")";
}

export function placeText(e) {
  const parts = [];
  if (e.location) parts.push(e.location);
  if (e.admin1 && e.admin1 !== e.location) parts.push(e.admin1);
  const countries = Array.isArray(e.country) ? e.country : (e.country ? [e.country] : []);
  if (countries.length) parts.push(countries.join(" / "));
  return parts.join(", ") || "unknown place";
}

export function actorsText(e) {
  return [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "—";
}

// Render `text` into `container` with the given spans ({start, end, cls, id, title}) wrapped in
// <mark> elements. Overlaps are split into segments; returns {id: first mark of that span} (a
// mark shared by two spans carries the first id, the others in data-also). Text nodes only.
export function highlightInto(container, text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const marks = {};
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { container.appendChild(document.createTextNode(piece)); continue; }
    covering.sort((x, y) => x.start - y.start || y.end - x.end);
    const classes = [...new Set(covering.map((s) => s.cls))];
    const mark = el("mark", { class: classes.join(" ") }, piece);
    const titles = covering.map((s) => s.title).filter(Boolean);
    if (titles.length) mark.setAttribute("title", titles.join("\n"));
    for (const s of covering) {
      if (s.id && !marks[s.id]) {
        marks[s.id] = mark;
        if (!mark.id) mark.setAttribute("id", s.id);
        else mark.dataset.also = ((mark.dataset.also || "") + " " + s.id).trim();
      }
    }
    container.appendChild(mark);
  }
  return marks;
}

// Offsets from the API should index the article text; if the text there is not the evidence
// (e.g. an evidence made of several sentences), find each piece by its text instead.
export function locate(text, evidence, span) {
  if (span && text.slice(span[0], span[1]) === evidence) return [[span[0], span[1]]];
  const found = [];
  for (const raw of String(evidence || "").split(" … ")) {
    const piece = raw.trim();
    if (piece.length < 8) continue;
    const at = text.indexOf(piece);
    if (at >= 0) found.push([at, at + piece.length]);
  }
  if (!found.length && span && span[1] - span[0] < 2000 && span[1] <= text.length) {
    found.push([span[0], span[1]]);
  }
  return found;
}
