// The detail panel: an open record (in its article, with its review), an open event, or a short list
// of records (a timeline group, the undated records) to pick from. On a narrow screen the panel sits
// below the others: whatever opens in it is scrolled into view, or a tap would seem to do nothing.

import { getJSON } from "./api.js";
import { el, replace, stanceBadge } from "./dom.js";
import { renderRecord } from "./article.js";
import { renderEvent } from "./events.js";
import { named } from "./records.js";
import { reviewPanel } from "./review.js";

const EVENT_PAGE = 50;   // claims of an event per request: a 2,000-document event opens at once
const detail = () => document.getElementById("detail");
let meta = null;  // GET /api/meta, fetched once: the server's vocabularies

function loadMeta() {
  meta = meta || getJSON("meta").catch((error) => {
    meta = null;  // try again on the next record
    throw error;
  });
  return meta;
}

/** Scroll the detail panel into view when its top is off screen (a one-column layout). */
export function revealDetail() {
  const panel = document.getElementById("detail-panel");
  const box = panel.getBoundingClientRect();
  if (box.top < 0 || box.top > window.innerHeight - 80) panel.scrollIntoView({ block: "start" });
}

/** Open the event `id`; `onRecord(id)` opens one of its claims. */
export async function showEvent(id, onRecord) {
  try {
    const path = `events/${encodeURIComponent(id)}`;
    renderEvent(detail(), await getJSON(path, { limit: EVENT_PAGE }), {
      onRecord,
      onMore: async (offset) => (await getJSON(path, { limit: EVENT_PAGE, offset })).claims,
    });
  } catch (error) {
    replace(detail(), el("p", { className: "warning" }, `Cannot open event ${id}: ${error.message}`));
  }
  revealDetail();
}

/** Open the record `id`; `onEvent(id)` opens its event, `onReviewed()` runs after a review is saved. */
export async function showRecord(id, { onEvent, onReviewed, reveal = true }) {
  try {
    const record = await getJSON(`records/${encodeURIComponent(id)}`);
    const [doc, reviews, vocabularies] = await Promise.all([
      getJSON(`documents/${encodeURIComponent(record.doc_id)}`),
      getJSON(`records/${encodeURIComponent(id)}/reviews`),
      loadMeta(),
    ]);
    renderRecord(detail(), record, doc, reviewPanel(record, reviews, async () => {
      await showRecord(id, { onEvent, onReviewed, reveal: false });
      await onReviewed();
    }, vocabularies.correctable_fields), onEvent);
  } catch (error) {
    replace(detail(), el("p", { className: "warning" }, `Cannot open record ${id}: ${error.message}`));
  }
  if (reveal) revealDetail();
}

function pickItem(item, onRecord) {
  const target = item.recipient ? ` \u2192 ${named(item.recipient, item.recipient_name)}` : "";
  return el("li", { className: "claim", tabindex: 0, dataset: { recordId: item.id }, onclick: () => onRecord(item.id),
                    onkeydown: (event) => { if (event.key === "Enter") onRecord(item.id); } },
    el("div", {}, `${item.type} ${named(item.actor, item.actor_name)}${target} \u00b7 ${item.claimant} `, stanceBadge(item.stance),
       item.date ? el("span", { className: "meta" }, ` ${item.date} (${item.precision})`) : null),
    item.evidence ? el("div", { className: "record-evidence" }, item.evidence) : null,
    el("div", { className: "meta" }, item.doc_id));
}

/** A list of timeline records to pick one from (a group of marks that overlapped). */
export function showPicker(title, items, onRecord) {
  replace(detail(), el("h2", {}, title), el("ol", { className: "claims", id: "picker" },
    items.map((item) => pickItem(item, onRecord))));
  revealDetail();
}

/** The records the timeline cannot place in `mode`, a page at a time. */
export async function showUndated(filters, mode, onRecord, offset = 0) {
  const page = await getJSON("timeline/undated", { ...filters, mode, limit: 50, offset });
  const last = page.offset + page.items.length;
  const label = mode === "report" ? "with no report date" : "with no event date in their text";
  replace(detail(),
    el("h2", {}, `${page.total} records ${label}`),
    el("ol", { className: "claims", id: "picker" }, page.items.map((item) => pickItem(item, onRecord))),
    last < page.total ? el("button", { type: "button", id: "undated-more",
      onclick: () => showUndated(filters, mode, onRecord, last) }, `next (${last} of ${page.total} shown)`) : null);
  revealDetail();
}
