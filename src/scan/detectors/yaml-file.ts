import { endOfContent } from "../../io/parse-location.js";
import { lineOfOffset } from "../text-lines.js";
import type { YamlParser } from "../yaml-parser.js";
import type { Finding, ScannedFile } from "../types.js";
import { outlineYaml, YamlSpot } from "./yaml-outline.js";

export interface ParsedYaml {
  /** Every document of the file as plain values. */
  docs: unknown[];
  /** Where the nodes of document `index` are (built on first use, from indentation). */
  spot(index: number): YamlSpot;
}

/** A YAML syntax error: the parser's reason (never the source excerpt it quotes), its 1-based line and column. */
export interface YamlFailure {
  reason: string;
  line: number | undefined;
  column: number | undefined;
}

export type YamlLoad = { ok: true; value: ParsedYaml } | { ok: false; failure: YamlFailure };

/** Parses every document of a file; lines are looked up only when a detector asks for one. */
export function loadYamlFile(file: ScannedFile, yaml: YamlParser): YamlLoad {
  let docs: unknown[];
  try {
    docs = yaml.parseAll(file.text);
  } catch (error) {
    const { reason, mark } = error as { reason?: unknown; mark?: { position?: unknown } };
    // From the offset, not js-yaml's own line count: it also breaks lines at a lone `\r`, which evidence lines never do.
    // An error found at the end (an unclosed bracket) belongs to the last content, not the empty line after it.
    const position = typeof mark?.position === "number" ? Math.min(mark.position, endOfContent(file.text)) : undefined;
    const line = position !== undefined ? lineOfOffset(file.text, position) : undefined;
    const column = position !== undefined ? position - Math.max(file.text.lastIndexOf("\n", position - 1), -1) : undefined;
    return { ok: false, failure: { reason: typeof reason === "string" ? reason : "invalid syntax", line, column } };
  }
  let outline: YamlSpot[] | undefined;
  const spot = (index: number) => (outline ??= outlineYaml(file.text))[index] ?? new YamlSpot(undefined);
  return { ok: true, value: { docs, spot } };
}

export type YamlParse = { ok: true; value: ParsedYaml } | { ok: false; warning: Extract<Finding, { kind: "warning" }> };

/**
 * Parses every YAML document of a file. A syntax error becomes a warning with its line, column
 * and the parser's reason; not its full message, which quotes file text.
 */
export function parseYamlFile(file: ScannedFile, yaml: YamlParser): YamlParse {
  const loaded = loadYamlFile(file, yaml);
  if (loaded.ok) return loaded;
  const { line, column, reason } = loaded.failure;
  const where = column !== undefined ? ` at column ${column}` : "";
  return { ok: false, warning: { kind: "warning", file: file.path, ...(line !== undefined ? { line } : {}), message: `invalid YAML${where}: ${reason}; file ignored` } };
}
