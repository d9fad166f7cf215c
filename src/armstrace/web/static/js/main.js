// The dashboard: one set of filters drives the network, the timeline and the record list; clicking a
// node or an arrow sets the filters, clicking a record opens it in its article. Everything on screen
// is read from the URL (state.js) and written back to it, so a link or a reload shows the same view.

import { getJSON } from "./api.js";
import { el, STANCE_COLOURS } from "./dom.js";
import { showEvent, showPicker, showRecord, showUndated } from "./detail.js";
import { renderLegend } from "./legend.js";
import { renderContradictionList, renderEventList } from "./lists.js";
import { hideKinds, highlight, renderNetwork } from "./network.js";
import { markSelected, renderRecordList } from "./records.js";
import { apiFilters, FILTERS, queryOf, readState, writeState } from "./state.js";
import { renderTimeline } from "./timeline.js";

const PAGE = 50;
const OTHERS = "~others";
const form = document.getElementById("filters");
const status = document.getElementById("status");
let state = readState();

function showError(error) {
  status.textContent = error.message || String(error);
}

/** The number of actors the network shows unless the URL says: fewer on a small screen. */
function topActors() {
  if (state.top !== "") return Number(state.top) || 0;
  return window.innerWidth < 600 ? 10 : 20;
}

/** The selection as the graph knows it: {node} or {edge}, from `sel`, else the actor filter. */
function selection() {
  const match = state.sel.match(/^(node|edge):(.+)$/);
  if (match) return { [match[1]]: match[2] };
  return state.filters.actor ? { node: state.filters.actor } : null;
}

function formToState() {
  for (const name of FILTERS) {
    const input = form.elements[name];
    state.filters[name] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
  }
}

function stateToPage() {
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input.type === "checkbox") input.checked = state.filters[name] === "true";
    else input.value = state.filters[name] || "";
  }
  document.body.dataset.view = state.view;
  document.getElementById("top").value = String(topActors());
  for (const box of document.querySelectorAll("#network-legend input[type=checkbox]")) {
    box.checked = !state.hide.includes(box.value);
  }
  for (const radio of document.querySelectorAll("#timeline-mode input")) radio.checked = radio.value === (state.tl || "event");
  for (const link of document.querySelectorAll("#views a")) {
    const target = { ...state, view: link.dataset.view, sel: "", record: "", event: "", offset: 0 };
    link.href = `/${queryOf(target)}`;
    link.classList.toggle("active", link.dataset.view === state.view);
  }
  for (const format of ["csv", "parquet"]) {
    const query = new URLSearchParams(Object.entries(apiFilters(state)).filter(([, v]) => v));
    query.set("format", format);
    document.getElementById(`download-${format}`).href = `/api/download?${query}`;
  }
}

async function loadNetwork() {
  const { actor, recipient, ...rest } = apiFilters(state);
  const data = await getJSON("network", { ...rest, top: topActors() });
  const count = document.getElementById("network-count");
  count.textContent = `${data.edges.length} links between ${data.n_actors} actors` +
    (data.hidden_records ? ` (${data.hidden_records} records between folded actors not drawn)` : "");
  renderNetwork(document.getElementById("network"), data, {
    onNode: (id) => select(`node:${id}`, id === OTHERS ? {} : { actor: id, recipient: "", type: "" }),
    onEdge: (edge) => select(`edge:${edge.id}`, {
      actor: edge.source === OTHERS ? "" : edge.source, recipient: edge.target === OTHERS ? "" : edge.target,
      type: edge.kind }),
    onBackground: () => select("", { actor: "", recipient: "" }),
  }, { hidden: state.hide, tip: document.getElementById("network-tip") });
  highlight(selection());
}

async function loadRecords() {
  const page = await getJSON("records", { ...apiFilters(state), limit: PAGE, offset: state.offset });
  const list = document.getElementById("records");
  renderRecordList(list, page, { onOpen: openRecord, selectedId: state.record });
  document.getElementById("records-count").textContent = `${page.total} match`;
  const last = Math.min(page.offset + page.items.length, page.total);
  document.getElementById("page-info").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
  document.getElementById("prev-page").disabled = page.offset === 0;
  document.getElementById("next-page").disabled = last >= page.total;
}

