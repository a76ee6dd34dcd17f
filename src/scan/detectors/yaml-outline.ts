/**
 * Lines of YAML nodes for evidence, recovered from indentation: js-yaml yields plain values
 * without positions, so a detector finds the value in the parsed document and its line here,
 * by the same key path. Block style (what compose, Kubernetes, CI and Helm files use) is exact;
 * inside a flow collection (`{image: x}`) a path resolves to the line of the collection.
 */
export class YamlSpot {
  /** Mapping entries by key (the key's line), when the value is a block mapping. */
  keys: Map<string, YamlSpot> | undefined;
  /** Sequence entries (the dash's line), when the value is a block sequence. */
  items: YamlSpot[] | undefined;
  /** The value is a block scalar (`|` or `>`): its text starts on the next line. */
  block = false;
  /** The value as written on the key's line (quotes removed), e.g. `2.0` where the parsed number is 2. */
  raw: string | undefined;
  /** The line of a scalar value written below its key. */
  valueLine: number | undefined;

  constructor(readonly line: number | undefined) {}

  /** The entry at a key or index; where the outline does not know it (flow style), this node. */
  at(key: string | number): YamlSpot {
    const found = typeof key === "number" ? this.items?.[key] : this.keys?.get(key);
    return found ?? this;
  }

  /** The spot at a key path (see `at`). */
  path(keys: readonly (string | number)[]): YamlSpot {
    let spot: YamlSpot = this;
    for (const key of keys) spot = spot.at(key);
    return spot;
  }

  /** The line where this node's value starts: the key's line, or the next line for a scalar written there. */
  get valueStart(): number | undefined {
    return this.valueLine ?? this.line;
  }
}

interface Frame {
  col: number;
  kind: "map" | "seq";
  node: YamlSpot;
  last: YamlSpot | undefined;
}

/** Characters that cannot start a plain key (YAML indicators); `-`, `?` and `:` may, when not followed by a space. */
const INDICATORS = new Set(`"'{[]}#&*!|>%@\`,`);
// Anchors and tags before a value: `&name`, `!tag`, `!!str`.
const PROPERTIES = /^(?:[&!][^\s]*(?:[ \t]+|$))+/;

/** One outline per document of a YAML stream, in the order js-yaml returns the documents. */
export function outlineYaml(text: string): YamlSpot[] {
  const docs: YamlSpot[] = [];
  let root: YamlSpot | undefined;
  let rootHasContent = false;
  let frames: Frame[] = [];
  let last: YamlSpot | undefined;
  let lastCol = -1;
  // While >= 0, lines indented deeper than this belong to a block scalar.
  let blockCol = -1;
  const newDocument = (line: number) => {
    root = new YamlSpot(line);
    rootHasContent = false;
    docs.push(root);
    frames = [];
    last = undefined;
    lastCol = -1;
  };

  const attach = (col: number, kind: "map" | "seq", key: string | undefined, line: number): YamlSpot => {
    while (frames.length > 0 && frames[frames.length - 1]!.col > col) frames.pop();
    let top = frames[frames.length - 1];
    if (top && top.col === col && top.kind !== kind) {
      if (kind === "map") {
        // A sequence at its parent key's indentation has ended.
        frames.pop();
        return attach(col, kind, key, line);
      }
      // `key:` followed by `- item` at the same indentation: the sequence is that key's value.
      top = { col, kind, node: top.last ?? top.node, last: undefined };
      frames.push(top);
    } else if (!top || top.col < col) {
      top = { col, kind, node: top?.last ?? root!, last: undefined };
      frames.push(top);
    }
    const spot = new YamlSpot(line);
    if (kind === "seq") (top.node.items ??= []).push(spot);
    else {
      top.node.keys ??= new Map();
      top.node.keys.set(key!, spot);
    }
    top.last = spot;
    return spot;
  };

  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const source = lines[index]!;
    let indent = 0;
    while (source.charCodeAt(indent) === 32) indent++;
    let rest = source.charCodeAt(source.length - 1) === 13 ? source.slice(indent, -1) : source.slice(indent);
    if (blockCol >= 0) {
      if (rest === "" || indent > blockCol) continue;
      blockCol = -1;
    }
    if (rest === "" || rest.startsWith("#")) continue;
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(rest)) {
      // `---` starts a document (the first one only if something came before it); `...` ends one.
      if (rest.startsWith("---")) {
        if (!root || rootHasContent) newDocument(line);
        rootHasContent = true;
      } else root = undefined;
      continue;
    }
    if (indent === 0 && rest.startsWith("%")) continue;
    if (!root) newDocument(line);
    rootHasContent = true;

    let col = indent;
    for (;;) {
      if (rest === "-" || rest.startsWith("- ")) {
        const item = attach(col, "seq", undefined, line);
        let skip = 1;
        while (rest.charCodeAt(skip) === 32) skip++;
        last = item;
        lastCol = col;
        rest = rest.slice(skip).replace(PROPERTIES, "");
        if (rest === "" || rest.startsWith("#")) break;
        if (rest.startsWith("|") || rest.startsWith(">")) {
          item.block = true;
          blockCol = col;
          break;
        }
        col += skip;
        continue;
      }
      const found = readKey(rest);
      if (!found) {
        // A scalar on its own line: the value of a key written above it, or a continuation line.
        if (last && indent > lastCol && !last.keys && !last.items && last.raw === undefined) last.valueLine ??= line;
        break;
      }
      const spot = attach(col, "map", found.key, line);
      last = spot;
      lastCol = col;
      const value = rest.slice(found.end).trimStart().replace(PROPERTIES, "");
      if (value === "" || value.startsWith("#")) break;
      if (value.startsWith("|") || value.startsWith(">")) {
        spot.block = true;
        blockCol = col;
        break;
      }
      spot.raw = scalarText(value);
      break;
    }
  }
  return docs;
}

