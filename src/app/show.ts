// `adrgen show`: one ADR's markdown, or its parsed record as JSON.
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrRecord } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { readRecord, resolveAdr } from "../store/read.js";

export interface ShowOptions {
  /** An ADR number (`7`, `0007`) or a path. */
  ref: string;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

/** `show --json`: the parsed record without the raw text; `path` relative to the root, `dir` the dir label. */
export type ShowJson = Omit<AdrRecord, "text" | "relPath" | "dirLabel"> & { dir: string };

/** Finds and parses the ADR; a binary or unreadable file is a usage error (exit 2). */
export async function showAdr(workspace: Workspace, options: ShowOptions): Promise<AdrRecord> {
  const file = await resolveAdr(workspace, options.ref, options.cwd);
  const record = await readRecord(file);
  const fatal = record.diagnostics.find((d) => d.rule === "file-binary" || d.rule === "file-unreadable");
  if (fatal) throw usageError(`${file.relPath}: ${fatal.message}`, "adrgen show prints markdown ADR files only.");
  return record;
}

/** The JSON form of a record for `show --json`. */
export function showJson(record: AdrRecord): ShowJson {
  const { text: _text, relPath, dirLabel, ...rest } = record;
  return { ...rest, path: relPath || path.basename(record.path), dir: dirLabel };
}
