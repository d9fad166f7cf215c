// List pages: every event (sortable by independent sources, contradictions, last report) and every
// contradiction, so they can be found without going through a record. A row opens its event.

import { el, replace } from "./dom.js";

export const SORTS = {
  first_reported: "first report",
  independent: "independent sources",
  contradictions: "contradictions",
  last_reported: "last report",
};

function sortButtons(current, onSort) {
  return el("p", { className: "sort", role: "group", "aria-label": "sort events" }, "Sort by: ",
    Object.entries(SORTS).map(([key, label]) => el("button", {
      type: "button", name: `sort-${key}`, "aria-pressed": String(key === current),
      className: key === current ? "active" : "", onclick: () => onSort(key) }, label)));
}

function names(list) {
  return list.length ? list.join(", ") : "\u2014";
}

function eventRow(item, onEvent) {
  const contested = item.denying.length > 0 && item.asserting.length + item.hedging.length > 0;
  const open = () => onEvent(item.event_id);
  return el("tr", { dataset: { eventId: item.event_id }, tabindex: 0, className: contested ? "contested" : "",
                    onclick: open, onkeydown: (event) => { if (event.key === "Enter") open(); } },
    el("td", {}, item.summary), el("td", { className: "num", dataset: { col: "independent" } }, item.n_independent),
    el("td", { className: "num" }, item.n_documents), el("td", { className: "num" }, item.n_claims),
    el("td", {}, names(item.asserting)), el("td", {}, names(item.hedging)),
    el("td", { dataset: { col: "denying" } }, names(item.denying)),
    el("td", { className: "num", dataset: { col: "independent-denying" } }, contested ? item.independent_denying : 0),
    el("td", { dataset: { col: "last" } }, item.last_reported || "\u2014"));
}

/** Render a page of GET /api/events into `container`; handlers: onSort(key), onEvent(id), onPage(offset). */
export function renderEventList(container, page, sort, { onSort, onEvent, onPage }) {
  const head = ["event", "independent sources", "documents", "claims", "asserting", "hedging", "denying",
                "sources denying (contested)", "last report"].map((label) => el("th", { scope: "col" }, label));
  const last = Math.min(page.offset + page.items.length, page.total);
  replace(container,
    el("h2", {}, `Events `, el("small", {}, `${page.total} in all`)),
    sortButtons(sort, onSort),
    el("table", { className: "list", id: "events-table" }, el("thead", {}, el("tr", {}, head)),
       el("tbody", {}, page.items.map((item) => eventRow(item, onEvent)))),
    el("nav", { className: "pager" },
      el("button", { type: "button", disabled: page.offset === 0,
                     onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, "\u2190 previous"),
      el("span", {}, page.total ? `${page.offset + 1}\u2013${last} of ${page.total}` : "no events"),
      el("button", { type: "button", disabled: last >= page.total, onclick: () => onPage(page.offset + page.limit) },
         "next \u2192")));
}

/** Render GET /api/contradictions into `container`; `onEvent(id)` opens the contradicted event. */
export function renderContradictionList(container, data, { onEvent }) {
  const rows = data.items.map((item) => {
    const open = () => onEvent(item.event.event_id);
    return el("li", { className: "contradiction-item", dataset: { eventId: item.event.event_id }, tabindex: 0,
                      onclick: open, onkeydown: (event) => { if (event.key === "Enter") open(); } },
      el("strong", {}, item.summary), " ", el("span", { className: "meta" }, item.kind),
      el("div", {}, item.reason),
      el("div", { className: "meta" }, `${item.n_supporting ?? item.supporting.length} claims assert or hedge, ` +
         `${item.n_denying ?? item.denying.length} deny \u00b7 ${item.event.n_independent} independent sources`));
  });
  replace(container,
    el("h2", {}, "Contradictions ", el("small", {}, `${data.total} events asserted by some and denied by others`)),
    data.items.length ? el("ol", { className: "claims", id: "contradictions-list" }, rows)
      : el("p", { className: "hint" }, "No contradiction matches the filters."));
}
