import type { Document, LineCounter } from "yaml";
import type { Finding, Parsers, ScannedFile } from "../types.js";

export interface ParsedYaml {
  docs: Document.Parsed[];
  /** 1-based line of a node's start, when the node carries a source range. */
  lineOf(node: unknown): number | undefined;
}

export type YamlParse = { ok: true; value: ParsedYaml } | { ok: false; warning: Extract<Finding, { kind: "warning" }> };

/**
 * Parses every YAML document of a file keeping source positions. A syntax error becomes a
 * warning with its line; the parser's message is not copied because it quotes file text.
 */
export function parseYamlFile(file: ScannedFile, yaml: Parsers["yaml"]): YamlParse {
  let lineCounter: LineCounter;
  let docs: Document.Parsed[];
  try {
    lineCounter = new yaml.LineCounter();
    docs = yaml.parseAllDocuments(file.text, { lineCounter, uniqueKeys: false }) as Document.Parsed[];
  } catch {
    return { ok: false, warning: { kind: "warning", file: file.path, message: "invalid YAML; file ignored" } };
  }
  if (!Array.isArray(docs)) docs = [];
  const error = docs.flatMap((doc) => doc.errors)[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    return { ok: false, warning: { kind: "warning", file: file.path, ...(line !== undefined ? { line } : {}), message: "invalid YAML; file ignored" } };
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return { ok: true, value: { docs, lineOf } };
}
