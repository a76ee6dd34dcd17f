// The record of a file that could not be read as markdown (binary, unreadable): file facts and a diagnostic.
import path from "node:path";
import type { AdrFileRef, AdrRecord, AdrSummary, Diagnostic } from "../domain/adr.js";
import { numberFromFileName } from "./numbers.js";

export type Unreadable = "binary" | "unreadable";

function diagnostic(file: AdrFileRef, reason: Unreadable, detail?: string): Diagnostic {
  const message = reason === "binary" ? "The file is binary, not markdown." : `The file could not be read${detail ? `: ${detail}` : "."}`;
  return { file: file.relPath, line: null, rule: reason === "binary" ? "file-binary" : "file-unreadable", severity: "error", message };
}

/** A summary holding only what the file name tells, with a diagnostic saying why. */
export function emptySummary(file: AdrFileRef, reason: Unreadable, detail?: string): AdrSummary {
  return {
    number: numberFromFileName(path.basename(file.path)),
    title: null,
    status: null,
    date: null,
    path: file.path,
    relPath: file.relPath,
    dirLabel: file.dirLabel,
    format: "other",
    supersedes: [],
    supersededBy: [],
    links: [],
    tags: [],
    diagnostics: [diagnostic(file, reason, detail)],
  };
}

/** The full record of an unreadable file: empty fields plus the diagnostic. */
export function emptyRecord(file: AdrFileRef, text: string, reason: Unreadable, detail?: string): AdrRecord {
  const summary = emptySummary(file, reason, detail);
  return {
    ...summary,
    frontMatter: null,
    decisionMakers: [],
    consulted: [],
    informed: [],
    statusStyle: "none",
    statusLine: null,
    titleLine: null,
    sections: [],
    consideredOptions: [],
    chosenOption: null,
    diagnostics: summary.diagnostics ?? [],
    text: reason === "binary" ? "" : text,
  };
}
