import type { Finding, Parsers, ScannedFile } from "../types.js";
import { parseWarning } from "./dependency-rules.js";
import { loadYamlFile, type ParsedYaml } from "./yaml-file.js";

/** A parsed plain object (TOML table, JSON object, YAML mapping). */
export type Table = Record<string, unknown>;

/** Either the parsed value or the warning that replaces it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; warning: Finding };

/** The value as a plain object, or an empty one. */
export function asTable(value: unknown): Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : {};
}

/** The string entries of an array, or none. */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

/** The value when it is a string. */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** Parses a TOML document into its root table; a syntax error becomes a warning. */
export function parseTomlTable(file: ScannedFile, toml: Parsers["toml"]): Parsed<Table> {
  try {
    return { ok: true, value: asTable(toml.parse(file.text)) };
  } catch (error) {
    return { ok: false, warning: parseWarning(file.path, "TOML", error) };
  }
}

/** Parses a JSON document whose root must be an object; anything else becomes a warning. */
export function parseJsonTable(file: ScannedFile): Parsed<Table> {
  try {
    const value: unknown = JSON.parse(file.text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return { ok: true, value: value as Table };
    return { ok: false, warning: parseWarning(file.path, "JSON", "the root is not an object") };
  } catch (error) {
    return { ok: false, warning: parseWarning(file.path, "JSON", error) };
  }
}

/** Parses every document of a YAML stream (lines on demand); the syntax error becomes a warning naming the parser's reason. */
export function parseYamlDocuments(file: ScannedFile, yaml: Parsers["yaml"]): Parsed<ParsedYaml> {
  const loaded = loadYamlFile(file, yaml);
  if (!loaded.ok) return { ok: false, warning: parseWarning(file.path, "YAML", loaded.failure.reason, loaded.failure.line) };
  return loaded;
}
