import path from "node:path";
import type { AdrgenConfig } from "../config/schema.js";
import type { AdrFileRef, AdrRecord, Diagnostic } from "../domain/adr.js";
import { parseAdr } from "../markdown/parse.js";
import { lintRecords } from "./engine.js";

export interface LintTextOptions {
  /** The other ADRs of the workspace, for duplicate numbers and link targets. */
  others?: readonly AdrRecord[];
  config?: AdrgenConfig;
  /** Whether a file exists; by default only the given records (and this file) exist. */
  fileExists?: (absPath: string) => boolean;
  root?: string;
}

/** Lints markdown that is not (yet) on disk, such as an ADR about to be written. */
export function lintAdrText(text: string, file: AdrFileRef, options: LintTextOptions = {}): Diagnostic[] {
  const record = parseAdr(text, file);
  const others = (options.others ?? []).filter((other) => other.path !== file.path);
  const known = new Set([file.path, ...others.map((other) => other.path)]);
  return lintRecords([record], {
    records: [record, ...others],
    fileExists: options.fileExists ?? ((abs) => known.has(abs)),
    root: options.root ?? path.dirname(file.path),
    config: options.config ?? {},
  });
}
