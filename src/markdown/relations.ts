// Reads supersede and link statements ("Superseded by [3. Title](0003-x.md)", "Amended by …", "superseded by ADR-0005").
import type { AdrRef } from "../domain/adr.js";
import { numberFromFileName, numberFromLabel } from "./numbers.js";

export type RelationKind = "supersedes" | "supersededBy" | "link";

export interface Relation {
  kind: RelationKind;
  /** The verb phrase, lower-cased ("amended by", "relates to"). */
  type: string;
  refs: AdrRef[];
}

const LINK = /\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/y;
const BARE = /(?:adr[-_ ]?|#)(\d{1,6})\b/iy;
const SEPARATOR = /(?:\s*(?:,|;|&|\band\b|\.)\s*|\s+)/y;

/**
 * Parses `<Verb phrase> <refs>` where refs are markdown links to local files or bare `ADR-NNNN` names, and
 * nothing else follows. Returns null for anything else (prose, external links), so prose is never misread.
 */
export function parseRelationText(text: string, line?: number): Relation | null {
  // Every relation names a link, an `ADR-N` or a `#N`; most lines have none of these.
  if (!/[[#]|adr/i.test(text)) return null;
  const cleaned = text.replace(/<!--[\s\S]*?(-->|$)/g, "").replace(/^\s*(?:[*+-]\s+)?/, "").replace(/\*\*|__/g, "").trim();
  const head = /^([A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){0,5})\s*:?\s+(?=\[|adr[-_ ]?\d|#\d)/i.exec(cleaned);
  if (!head) return null;
  const refs = readRefs(cleaned.slice(head[0].length), line);
  if (!refs || refs.length === 0) return null;
  const type = head[1]!.toLowerCase();
  const kind: RelationKind = /^superseded by$/.test(type) ? "supersededBy" : /^supersedes$/.test(type) ? "supersedes" : "link";
  return { kind, type, refs };
}

// Reads a run of references separated by commas/"and"; null when anything else is in the way.
function readRefs(rest: string, line: number | undefined): AdrRef[] | null {
  const refs: AdrRef[] = [];
  let pos = 0;
  while (pos < rest.length) {
    LINK.lastIndex = pos;
    BARE.lastIndex = pos;
    SEPARATOR.lastIndex = pos;
    const link = LINK.exec(rest);
    if (link) {
      const target = link[2]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target === "") return null;
      refs.push(withLine({ number: refNumber(target, link[1]!), target }, line));
      pos = LINK.lastIndex;
      continue;
    }
    const bare = BARE.exec(rest);
    if (bare) {
      refs.push(withLine({ number: Number(bare[1]), target: bare[0] }, line));
      pos = BARE.lastIndex;
      continue;
    }
    const sep = SEPARATOR.exec(rest);
    if (sep && sep[0].length > 0) {
      pos = SEPARATOR.lastIndex;
      continue;
    }
    return null;
  }
  return refs;
}

function withLine(ref: AdrRef, line: number | undefined): AdrRef {
  return line === undefined ? ref : { ...ref, line };
}

// The number comes from the linked file's name, else from the label ("3. Title", "ADR-0019"); slugs have none.
function refNumber(target: string, label: string): number | null {
  const base = target.split(/[?#]/)[0]!.split("/").pop() ?? "";
  if (numberFromFileName(base) !== null) return numberFromFileName(base);
  if (/^\d{6,}/.test(base)) return null;
  return numberFromLabel(label);
}

/** Adds references not yet present (same target), keeping the first occurrence. */
export function mergeRefs<T extends AdrRef>(into: T[], more: T[]): void {
  for (const ref of more) if (!into.some((r) => r.target === ref.target && r.number === ref.number)) into.push(ref);
}
