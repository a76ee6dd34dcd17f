import type { Document, LineCounter } from "yaml";
import type { Parsers } from "../types.js";
import { yamlNodeLine } from "./find-line.js";

/** A YAML node reached by a key path, with its line; used to read only the keys a detector needs. */
export interface LocatedValue {
  value: unknown;
  line: number | undefined;
}

/** Reads a scalar at `path` in a document, with its line; undefined when absent or not a scalar. */
export function scalarAt(yaml: Parsers["yaml"], doc: Document.Parsed | unknown, path: readonly unknown[], counter: LineCounter): LocatedValue | undefined {
  const node = getNode(yaml, doc, path);
  return yaml.isScalar(node) ? { value: node.value, line: yamlNodeLine(node, counter) } : undefined;
}

/** The node at `path` inside a document or collection node (maps by key, sequences by index). */
export function getNode(yaml: Parsers["yaml"], root: unknown, path: readonly unknown[]): unknown {
  let node: unknown = yaml.isDocument(root) ? root.contents : root;
  for (const key of path) {
    if (yaml.isMap(node)) node = node.get(key, true);
    else if (yaml.isSeq(node) && typeof key === "number") node = node.get(key, true);
    else return undefined;
  }
  return node;
}

/** The items of a sequence node at `path`, or none. */
export function seqItems(yaml: Parsers["yaml"], root: unknown, path: readonly unknown[]): unknown[] {
  const node = getNode(yaml, root, path);
  return yaml.isSeq(node) ? node.items : [];
}
