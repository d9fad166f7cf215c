// All dashboard state lives in the URL's query string, so that a link or a reload restores the view:
// the filters, which page (dashboard, events, contradictions), the selected node or edge, the open
// record or event, the hidden event types, how many actors the network shows, the timeline's mode
// and the events list's sort. `/?actor=IRN&stance=denied` is a filtered view; `#record=ID` (the old
// form of a link) still opens that record.

export const FILTERS = ["type", "actor", "recipient", "weapon", "claimant", "stance", "since", "until", "q", "review",
                        "include_rejected"];
const VIEW_KEYS = ["view", "sel", "record", "event", "hide", "top", "tl", "sort", "offset", "list"];
export const VIEWS = ["dashboard", "events", "contradictions"];

/** The state the URL holds: {filters: {...}, view, sel, record, event, hide: [...], top, tl, sort, offset}. */
export function readState(url = location) {
  const query = new URLSearchParams(url.search);
  const filters = {};
  for (const name of FILTERS) filters[name] = (query.get(name) || "").trim();
  const state = { filters };
  for (const key of VIEW_KEYS) state[key] = query.get(key) || "";
  state.view = VIEWS.includes(state.view) ? state.view : "dashboard";
  state.hide = state.hide ? state.hide.split(",").filter(Boolean) : [];
  state.offset = Math.max(0, Number(state.offset) || 0);
  const hash = url.hash.match(/^#(record|event)=(.+)$/);
  if (hash && !state.record && !state.event) state[hash[1]] = decodeURIComponent(hash[2]);
  return state;
}

/** The query string of `state` (empty values left out), "?..." or "". */
export function queryOf(state) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) query.set(name, state.filters[name]);
  for (const key of VIEW_KEYS) {
    let value = state[key];
    if (key === "view" && value === "dashboard") continue;
    if (key === "hide") value = (value || []).join(",");
    if (key === "offset" && !value) continue;
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Put `state` in the address bar: a new history entry with `push`, else replacing the current one. */
export function writeState(state, { push = false } = {}) {
  const url = `${location.pathname}${queryOf(state)}`;
  if (url === `${location.pathname}${location.search}` && !location.hash) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** The filters as API parameters (empty ones dropped by getJSON). */
export function apiFilters(state) {
  return { ...state.filters };
}
