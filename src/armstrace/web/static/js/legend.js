// The network's legend and its event-type toggles: what is drawn, and what each style means.
// Built from netstyle.js, the same table the graph's stylesheet is built from.

import { el } from "./dom.js";
import { ARROWS, EVENT_TYPES, STATUSES } from "./netstyle.js";

const SVG = "http://www.w3.org/2000/svg";

/** A short line drawn as the graph draws an edge of this status (colour and dash pattern). */
function swatch(look) {
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("class", "line");
  root.setAttribute("width", "30");
  root.setAttribute("height", "8");
  root.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(SVG, "line");
  for (const [key, value] of Object.entries({ x1: 0, x2: 30, y1: 4, y2: 4, stroke: look.colour, "stroke-width": 3 })) {
    line.setAttribute(key, String(value));
  }
  if (look.dash) line.setAttribute("stroke-dasharray", look.dash.join(" "));
  root.append(line);
  return root;
}

/**
 * Fill `container` with one checkbox per event type (checked = drawn) and the style legend;
 * `onToggle(hiddenTypes)` is called with the types unchecked.
 */
export function renderLegend(container, hidden, onToggle) {
  const boxes = EVENT_TYPES.map((kind) => el("label", { className: "toggle", title: ARROWS[kind].text },
    el("input", { type: "checkbox", name: `show-${kind}`, value: kind, checked: !hidden.includes(kind) }), kind));
  const changed = () => onToggle(boxes.map((label) => label.querySelector("input"))
    .filter((box) => !box.checked).map((box) => box.value));
  for (const label of boxes) label.querySelector("input").addEventListener("change", changed);
  const statuses = Object.entries(STATUSES).map(([status, look]) =>
    el("li", { dataset: { status } }, swatch(look), look.text));
  const arrows = EVENT_TYPES.map((kind) => el("li", { dataset: { kind } },
    el("span", { className: "arrow", "aria-hidden": "true" }, `\u2014${ARROWS[kind].glyph}`), ARROWS[kind].text));
  container.replaceChildren(
    el("div", { className: "toggles", role: "group", "aria-label": "event types drawn" }, "Draw: ", boxes),
    // On a phone the legend would push the graph off screen: it starts folded there.
    el("details", { className: "legend", open: window.innerWidth >= 600 },
      el("summary", {}, "Legend"),
      el("p", { className: "meta" }, "An arrow joins two actors of one event type. Colour and line: what the " +
         "claims say. Width: independent sources (syndicated copies count once). Node size: its sources. " +
         "Hover for the numbers; click to filter."),
      el("ul", { className: "legend-list" }, statuses),
      el("ul", { className: "legend-list" }, arrows)));
}
