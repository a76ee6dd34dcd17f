// Writing the machine block (see machine-block.ts): no zod here, so `new` renders without loading it.
import { createHash } from "node:crypto";
import type { MachineBlock } from "./machine-block.js";

export const MACHINE_BLOCK_START = "<!-- adrgen:decision";
export const MACHINE_BLOCK_END = "-->";

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
