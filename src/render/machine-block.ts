// The machine-readable record at the end of a generated ADR: an HTML comment (invisible when
// rendered, ignored by linters) holding JSON with the engine, topic, answers, assumptions,
// context items used and a hash of every generated section, so `revise` can tell generated
// text from human edits.
import { z } from "zod";
import { MACHINE_BLOCK_END, MACHINE_BLOCK_START } from "./machine-block-text.js";

export { MACHINE_BLOCK_START, renderMachineBlock, sectionHashes, shortHash, stripMachineBlock, withMachineBlock } from "./machine-block-text.js";

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
