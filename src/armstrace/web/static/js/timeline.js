// The timeline: one dot per dated record, a lane per event type, coloured by stance.
// Plain SVG built with DOM calls; labels are text nodes.

import { STANCE_COLOURS } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const LANES = ["transfer", "use", "production", "training", "sanction"];
const LANE_HEIGHT = 24;
const LEFT = 72;
const RIGHT = 32;
const TOP = 8;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "2023", "2023-05" or "2023-05-17" -> milliseconds at the start of that period (UTC). */
export function dateValue(date) {
  const [y, m = "01", d = "01"] = date.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function ticks(min, max) {
  const start = new Date(min).getUTCFullYear();
  const end = new Date(max).getUTCFullYear();
  const out = [];
  if (end - start >= 2) {
    const step = Math.ceil((end - start + 1) / 10);
    for (let y = start; y <= end + 1; y += step) out.push({ value: Date.UTC(y, 0, 1), label: String(y) });
  } else {
    for (let t = new Date(Date.UTC(start, 0, 1)); t.getTime() <= max + 1; t.setUTCMonth(t.getUTCMonth() + 1)) {
      if (t.getTime() >= min - 31 * 864e5) out.push({ value: t.getTime(), label: t.toISOString().slice(0, 7) });
    }
  }
  return out;
}

/** Draw the timeline of `data` (GET /api/timeline) into `container`; `onPoint(id)` opens a record. */
export function renderTimeline(container, data, { onPoint }) {
  container.replaceChildren();
  if (data.items.length === 0) {
    container.textContent = `No dated records match the filters (${data.undated} undated).`;
    return;
  }
  const width = Math.max(container.clientWidth, 320);
  const height = TOP + LANES.length * LANE_HEIGHT + 22;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, height, role: "img",
                            "aria-label": "records over time" });
  const values = data.items.map((item) => dateValue(item.date));
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < 864e5 * 30) { min -= 864e5 * 15; max += 864e5 * 15; }
  const x = (value) => LEFT + ((value - min) / (max - min)) * (width - LEFT - RIGHT);
  LANES.forEach((lane, i) => {
    const y = TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2;
    root.append(svg("line", { class: "axis", x1: LEFT, x2: width - RIGHT, y1: y, y2: y }));
    root.append(svg("text", { class: "lane-label", x: 4, y: y + 3 }, lane));
  });
  const axisY = TOP + LANES.length * LANE_HEIGHT + 12;
  for (const tick of ticks(min, max)) {
    if (tick.value < min || tick.value > max) continue;
    root.append(svg("text", { class: "tick", x: x(tick.value), y: axisY, "text-anchor": "middle" }, tick.label));
  }
  const stacked = new Map();
  data.items.forEach((item, i) => {
    const lane = Math.max(0, LANES.indexOf(item.type));
    const key = `${item.date}|${lane}`;
    const n = stacked.get(key) || 0;
    stacked.set(key, n + 1);
    const jitter = ((n % 5) - 2) * 3;
    const dot = svg("circle", {
      cx: x(values[i]) + (n > 4 ? n : 0), cy: TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2 + jitter, r: 5,
      fill: STANCE_COLOURS[item.stance] || "#6b7280", "data-record-id": item.id, "data-stance": item.stance,
    });
    const target = item.recipient ? ` → ${item.recipient}` : "";
    dot.append(svg("title", {}, `${item.date} (${item.date_source}): ${item.type} ${item.actor}${target}, ` +
                                `${item.claimant} ${item.stance}`));
    dot.addEventListener("click", () => onPoint(item.id));
    root.append(dot);
  });
  container.append(root);
  if (data.undated || data.total > data.items.length) {
    const note = [];
    if (data.undated) note.push(`${data.undated} undated`);
    if (data.total > data.items.length) note.push(`${data.total - data.items.length} more not drawn`);
    const p = document.createElement("p");
    p.className = "meta";
    p.textContent = note.join(", ");
    container.append(p);
  }
}
