import type { Workspace } from "../config/workspace.js";
import { KNOWN_STATUSES, type KnownStatus } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { setStatus } from "../markdown/edit.js";
import { applyEdits, loadForEdit, resolveEditableAdr, withAdrLocks } from "./edit-files.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";

export interface ChangeStatusOptions {
  /** An ADR number (`7`, `0007`) or a path. */
  ref: string;
  status: string;
  /** Directory relative paths in `ref` are resolved against. */
  cwd: string;
}

export interface StatusChange {
  /** Absolute path of the ADR. */
  path: string;
  /** Path relative to the repository root. */
  relPath: string;
  number: number | null;
  /** The status before (lower-cased as the parser reads it), null when the file stated none. */
  from: string | null;
  to: KnownStatus;
  /** False when the file already had this status and was left untouched. */
  changed: boolean;
  index: IndexRefresh;
}

/** Checks a status argument against the known statuses (case-insensitive). */
export function parseStatusArg(value: string): KnownStatus {
  const status = value.trim().toLowerCase();
  if ((KNOWN_STATUSES as readonly string[]).includes(status)) return status as KnownStatus;
  throw usageError(`Unknown status ${JSON.stringify(value)}.`, `Choose one of: ${KNOWN_STATUSES.join(", ")}.`);
}

/** Changes an ADR's status in whichever style the file already uses, atomically, then refreshes an existing index. */
export async function changeStatus(workspace: Workspace, options: ChangeStatusOptions): Promise<StatusChange> {
  const to = parseStatusArg(options.status);
  const file = await resolveEditableAdr(workspace, options.ref, options.cwd);
  const result = await withAdrLocks([file], async () => {
    const record = await loadForEdit(file);
    const after = setStatus(record.text, record, to);
    const written = await applyEdits([{ path: file.path, before: record.text, after }]);
    return { number: record.number, from: record.status, changed: written.length > 0 };
  });
  const index = await updateIndexIfPresent(workspace);
  return { path: file.path, relPath: file.relPath, ...result, to, index };
}
