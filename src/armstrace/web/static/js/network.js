// The actor network, drawn with the vendored Cytoscape.js. Labels are drawn on a canvas, never
// parsed as HTML; the hover box is filled with textContent.
//
// Readable at a few hundred documents: the server folds all but the best-sourced actors into one
// "others" node (`top`); a small graph is laid out top-down (suppliers above recipients), a larger
// one in rings with the best-sourced actors in the middle (Cytoscape's concentric layout). Both
// layouts count each node's label as part of its size, so labels do not collide; on a small screen
// only the best-sourced nodes are labelled, smaller.

import { edgeSummary, graphStyle } from "./netstyle.js";

let graph = null;
const BREADTHFIRST_MAX = 8;   // up to this many actors the flow reads top-down; past it rings stay readable
const SMALL_LABELLED = 8;     // at small widths only this many nodes carry a label

function elements(data, small) {
  const ranked = [...data.nodes].sort((a, b) => b.n_independent - a.n_independent || a.id.localeCompare(b.id));
  const labelled = new Set(small ? ranked.slice(0, SMALL_LABELLED).map((n) => n.id) : ranked.map((n) => n.id));
  const most = Math.max(1, ...data.nodes.map((node) => node.n_independent));
  const nodes = data.nodes.map((node) => ({
    group: "nodes",
    classes: [labelled.has(node.id) ? "labelled" : "", node.folded ? "others" : ""].join(" ").trim(),
    data: { id: node.id, label: node.label || node.id, name: node.name || "", documents: node.n_documents,
            independent: node.n_independent, folded: node.folded || null,
            size: Math.round(14 + 26 * Math.sqrt(node.n_independent / most)) },
  }));
  const edges = data.edges.map((edge) => ({
    group: "edges",
    data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.type, status: edge.status,
            weight: edge.weight, independent: edge.n_independent, documents: edge.n_documents,
            records: edge.n_records, stances: edge.stances, independent_denying: edge.independent_denying },
  }));
  return [...nodes, ...edges];
}

function layoutOf(data) {
  const common = { padding: 16, animate: false, nodeDimensionsIncludeLabels: true, avoidOverlap: true };
  if (data.nodes.length <= BREADTHFIRST_MAX) {
    return { ...common, name: "breadthfirst", directed: true, spacingFactor: 1.2 };
  }
  // Rings first (the best-sourced actors in the middle), then a force-directed pass from there,
  // which pulls actors that deal with one another together (deterministic: no random start).
  const most = Math.max(1, ...data.nodes.map((node) => node.n_independent));
  return { ...common, name: "concentric", minNodeSpacing: 4, spacingFactor: 0.6,
           concentric: (node) => node.data("independent"), levelWidth: () => Math.max(1, most / 3) };
}

const COSE = { name: "cose", randomize: false, animate: false, nodeDimensionsIncludeLabels: true, padding: 16,
               idealEdgeLength: () => 50, nodeRepulsion: () => 30000, edgeElasticity: () => 60, gravity: 0.6,
               numIter: 600 };

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Labels at a readable size whatever the zoom, and none on top of another: the best-sourced nodes keep
 * theirs, a label that would collide with one already placed is dropped (its name is still on hover).
 */
function declutter(small) {
  const scale = 1 / Math.min(1, graph.zoom());
  graph.style().selector("node").style({ "font-size": (small ? 9 : 11) * scale,
                                         "text-max-width": (small ? 70 : 110) * scale }).update();
  const placed = [];
  const order = graph.nodes(".labelled").sort((a, b) => b.data("independent") - a.data("independent"));
  order.forEach((node) => {
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (placed.some((other) => overlaps(box, other))) node.removeClass("labelled");
    else placed.push(box);
  });
}

function nodeSummary(data) {
  if (data.folded) return `${data.folded.length} other actors, folded: ${data.folded.join(", ")}`;
  const name = data.name && data.name !== data.id ? `${data.name} (${data.id})` : data.id;
  return `${name}: ${data.independent} independent sources, ${data.documents} documents`;
}

function showTip(tip, text, position) {
  if (!tip) return;
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = `${Math.round(position.x + 12)}px`;
  tip.style.top = `${Math.round(position.y + 12)}px`;
}

