// The dashboard: filters (kept in the URL), key figures, map, timeline, events and documents.

import {
  EVENT_TYPES, actorsText, clear, el, fatalitiesText, getJSON, pageHref, placeText, status,
} from "./common.js";
import { EventMap, legend } from "./map.js";
import { drawTimeline } from "./timeline.js";

const FILTERS = ["date_from", "date_to", "country", "admin1", "event_type", "sub_event_type", "actor", "q"];
const PAGE = 25;
const form = document.getElementById("filters");
const state = { offset: 0, total: 0 };

function currentFilters() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

function queryString(filters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? "?" + text : "";
}

function option(value, text) {
  const node = el("option", { value }, text === undefined ? value : text);
  return node;
}

function fillSubTypes(type) {
  const select = form.elements.sub_event_type;
  const keep = select.value;
  clear(select).appendChild(option("", "any"));
  const types = type ? [type] : Object.keys(EVENT_TYPES);
  for (const t of types) for (const sub of EVENT_TYPES[t]) select.appendChild(option(sub));
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

function setupForm(filters) {
  const typeSelect = form.elements.event_type;
  for (const t of Object.keys(EVENT_TYPES)) typeSelect.appendChild(option(t));
  typeSelect.addEventListener("change", () => fillSubTypes(typeSelect.value));
  fillSubTypes(filters.event_type || "");
  for (const key of FILTERS) {
    const input = form.elements[key];
    if (input && filters[key] && input.tagName !== "SELECT") input.value = filters[key];
  }
  typeSelect.value = filters.event_type || "";
  fillSubTypes(typeSelect.value);
  form.elements.sub_event_type.value = filters.sub_event_type || "";
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = {};
    for (const key of FILTERS) {
      const value = (form.elements[key].value || "").trim();
      if (value) next[key] = value;
    }
    navigate(next);
  });
  document.getElementById("reset").addEventListener("click", () => { form.reset(); navigate({}); });
}

function navigate(filters) {
  history.pushState(null, "", window.location.pathname + queryString(filters));
  state.offset = 0;
  load();
}

async function loadChoices(filters) {
  try {
    const [places, actors] = await Promise.all([getJSON("/api/places"), getJSON("/api/actors")]);
    const select = form.elements.country;
    clear(select).appendChild(option("", "any"));
    for (const c of places.countries) select.appendChild(option(c));
    if (filters.country && !places.countries.includes(filters.country)) select.appendChild(option(filters.country));
    select.value = filters.country || "";
    const list = clear(document.getElementById("actor-list"));
    for (const a of actors.actors.slice(0, 2000)) list.appendChild(option(a));
  } catch (err) {
    status("could not load filter choices: " + err.message, true);
  }
}

function kpis(summary) {
  const box = clear(document.getElementById("kpis"));
  const item = (value, labelText) => el("div", { class: "kpi" }, el("strong", {}, String(value)), el("span", {}, labelText));
  box.appendChild(item(summary.total, "events"));
  box.appendChild(item(summary.fatalities, "killed (sum of best estimates)"));
  box.appendChild(item(summary.points.length, "on the map"));
  if (summary.unmapped) box.appendChild(item(summary.unmapped, "without a place"));
}

function eventRow(e) {
  const href = pageHref("events", e.event_id);
  const flags = [];
  if (e.contradictions.length) flags.push(el("span", { class: "flag", title: e.contradictions.map((c) => c.kind + ": " + c.detail).join("\n") }, "⚠ " + e.contradictions.length + " contradiction(s)"));
  if (e.map && e.map.approximate) flags.push(el("span", { class: "tag" }, "approx. location"));
  const row = el("tr", { "data-event-id": e.event_id },
    el("td", {}, e.date || "undated"),
    el("td", {}, el("a", { href }, e.sub_event_type), el("div", { class: "sub" }, e.event_type)),
    el("td", {}, placeText(e)),
    el("td", {}, actorsText(e)),
    el("td", { class: "num" }, fatalitiesText(e.fatalities)),
    el("td", { class: "num" }, String(e.documents.length)),
    el("td", { class: "num" }, String(e.claims.length)),
    el("td", {}, flags));
  return row;
}

async function loadTable(filters) {
  const body = clear(document.querySelector("#events-table tbody"));
  const page = await getJSON("/api/events", { ...filters, limit: PAGE, offset: state.offset });
  state.total = page.total;
  for (const e of page.items) body.appendChild(eventRow(e));
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", { colspan: 8, class: "hint" }, "No event matches these filters.")));
  const last = Math.min(page.total, state.offset + page.items.length);
  document.getElementById("page-info").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "0 of 0";
  document.getElementById("events-count").textContent = `${page.total} matching`;
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

async function loadDocuments() {
  const body = clear(document.querySelector("#docs-table tbody"));
  const page = await getJSON("/api/documents", { limit: 100 });
  document.getElementById("docs-count").textContent = page.total > page.items.length ? `latest ${page.items.length} of ${page.total}` : `${page.total}`;
  for (const d of page.items) {
    body.appendChild(el("tr", { "data-doc-id": d.doc_id },
      el("td", {}, d.published || "—"),
      el("td", {}, el("a", { href: pageHref("documents", d.doc_id) }, d.title || d.doc_id)),
      el("td", {}, d.source || "—"),
      el("td", { class: "num" }, String(d.events)),
      el("td", { class: "num" }, String(d.casualties))));
  }
}

const map = new EventMap(document.getElementById("map"), document.getElementById("map-selection"));

async function load() {
  const filters = currentFilters();
  const qs = queryString(filters);
  document.getElementById("dl-csv").setAttribute("href", "/api/events.csv" + qs);
  document.getElementById("dl-geojson").setAttribute("href", "/api/events.geojson" + qs);
  status("loading…");
  try {
    const [summary] = await Promise.all([getJSON("/api/summary", filters), loadTable(filters)]);
    kpis(summary);
    map.setPoints(summary.points);
    drawTimeline(document.getElementById("timeline"), summary.timeline, summary.undated, (day) => {
      navigate({ ...currentFilters(), date_from: day, date_to: day });
      form.elements.date_from.value = day;
      form.elements.date_to.value = day;
    });
    status("");
    document.body.dataset.ready = "1";
  } catch (err) {
    status("could not load events: " + err.message, true);
  }
}

async function start() {
  const filters = currentFilters();
  setupForm(filters);
  legend(document.getElementById("legend"));
  document.getElementById("map-reset").addEventListener("click", () => map.reset());
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(currentFilters()); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadTable(currentFilters()); });
  window.addEventListener("popstate", () => { state.offset = 0; load(); });
  getJSON("/api/outlines.geojson").then((o) => map.setOutlines(o)).catch(() => status("country outlines unavailable", true));
  loadChoices(filters);
  loadDocuments().catch((err) => status("could not load documents: " + err.message, true));
  await load();
}

start();
