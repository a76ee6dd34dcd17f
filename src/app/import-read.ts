// Reading an export document for `adrgen import`: the bytes (a file or stdin), the JSON (with the line and
// column of a syntax error), the version, then the zod schema (each problem named by its JSON path).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fromSystemError, usageError } from "../domain/errors.js";
import { EXPORT_SCHEMA_ID, EXPORT_VERSION, exportDocumentSchema, type ExportDocument } from "../domain/export-schema.js";
import { describeJsonFailure, formatParseFailure } from "../io/parse-location.js";

/** Reads a whole stream as UTF-8 text. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads the export named on the command line: a path (relative to `cwd`) or `-` for stdin. */
export async function readExportSource(source: string, io: { cwd: string; stdin: NodeJS.ReadableStream & { isTTY?: boolean } }): Promise<{ text: string; label: string }> {
  if (source === "-") {
    // Waiting for a terminal to type a JSON document would look like a hang.
    if (io.stdin.isTTY) throw usageError("import - reads the export from stdin, but stdin is a terminal.", "Pipe it in: adrgen export --cwd ../other | adrgen import -");
    return { text: await readStream(io.stdin), label: "stdin" };
  }
  const file = path.resolve(io.cwd, source);
  try {
    return { text: await readFile(file, "utf8"), label: source };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw usageError(`${source} does not exist.`, "Pass the file `adrgen export --out FILE` wrote, or - to read it from stdin.");
    throw fromSystemError(error, `read ${source}`);
  }
}

/** A JSON path as users read it: `adrs[3].supersedes[0].number`, `(root)` for the document itself. */
export function formatJsonPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of parts) out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${String(part)}`;
  return out === "" ? "(root)" : out;
}

const MAX_PROBLEMS = 20;

/** Parses and validates an export document; every problem is a usage error (exit 2) naming where it is. */
export function parseExportDocument(text: string, label: string): ExportDocument {
  let value: unknown;
  // Parsed and located on the same BOM-less text, so line 1's columns are those an editor shows.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw usageError(formatParseFailure(label, "not valid JSON", describeJsonFailure(json, error)), "Pass a file written by `adrgen export`.");
  }
  checkVersion(value, label);
  const parsed = exportDocumentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `  ${formatJsonPath(issue.path)}: ${issue.message}`);
  const more = parsed.error.issues.length > MAX_PROBLEMS ? [`  … and ${parsed.error.issues.length - MAX_PROBLEMS} more`] : [];
  throw usageError(`${label} is not a valid adrgen export:\n${[...problems, ...more].join("\n")}`, "Export it again with `adrgen export` (schema in docs/schemas/export-v1.json).");
}

// An unknown version is reported on its own, before the field-by-field check that would only confuse.
function checkVersion(value: unknown, label: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw usageError(`${label} is not an adrgen export: (root): expected an object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}.`, "Pass a file written by `adrgen export`.");
  }
  const { version, schema } = value as { version?: unknown; schema?: unknown };
  if (typeof version === "number" && version !== EXPORT_VERSION) {
    const hint =
      version > EXPORT_VERSION
        ? `It was written by a newer adrgen (export schema version ${version}); this adrgen reads version ${EXPORT_VERSION}. Upgrade adrgen, or export with the older one.`
        : `This adrgen reads export schema version ${EXPORT_VERSION}.`;
    throw usageError(`${label}: version: unsupported export schema version ${version}.`, hint);
  }
  if (typeof schema === "string" && schema !== EXPORT_SCHEMA_ID && version === undefined) {
    throw usageError(`${label}: schema: unknown export schema ${JSON.stringify(schema)}.`, `This adrgen reads ${EXPORT_SCHEMA_ID}.`);
  }
}
