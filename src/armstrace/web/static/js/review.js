// Review controls: right / wrong / correct a field, and the audit trail.
// A review is recorded under the name of the write token that sends it (the server decides, from
// the token); a server on loopback takes reviews without one, under its owner's name. Where the
// server requires a token, the user pastes it once: it is kept in localStorage for this server.

import { getJSON, getToken, postJSON, setToken } from "./api.js";
import { el } from "./dom.js";

// The fields a review may correct come from the server (GET /api/meta, `correctable_fields`).
const LISTS = new Set(["weapons", "violates"]);

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
  const token = el("input", { name: "token", type: "password", size: 14, autocomplete: "off",
                              placeholder: "paste your write token", value: getToken() });
  const who = el("span", { className: "meta", id: "reviewer-name" });
  const field = el("select", { name: "field" }, el("option", { value: "" }, "correct a field…"),
                   correctable.map((name) => el("option", { value: name }, name)));
  const value = el("input", { name: "value", size: 14, placeholder: "corrected value" });
  const message = el("span", { className: "meta", role: "status" });

  /** Ask the server who this browser reviews as; show the token field only where it is needed. */
  async function identify() {
    try {
      const me = await getJSON("whoami");
      who.textContent = me.reviewer ? `Reviewing as ${me.reviewer}.` : "This server needs a write token for reviews.";
      tokenLabel.hidden = !me.token_required && !getToken();
    } catch (error) {
      who.textContent = `Write token not accepted: ${error.message}`;
      tokenLabel.hidden = false;
    }
  }

  async function send(verdict) {
    if (token.value.trim() !== getToken()) {
      setToken(token.value.trim());
      await identify();
    }
    const corrections = {};
    if (field.value) corrections[field.value] = correctionValue(field.value, value.value);
    // A value typed without a field goes to the server, which refuses it naming the fields (never dropped).
    else if (value.value.trim()) corrections[""] = value.value.trim();
    if (!verdict && !field.value && !value.value.trim()) {
      message.textContent = "Choose a field to correct, or mark the record right or wrong.";
      return;
    }
    try {
      const saved = await postJSON(`records/${encodeURIComponent(record.id)}/review`,
                                   { verdict: verdict || null, corrections });
      message.textContent = `Saved as ${saved.review.reviewer}.`;
      onSaved();
    } catch (error) {
      message.textContent = `Not saved: ${error.message}`;
      if (error.status === 401) {
        tokenLabel.hidden = false;
        token.focus();
      }
    }
  }

  const tokenLabel = el("label", { hidden: true }, "write token ", token);
  identify();
  const form = el("form", { onsubmit: (event) => { event.preventDefault(); send(null); } },
    tokenLabel, who,
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
