import { INDEX_END, INDEX_START } from "../domain/adr-index.js";
import { insertLines, isBlank, joinLines, replaceLines, splitLines } from "./lines.js";

export const INDEX_HEADING = "# Architecture Decision Records";

/** The result of placing the generated block into an index file's text. */
export type PlacedIndex = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Puts the generated block (markers included) into an index file: replaces what is between
 * the markers, appends the block when the file has none, or makes a new file with a heading.
 * Everything outside the markers is kept byte for byte, line endings included.
 */
export function placeIndexBlock(existing: string | undefined, block: string[]): PlacedIndex {
  if (existing === undefined) return { ok: true, text: [INDEX_HEADING, "", ...block, ""].join("\n") };
  const doc = splitLines(existing);
  const start = doc.lines.findIndex((l) => l.trim() === INDEX_START);
  const end = doc.lines.findIndex((l, i) => i > start && l.trim() === INDEX_END);
  if (start >= 0 && end < 0) return { ok: false, reason: `it has ${INDEX_START} but no ${INDEX_END} after it` };
  if (start < 0 && doc.lines.some((l) => l.trim() === INDEX_END)) return { ok: false, reason: `it has ${INDEX_END} but no ${INDEX_START} before it` };
  if (start >= 0) {
    replaceLines(doc, start, end - start + 1, block);
    return { ok: true, text: joinLines(doc) };
  }
  let last = doc.lines.length - 1;
  while (last >= 0 && isBlank(doc.lines[last])) last -= 1;
  const lines = last >= 0 ? ["", ...block] : block;
  insertLines(doc, last + 1, lines);
  // A file that ended without a newline now ends with the block: give it one, like any text file.
  if (doc.eols[doc.eols.length - 1] === "" && last + 1 + lines.length === doc.lines.length) doc.eols[doc.eols.length - 1] = doc.eol;
  return { ok: true, text: joinLines(doc) };
}
