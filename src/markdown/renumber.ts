// Pure text edits for `adrgen renumber`: the number in a title, and links (with their labels)
// that point at a renamed ADR. Every other byte of the file is kept.
import path from "node:path";

/** Where the ADR moves: absolute paths and numbers before and after. */
export interface RenumberMove {
  fromPath: string;
  toPath: string;
  fromNumber: number;
  toNumber: number;
}

// A number at the start of a label or title: `2. Title`, `ADR-0002: Title`, `ADR 2`, `#2`.
const LEADING_NUMBER = /^(\s*(?:adr[-_ ]?|#)?)(\d{1,6})(?=\D|$)/i;

/** Replaces a leading number equal to `from` by `to`, keeping zero padding (`0002` → `0003`, `2.` → `3.`). */
export function renumberLabel(label: string, from: number, to: number): string {
  const m = LEADING_NUMBER.exec(label);
  if (!m || Number(m[2]) !== from) return label;
  const digits = m[2]!;
  const next = digits.length > 1 && digits.startsWith("0") ? String(to).padStart(digits.length, "0") : String(to);
  return `${m[1]}${next}${label.slice(m[0].length)}`;
}

/** The file's first H1 (after any front matter) with its number changed (`# 2. Title` → `# 3. Title`); other bytes untouched. */
export function renumberTitle(text: string, from: number, to: number): string {
  const parts = text.split(/(\r?\n)/); // lines at even indexes, their line endings at odd ones
  let i = 0;
  const fence = /^(---|\+\+\+)\s*$/.exec(parts[0] ?? "");
  if (fence) {
    for (i = 2; i < parts.length && parts[i]!.trimEnd() !== fence[1]; i += 2);
    i += 2;
  }
  for (; i < parts.length; i += 2) {
    const h1 = /^(#\s+)(.*)$/.exec(parts[i]!);
    if (!h1) continue;
    parts[i] = `${h1[1]}${renumberLabel(h1[2]!, from, to)}`;
    break;
  }
  return parts.join("");
}

/** Whether a link target (relative, maybe with `#anchor` or `<…>`) in a file of `fileDir` names `abs`. */
function pointsTo(target: string, fileDir: string, abs: string): boolean {
  const bare = target.replace(/^<|>$/g, "").replace(/[#?].*$/, "");
  if (bare === "" || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith("/")) return false;
  let decoded = bare;
  try {
    decoded = decodeURI(bare);
  } catch {
    // A malformed escape is compared as written.
  }
  return path.resolve(fileDir, decoded) === abs;
}

/** The same target with the old file name swapped for the new one (style, `./`, anchors kept). */
function retarget(target: string, move: RenumberMove): string {
  const oldName = path.basename(move.fromPath);
  const newName = path.basename(move.toPath);
  const at = target.lastIndexOf(oldName);
  if (at >= 0) return `${target.slice(0, at)}${newName}${target.slice(at + oldName.length)}`;
  const encodedAt = target.lastIndexOf(encodeURI(oldName));
  return encodedAt >= 0 ? `${target.slice(0, encodedAt)}${encodeURI(newName)}${target.slice(encodedAt + encodeURI(oldName).length)}` : target;
}

const INLINE_LINK = /\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^)\s]+)([^)\n]*)\)/g;
const DEFINITION = /^(\s{0,3}\[[^\]\n]+\]:\s*)(<[^>\n]*>|\S+)/gm;

/** Rewrites every link in `text` (a file in `fileDir`) that points at the moved ADR, and its label's number. */
export function relinkText(text: string, fileDir: string, move: RenumberMove): string {
  const inline = text.replace(INLINE_LINK, (whole, label: string, target: string, rest: string) => {
    if (!pointsTo(target, fileDir, move.fromPath)) return whole;
    return `[${renumberLabel(label, move.fromNumber, move.toNumber)}](${retarget(target, move)}${rest})`;
  });
  return inline.replace(DEFINITION, (whole, head: string, target: string) =>
    pointsTo(target, fileDir, move.fromPath) ? `${head}${retarget(target, move)}` : whole,
  );
}
