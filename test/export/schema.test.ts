// The export schema: the committed JSON Schema matches the zod definition, and the reader names what is wrong.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatJsonPath, parseExportDocument } from "../../src/app/import-read.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { EXPORT_SCHEMA_ID, exportDocumentSchema, exportJsonSchema, type ExportDocument, type ExportedAdr } from "../../src/domain/export-schema.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const adr = (over: Partial<ExportedAdr> = {}): ExportedAdr => ({
  number: 1,
  title: "Use X",
  status: "accepted",
  date: "2026-01-02",
  tags: [],
  decisionMakers: [],
  consulted: [],
  informed: [],
  format: "nygard",
  path: "docs/adr/0001-use-x.md",
  dirLabel: "docs/adr",
  frontMatter: null,
  statusStyle: "section",
  statusLine: 7,
  titleLine: 1,
  supersedes: [],
  supersededBy: [],
  links: [],
  sections: [{ heading: "1. Use X", depth: 1, line: 1, endLine: 7, body: "" }],
  consideredOptions: [],
  chosenOption: null,
  diagnostics: [],
  markdown: "# 1. Use X\n",
  ...over,
});

const doc = (adrs: ExportedAdr[] = [adr()]): ExportDocument => ({
  schema: EXPORT_SCHEMA_ID,
  version: 1,
  generator: { name: "adrgen", version: "0.1.0" },
  generatedAt: "2026-01-15T00:00:00.000Z",
  repository: { name: "other", head: null, dirs: [{ path: "docs/adr", label: "docs/adr" }] },
  adrs,
});

function usageFailure(text: string): AdrgenError {
  try {
    parseExportDocument(text, "in.json");
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    return error as AdrgenError;
  }
  throw new Error("expected a usage error");
}

describe("the export JSON Schema", () => {
  it("docs/schemas/export-v1.json is what the zod schema generates (regenerate: adrgen export --schema > docs/schemas/export-v1.json)", () => {
    const committed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "docs/schemas/export-v1.json"), "utf8")) as unknown;
    expect(committed).toEqual(exportJsonSchema());
  });

  it("carries the stable id and leaves room for fields added within version 1", () => {
    const schema = exportJsonSchema() as { $id: string; additionalProperties?: unknown; properties: { adrs: { items: { required: string[]; additionalProperties?: unknown } } } };
    expect(schema.$id).toBe(EXPORT_SCHEMA_ID);
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.properties.adrs.items.additionalProperties).toBeUndefined();
    expect(schema.properties.adrs.items.required).toEqual(expect.arrayContaining(["number", "title", "status", "path", "sections", "markdown"]));
  });
});

describe("reading an export", () => {
  it("round-trips a valid document through JSON, ignoring fields it does not know", () => {
    const value = doc([adr(), adr({ number: 2, path: "docs/adr/0002-y.md", dateRaw: "2024-14-02", date: null })]);
    expect(parseExportDocument(JSON.stringify(value), "in.json")).toEqual(value);
    const newer = { ...value, extra: true, adrs: value.adrs.map((a) => ({ ...a, addedLater: 1 })) };
    expect(parseExportDocument(JSON.stringify(newer), "in.json")).toEqual(value);
    expect(exportDocumentSchema.safeParse(value).success).toBe(true);
  });

  it("not JSON: says so with the line and column", () => {
    const error = usageFailure('{\n  "schema": "x",\n  "version": }\n');
    expect(error.message).toMatch(/^in\.json:3:14: not valid JSON: .*\n  3 \|   "version": }\n    \| {14}\^$/);
    expect(usageFailure("").message).toMatch(/^in\.json:1:1: not valid JSON/);
    expect(usageFailure("hello").message).toMatch(/^in\.json:1:1: not valid JSON/);
    // A BOM is not counted: the column is the one an editor shows.
    expect(usageFailure('\uFEFF{"a": }').message).toMatch(/^in\.json:1:7: not valid JSON/);
  });

  it("a newer or unknown version: exit 2 with a hint to upgrade", () => {
    const error = usageFailure(JSON.stringify({ ...doc(), version: 2 }));
    expect(error.message).toMatch(/version: unsupported export schema version 2/);
    expect(error.hint).toMatch(/newer adrgen.*Upgrade adrgen/);
    expect(usageFailure(JSON.stringify({ ...doc(), version: 0 })).message).toMatch(/version 0/);
  });

  it("missing or mistyped fields: every problem named by its JSON path", () => {
    const broken = JSON.parse(JSON.stringify(doc([adr(), adr()]))) as Record<string, any>;
    delete broken.generator;
    delete broken.adrs[1].markdown;
    broken.adrs[0].number = "one";
    broken.adrs[1].supersedes = [{ number: 1 }];
    const error = usageFailure(JSON.stringify(broken));
    expect(error.message).toMatch(/^in\.json is not a valid adrgen export:/);
    expect(error.message).toMatch(/^ {2}generator: /m);
    expect(error.message).toMatch(/^ {2}adrs\[0\]\.number: /m);
    expect(error.message).toMatch(/^ {2}adrs\[1\]\.markdown: /m);
    expect(error.message).toMatch(/^ {2}adrs\[1\]\.supersedes\[0\]\.target: /m);
  });

  it("a JSON value that is not an object, or a foreign schema id", () => {
    expect(usageFailure("[1, 2]").message).toMatch(/\(root\): expected an object, got an array/);
    expect(usageFailure('"text"').message).toMatch(/got string/);
    const foreign = { ...doc(), schema: "https://example.com/other" } as Record<string, unknown>;
    delete foreign.version;
    expect(usageFailure(JSON.stringify(foreign)).message).toMatch(/schema: unknown export schema "https:\/\/example\.com\/other"/);
  });
});

describe("helpers", () => {
  it("a deeply nested export is located without overflowing the stack", () => {
    expect(usageFailure("[".repeat(200000)).message).toMatch(/^in\.json:1:200001: not valid JSON/);
  });

  it("formatJsonPath", () => {
    expect(formatJsonPath(["adrs", 3, "supersedes", 0, "number"])).toBe("adrs[3].supersedes[0].number");
    expect(formatJsonPath([])).toBe("(root)");
  });
});
