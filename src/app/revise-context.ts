// What changed in the repository since an ADR was written, told from the context items its
// machine block recorded and those the revised decision rests on ("kafka added in docker-compose.yml").
import type { MachineBlock } from "../render/machine-block.js";

/** One change of a context item the decision rests on. */
export interface ContextChange {
  name: string;
  kind: "added" | "removed" | "moved";
  /** Files (no line numbers) where the item is found now, or was found for `removed`. */
  files: string[];
  /** A sentence for the user. */
  message: string;
}

const fileOf = (ref: string) => ref.replace(/:\d+$/, "");
const filesOf = (evidence: readonly string[]) => [...new Set(evidence.map(fileOf))].sort();

/**
 * Compares the context items recorded in the old block with the ones the new decision uses; an
 * old item counts as removed only when the new scan no longer finds it (`found`), not when the
 * decision merely stopped citing it.
 */
export function contextChanges(before: MachineBlock["context"], after: MachineBlock["context"], found: (name: string) => boolean = () => false): ContextChange[] {
  const old = new Map(before.map((item) => [item.name, filesOf(item.evidence)]));
  const now = new Map(after.map((item) => [item.name, filesOf(item.evidence)]));
  const changes: ContextChange[] = [];
  for (const [name, files] of now) {
    const was = old.get(name);
    if (!was) changes.push({ name, kind: "added", files, message: `${name} added in ${files.join(", ")}` });
    else if (files.join("\n") !== was.join("\n")) {
      // Line numbers shift with every edit; only a different set of files is worth telling.
      changes.push({ name, kind: "moved", files, message: `${name} now found in ${files.join(", ")} (was ${was.join(", ")})` });
    }
  }
  for (const [name, files] of old) {
    if (!now.has(name) && !found(name)) changes.push({ name, kind: "removed", files, message: `${name} no longer found (was in ${files.join(", ")})` });
  }
  return changes;
}
