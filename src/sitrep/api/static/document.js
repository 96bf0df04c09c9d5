// A document page: its extraction, and its text with every evidence highlighted.

import {
  append, clear, el, fatalitiesText, figureText, getJSON, highlightInto, locate, placeText, status,
} from "./common.js";

const docId = decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");

async function start() {
  status("loading…");
  try {
    const doc = await getJSON("/api/documents/" + encodeURIComponent(docId));
    document.title = "sitrep — " + (doc.title || doc.doc_id);
    document.getElementById("doc-title").textContent = doc.title || doc.doc_id;
    append(clear(document.getElementById("doc-meta")),
      [[doc.doc_id, doc.source, doc.published, doc.url].filter(Boolean).join(" · ")]);
    const x = doc.extraction;
    const spans = [];
    const events = clear(document.querySelector("#doc-events tbody"));
    const claims = clear(document.querySelector("#doc-claims tbody"));
    if (x.error) {
      events.appendChild(el("tr", {}, el("td", { colspan: 6, class: "error" }, "extraction failed: " + x.error)));
    }
    for (const e of x.events || []) {
      events.appendChild(el("tr", {}, el("td", {}, String(e.index)), el("td", {}, e.date || "undated"),
        el("td", {}, e.sub_event_type, el("div", { class: "sub" }, e.event_type)),
        el("td", {}, placeText(e)), el("td", {}, [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "—"),
        el("td", { class: "num" }, fatalitiesText(e.fatalities))));
      for (const [start, end] of locate(doc.text, e.evidence, e.evidence_span)) {
        spans.push({ start, end, cls: "event-ev", title: `event ${e.index}: ${e.sub_event_type}` });
      }
    }
    for (const c of x.casualties || []) {
      claims.appendChild(el("tr", {}, el("td", {}, c.claimant || "the article (own voice)"),
        el("td", {}, figureText(c.low, c.high, c.approx) + " " + c.status),
        el("td", {}, c.victim || "—"), el("td", {}, c.event_index === null ? "—" : String(c.event_index))));
      for (const [start, end] of locate(doc.text, c.evidence, c.evidence_span)) {
        spans.push({ start, end, cls: "claim", title: `${c.claimant || "the article"}: ${c.status}` });
      }
    }
    const text = el("div", { class: "article-text" });
    highlightInto(text, doc.text, spans);
    clear(document.getElementById("doc-text")).appendChild(text);
    status("");
    document.body.dataset.ready = "1";
  } catch (err) {
    document.getElementById("doc-title").textContent = "Document not available";
    status(err.message, true);
  }
}

start();
