// The `tags = [ … ]` array of TOML front matter, edited as the YAML block list is: kept items keep their
// text and the comment after them, comment and blank lines inside the array stay (with the item they
// stood before), items that shared a line still do, new items follow in the file's quoting, and the
// array keeps its shape (one line, or one item per line with the file's indentation and trailing comma).

/** Thrown when the tags cannot be rewritten without losing something the file says. */
export class TagEditRefused extends Error {}

interface Item {
  value: string;
  raw: string;
  /** The comment after this item when it is the last one on its line (with the spaces before it). */
  comment: string;
  /** Comment and blank lines, as written, between the previous item and this one. */
  before: string[];
  /** The spaces before this item when it shares a line with the item before it. */
  joined: string | null;
}

/** A parsed TOML array value and how it is laid out. */
export interface TomlArray {
  /** Lines the key and its value span, from the key's line. */
  count: number;
  opener: string;
  /** A comment on the key's line when no item follows `[` there. */
  openerComment: string;
  /** The spaces between `[` and the first item when that item is on the key's line. */
  firstJoined: string | null;
  items: Item[];
  /** Comment and blank lines after the last item. */
  after: string[];
  /** The spaces before `]` when it follows the last item on that item's line. */
  closeJoined: string | null;
  closeIndent: string;
  /** Whatever follows `]` on its line (a comment). */
  tail: string;
  indent: string;
  trailingComma: boolean;
  /** One-line arrays: spaces inside the brackets and after each comma. */
  pad: string;
  gap: string;
  literal: boolean;
}

const ESCAPES: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", e: "\u001b", '"': '"', "\\": "\\" };

function decodeBasic(inner: string): string {
  return inner.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|(.))/g, (_m, u4: string, u8: string, x2: string, ch: string) =>
    u4 || u8 || x2 ? String.fromCodePoint(parseInt(u4 || u8 || x2, 16)) : (ESCAPES[ch] ?? ch),
  );
}

// Reads one string or bare value at `at`; returns its raw text and value.
function readItem(text: string, at: number): { raw: string; value: string } {
  const ch = text[at]!;
  if (ch === '"' || ch === "'") {
    if (text.startsWith(ch.repeat(3), at)) throw new TagEditRefused("the TOML tags value uses a multi-line string");
    let j = at + 1;
    while (j < text.length && text[j] !== ch) j += ch === '"' && text[j] === "\\" ? 2 : 1;
    if (j >= text.length) throw new TagEditRefused("a string in the TOML tags array is not closed on its line");
    const raw = text.slice(at, j + 1);
    return { raw, value: ch === '"' ? decodeBasic(raw.slice(1, -1)) : raw.slice(1, -1) };
  }
  if (ch === "[" || ch === "{") throw new TagEditRefused("the TOML tags array holds a nested array or table");
  const raw = /^[^\s,\]#]+/.exec(text.slice(at))![0];
  return { raw, value: raw };
}

/**
 * Parses the array value of the `tags =` key on `lines[0]` (later lines may continue it), or null when the
 * value is not an array (the caller then replaces a scalar). Throws TagEditRefused for what it cannot keep.
 */
