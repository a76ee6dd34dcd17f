// Finding the ADR a client names. Paths the server hands out are redacted (a file name may hold a
// token), so a path is matched as written or in its redacted form, among the ADR files only.
import path from "node:path";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { redactSecrets } from "../scan/redact.js";
import { listAdrFiles, resolveAdr } from "../store/read.js";

/** The ADR file a number (`7`, `0007`) or a repository-relative path names; unknown refs are usage errors. */
export async function findAdr(workspace: Workspace, ref: string | number): Promise<AdrFileRef> {
  const given = String(ref).trim();
  // Absolute paths inside the root and `./`-style spellings name the same file as the relative path.
  const wanted = given === "" || /^\d+$/.test(given) ? given : path.posix.normalize(toPosix(path.isAbsolute(given) ? path.relative(workspace.root, given) : given));
  if (wanted === "") throw usageError("Name an ADR by number or path.", "Call list_decisions to see them.");
  if (!/^\d+$/.test(wanted)) {
    const files = await listAdrFiles(workspace);
    const match = files.find((file) => file.relPath === wanted) ?? files.find((file) => redactSecrets(file.relPath) === wanted);
    if (match) return match;
    throw usageError(`No ADR ${wanted} in ${workspace.dirs.map((d) => d.rel).join(", ")}.`, "Pass an ADR number or a path as list_decisions shows it.");
  }
  // Numbers go through the CLI's resolver: same messages for unknown and duplicate numbers.
  return resolveAdr(workspace, wanted, workspace.root);
}

/** The resource URI of an ADR: `adrgen://adr/<path relative to the root>`, each segment encoded. */
export function adrUri(relPath: string): string {
  return `adrgen://adr/${redactSecrets(relPath).split("/").map(encodeURIComponent).join("/")}`;
}

/** The path inside an ADR resource URI, decoded; null when the URI is not one. */
export function pathFromAdrUri(uri: string): string | null {
  const prefix = "adrgen://adr/";
  if (!uri.startsWith(prefix)) return null;
  try {
    return uri.slice(prefix.length).split("/").map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
}
