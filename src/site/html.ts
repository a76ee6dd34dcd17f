// Small HTML helpers shared by the site's page renderers. Every text value that reaches a
// page goes through escapeHtml; attribute values are quoted with double quotes.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Statuses with their own badge colour; any other status gets the neutral "other" badge. */
export const KNOWN_STATUSES = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;

/** The CSS class of a status badge: known statuses by name, others `other`, none `none`. */
export function statusClass(status: string | null): string {
  if (status === null || status === "") return "status-none";
  return (KNOWN_STATUSES as readonly string[]).includes(status) ? `status-${status}` : "status-other";
}

/** A status badge: the status as written (or "no status"), coloured by its class. */
export function statusBadge(status: string | null): string {
  const label = status === null || status === "" ? "no status" : status;
  return `<span class="badge ${statusClass(status)}">${escapeHtml(label)}</span>`;
}

/** The label an ADR is shown with: `ADR 7` when numbered, else its id. */
export function adrLabel(adr: { number: number | null; id: string }): string {
  return adr.number === null ? adr.id : `ADR ${adr.number}`;
}

/** JSON safe to embed in a script: `<`, U+2028 and U+2029 escaped so nothing can close the script element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