async function loadTimeline() {
  const mode = state.tl || "event";
  const data = await getJSON("timeline", { ...apiFilters(state), mode });
  document.getElementById("timeline-title").textContent = mode === "report"
    ? `by report date: ${data.total} records placed at their article's date`
    : `by event date: ${data.total} records placed at the date their text gives`;
  renderTimeline(document.getElementById("timeline"), data, {
    onPoint: openRecord,
    onGroup: (items, title) => showPicker(title, items, openRecord),
    onUndated: () => showUndated(apiFilters(state), mode, openRecord).catch(showError),
  });
}

async function loadList() {
  const panel = document.getElementById("list-panel");
  const { type, actor, weapon, include_rejected } = state.filters;
  if (state.view === "events") {
    const sort = state.sort || "first_reported";
    const page = await getJSON("events", { type, actor, weapon, include_rejected, sort, limit: PAGE,
                                              offset: state.offset });
    renderEventList(panel, page, sort, {
      onSort: (key) => relist({ sort: key, offset: 0 }),
      onEvent: openEvent,
      onPage: (offset) => relist({ offset }),
    });
  } else {
    renderContradictionList(panel, await getJSON("contradictions", { type, actor, weapon, include_rejected }), { onEvent: openEvent });
  }
}

/** Sort or page the list: the change goes into the URL (a new history entry), then the list reloads. */
function relist(changes) {
  Object.assign(state, changes);
  writeState(state, { push: true });
  loadList().catch(showError);
}

async function refresh({ network = true } = {}) {
  status.textContent = "";
  stateToPage();
  try {
    if (state.view === "dashboard") {
      await Promise.all([network ? loadNetwork() : null, loadRecords(), loadTimeline()]);
    } else {
      await loadList();
    }
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

/** A click in the graph: highlight it there, filter everything else by it. */
function select(sel, values) {
  state.sel = sel;
  state.offset = 0;
  Object.assign(state.filters, values);
  writeState(state, { push: true });
  highlight(selection());
  refresh({ network: false });
}

/** After a review: a record marked wrong leaves the network, the list and the timeline (the server decides). */
function onReviewed() {
  return state.view === "dashboard" ? refresh() : loadList().catch(showError);
}

function openEvent(id) {
  state.event = id;
  state.record = "";
  writeState(state, { push: true });
  return showEvent(id, openRecord);
}

function openRecord(id) {
  state.record = id;
  state.event = "";
  writeState(state, { push: true });
  markSelected(document.getElementById("records"), id);
  return showRecord(id, { onEvent: openEvent, onReviewed });
}

function openFromState() {
  if (state.event) return showEvent(state.event, openRecord);
  if (state.record) return showRecord(state.record, { onEvent: openEvent, onReviewed });
  return null;
}

function bindControls() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    formToState();
    Object.assign(state, { offset: 0, sel: "" });
    writeState(state, { push: true });
    refresh();
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    for (const name of FILTERS) state.filters[name] = "";
    Object.assign(state, { offset: 0, sel: "" });
    writeState(state, { push: true });
    refresh();
  });
  document.getElementById("prev-page").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    writeState(state);
    loadRecords().catch(showError);
  });
  document.getElementById("next-page").addEventListener("click", () => {
    state.offset += PAGE;
    writeState(state);
    loadRecords().catch(showError);
  });
  document.getElementById("top").addEventListener("change", (event) => {
    state.top = event.target.value;
    writeState(state, { push: true });
    loadNetwork().catch(showError);
  });
  document.getElementById("timeline-mode").addEventListener("change", (event) => {
    state.tl = event.target.value === "event" ? "" : event.target.value;
    writeState(state, { push: true });
    loadTimeline().catch(showError);
  });
  window.addEventListener("popstate", () => {
    state = readState();
    refresh().then(openFromState);
  });
}

function stanceLegend() {
  const node = document.getElementById("timeline-legend");
  node.append("Colour: the claim's stance");
  for (const [stance, colour] of Object.entries({ ...STANCE_COLOURS, mixed: "#6b7280" })) {
    const dot = el("span", { className: "legend-dot" });
    dot.style.background = colour;
    node.append(dot, stance);
  }
  node.append(". A dot is a day, a band a month or a year; a number counts the records drawn as one mark.");
}

renderLegend(document.getElementById("network-legend"), state.hide, (hidden) => {
  state.hide = hidden;
  writeState(state, { push: true });
  hideKinds(hidden);
});
stanceLegend();
bindControls();
if (location.hash) writeState(state);  // an old #record= link becomes ?record=
refresh().then(openFromState);
