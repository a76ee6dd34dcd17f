/**
 * A reader for the YAML subset the knowledge base is written in: block mappings and sequences,
 * one-line flow collections, plain and quoted scalars, and `>-` folded text. It returns
 * undefined for anything else (anchors, tags, multi-line flow, other block scalars, plain
 * scalars over several lines), and the caller then uses the full YAML parser. It exists because
 * the full parser needs about 80 ms for one topic on a cold start, a third of `adrgen new`.
 */

interface Line {
  indent: number;
  text: string;
}

class Unsupported extends Error {}

const fail = (): never => {
  throw new Unsupported();
};

/** Parses `text`, or returns undefined when it uses YAML beyond the knowledge base's subset. */
export function parseTopicYaml(text: string): unknown {
  if (text.includes("\t") || /^(---|\.\.\.)\s*$/m.test(text)) return undefined;
  const lines: Line[] = text.split(/\r?\n/).map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }));
  try {
    const reader = new Reader(lines);
    reader.skip();
    if (reader.done()) return null;
    const value = reader.block(reader.peek().indent);
    reader.skip();
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at >= this.lines.length;
  }

  peek(): Line {
    return this.lines[this.at]!;
  }

  /** Skips blank and comment lines. */
  skip(): void {
    while (!this.done() && (this.peek().text === "" || this.peek().text.startsWith("#"))) this.at++;
  }

  /** A mapping or sequence whose entries start at `indent`. */
  block(indent: number): unknown {
    const first = this.peek();
    if (first.indent !== indent) fail();
    return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent, undefined);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (this.skip(); !this.done() && this.peek().indent === indent && (this.peek().text === "-" || this.peek().text.startsWith("- ")); this.skip()) {
      const line = this.peek();
      const rest = line.text.slice(1).trimStart();
      const inner = indent + (line.text.length - rest.length);
      this.at++;
      if (rest === "") {
        this.skip();
        items.push(!this.done() && this.peek().indent > indent ? this.block(this.peek().indent) : null);
      } else if (keyOf(rest) !== undefined) {
        items.push(this.mapping(inner, rest));
      } else {
        items.push(this.inlineValue(rest, indent));
      }
    }
    return items;
  }

  /** Entries at `indent`; `firstEntry` is an entry already taken from a "- key: value" line. */
  private mapping(indent: number, firstEntry: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const entry = (text: string) => {
      const key = keyOf(text) ?? fail();
      if (Object.hasOwn(out, key)) fail();
      const rest = text.slice(text.indexOf(":") + 1).trim();
      if (rest === "" || rest.startsWith("#")) {
        this.skip();
        const next = this.done() ? undefined : this.peek();
        // A block sequence may sit at the key's own indent.
        if (next && (next.indent > indent || (next.indent === indent && (next.text === "-" || next.text.startsWith("- "))))) out[key] = this.block(next.indent);
        else out[key] = null;
      } else if (rest === ">-") {
        out[key] = this.folded(indent);
      } else {
        out[key] = this.inlineValue(rest, indent);
      }
    };
    if (firstEntry !== undefined) entry(firstEntry);
    for (this.skip(); !this.done() && this.peek().indent === indent; this.skip()) {
      const line = this.peek();
      if (line.text.startsWith("- ") || line.text === "-") break;
      this.at++;
      entry(line.text);
    }
    if (!this.done() && this.peek().indent > indent) fail();
    return out;
  }

  /** A `>-` scalar: deeper lines folded with spaces, blank lines kept as newlines. */
  private folded(parentIndent: number): string {
    const parts: string[] = [];
    let indent: number | undefined;
    let pendingBreaks = 0;
    while (!this.done()) {
      const line = this.peek();
      if (line.text === "") {
        pendingBreaks++;
        this.at++;
        continue;
      }
      if (line.indent <= parentIndent) break;
      indent ??= line.indent;
      // More-indented lines keep their breaks in YAML; not used in the knowledge base.
      if (line.indent !== indent) fail();
      if (parts.length > 0) parts.push(pendingBreaks > 0 ? "\n".repeat(pendingBreaks) : " ");
      parts.push(line.text);
      pendingBreaks = 0;
      this.at++;
    }
    if (parts.length === 0) fail();
    return parts.join("");
  }

  /** A value on the rest of a line; a deeper line after it would continue a plain scalar, which is not supported. */
  private inlineValue(text: string, indent: number): unknown {
    const value = flowValue(text);
    let next = this.at;
    while (next < this.lines.length && (this.lines[next]!.text === "" || this.lines[next]!.text.startsWith("#"))) next++;
    if (next < this.lines.length && this.lines[next]!.indent > indent) fail();
    return value;
  }
}

