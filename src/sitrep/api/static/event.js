// The event page: every claim side by side, each sentence highlighted in its article, and the
// contradictions flagged. All text from the API goes in as text nodes.

import {
  actorsText, append, clear, el, fatalitiesText, figureText, getJSON, highlightInto, locate,
  pageHref, placeText, status,
} from "./common.js";

const claimMarks = new Map(); // claim index -> the first mark of its sentence
const eventId = decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");

function claimantText(c) {
  return c.claimant ? c.claimant : "the article (own voice)";
}

function claimTitle(c) {
  return `${claimantText(c)}: ${figureText(c.low, c.high, c.approx)} ${c.status}`;
}

function header(ev) {
  document.title = `sitrep — ${ev.sub_event_type}, ${placeText(ev)}`;
  const title = clear(document.getElementById("event-title"));
  append(title, [ev.sub_event_type, " — ", placeText(ev)]);
  const meta = clear(document.getElementById("event-meta"));
  append(meta, [
    el("span", { class: "tag" }, ev.event_type), " ",
    ev.date ? `on ${ev.date}` + (ev.date_precision && ev.date_precision !== "day" ? ` (${ev.date_precision})` : "") : "undated",
    " · ", actorsText(ev),
    " · ", `${ev.documents.length} source document(s)`,
    ev.map && ev.map.approximate ? " · location approximate" : "",
  ]);
  const f = ev.fatalities;
  const box = clear(document.getElementById("fatalities"));
  box.appendChild(el("h2", {}, "Fatalities"));
  box.appendChild(el("p", { class: "range" },
    el("span", { class: "kpi" }, el("strong", {}, f.low === null ? "?" : String(f.low)), el("span", {}, "low")),
    el("span", { class: "kpi best" }, el("strong", {}, f.best === null ? "?" : String(f.best)), el("span", {}, "best estimate")),
    el("span", { class: "kpi" }, el("strong", {}, f.high === null ? "?" : String(f.high)), el("span", {}, "high"))));
  if (f.rule) box.appendChild(el("p", { class: "rule" }, "Rule: " + f.rule));
  if (!f.rule && f.best === null) box.appendChild(el("p", { class: "hint" }, "No fatality figure was reconciled for this event: " + fatalitiesText(f)));
}

function contradictions(ev) {
  const list = clear(document.getElementById("contradictions"));
  if (!ev.contradictions.length) {
    list.appendChild(el("li", { class: "hint" }, "None found."));
    return;
  }
  ev.contradictions.forEach((c, i) => {
    list.appendChild(el("li", { class: "contradiction", id: "contradiction-" + i },
      el("span", { class: "flag" }, "⚠ " + c.kind), " ",
      el("strong", {}, c.between.join(" vs ")), ": ", c.detail));
  });
}

function claimsTable(ev) {
  const body = clear(document.querySelector("#claims tbody"));
  if (!ev.claims.length) {
    body.appendChild(el("tr", {}, el("td", { colspan: 6, class: "hint" }, "No casualty claim was read for this event.")));
    return;
  }
  for (const c of ev.claims) {
    const src = ev.sources[c.doc_id];
    const notes = [];
    if (c.superseded) notes.push(el("span", { class: "tag" }, "superseded"));
    for (const i of c.contradictions) {
      const k = ev.contradictions[i];
      notes.push(el("span", { class: "flag", title: k.detail }, "⚠ " + k.kind));
    }
    const row = el("tr", { class: "claim-row", id: "claim-row-" + c.index, "data-claim": c.index, tabindex: 0 },
      el("td", {}, el("strong", { class: "claimant" }, claimantText(c)), el("div", { class: "sub" }, c.claimant_type)),
      el("td", { class: "figure" }, el("strong", {}, figureText(c.low, c.high, c.approx)), " ", c.status),
      el("td", {}, c.victim || "—", el("div", { class: "sub" }, [c.victim_kind, c.victim_side].filter(Boolean).join(", "))),
      el("td", {}, src ? el("a", { href: pageHref("documents", c.doc_id) }, src.title || c.doc_id) : c.doc_id,
        el("div", { class: "sub" }, src && src.source ? src.source : "")),
      el("td", {}, c.published || "—"),
      el("td", {}, notes));
    if (c.superseded) row.classList.add("superseded");
    if (c.contradictions.length) row.classList.add("contested");
    const show = () => showClaim(c.index);
    row.addEventListener("click", show);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") show(); });
    body.appendChild(row);
  }
}

function showClaim(index) {
  for (const node of document.querySelectorAll(".active")) node.classList.remove("active");
  const row = document.getElementById("claim-row-" + index);
  const mark = claimMarks.get(index);
  if (row) row.classList.add("active");
  if (mark) {
    mark.classList.add("active");
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}

async function articles(ev) {
  const box = clear(document.getElementById("articles"));
  for (const docId of ev.documents) {
    const section = el("section", { class: "article", "data-doc-id": docId });
    box.appendChild(section);
    let doc;
    try {
      doc = await getJSON("/api/documents/" + encodeURIComponent(docId));
    } catch (err) {
      section.appendChild(el("p", { class: "error" }, `${docId}: ${err.message}`));
      continue;
    }
    section.appendChild(el("h3", {}, el("a", { href: pageHref("documents", docId) }, doc.title || docId)));
    section.appendChild(el("p", { class: "meta" }, [doc.source, doc.published, doc.url].filter(Boolean).join(" · ")));
    const spans = [];
    for (const m of ev.mentions.filter((m) => m.doc_id === docId)) {
      for (const [start, end] of locate(doc.text, m.evidence, m.evidence_span)) {
        spans.push({ start, end, cls: "event-ev", title: "event evidence" });
      }
    }
    for (const c of ev.claims.filter((c) => c.doc_id === docId)) {
      locate(doc.text, c.evidence, c.evidence_span).forEach(([start, end], k) => {
        spans.push({ start, end, cls: "claim", id: k === 0 ? "claim-" + c.index : null, title: claimTitle(c) });
      });
    }
    const text = el("div", { class: "article-text" });
    const marks = highlightInto(text, doc.text, spans);
    for (const [id, mark] of Object.entries(marks)) {
      if (!id.startsWith("claim-")) continue;
      const index = Number(id.slice(6));
      if (!claimMarks.has(index)) claimMarks.set(index, mark);
      mark.classList.add("clickable");
      mark.addEventListener("click", () => showClaim(index));
    }
    section.appendChild(text);
  }
}

function mergeLog(ev) {
  const list = clear(document.getElementById("merge-log"));
  if (!ev.merge_log.length) list.appendChild(el("li", { class: "hint" }, "No decision logged."));
  for (const d of ev.merge_log) {
    list.appendChild(el("li", {}, `${d.doc_id} #${d.index}: ${d.reason} (score ${d.score.toFixed(2)}, ${d.manual ? "analyst" : "automatic"}, ${d.decided_at})`));
  }
}

async function start() {
  status("loading…");
  try {
    const ev = await getJSON("/api/events/" + encodeURIComponent(eventId));
    header(ev);
    contradictions(ev);
    claimsTable(ev);
    mergeLog(ev);
    await articles(ev);
    status("");
    document.body.dataset.ready = "1";
  } catch (err) {
    document.getElementById("event-title").textContent = "Event not available";
    status(err.message, true);
  }
}

start();
