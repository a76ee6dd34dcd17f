// The machine-readable record at the end of a generated ADR: an HTML comment (invisible when
// rendered, ignored by linters) holding JSON with the engine, topic, answers, assumptions,
// context items used and a hash of every generated section, so `revise` can tell generated
// text from human edits.
import { createHash } from "node:crypto";
import { z } from "zod";

export const MACHINE_BLOCK_START = "<!-- adrgen:decision";
const MACHINE_BLOCK_END = "-->";

export const machineBlockSchema = z.object({
  adrgen: z.string(),
  engine: z.string(),
  source: z.string(),
  topic: z.string(),
  answers: z.array(z.object({ key: z.string(), value: z.string(), source: z.enum(["repo", "answer", "assumption"]) })),
  assumptions: z.array(z.string()),
  context: z.array(z.object({ name: z.string(), evidence: z.array(z.string()) })),
  /** Section heading (`Parent/Child` for sub-sections) → first 12 hex digits of the sha256 of its text. */
  sections: z.record(z.string(), z.string()),
});

export type MachineBlock = z.infer<typeof machineBlockSchema>;

/** First 12 hex digits of the sha256 of a text. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}

/** The markdown without its machine block (and the blank line before it). */
export function stripMachineBlock(markdown: string): string {
  const at = markdown.indexOf(MACHINE_BLOCK_START);
  return at < 0 ? markdown : `${markdown.slice(0, at).trimEnd()}\n`;
}

/**
 * Each `##`/`###` section's text (the lines up to the next heading, trimmed) hashed, keyed by
 * heading; a `###` heading is keyed `Parent/Child`. Front matter, the title and the machine block are left out.
 */
export function sectionHashes(markdown: string): Record<string, string> {
  const lines = stripMachineBlock(markdown).replace(/\r\n/g, "\n").split("\n");
  const bodies = new Map<string, string[]>();
  let parent = "";
  let current: string[] | undefined;
  for (const line of lines) {
    const heading = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (/^#\s/.test(line)) current = undefined;
    else if (heading) {
      const text = heading[2]!;
      if (heading[1] === "##") parent = text;
      let key = heading[1] === "##" ? text : `${parent}/${text}`;
      for (let n = 2; bodies.has(key); n += 1) key = `${heading[1] === "##" ? text : `${parent}/${text}`} (${n})`;
      current = [];
      bodies.set(key, current);
    } else current?.push(line);
  }
  return Object.fromEntries([...bodies].map(([key, body]) => [key, shortHash(body.join("\n").trim())]));
}

/** JSON with one line per top-level key and per list item or map entry: short enough to read in a diff. */
function compactJson(block: MachineBlock): string {
  const value = (item: unknown): string => {
    if (Array.isArray(item)) return item.length === 0 ? "[]" : `[\n${item.map((entry) => `    ${JSON.stringify(entry)}`).join(",\n")}\n  ]`;
    if (item !== null && typeof item === "object") {
      const entries = Object.entries(item);
      return entries.length === 0 ? "{}" : `{\n${entries.map(([key, entry]) => `    ${JSON.stringify(key)}: ${JSON.stringify(entry)}`).join(",\n")}\n  }`;
    }
    return JSON.stringify(item);
  };
  return `{\n${Object.entries(block).map(([key, item]) => `  ${JSON.stringify(key)}: ${value(item)}`).join(",\n")}\n}`;
}

/** The block as it is appended to the ADR; `-->` inside values is escaped so the comment cannot end early. */
export function renderMachineBlock(block: MachineBlock): string {
  const json = compactJson(block).replace(/-->/g, "--\\u003e");
  return `${MACHINE_BLOCK_START}\n${json}\n${MACHINE_BLOCK_END}\n`;
}

/** Appends the block to rendered markdown, with the section hashes computed from that markdown. */
export function withMachineBlock(markdown: string, block: Omit<MachineBlock, "sections">): string {
  return `${markdown.trimEnd()}\n\n${renderMachineBlock({ ...block, sections: sectionHashes(markdown) })}`;
}

/** Reads the machine block of an ADR, or null when it has none or it does not parse. */
export function parseMachineBlock(markdown: string): MachineBlock | null {
  const start = markdown.indexOf(MACHINE_BLOCK_START);
  if (start < 0) return null;
  const end = markdown.indexOf(MACHINE_BLOCK_END, start + MACHINE_BLOCK_START.length);
  if (end < 0) return null;
  try {
    const parsed = machineBlockSchema.safeParse(JSON.parse(markdown.slice(start + MACHINE_BLOCK_START.length, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
