// DOM building without HTML strings: article text and every field from the
// database are untrusted, so they only ever reach the page as text nodes.

/** el("li", {className: "x", onclick: f}, "text", child) -> an element; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

/** Append children: nodes as they are, anything else as text. */
export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of `node`, then append `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A stance label coloured by stance. */
export function stanceBadge(stance) {
  return el("span", { className: `stance stance-${stance}` }, stance);
}

/** The review state as a small badge, or nothing when the record is not reviewed. */
export function reviewBadge(review) {
  if (!review) return null;
  const label = review.verdict ? `reviewed: ${review.verdict}` : "corrected";
  return el("span", { className: `badge badge-${review.verdict || "corrected"}`, title: `by ${review.reviewer}` }, label);
}

/** Only http(s) links are made clickable: a stored `javascript:` URL must stay text. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export const STANCE_COLOURS = { asserted: "#1d4ed8", hedged: "#d97706", denied: "#b91c1c" };