/** A mapping key at the start of `rest` (quoted, or plain up to the first `: ` or a final `:`) and where its value starts. */
function readKey(rest: string): { key: string; end: number } | undefined {
  const first = rest[0]!;
  let keyEnd: number;
  let key: string;
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? /^"((?:[^"\\]|\\.)*)"/.exec(rest) : /^'((?:[^']|'')*)'/.exec(rest);
    if (!quoted) return undefined;
    key = first === '"' ? unescapeDouble(quoted[1]!) : quoted[1]!.replace(/''/g, "'");
    keyEnd = quoted[0].length;
    while (rest[keyEnd] === " " || rest[keyEnd] === "\t") keyEnd++;
    if (rest[keyEnd] !== ":") return undefined;
  } else {
    if (INDICATORS.has(first)) return undefined;
    if ((first === "-" || first === "?" || first === ":") && (rest.length === 1 || rest[1] === " " || rest[1] === "\t")) return undefined;
    keyEnd = -1;
    for (let colon = rest.indexOf(":", 1); colon !== -1; colon = rest.indexOf(":", colon + 1)) {
      const next = rest[colon + 1];
      if (next === undefined || next === " " || next === "\t") {
        keyEnd = colon;
        break;
      }
    }
    if (keyEnd === -1) return undefined;
    // ` #` starts a comment: a colon after it is not a key's.
    const comment = rest.indexOf(" #");
    if (comment !== -1 && comment < keyEnd) return undefined;
    key = rest.slice(0, keyEnd).trimEnd();
  }
  return { key, end: keyEnd + 1 };
}

/** The text of a one-line scalar: quotes removed, a trailing comment dropped. */
function scalarText(value: string): string {
  if (value.startsWith('"')) {
    const end = /^"((?:[^"\\]|\\.)*)"/.exec(value);
    return end ? unescapeDouble(end[1]!) : value;
  }
  if (value.startsWith("'")) {
    const end = /^'((?:[^']|'')*)'/.exec(value);
    return end ? end[1]!.replace(/''/g, "'") : value;
  }
  return value.replace(/\s+#.*$/, "").trimEnd();
}

function unescapeDouble(text: string): string {
  if (!text.includes("\\")) return text;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
