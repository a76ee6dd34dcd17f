import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { ExistingDecision } from "./types.js";

const NOT_AN_ADR = /^(readme|index|template|adr-template|_template)(\.[a-z]+)?\.md$/i;
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * Lists the ADRs of a workspace with number, title and status. A light reader: it looks
 * only at the head of each file, and a file it cannot read is simply listed without title.
 */
export async function readExistingDecisions(workspace: Workspace): Promise<ExistingDecision[]> {
  const decisions: ExistingDecision[] = [];
  for (const dir of workspace.dirs) {
    let names: string[];
    try {
      names = await readdir(dir.path);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.toLowerCase().endsWith(".md") && !NOT_AN_ADR.test(n)).sort()) {
      const file = path.join(dir.path, name);
      const relPath = path.relative(workspace.root, file).split(path.sep).join("/");
      let head = "";
      try {
        head = (await readFile(file, "utf8")).slice(0, MAX_HEAD_BYTES);
      } catch {
        // An unreadable ADR is still an ADR; report it without title or status.
      }
      decisions.push({ number: numberFromFileName(name), title: titleOf(head), status: statusOf(head), file: relPath });
    }
  }
  return decisions.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `0007-use-x.md` or `adr-007-use-x.md` → 7; date-named and unnumbered files → null. */
export function numberFromFileName(name: string): number | null {
  if (/^\d{8}-/.test(name)) return null;
  const match = /^(?:adr-)?(\d{1,6})-/i.exec(name);
  return match ? Number(match[1]) : null;
}

function titleOf(text: string): string | null {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text.replace(/^---\n[\s\S]*?\n---\n/, ""));
  if (!match) return null;
  return match[1]!.replace(/^(?:ADR[- ]?\d+[:.]?|\d+\.)\s*/i, "").trim() || null;
}

function statusOf(text: string): string | null {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  const fromFrontMatter = frontMatter && /^status:\s*["']?([^"'\n]+?)["']?\s*$/im.exec(frontMatter)?.[1];
  const fromLine = /^(?:[*-]\s*)?\**status\**:\s*\**([A-Za-z][\w -]*)/im.exec(text)?.[1];
  const fromSection = /^##\s*status\s*\n+\s*([A-Za-z][\w -]*)/im.exec(text)?.[1];
  const status = fromFrontMatter || fromLine || fromSection;
  return status ? status.trim().toLowerCase() : null;
}
