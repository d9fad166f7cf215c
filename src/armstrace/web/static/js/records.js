// The record list: one line per claim, newest filters applied; a click opens the record.

import { el, replace, reviewBadge, stanceBadge } from "./dom.js";

/** "Iran (IRN)": the name the API gives beside an id, or the id alone. */
export function named(id, name) {
  if (!id) return "";
  return name && name !== id ? `${name} (${id})` : id;
}

function summary(record) {
  const target = record.recipient ? named(record.recipient, record.recipient_name)
    : named(record.location, record.location_name);
  const names = record.weapon_names && record.weapon_names.length ? record.weapon_names : record.weapons;
  const weapons = names.length ? ` (${names.join(", ")})` : "";
  return `${record.type} ${named(record.actor, record.actor_name)}${target ? " → " + target : ""} · ` +
    `${record.weapon_class || "no class"}${weapons}`;
}

/** Fill `list` with the records of one page; `onOpen(id)` is called on click or Enter. */
export function renderRecordList(list, page, { onOpen, selectedId }) {
  replace(list);
  if (page.items.length === 0) {
    list.append(el("li", { className: "hint" }, "No records match the filters."));
    return;
  }
  for (const record of page.items) {
    const open = () => onOpen(record.id);
    const item = el("li", {
      tabindex: 0, dataset: { recordId: record.id },
      className: record.id === selectedId ? "selected" : "",
      onclick: open,
      onkeydown: (event) => { if (event.key === "Enter") open(); },
    },
    el("div", { className: "record-head" }, summary(record), " ", stanceBadge(record.stance),
       " ", el("span", { className: "meta" }, `claimant ${named(record.claimant, record.claimant_name)}`), reviewBadge(record.review)),
    el("div", { className: "record-evidence" }, record.evidence),
    el("div", { className: "meta" }, record.doc_id));
    list.append(item);
  }
}

/** Mark the open record in the list. */
export function markSelected(list, id) {
  for (const item of list.querySelectorAll("li[data-record-id]")) {
    item.classList.toggle("selected", item.dataset.recordId === id);
  }
}
