// Review controls: right / wrong / correct a field, by a named reviewer, and the audit trail.

import { postJSON } from "./api.js";
import { el } from "./dom.js";

// The fields a review may correct come from the server (GET /api/meta, `correctable_fields`).
const LISTS = new Set(["weapons", "violates"]);
const REVIEWER_KEY = "armstrace.reviewer";

/** A quantity as typed: "8" is 8–8, "8-10" or "8–10" a range, "-10" or "8-" an open end. */
function quantityValue(text) {
  const exact = text.match(/^\d+$/);
  if (exact) return { min: Number(text), max: Number(text) };
  const range = text.match(/^(\d*)\s*[-–]\s*(\d*)$/);
  if (range) return { min: range[1] ? Number(range[1]) : null, max: range[2] ? Number(range[2]) : null };
  return text;  // the server names what is wrong with it
}

function correctionValue(field, raw) {
  const text = raw.trim();
  if (LISTS.has(field)) return text ? text.split(",").map((part) => part.trim()).filter(Boolean) : [];
  if (text === "") return null;
  return field === "quantity" ? quantityValue(text) : text;
}

function trailLine(review) {
  const changes = Object.entries(review.corrections)
    .map(([field, value]) => `${field} → ${Array.isArray(value) ? value.join(", ") : value ?? "none"}`);
  const parts = [review.verdict ? `marked ${review.verdict}` : null, ...changes].filter(Boolean);
  return el("li", { dataset: { reviewId: review.review_id } }, `${review.at} · ${review.reviewer}: ${parts.join("; ")}`);
}

/**
 * The review panel for `record`; `history` is GET /api/records/{id}/reviews; `onSaved()` reloads;
 * `correctable` is the server's list of fields a review may correct.
 */
export function reviewPanel(record, history, onSaved, correctable) {
  const reviewer = el("input", { name: "reviewer", size: 12, placeholder: "your name", required: true,
                                  value: localStorage.getItem(REVIEWER_KEY) || "" });
  const field = el("select", { name: "field" }, el("option", { value: "" }, "correct a field…"),
                   correctable.map((name) => el("option", { value: name }, name)));
  const value = el("input", { name: "value", size: 14, placeholder: "corrected value" });
  const message = el("span", { className: "meta", role: "status" });

  async function send(verdict) {
    const name = reviewer.value.trim();
    if (!name) {
      message.textContent = "Give a reviewer name first.";
      reviewer.focus();
      return;
    }
    localStorage.setItem(REVIEWER_KEY, name);
    const corrections = {};
    if (field.value) corrections[field.value] = correctionValue(field.value, value.value);
    if (!verdict && !field.value) {
      message.textContent = "Choose a field to correct, or mark the record right or wrong.";
      return;
    }
    try {
      await postJSON(`records/${encodeURIComponent(record.id)}/review`,
                     { verdict: verdict || null, corrections, reviewer: name });
      message.textContent = "Saved.";
      onSaved();
    } catch (error) {
      message.textContent = `Not saved: ${error.message}`;
    }
  }

  const form = el("form", { onsubmit: (event) => { event.preventDefault(); send(null); } },
    el("label", {}, "reviewer ", reviewer),
    el("button", { type: "button", name: "right", onclick: () => send("right") }, "✓ Right"),
    el("button", { type: "button", name: "wrong", onclick: () => send("wrong") }, "✗ Wrong"),
    field, value,
    el("button", { type: "submit", name: "correct" }, "Save correction"),
    message);
  const trail = el("ol", { className: "trail", id: "audit-trail" }, history.items.map(trailLine));
  return el("div", { className: "review" },
    el("h3", {}, "Review"),
    el("p", { className: "meta" }, "Wrong or corrected: choose a field and type its value (lists comma-separated), then press Wrong or Save correction."),
    form,
    el("h4", {}, `Audit trail (${history.total})`),
    history.total ? trail : el("p", { className: "meta", id: "audit-trail" }, "Not reviewed yet."));
}