function bindEvents(handlers, tip) {
  const names = (id) => { const n = graph.getElementById(id); return n.empty() ? id : n.data("label"); };
  graph.on("tap", "node", (event) => handlers.onNode(event.target.id()));
  graph.on("tap", "edge", (event) => handlers.onEdge({ ...event.target.data() }));
  graph.on("tap", (event) => { if (event.target === graph) handlers.onBackground(); });
  graph.on("mouseover", "node", (event) => showTip(tip, nodeSummary(event.target.data()), event.renderedPosition));
  graph.on("mouseover", "edge", (event) => {
    const d = event.target.data();
    const edge = { type: d.kind, source: d.source, target: d.target, status: d.status, stances: d.stances,
                   n_independent: d.independent, n_documents: d.documents, n_records: d.records,
                   independent_denying: d.independent_denying };
    showTip(tip, edgeSummary(edge, names), event.renderedPosition);
  });
  graph.on("mouseout", () => { if (tip) tip.hidden = true; });
}

/**
 * Draw (or redraw) the graph of GET /api/network `data` into `container`; `handlers` has
 * onNode(id), onEdge(edgeData), onBackground(); `hidden` lists event types not to draw.
 */
export function renderNetwork(container, data, handlers, { hidden = [], tip = null } = {}) {
  if (typeof window.cytoscape !== "function") {
    container.textContent = "The network library did not load (run `make vendor`).";
    return;
  }
  if (graph) graph.destroy();
  graph = null;
  container.replaceChildren();
  if (data.nodes.length === 0) {
    container.textContent = "No records with two parties match the filters.";
    return;
  }
  const small = container.clientWidth < 560;
  graph = window.cytoscape({
    container, elements: elements(data, small), style: graphStyle({ small }),
    layout: layoutOf(data), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3,
  });
  if (data.nodes.length > BREADTHFIRST_MAX) graph.layout(COSE).run();
  // A handful of nodes would otherwise be fitted at a giant zoom.
  if (graph.zoom() > 1.2) {
    graph.zoom(1.2);
    graph.center();
  }
  declutter(small);
  bindEvents(handlers, tip);
  hideKinds(hidden);
  window.armstraceGraph = graph; // for tests and the console: the graph is inspectable
  window.armstraceDrawnAt = performance.now(); // ms since the page started loading: the first paint of the graph
}

/** Hide the edges of the event types in `kinds` (and actors left with no visible edge); show the rest. */
export function hideKinds(kinds) {
  if (!graph) return;
  graph.batch(() => {
    graph.elements().removeClass("hidden-kind");
    const gone = new Set(kinds);
    graph.edges().filter((edge) => gone.has(edge.data("kind"))).addClass("hidden-kind");
    graph.nodes().filter((node) => node.connectedEdges().length > 0 &&
      node.connectedEdges().every((edge) => edge.hasClass("hidden-kind"))).addClass("hidden-kind");
  });
}

/** The node of an actor id, or of a name typed into the filter ("iran" finds IRN, labelled Iran). */
function findNode(value) {
  const byId = graph.getElementById(value);
  if (!byId.empty()) return byId;
  const wanted = value.toLowerCase();
  return graph.nodes().filter((node) => node.id().toLowerCase() === wanted ||
    String(node.data("name")).toLowerCase() === wanted);
}

/** Highlight the selected actor (node) or link (edge), fading the rest; null clears. */
export function highlight(selection) {
  if (!graph) return;
  graph.elements().removeClass("selected faded");
  if (!selection) return;
  let chosen;
  if (selection.edge) chosen = graph.getElementById(selection.edge);
  else if (selection.node) chosen = findNode(selection.node);
  if (!chosen || chosen.empty()) return;
  chosen.addClass("selected");
  const keep = chosen.isNode() ? chosen.closedNeighborhood() : chosen.union(chosen.connectedNodes());
  graph.elements().difference(keep).addClass("faded");
}

/** The label of an actor id as the graph shows it (its name), or the id. */
export function actorLabel(id) {
  const node = graph && graph.getElementById(id);
  return node && !node.empty() ? node.data("label") : id;
}
