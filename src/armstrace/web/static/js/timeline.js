// The timeline: records in time, a lane per event type, coloured by stance. Plain SVG built with DOM
// calls; labels are text nodes.
//
// One mode at a time (the API's `mode`): when it happened (the date the text gives) or when it was
// reported (the article's date); the heading says which. A date is drawn at its precision: a day is a
// dot, a month or a year a band across that period. Records that would overlap are one mark with a
// count; clicking it lists them. Records without a date in this mode are counted and listed on demand.

import { STANCE_COLOURS } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const LANES = ["transfer", "use", "production", "training", "sanction"];
const LANE_HEIGHT = 26;
const LEFT = 72;
const RIGHT = 32;
const TOP = 8;
const CELL = 12;          // px: day dots closer than this are one mark
const MIXED = "#6b7280";  // a group whose records differ in stance

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

/** The end of the period a date of `precision` names (the next year, month or day), in ms. */
function periodEnd(date, precision) {
  const start = new Date(dateValue(date));
  if (precision === "year") start.setUTCFullYear(start.getUTCFullYear() + 1);
  else if (precision === "month") start.setUTCMonth(start.getUTCMonth() + 1);
  else start.setUTCDate(start.getUTCDate() + 1);
  return start.getTime();
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

/** Items grouped into marks: bands by lane, date and precision; day dots by lane and pixel cell. */
function groups(items, x) {
  const found = new Map();
  for (const item of items) {
    const lane = Math.max(0, LANES.indexOf(item.type));
    const precision = item.precision || "day";
    const start = dateValue(item.date);
    const key = precision === "day" ? `${lane}|day|${Math.round(x(start) / CELL)}` : `${lane}|${precision}|${item.date}`;
    if (!found.has(key)) found.set(key, { lane, precision, start, end: periodEnd(item.date, precision), items: [] });
    found.get(key).items.push(item);
  }
  return [...found.values()];
}

function describe(group) {
  const first = group.items[0];
  const stances = {};
  for (const item of group.items) stances[item.stance] = (stances[item.stance] || 0) + 1;
  const counts = Object.entries(stances).map(([s, n]) => `${s} ${n}`).join(", ");
  if (group.items.length === 1) {
    const target = first.recipient ? ` \u2192 ${first.recipient_name || first.recipient}` : "";
    return `${first.date} (${first.precision}): ${first.type} ${first.actor_name || first.actor}${target}, ` +
      `${first.claimant} ${first.stance}`;
  }
  const dates = [...new Set(group.items.map((item) => item.date))];
  return `${group.items.length} records, ${dates.length === 1 ? dates[0] : `${dates[0]} to ${dates.at(-1)}`}` +
    ` (${group.precision}): ${counts}`;
}

function mark(group, x, handlers) {
  const y = TOP + group.lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  const stances = new Set(group.items.map((item) => item.stance));
  const colour = stances.size === 1 ? STANCE_COLOURS[[...stances][0]] || MIXED : MIXED;
  const n = group.items.length;
  const node = svg("g", { class: `mark mark-${group.precision}`, "data-count": n, tabindex: 0, role: "button",
                          "data-record-id": n === 1 ? group.items[0].id : "" });
  if (group.precision === "day") {
    node.append(svg("circle", { cx: x(group.start), cy: y, r: n === 1 ? 5 : Math.min(11, 6 + Math.log2(n) * 1.5),
                                fill: colour }));
  } else {
    const left = x(group.start);
    node.append(svg("rect", { x: left, y: y - 7, width: Math.max(4, x(group.end) - left), height: 14, rx: 3,
                              fill: colour, "fill-opacity": 0.35, stroke: colour }));
  }
  const cx = group.precision === "day" ? x(group.start) : (x(group.start) + x(group.end)) / 2;
  if (n > 1) node.append(svg("text", { class: "count", x: cx, y: y + 3.5, "text-anchor": "middle" }, String(n)));
  node.append(svg("title", {}, describe(group)));
  const open = () => (n === 1 ? handlers.onPoint(group.items[0].id) : handlers.onGroup(group.items, describe(group)));
  node.addEventListener("click", open);
  node.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
  return node;
}

function axis(root, width, min, max, x) {
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
}

/**
 * Draw GET /api/timeline `data` into `container`. `handlers`: onPoint(id) opens a record,
 * onGroup(items, title) lists a group's records, onUndated() lists the records with no date.
 */
export function renderTimeline(container, data, handlers) {
  container.replaceChildren();
  const note = document.createElement("p");
  note.className = "meta";
  if (data.items.length) {
    const width = Math.max(container.clientWidth, 300);
    const height = TOP + LANES.length * LANE_HEIGHT + 22;
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, height, role: "img",
                              "aria-label": `records by ${data.mode === "report" ? "report" : "event"} date` });
    let min = Math.min(...data.items.map((item) => dateValue(item.date)));
    let max = Math.max(...data.items.map((item) => periodEnd(item.date, item.precision)));
    if (max - min < 864e5 * 30) { min -= 864e5 * 15; max += 864e5 * 15; }
    const x = (value) => LEFT + ((value - min) / (max - min)) * (width - LEFT - RIGHT);
    axis(root, width, min, max, x);
    for (const group of groups(data.items, x)) root.append(mark(group, x, handlers));
    container.append(root);
  } else {
    note.append(`No record matching the filters has ${data.mode === "report" ? "a report" : "an event"} date. `);
  }
  if (data.total > data.items.length) note.append(`${data.total - data.items.length} more not drawn. `);
  if (data.undated) {
    const button = document.createElement("button");
    button.type = "button";
    button.id = "undated";
    button.textContent = `${data.undated} undated: list them`;
    button.addEventListener("click", handlers.onUndated);
    note.append(button);
  }
  container.append(note);
}
