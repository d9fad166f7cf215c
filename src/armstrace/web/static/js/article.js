// The record view: its fields and provenance, and its article with the
// evidence sentence highlighted in context (by evidence_start/end on the
// stored text). The text is untrusted: it goes in as text nodes only.
//
// Offsets come from Python and count code points; String.slice counts UTF-16
// units, so every offset goes through `unitIndex` first (an emoji before the
// evidence is one code point but two units).

import { el, replace, reviewBadge, safeHref, stanceBadge } from "./dom.js";

/** A function from a code point offset into `text` to its UTF-16 index (clamped to the text). */
export function unitIndex(text) {
  const units = [0];
  let at = 0;
  for (const char of text) {
    at += char.length;
    units.push(at);
  }
  return (offset) => units[Math.max(0, Math.min(Number(offset) || 0, units.length - 1))];
}

/** Text from `start` to `end`, with the parts inside skip spans (page chrome) dimmed. */
function textWithSkips(text, start, end, skipSpans) {
  const cuts = new Set([start, end]);
  for (const [a, b] of skipSpans) {
    if (a > start && a < end) cuts.add(a);
    if (b > start && b < end) cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const skipped = skipSpans.some(([s, e]) => s <= a && b <= e);
    parts.push(skipped ? el("span", { className: "skipped", title: "page chrome, not read" }, piece) : piece);
  }
  return parts;
}

/** The record's evidence span and the doc's skip spans as UTF-16 indexes into `doc.text`. */
function unitSpans(doc, record) {
  const at = unitIndex(doc.text);
  const start = at(record.evidence_start);
  const end = Math.max(start, at(record.evidence_end));
  const spans = (doc.skip_spans || []).map(([a, b]) => [at(a), at(b)]);
  return { start, end, spans };
}

/** The article text with the record's evidence in one <mark>. */
export function articleWithEvidence(doc, record) {
  const text = doc.text;
  const { start, end, spans } = unitSpans(doc, record);
  const mark = el("mark", { id: "evidence" }, text.slice(start, end));
  return el("div", { className: "article", "aria-label": "article text" },
    textWithSkips(text, 0, start, spans), mark, textWithSkips(text, end, text.length, spans));
}

function valueText(value) {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  if (typeof value === "object") return `${value.min ?? "?"}–${value.max ?? "?"}`;
  return String(value);
}

const FIELDS = [
  "type", "actor", "recipient", "location", "place", "weapon_class", "weapons", "quantity", "claimant",
  "speaker", "stance", "time", "violates", "trigger", "confidence", "rules", "gazetteer_ids",
  "extractor_version", "data_version",
];

function fieldTable(record) {
  const corrections = (record.review && record.review.corrections) || {};
  const rows = FIELDS.map((name) => {
    const label = record[`${name}_name`];
    const shown = label && label !== record[name] ? `${valueText(record[name])} (${label})` : valueText(record[name]);
    const cell = el("td", { dataset: { field: name } }, name === "stance" ? stanceBadge(record.stance) : shown);
    if (name in corrections) {
      // The record's fields are the corrected values; `original` keeps what extraction said.
      const original = record.original && name in record.original ? valueText(record.original[name]) : "?";
      cell.append(" ", el("span", { className: "corrected", title: "analyst correction" }, `(corrected; extracted as ${original})`));
    }
    return el("tr", {}, el("th", {}, name), cell);
  });
  return el("table", { className: "fields" }, el("tbody", {}, rows));
}

/** Render the record view into `container`; `reviewPanel` goes below the article; `onEvent(id)` opens its event. */
export function renderRecord(container, record, doc, reviewPanel, onEvent) {
  const url = doc.url ? safeHref(doc.url) : null;
  const title = doc.title || doc.doc_id;
  const head = el("div", {},
    el("h2", {}, title),
    el("p", { className: "meta" },
      `document ${doc.doc_id} · published ${doc.published || "unknown"} · record ${record.id} · `,
      `characters ${record.evidence_start}–${record.evidence_end}`,
      record.page ? [" · ", el("span", { id: "record-page" }, `page ${record.page}`)] : null,
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "source")] : null),
    el("p", {}, el("strong", {}, `${record.claimant}`), record.speaker ? ` (speaker: ${record.speaker})` : "",
      " says, ", stanceBadge(record.stance), reviewBadge(record.review)),
    record.event_id
      ? el("p", {}, el("button", { type: "button", id: "open-event", onclick: () => onEvent(record.event_id) },
                       "Open the event: every claim across sources"))
      : null);
  const article = articleWithEvidence(doc, record);
  const { start, end } = unitSpans(doc, record);
  const shown = doc.text.slice(start, end);
  const warning = shown === record.evidence ? null
    : el("p", { className: "warning" }, "The stored text at these offsets differs from the evidence: ", record.evidence);
  // The sentence in its context first: that is what an analyst checks the record against.
  replace(container, head, warning, el("h3", {}, "In the article"), article,
          el("h3", {}, "Fields and provenance"), fieldTable(record), reviewPanel);
  const mark = article.querySelector("mark");
  if (mark) article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 60);
}
