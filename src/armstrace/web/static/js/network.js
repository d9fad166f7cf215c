// The network of transfers and uses, drawn with the vendored Cytoscape.js.
// Labels are drawn on a canvas, never parsed as HTML.

let graph = null;

function elements(data) {
  const nodes = data.nodes.map((node) => ({
    group: "nodes",
    data: { id: node.id, label: node.label, documents: node.n_documents },
  }));
  const edges = data.edges.map((edge) => ({
    group: "edges",
    data: {
      id: edge.id, source: edge.source, target: edge.target, kind: edge.type, weight: edge.weight,
      label: `${edge.type} · ${edge.weight} doc${edge.weight === 1 ? "" : "s"}`,
    },
  }));
  return [...nodes, ...edges];
}

const STYLE = [
  { selector: "node", style: {
      label: "data(label)", "background-color": "#334155", color: "#111827", "font-size": 12,
      "text-valign": "bottom", "text-margin-y": 4,
      width: "mapData(documents, 1, 20, 22, 48)", height: "mapData(documents, 1, 20, 22, 48)" } },
  { selector: "edge", style: {
      "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 1.2,
      width: "mapData(weight, 1, 10, 2, 9)", label: "data(label)", "font-size": 9, color: "#6b7280",
      "text-rotation": "none", "text-background-color": "#fff", "text-background-opacity": 0.85 } },
  { selector: 'edge[kind = "transfer"]', style: { "line-color": "#334155", "target-arrow-color": "#334155" } },
  { selector: 'edge[kind = "use"]', style: {
      "line-color": "#b91c1c", "target-arrow-color": "#b91c1c", "line-style": "dashed" } },
  { selector: ".selected", style: { "background-color": "#2563eb", "line-color": "#2563eb",
      "target-arrow-color": "#2563eb", "z-index": 10 } },
  { selector: ".faded", style: { opacity: 0.25 } },
];

/** Draw (or redraw) the graph; `onNode(id)`, `onEdge(edgeData)`, `onBackground()` are click handlers. */
export function renderNetwork(container, data, { onNode, onEdge, onBackground }) {
  if (typeof window.cytoscape !== "function") {
    container.textContent = "The network library did not load (run `make vendor`).";
    return;
  }
  if (graph) graph.destroy();
  container.replaceChildren();
  if (data.nodes.length === 0) {
    container.textContent = "No transfers or uses match the filters.";
    graph = null;
    return;
  }
  graph = window.cytoscape({
    container,
    elements: elements(data),
    style: STYLE,
    // Suppliers above recipients above targets: arms flows read top-down (Iran -> Russia -> Ukraine).
    layout: { name: "breadthfirst", directed: true, spacingFactor: 1.3, padding: 30, animate: false },
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
  });
  // A handful of nodes would otherwise be fitted at a giant zoom.
  if (graph.zoom() > 1.2) {
    graph.zoom(1.2);
    graph.center();
  }
  graph.on("tap", "node", (event) => onNode(event.target.id()));
  graph.on("tap", "edge", (event) => onEdge({ ...event.target.data() }));
  graph.on("tap", (event) => { if (event.target === graph) onBackground(); });
  window.armstraceGraph = graph; // for tests and the console: the graph is inspectable
}

/** Highlight the selected actor (node) or link (edge), fading the rest; null clears. */
export function highlight(selection) {
  if (!graph) return;
  graph.elements().removeClass("selected faded");
  if (!selection) return;
  let chosen;
  if (selection.edge) chosen = graph.getElementById(selection.edge);
  else if (selection.node) chosen = graph.getElementById(selection.node);
  if (!chosen || chosen.empty()) return;
  chosen.addClass("selected");
  const keep = chosen.isNode() ? chosen.closedNeighborhood() : chosen.union(chosen.connectedNodes());
  graph.elements().difference(keep).addClass("faded");
}

/** Where a node is drawn, in page coordinates (tests click there). */
export function nodePagePosition(id) {
  const node = graph && graph.getElementById(id);
  if (!node || node.empty()) return null;
  const box = graph.container().getBoundingClientRect();
  const pos = node.renderedPosition();
  return { x: box.left + pos.x, y: box.top + pos.y };
}
