import { expect } from "@jest/globals";
import type { AdrRecord, AdrSummary } from "../../src/domain/adr.js";
import { readAdrSummary } from "../../src/markdown/fast.js";
import { parseAdr } from "../../src/markdown/parse.js";

export const SHARED_FIELDS = ["number", "title", "status", "date", "dateRaw", "format", "supersedes", "supersededBy", "links", "tags"] as const;

/** The fields both readers must agree on. */
export function sharedFields(adr: AdrSummary): Record<string, unknown> {
  return Object.fromEntries(SHARED_FIELDS.map((key) => [key, adr[key]]));
}

/** Parses with both readers, checks they agree, and returns the full record. */
export function readBoth(text: string, fileName = "0001-example.md"): AdrRecord {
  const file = { path: `/repo/docs/adr/${fileName}`, relPath: `docs/adr/${fileName}`, dirLabel: "docs/adr" };
  const record = parseAdr(text, file);
  const summary = readAdrSummary(text, file);
  expect(sharedFields(summary)).toEqual(sharedFields(record));
  return record;
}

/** Rules of the diagnostics a record carries, with their lines. */
export function rules(record: AdrRecord): string[] {
  return record.diagnostics.map((d) => `${d.rule}:${d.line ?? "-"}`);
}

/** The 1-based line of the first line of text that starts with a prefix. */
export function lineOf(text: string, prefix: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}
