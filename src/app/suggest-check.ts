// `check --base REF`: suggest's uncovered changes as check findings, on the file that introduced each.
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
      file: change.file,
      line: change.line,
      message: `${change.summary} with no ADR covering it${change.proposal ? `; write one: ${change.proposal.command}` : ""}`,
    }));
}
