import path from "node:path";
import type { AdrRecord } from "../../src/domain/adr.js";
import type { LintContext } from "../../src/lint/types.js";

export const ROOT = "/repo";
export const ADR_DIR = "/repo/docs/adr";

/** Builds an AdrRecord by hand for rule unit tests: only the fields a test names differ from a clean MADR 4 file. */
export function makeRecord(fields: Partial<AdrRecord> & { file?: string } = {}): AdrRecord {
  const file = fields.file ?? "0001-use-postgres.md";
  const abs = path.join(ADR_DIR, file);
  const { file: _file, ...rest } = fields;
  return {
    number: Number.parseInt(file, 10) || null,
    title: "Use Postgres",
    status: "accepted",
    date: "2024-02-14",
    path: abs,
    relPath: path.relative(ROOT, abs).split(path.sep).join("/"),
    dirLabel: "docs/adr",
    format: "madr4",
    supersedes: [],
    supersededBy: [],
    links: [],
    tags: [],
    frontMatter: { status: "accepted", date: "2024-02-14" },
    decisionMakers: [],
    consulted: [],
    informed: [],
    statusStyle: "front-matter",
    statusLine: 2,
    titleLine: 5,
    sections: [],
    consideredOptions: [],
    chosenOption: null,
    diagnostics: [],
    text: "---\nstatus: accepted\ndate: 2024-02-14\n---\n# Use Postgres\n",
    ...rest,
  };
}

/** A lint context over the given records, with an optional set of existing files (absolute paths). */
export function makeContext(records: AdrRecord[], files: string[] = records.map((r) => r.path), config: LintContext["config"] = {}): LintContext {
  const existing = new Set(files);
  return { records, fileExists: (p) => existing.has(p), root: ROOT, config };
}

/** Sections given as [heading, depth, line] triples. */
export function sections(...specs: Array<[string, number, number]>): AdrRecord["sections"] {
  return specs.map(([heading, depth, line]) => ({ heading, depth, line, endLine: line + 1, body: "" }));
}
