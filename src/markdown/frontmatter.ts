// Front matter (YAML `---` or TOML `+++`) parsed into a plain object, with problems as positioned messages.
import { createRequire } from "node:module";
import { parse as parseToml } from "smol-toml";
import { parseSimpleYaml } from "./simple-yaml.js";

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;

// Loaded synchronously and only when a file's front matter is beyond the simple reader: the readers are
// synchronous, and most ADR front matter never needs the yaml package (~50 ms to load).
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

export type FrontMatterKind = "yaml" | "toml";

export interface FrontMatterResult {
  data: Record<string, unknown> | null;
  /** A problem with its 1-based line in the file. */
  error?: { message: string; line: number };
}

/**
 * Parses the front matter body; `firstLine` is the file line of the body's first line.
 * Never throws: invalid YAML/TOML or a non-mapping yields data null and an error.
 */
export function parseFrontMatter(kind: FrontMatterKind, body: string, firstLine: number): FrontMatterResult {
  if (body.trim() === "") return { data: {} };
  try {
    const value = kind === "yaml" ? parseYaml(body, firstLine) : { data: parseToml(body) as unknown };
    if ("error" in value) return value as FrontMatterResult;
    return asMapping(value.data, firstLine);
  } catch (error) {
    const line = (error as { line?: number }).line;
    const message = (error as Error).message.split("\n")[0] ?? String(error);
    return { data: null, error: { message, line: typeof line === "number" ? firstLine + line - 1 : firstLine } };
  }
}

function parseYaml(body: string, firstLine: number): { data: unknown } | FrontMatterResult {
  const simple = parseSimpleYaml(body);
  if (simple) return { data: simple };
  const doc = yaml().parseDocument(body, { uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? 1;
    const message = (first.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, "");
    return { data: null, error: { message, line: firstLine + line - 1 } };
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // An alias inside its own anchor (`a: &x {self: *x}`) builds a cyclic object that no JSON output could
  // hold: such keys are dropped with a finding, and the rest (status, date …) is still read.
  if (!isCyclic(data, new Set())) return { data };
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { data: null, error: { message: "front matter has a YAML alias that refers to itself", line: firstLine } };
  const entries = Object.entries(data as Record<string, unknown>);
  const dropped = entries.filter(([, value]) => isCyclic(value, new Set())).map(([key]) => key);
  const kept = Object.fromEntries(entries.filter(([key]) => !dropped.includes(key)));
  const line = firstLine + Math.max(0, body.split("\n").findIndex((l) => l.startsWith(`${dropped[0]}:`)));
  return { data: kept, error: { message: `YAML alias refers to itself under ${dropped.map((k) => `\`${k}\``).join(", ")}; ignored`, line } };
}

function isCyclic(value: unknown, ancestors: Set<object>): boolean {
  if (value === null || typeof value !== "object") return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  const cyclic = children.some((child) => isCyclic(child, ancestors));
  ancestors.delete(value);
  return cyclic;
}

function asMapping(value: unknown, firstLine: number): FrontMatterResult {
  if (value === null || value === undefined) return { data: {} };
  if (typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) return { data: value as Record<string, unknown> };
  return { data: null, error: { message: "front matter is not a mapping of keys to values", line: firstLine } };
}

/** Finds the 1-based file line of a top-level key (`status:` or `status =`) inside the front matter. */
export function frontMatterKeyLine(lines: string[], startLine: number, endLine: number, key: string): number | null {
  const wanted = key.toLowerCase();
  for (let n = startLine + 1; n < endLine; n++) {
    const line = lines[n - 1] ?? "";
    // Plain string checks, not a RegExp per key: this runs for every file `list` reads.
    const unquoted = line[0] === '"' || line[0] === "'" ? line.slice(1) : line;
    if (unquoted.slice(0, wanted.length).toLowerCase() !== wanted) continue;
    const rest = unquoted.slice(wanted.length).replace(/^["']?\s*/, "");
    if (rest[0] === ":" || rest[0] === "=") return n;
  }
  return null;
}
