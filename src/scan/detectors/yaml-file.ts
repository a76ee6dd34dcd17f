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

/** A YAML syntax error: the parser's reason (never the source excerpt it quotes) and its 1-based line. */
export interface YamlFailure {
  reason: string;
  line: number | undefined;
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
    const line = typeof mark?.position === "number" ? lineOfOffset(file.text, mark.position) : undefined;
    return { ok: false, failure: { reason: typeof reason === "string" ? reason : "invalid syntax", line } };
  }
  let outline: YamlSpot[] | undefined;
  const spot = (index: number) => (outline ??= outlineYaml(file.text))[index] ?? new YamlSpot(undefined);
  return { ok: true, value: { docs, spot } };
}

export type YamlParse = { ok: true; value: ParsedYaml } | { ok: false; warning: Extract<Finding, { kind: "warning" }> };

/**
 * Parses every YAML document of a file. A syntax error becomes a warning with its line; the
 * parser's message is not copied because it quotes file text.
 */
export function parseYamlFile(file: ScannedFile, yaml: YamlParser): YamlParse {
  const loaded = loadYamlFile(file, yaml);
  if (loaded.ok) return loaded;
  const { line } = loaded.failure;
  return { ok: false, warning: { kind: "warning", file: file.path, ...(line !== undefined ? { line } : {}), message: "invalid YAML; file ignored" } };
}