/** The key of a `key: value` or `key:` line (plain keys only), else undefined. */
function keyOf(text: string): string | undefined {
  const m = /^([A-Za-z0-9_][\w.\-/ ]*?|"[^"\\]*"|'[^']*'):(\s|$)/.exec(text);
  if (!m) return undefined;
  const raw = m[1]!;
  return raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
}

/** A whole one-line value: a flow collection or a scalar, with an optional trailing comment. */
function flowValue(text: string): unknown {
  const parser = new FlowParser(text);
  const value = parser.value(true);
  parser.end();
  return value;
}

class FlowParser {
  private at = 0;
  constructor(private readonly text: string) {}

  private space(): void {
    while (this.text[this.at] === " ") this.at++;
  }

  end(): void {
    this.space();
    if (this.at < this.text.length && this.text[this.at] !== "#") fail();
  }

  value(top: boolean): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === "[") return this.list();
    if (c === "{") return this.map();
    if (c === '"' || c === "'") return this.quoted();
    if (c === undefined || "&*!|>%@`,]}".includes(c)) fail();
    return this.plain(top);
  }

  private list(): unknown[] {
    this.at++;
    const items: unknown[] = [];
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.value(false));
      this.space();
      const c = this.text[this.at++];
      if (c === "]") return items;
      if (c !== ",") fail();
    }
  }

  private map(): Record<string, unknown> {
    this.at++;
    const out: Record<string, unknown> = {};
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      const key = /^[A-Za-z0-9_][\w.\-]*/.exec(this.text.slice(this.at))?.[0] ?? fail();
      this.at += key.length;
      if (this.text[this.at] !== ":" || this.text[this.at + 1] !== " ") fail();
      this.at += 2;
      if (Object.hasOwn(out, key)) fail();
      out[key] = this.value(false);
      this.space();
      const c = this.text[this.at++];
      if (c === "}") return out;
      if (c !== ",") fail();
    }
  }

  private quoted(): string {
    const quote = this.text[this.at]!;
    const pattern = quote === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/;
    const raw = pattern.exec(this.text.slice(this.at))?.[0] ?? fail();
    this.at += raw.length;
    if (quote === "'") return raw.slice(1, -1).replaceAll("''", "'");
    // JSON escapes are a subset of YAML's double-quoted escapes; anything else goes to the real parser.
    if (/\\[^"\\/bfnrtu]/.test(raw)) fail();
    return JSON.parse(raw) as string;
  }

  private plain(top: boolean): unknown {
    const rest = this.text.slice(this.at);
    // In flow context a plain scalar ends at , ] or }; at the top it runs to a comment.
    const m = (top ? /^(.*?)(?=\s+#|$)/ : /^([^,\]}]*?)(?=\s*[,\]}]|\s+#|$)/).exec(rest);
    const raw = m?.[1]?.trimEnd() ?? fail();
    if (raw === "" || /:(\s|$)/.test(raw) || raw.includes(" #") || (!top && /[[{]/.test(raw))) fail();
    this.at += raw.length;
    return scalar(raw);
  }
}

/** YAML 1.2 core-schema resolution of a plain scalar. */
function scalar(raw: string): unknown {
  if (/^(null|Null|NULL|~)$/.test(raw)) return null;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  if (/^[-+]?[0-9]+$/.test(raw)) return Number.parseInt(raw, 10);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(raw)) return Number.parseFloat(raw);
  if (/^(0x|0o|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))/.test(raw)) fail();
  return raw;
}
