// Whether an existing ADR already records a change: its title, chosen option or machine block
// names the technology (for a version change, the title or chosen option also names the new major).
import type { AdrRecord } from "../domain/adr.js";
import { parseMachineBlock } from "../render/machine-block.js";
import { technologiesNamed } from "./drift-match.js";
import { chosenOptionOf } from "./drift.js";
import type { StackChange } from "./suggest-diff.js";
import { compatibilityLabel } from "./suggest-versions.js";

/** An ADR that covers a change. */
export interface CoveringAdr {
  file: string;
  number: number | null;
  title: string | null;
}

/** What one ADR is about, precomputed once for every change. */
interface AdrTopics {
  adr: CoveringAdr;
  /** Title and chosen option, lower-cased. */
  text: string;
  technologies: Set<string>;
}

function topicsOf(record: AdrRecord): AdrTopics {
  const chosen = chosenOptionOf(record) ?? "";
  const text = `${record.title ?? ""}\n${chosen}`;
  const block = parseMachineBlock(record.text);
  const technologies = new Set([...technologiesNamed(text), ...(block?.context ?? []).map((item) => item.name), ...(block ? technologiesNamed(block.topic) : [])]);
  return { adr: { file: record.relPath, number: record.number, title: record.title }, text: text.toLowerCase(), technologies };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function mentions(text: string, word: string): boolean {
  return new RegExp(`(?<![a-z0-9])${escape(word.toLowerCase())}(?![a-z0-9])`).test(text);
}

/** The subject of a change an ADR must name: the new technology, or the one removed. */
function subject(change: StackChange): string {
  return change.technologies[0]!;
}

function covers(topics: AdrTopics, change: StackChange): boolean {
  const name = subject(change);
  if (change.category === "services" || change.category === "packages") return topics.technologies.has(name) || mentions(topics.text, name);
  if (!topics.technologies.has(name)) return false;
  if (change.kind !== "upgraded") return true;
  // An ADR covers an upgrade when it names the new compatibility line: `5` for 4 → 5, `0.4` for 0.3 → 0.4.
  const line = compatibilityLabel(change.toVersion);
  return line !== undefined && mentions(topics.text, line);
}

/** Returns, for every change, the ADRs (all but rejected ones) that cover it. */
export function coverageOf(records: readonly AdrRecord[], changes: readonly StackChange[]): CoveringAdr[][] {
  const topics = records.filter((record) => record.status !== "rejected").map(topicsOf);
  return changes.map((change) => topics.filter((entry) => covers(entry, change)).map((entry) => entry.adr));
}
