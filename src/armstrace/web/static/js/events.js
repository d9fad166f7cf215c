// The event page: one happening with every claim about it across sources,
// how many independent sources stand behind it, and contradictions side by side.

import { append, el, replace, reviewBadge, stanceBadge } from "./dom.js";

function claimCard(claim, onRecord) {
  return el("li", { className: "claim", dataset: { recordId: claim.record_id || claim.id }, tabindex: 0,
                    onclick: () => onRecord(claim.record_id || claim.id) },
    el("div", {}, el("strong", {}, claim.claimant), claim.speaker ? ` (${claim.speaker})` : "", " ",
       stanceBadge(claim.stance), reviewBadge(claim.review)),
    el("div", { className: "record-evidence" }, claim.evidence),
    el("div", { className: "meta" }, `${claim.doc_id} · published ${claim.published || claim.doc_published || "unknown"}`));
}

function contradiction(item, onRecord) {
  return el("div", { className: "contradiction" },
    el("p", { className: "meta" }, `${item.kind}: ${item.reason}`),
    el("div", { className: "sides" },
      el("div", { className: "side side-supporting" }, el("h4", {}, `Assert or hedge (${item.n_supporting ?? item.supporting.length})`),
         el("ol", { className: "claims" }, item.supporting.map((c) => claimCard(c, onRecord)))),
      el("div", { className: "side side-denying" }, el("h4", {}, `Deny (${item.n_denying ?? item.denying.length})`),
         el("ol", { className: "claims" }, item.denying.map((c) => claimCard(c, onRecord))))));
}

/** A button under the claims that appends the next page (`onMore(offset)` fetches it); null when all are shown. */
function moreClaims(list, page, onMore, onRecord) {
  let shown = page.offset + page.items.length;
  if (!onMore || shown >= page.total) return null;
  const label = () => `Show more claims (${shown} of ${page.total} shown)`;
  const button = el("button", { type: "button", id: "event-more" }, label());
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const next = await onMore(shown);
      append(list, next.items.map((c) => claimCard(c, onRecord)));
      shown += next.items.length;
      if (shown >= next.total || !next.items.length) button.remove();
      else button.textContent = label();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/**
 * Render GET /api/events/{id} into `container`; `onRecord(id)` opens a claim's record.
 * `data.claims` is one page ({items, total, limit, offset}); `onMore(offset)` returns the next one.
 */
export function renderEvent(container, data, { onRecord, onMore }) {
  const ev = data.event;
  const cor = data.corroboration;
  const list = el("ol", { className: "claims", id: "event-claims" }, data.claims.items.map((c) => claimCard(c, onRecord)));
  const who = [["asserting", cor.asserting], ["hedging", cor.hedging], ["denying", cor.denying]]
    .filter(([, list]) => list.length).map(([label, list]) => `${label}: ${list.join(", ")}`).join(" · ");
  replace(container,
    el("h2", { id: "event-title" }, `Event: ${ev.summary}`),
    el("p", { className: "meta" }, `event ${ev.event_id} · first reported ${cor.first_reported || "unknown"}` +
       ` · last ${cor.last_reported || "unknown"}`),
    el("p", { className: "corroboration" },
      el("strong", {}, `${cor.n_claims} claims`), ` in ${cor.n_documents} documents from `,
      el("strong", {}, `${cor.n_independent} independent sources`), who ? ` — ${who}` : ""),
    data.flags.length
      ? el("ul", { className: "flags" }, data.flags.map((flag) =>
          el("li", {}, `${flag.name} (${flag.certainty}): `, flag.matches.map((m) => m.reason).join("; "))))
      : null,
    data.contradictions.length ? el("h3", {}, "Contradictions") : null,
    data.contradictions.map((item) => contradiction(item, onRecord)),
    el("h3", {}, `Every claim (${data.claims.total})`),
    list,
    moreClaims(list, data.claims, onMore, onRecord));
}
