// The unified diff `revise` shows before it writes, plain for pipes and coloured for terminals.
import { createTwoFilesPatch } from "diff";
import type { Colors } from "../io/output.js";

/** A unified diff (`a/<file>` → `b/<file>`, three lines of context); empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, relPath: string): string {
  if (before === after) return "";
  return createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, "");
}

/** Colours a unified diff: removals red, additions green, hunk headers cyan, file headers bold. */
export function colorDiff(patch: string, c: Colors): string {
  return patch
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      if (line.startsWith("@@")) return c.cyan(line);
      return line;
    })
    .join("\n");
}