export function parseTomlArray(lines: readonly string[]): TomlArray | null {
  const first = lines[0]!;
  const open = /^[^=]*=[ \t]*\[/.exec(first);
  if (!open) return null;
  const result: TomlArray = {
    count: 0, opener: open[0], openerComment: "", firstJoined: null, items: [], after: [], closeJoined: null,
    closeIndent: "", tail: "", indent: "", trailingComma: false, pad: "", gap: " ", literal: false,
  };
  let pending: string[] = [];
  let comma = true; // an item may follow `[` or a comma
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    let j = i === 0 ? open[0].length : 0;
    let lastOnLine: Item | null = null;
    let firstToken = true;
    while (j < text.length) {
      const space = /^[ \t]*/.exec(text.slice(j))![0];
      j += space.length;
      if (j >= text.length) break;
      const ch = text[j]!;
      if (ch === "#") {
        const comment = `${space}${text.slice(j).trimEnd()}`;
        if (lastOnLine) lastOnLine.comment = comment;
        else if (i === 0) result.openerComment = comment;
        else if (firstToken) pending.push(text.trimEnd());
        else throw new TagEditRefused("a comment in the TOML tags array follows a comma at the start of a line");
        break;
      }
      if (ch === ",") {
        if (comma) throw new TagEditRefused("the TOML tags array has an empty element");
        comma = true;
        j++;
        if (i === 0 && result.items.length === 1) result.gap = /^[ \t]*/.exec(text.slice(j))![0];
        firstToken = false;
        continue;
      }
      if (ch === "]") {
        result.trailingComma = result.items.length > 0 && comma;
        if (lastOnLine) result.closeJoined = space;
        else if (i > 0) result.closeIndent = firstToken ? text.slice(0, j) : "";
        result.tail = text.slice(j + 1).trimEnd();
        result.after = pending;
        result.count = i + 1;
        result.literal = result.items.length > 0 && result.items.every((item) => item.raw.startsWith("'"));
        return result;
      }
      if (!comma) throw new TagEditRefused("the TOML tags array misses a comma");
      const { raw, value } = readItem(text, j);
      const item: Item = { value, raw, comment: "", before: pending, joined: lastOnLine || i === 0 ? space : null };
      if (i === 0 && result.items.length === 0) {
        result.firstJoined = space;
        result.pad = space;
        item.joined = null;
      }
      if (i > 0 && !lastOnLine && result.indent === "") result.indent = text.slice(0, j);
      pending = [];
      result.items.push(item);
      lastOnLine = item;
      comma = false;
      firstToken = false;
      j += raw.length;
    }
    if (i > 0 && firstToken && text.trim() === "") pending.push(text);
  }
  throw new TagEditRefused("the TOML tags array is not closed");
}

function newItem(tag: string, literal: boolean): string {
  return literal && !/['\n\r]/.test(tag) ? `'${tag}'` : JSON.stringify(tag);
}

/** The lines of the array with `tags` as its items, in that order, everything else kept as the file had it. */
export function renderTomlArray(array: TomlArray, tags: readonly string[]): string[] {
  const used = new Set<Item>();
  let carried: string[] = [];
  const kept = new Map<Item, string[]>();
  // Comment lines before a removed item now stand before the next kept one.
  for (const item of array.items) {
    const take = tags.includes(item.value) && ![...used].some((u) => u.value === item.value);
    if (take) {
      used.add(item);
      kept.set(item, [...carried, ...item.before]);
      carried = [];
    } else carried.push(...item.before);
  }
  const after = [...carried, ...array.after];
  const ordered = tags.map((tag) => [...used].find((item) => item.value === tag) ?? null);
  const multiLine = array.count > 1;
  const raws = ordered.map((item, k) => item?.raw ?? newItem(tags[k]!, array.literal));
  if (!multiLine || (tags.length === 0 && after.length === 0 && array.openerComment === "")) {
    const inner = raws.join(`,${array.gap}`) + (array.trailingComma && tags.length > 0 ? "," : "");
    const pad = tags.length === 0 ? "" : array.pad;
    return [`${array.opener}${pad}${inner}${pad}]${array.tail}`];
  }
  const out: string[] = [`${array.opener}${array.openerComment}`];
  let lineOpen = false; // whether the last line of `out` may take the next item
  ordered.forEach((item, k) => {
    const before = item ? kept.get(item)! : [];
    const comma = k < tags.length - 1 || array.trailingComma ? "," : "";
    const text = `${raws[k]}${comma}${item?.comment ?? ""}`;
    const previous = k > 0 ? ordered[k - 1] : null;
    const joinsFirst = k === 0 && item !== null && item === array.items[0] && array.firstJoined !== null && array.openerComment === "";
    const joinsPrevious = k > 0 && item?.joined != null && previous === array.items[array.items.indexOf(item) - 1] && lineOpen;
    out.push(...before);
    if (before.length === 0 && (joinsFirst || joinsPrevious)) out[out.length - 1] += `${joinsFirst ? array.firstJoined : item!.joined}${text}`;
    else out.push(`${array.indent || "  "}${text}`);
    lineOpen = (item?.comment ?? "") === "";
  });
  out.push(...after);
  if (array.closeJoined !== null && after.length === 0 && tags.length > 0 && lineOpen) out[out.length - 1] += `${array.closeJoined}]${array.tail}`;
  else out.push(`${array.closeIndent}]${array.tail}`);
  return out;
}
