// A reader for the flat front matter ADRs nearly always have (`key: value`, `key: [a, b]`, `key:` + `- item`),
// so listing 1,000 ADRs need not load the yaml package. It returns null for anything it does not fully
// understand, and the caller falls back to yaml; tests check it agrees with yaml wherever it answers.

type Scalar = string;
type Value = Scalar | number | Scalar[] | null;

const KEY_LINE = /^([A-Za-z_][\w-]*)[ ]*:(?:[ ]+(.*))?$/;
const ITEM_LINE = /^([ ]*)-(?:[ ]+(.*))?$/;
// Plain scalars YAML 1.2 would type as something other than a string; leave those to the yaml package.
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
const NUMBERISH = /^[-+]?[.\d]/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:Z|[ ]?[-+]\d{1,2}(?::?\d{2})?)?)?$/;

/** Parses simple flat YAML into a mapping of strings and string lists, or returns null when unsure. */
export function parseSimpleYaml(body: string): Record<string, Value> | null {
  if (body.includes("\t") || body.includes("\r")) return null;
  const lines = body.split("\n");
  const out: Record<string, Value> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || /^#/.test(line)) continue;
    const m = KEY_LINE.exec(line);
    if (!m || Object.prototype.hasOwnProperty.call(out, m[1]!) || m[1] === "__proto__") return null;
    const raw = stripComment(m[2] ?? "");
    if (raw === null) return null;
    if (raw !== "") {
      const value = raw.startsWith("[") ? flowList(raw) : scalar(raw);
      if (value === null) return null;
      out[m[1]!] = value;
      continue;
    }
    // `key:` alone: a block list of scalars follows, or the value is null.
    const items: string[] = [];
    let indent: number | null = null;
    while (i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (next.trim() === "" || /^\s*#/.test(next)) {
        i++;
        continue;
      }
      const item = ITEM_LINE.exec(next);
      if (!item) {
        if (/^\s/.test(next)) return null;
        break;
      }
      if (indent === null) indent = item[1]!.length;
      if (item[1]!.length !== indent) return null;
      const itemRaw = stripComment(item[2] ?? "");
      const value = itemRaw === null || itemRaw === "" ? null : scalar(itemRaw);
      if (typeof value !== "string") return null;
      items.push(value);
      i++;
    }
    out[m[1]!] = items.length > 0 ? items : null;
  }
  return out;
}

// Removes a trailing ` # comment` outside quotes; null when quotes are unbalanced.
function stripComment(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.startsWith("#")) return "";
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) return trimmed;
  const hash = trimmed.search(/[ ]#/);
  return (hash >= 0 ? trimmed.slice(0, hash) : trimmed).trim();
}

function scalar(raw: string): string | number | null {
  const first = raw[0]!;
  if (first === '"') {
    const inner = raw.slice(1, -1);
    return raw.length >= 2 && raw.endsWith('"') && !/["\\]/.test(inner) ? inner : null;
  }
  if (first === "'") {
    const inner = raw.slice(1, -1);
    return raw.length >= 2 && raw.endsWith("'") && !/'(?!')/.test(inner.replace(/''/g, "")) ? inner.replace(/''/g, "'") : null;
  }
  if (/^[[\]{}|>&*!%@`,?:-]/.test(raw) && !/^-[^\s-]/.test(raw)) return null;
  if (/: |\s#|[{}[\]]/.test(raw) || raw.endsWith(":")) return null;
  if (NOT_STRING.test(raw)) return null;
  if (/^[-+]?\d+$/.test(raw)) return raw.length <= 15 ? Number(raw) : null;
  if (NUMBERISH.test(raw) && !DATE_LIKE.test(raw)) return null;
  return raw;
}

function flowList(raw: string): string[] | null {
  if (!raw.endsWith("]")) return null;
  const inner = raw.slice(1, -1).trim();
  if (inner === "") return [];
  if (/["'[\]{}#]/.test(inner)) return null;
  const items = inner.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) return null;
  const values = items.map((item) => scalar(item));
  return values.every((v): v is string => typeof v === "string") ? values : null;
}
