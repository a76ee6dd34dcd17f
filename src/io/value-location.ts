// Where a value sits in a JSON or YAML text, so config validation problems (a wrong type, an
// unknown key) can say `file:line:column` too. JSON is read as YAML here: the `yaml` package keeps
// source ranges, JSON.parse does not. Only called on the error path.
import type { Node } from "yaml";
import { withNamedExports } from "./commonjs.js";
import { positionOfOffset, type SourcePosition } from "./parse-location.js";

/**
 * The position of the value at `path` in `text` (a JSON or YAML document), or of the key `key`
 * of the map there. A path that goes further than the document (a missing key) gives the
 * deepest part that exists; undefined when the text does not parse.
 */
export async function locateValue(text: string, path: ReadonlyArray<PropertyKey>, key?: string): Promise<SourcePosition | undefined> {
  const yaml = withNamedExports(await import("yaml"));
  const doc = yaml.parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const isKeyStep = key !== undefined && i === steps.length - 1;
    let next: unknown;
    if (yaml.isMap(node)) {
      const pair = node.items.find((item) => String(yaml.isScalar(item.key) ? item.key.value : item.key) === String(step));
      // For an unknown key, point at the key itself; otherwise at the value.
      next = isKeyStep ? pair?.key : pair?.value;
    } else if (yaml.isSeq(node) && typeof step === "number") {
      next = node.items[step];
    }
    const range = (next as Node | undefined)?.range;
    if (!range) break;
    offset = range[0];
    node = next;
  }
  return offset === undefined ? undefined : positionOfOffset(text, offset);
}
