// `check --base REF`: suggest's uncovered changes as check findings, on the file that introduced each.
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { suggestAdrs } from "./suggest.js";

/** A check finding without rule and severity (check.ts sets them from `--require-adr` and config). */
export interface UndocumentedChange {
  file: string;
  line: number | null;
  message: string;
}

/** The stack changes between `base` and HEAD that no ADR covers, each with the command that writes the ADR. */
export async function undocumentedChanges(workspace: Workspace, base: string): Promise<UndocumentedChange[]> {
  const report = await suggestAdrs({ base }, { workspace });
  return report.changes
    .filter((change) => !change.covered)
    .map((change) => ({
      // check reports files relative to the workspace, which may sit below the repository's top.
      file: path.relative(workspace.root, path.join(report.root, change.file)).split(path.sep).join("/"),
      line: change.line,
      message: `${change.summary} with no ADR covering it${change.proposal ? `; write one: ${change.proposal.command}` : ""}`,
    }));
}
