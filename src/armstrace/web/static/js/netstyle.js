// What the network draws and how: one place for the edge styles and the legend that explains them,
// so the two cannot disagree. Colour and line say what the claims amount to (the API's `status`);
// the arrow head says the event type; the width, how many independent sources claim it.

export const EVENT_TYPES = ["transfer", "use", "production", "training", "sanction"];

export const STATUSES = {
  asserted: { colour: "#1d4ed8", line: "solid", dash: null, text: "asserted, denied by no one" },
  contested: { colour: "#7c3aed", line: "dashed", dash: [12, 3, 2, 3], text: "contested: asserted or hedged, and denied" },
  hedged: { colour: "#d97706", line: "dotted", dash: [1, 4], text: "hedged only (\u201cmay have\u201d, \u201creportedly\u201d)" },
  denied: { colour: "#b91c1c", line: "dashed", dash: [6, 3], text: "denied only" },
};

export const ARROWS = {
  transfer: { shape: "triangle", glyph: "\u25b6", text: "transfer: supplier \u2192 recipient" },
  use: { shape: "vee", glyph: "\u276f", text: "use: attacker \u2192 target" },
  production: { shape: "square", glyph: "\u25a0", text: "production: maker \u2192 where made" },
  training: { shape: "diamond", glyph: "\u25c6", text: "training: trainer \u2192 trainee" },
  sanction: { shape: "tee", glyph: "\u2503", text: "sanction: sanctioning \u2192 sanctioned" },
};

const NODE = "#334155";

/** The Cytoscape stylesheet; `small` (a narrow screen) draws smaller labels, and only the top nodes'. */
export function graphStyle({ small }) {
  const style = [
    { selector: "node", style: {
        label: "", "background-color": NODE, color: "#111827", "font-size": small ? 9 : 11,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": small ? 70 : 110,
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
        width: "data(size)", height: "data(size)" } },
    { selector: "node.labelled", style: { label: "data(label)" } },
    { selector: "node.others", style: { shape: "round-rectangle", "background-color": "#9ca3af", width: 26,
        height: 18 } },
    { selector: "edge", style: {
        "curve-style": "bezier", "arrow-scale": 1.1, "line-color": STATUSES.asserted.colour,
        "target-arrow-color": STATUSES.asserted.colour, width: "mapData(independent, 1, 12, 1, 6)",
        "loop-direction": "-45deg", "loop-sweep": "-60deg",
        // A link one source claims is drawn lighter than one many independent sources claim.
        opacity: "mapData(independent, 1, 6, 0.45, 0.95)" } },
  ];
  for (const [status, look] of Object.entries(STATUSES)) {
    const line = { "line-color": look.colour, "target-arrow-color": look.colour, "line-style": look.line };
    if (look.line === "dashed") line["line-dash-pattern"] = look.dash;
    style.push({ selector: `edge[status = "${status}"]`, style: line });
  }
  for (const [kind, arrow] of Object.entries(ARROWS)) {
    style.push({ selector: `edge[kind = "${kind}"]`, style: { "target-arrow-shape": arrow.shape } });
  }
  style.push(
    { selector: 'edge[status = "contested"]', style: { width: "mapData(independent, 1, 12, 2, 7)" } },
    { selector: ".hidden-kind", style: { display: "none" } },
    { selector: ".selected", style: { "background-color": "#2563eb", "underlay-color": "#2563eb",
        "underlay-opacity": 0.25, "underlay-padding": 4, "z-index": 10, label: "data(label)" } },
    { selector: ".faded", style: { opacity: 0.2 } },
  );
  return style;
}

/** "transfer Iran → Russia: 7 independent sources (9 documents, 32 claims) · asserted 19, hedged 4, denied 9". */
export function edgeSummary(edge, names) {
  const s = edge.stances || {};
  const stances = ["asserted", "hedged", "denied"].filter((k) => s[k]).map((k) => `${k} ${s[k]}`).join(", ");
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${edge.type} ${names(edge.source)} \u2192 ${names(edge.target)} (${edge.status}): ` +
    `${plural(edge.n_independent, "independent source")} (${plural(edge.n_documents, "document")}, ` +
    `${plural(edge.n_records, "claim")}) \u00b7 ${stances}` +
    (edge.independent_denying ? ` \u00b7 ${plural(edge.independent_denying, "source")} deny` : "");
}
