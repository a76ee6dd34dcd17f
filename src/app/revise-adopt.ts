// `revise --adopt`: an ADR adrgen did not write (MADR 1-3, Nygard, log4brains) rewritten in the
// MADR 4 shape with every section's text kept: fields move to front matter, headings get their
// MADR 4 names, and the advisor fills only the sections the file lacks that do not depend on the choice.
import type { AdrRecord } from "../domain/adr.js";
import { splitSections, type DocChunk, type SplitDoc } from "../render/merge-sections.js";

/** Old heading (lower case) → MADR 4 heading and depth; `###` children of "Decision Outcome" are keyed under it. */
const RENAMES: Record<string, { heading: string; depth: number }> = {
  context: { heading: "Context and Problem Statement", depth: 2 },
  "context and problem statement": { heading: "Context and Problem Statement", depth: 2 },
  decision: { heading: "Decision Outcome", depth: 2 },
  "considered alternatives": { heading: "Considered Options", depth: 2 },
  consequences: { heading: "Consequences", depth: 3 },
  validation: { heading: "Confirmation", depth: 3 },
};

/** Generated sections an adopted ADR may receive when it lacks them: they list and weigh options without naming a winner. */
export const ADOPT_FILLS = ["Decision Drivers", "Considered Options", "Pros and Cons of the Options"];

/** True when a generated section may fill a gap in an adopted ADR. */
export function isAdoptFill(key: string): boolean {
  return ADOPT_FILLS.some((fill) => key === fill || key.startsWith(`${fill}/`));
}

// Field lines of the older layouts, which become front matter: `* Status: x`, `- Date: x`, `Date: x`.
const FIELD_LINE = /^\s*(?:[*+-]\s+)?(?:\*\*)?(status|date|deciders|decision-makers)(?:\*\*)?\s*:/i;

function yamlScalar(value: string): string {
  return /^[\w .@/-]+$/.test(value) && !/^\s|\s$/.test(value) ? value : JSON.stringify(value);
}

/** MADR 4 front matter for an adopted ADR: its status, date and people, plus every other key the old front matter had. */
function frontMatterFor(record: AdrRecord, oldFrontMatter: string | null): string {
  const lines = ["---", `status: ${yamlScalar(record.status ?? "proposed")}`];
  if (record.date) lines.push(`date: ${record.date}`);
  const list = (key: string, names: string[]) => {
    if (names.length > 0) lines.push(`${key}:`, ...names.map((name) => `  - ${yamlScalar(name)}`));
  };
  list("decision-makers", record.decisionMakers);
  list("consulted", record.consulted);
  list("informed", record.informed);
  if (oldFrontMatter) {
    // Keys adrgen does not set are carried over as written, with their indented continuation lines.
    let keep = false;
    for (const line of oldFrontMatter.split("\n")) {
      if (/^\S/.test(line)) keep = !/^(status|date|deciders|decision-makers|consulted|informed)\s*:/.test(line);
      if (keep) lines.push(line);
    }
  }
  lines.push("---");
  return lines.join("\n");
}

/** The ADR's text in MADR 4 shape: new preamble (front matter, title, other lead-in lines kept) and renamed sections. */
export function convertForAdoption(record: AdrRecord, title: string): SplitDoc {
  const split = splitSections(record.text.replace(/^\uFEFF/, ""));
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(split.preamble);
  const lead = (fm ? split.preamble.slice(fm[0].length) : split.preamble)
    .split("\n")
    .filter((line) => !/^#\s/.test(line) && !FIELD_LINE.test(line))
    .join("\n")
    .trim();
  const preamble = [frontMatterFor(record, fm?.[1] ?? null), "", `# ${title}`, ...(lead ? ["", lead] : [])].join("\n");
  const chunks: DocChunk[] = [];
  let parent = "";
  for (const chunk of split.chunks) {
    const heading = (chunk.text.split("\n")[0] ?? "").replace(/^#{2,3}\s+/, "").replace(/\s*#*\s*$/, "");
    const body = chunk.text.slice(chunk.text.indexOf("\n") + 1);
    const hasBody = chunk.text.includes("\n");
    if (chunk.depth === 2 && heading.toLowerCase() === "status" && isJustStatus(hasBody ? body : "", record.status)) continue;
    const rename = RENAMES[heading.toLowerCase()];
    const depth = rename?.depth ?? chunk.depth;
    const name = rename?.heading ?? heading;
    if (depth === 2) parent = name;
    const under = depth === 3 && rename ? "Decision Outcome" : parent;
    const key = depth === 2 ? name : `${under}/${name}`;
    chunks.push({ key, depth, hash: chunk.hash, text: `${"#".repeat(depth)} ${name}${hasBody ? `\n${body}` : ""}` });
  }
  return { preamble, chunks: dedupe(chunks) };
}

function isJustStatus(body: string, status: string | null): boolean {
  const words = body.trim().toLowerCase();
  return words === "" || (status !== null && words === status.toLowerCase());
}

/** Two old sections that map to one MADR 4 name keep distinct keys (`Name (2)`), as sectionHashes would key them. */
function dedupe(chunks: DocChunk[]): DocChunk[] {
  const seen = new Set<string>();
  return chunks.map((chunk) => {
    let key = chunk.key;
    for (let n = 2; seen.has(key); n += 1) key = `${chunk.key} (${n})`;
    seen.add(key);
    return { ...chunk, key };
  });
}
