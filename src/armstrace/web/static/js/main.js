// The dashboard: one set of filters drives the network, the timeline and the
// record list; clicking a node or an arrow sets the filters, clicking a record
// opens it in its article. The open record is kept in the URL (#record=ID).

import { getJSON } from "./api.js";
import { replace, el, STANCE_COLOURS } from "./dom.js";
import { renderRecord } from "./article.js";
import { renderEvent } from "./events.js";
import { highlight, renderNetwork } from "./network.js";
import { markSelected, renderRecordList } from "./records.js";
import { reviewPanel } from "./review.js";
import { renderTimeline } from "./timeline.js";

const PAGE = 50;
const EVENT_PAGE = 50;   // claims of an event per request: a 2,000-document event opens at once
const FILTERS = ["type", "actor", "recipient", "weapon", "claimant", "stance", "q"];
const form = document.getElementById("filters");
const status = document.getElementById("status");
const state = { offset: 0, openId: null, selection: null };
let meta = null;  // GET /api/meta, fetched once: the server's vocabularies

function loadMeta() {
  meta = meta || getJSON("meta").catch((error) => {
    meta = null;  // try again on the next record
    throw error;
  });
  return meta;
}

function filters() {
  const out = {};
  for (const name of FILTERS) out[name] = form.elements[name].value.trim();
  return out;
}

function setFilters(values) {
  for (const name of FILTERS) form.elements[name].value = values[name] || "";
}

function showError(error) {
  status.textContent = error.message || String(error);
}

async function loadNetwork() {
  const { actor, recipient, ...rest } = filters();
  const data = await getJSON("network", rest);
  renderNetwork(document.getElementById("network"), data, {
    onNode: (id) => select({ node: id }, { actor: id, recipient: "", type: "" }),
    onEdge: (edge) => select({ edge: edge.id }, { actor: edge.source, recipient: edge.target, type: edge.kind }),
    onBackground: () => select(null, { actor: "", recipient: "" }),
  });
  highlight(state.selection);
}

async function loadRecords() {
  const page = await getJSON("records", { ...filters(), limit: PAGE, offset: state.offset });
  const list = document.getElementById("records");
  renderRecordList(list, page, { onOpen: openRecord, selectedId: state.openId });
  document.getElementById("records-count").textContent = `${page.total} match`;
  const last = Math.min(page.offset + page.items.length, page.total);
  document.getElementById("page-info").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
  document.getElementById("prev-page").disabled = page.offset === 0;
  document.getElementById("next-page").disabled = last >= page.total;
}

async function loadTimeline() {
  const data = await getJSON("timeline", filters());
  renderTimeline(document.getElementById("timeline"), data, { onPoint: openRecord });
}

async function refresh({ network = true } = {}) {
  status.textContent = "";
  try {
    await Promise.all([network ? loadNetwork() : null, loadRecords(), loadTimeline()]);
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

/** A click in the graph: highlight it there, filter everything else by it. */
function select(selection, values) {
  state.selection = selection;
  state.offset = 0;
  setFilters({ ...filters(), ...values });
  highlight(selection);
  refresh({ network: false });
}

function setHash(kind, id) {
  const hash = `#${kind}=${encodeURIComponent(id)}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

async function openEvent(id) {
  state.openId = null;
  setHash("event", id);
  const detail = document.getElementById("detail");
  try {
    const path = `events/${encodeURIComponent(id)}`;
    renderEvent(detail, await getJSON(path, { limit: EVENT_PAGE }), {
      onRecord: openRecord,
      onMore: async (offset) => (await getJSON(path, { limit: EVENT_PAGE, offset })).claims,
    });
  } catch (error) {
    replace(detail, el("p", { className: "warning" }, `Cannot open event ${id}: ${error.message}`));
  }
}

async function openRecord(id) {
  state.openId = id;
  setHash("record", id);
  markSelected(document.getElementById("records"), id);
  const detail = document.getElementById("detail");
  try {
    const record = await getJSON(`records/${encodeURIComponent(id)}`);
    const [doc, reviews, vocabularies] = await Promise.all([
      getJSON(`documents/${encodeURIComponent(record.doc_id)}`),
      getJSON(`records/${encodeURIComponent(id)}/reviews`),
      loadMeta(),
    ]);
    renderRecord(detail, record, doc, reviewPanel(record, reviews, async () => {
      await openRecord(id);
      await loadRecords();
    }, vocabularies.correctable_fields), openEvent);
  } catch (error) {
    replace(detail, el("p", { className: "warning" }, `Cannot open record ${id}: ${error.message}`));
  }
}

function legend() {
  const node = document.getElementById("timeline-legend");
  for (const [stance, colour] of Object.entries(STANCE_COLOURS)) {
    const dot = el("span", { className: "legend-dot" });
    dot.style.background = colour;
    node.append(dot, stance);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  state.offset = 0;
  state.selection = null;
  refresh();
});
document.getElementById("clear-filters").addEventListener("click", () => {
  setFilters({});
  state.offset = 0;
  state.selection = null;
  refresh();
});
document.getElementById("prev-page").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - PAGE);
  loadRecords().catch(showError);
});
document.getElementById("next-page").addEventListener("click", () => {
  state.offset += PAGE;
  loadRecords().catch(showError);
});

function openFromHash() {
  const match = location.hash.match(/^#(record|event)=(.+)$/);
  if (!match) return;
  const id = decodeURIComponent(match[2]);
  if (match[1] === "event") openEvent(id);
  else if (id !== state.openId) openRecord(id);
}

window.addEventListener("hashchange", openFromHash);
legend();
refresh().then(openFromHash);
