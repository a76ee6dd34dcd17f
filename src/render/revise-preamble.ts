// Edits to the part of an ADR above its first section (front matter, title, Nygard's Date line)
// that `revise` makes in place, so every key and line it does not own stays as people wrote it.

const FRONT_MATTER = /^(\uFEFF?---\n)([\s\S]*?\n)?(---[ \t]*)(\n|$)/;

/** Sets `revised: <date>` in the front matter (after `date:` when new); Nygard files without front matter get a `Revised:` line after `Date:`. */
export function setRevisedDate(preamble: string, date: string): string {
  const text = preamble.replace(/\r\n/g, "\n");
  const match = FRONT_MATTER.exec(text);
  if (match) {
    const body = match[2] ?? "";
    const lines = body.split("\n");
    const existing = lines.findIndex((line) => /^revised\s*:/.test(line));
    if (existing >= 0) lines[existing] = `revised: ${date}`;
    else {
      const dateLine = lines.findIndex((line) => /^date\s*:/.test(line));
      // `body` ends with a newline, so the last element is empty: insert before it when there is no date.
      lines.splice(dateLine >= 0 ? dateLine + 1 : Math.max(lines.length - 1, 0), 0, `revised: ${date}`);
    }
    return `${match[1]}${lines.join("\n")}${match[3]}${match[4]}${text.slice(match[0].length)}`;
  }
  const lines = text.split("\n");
  const revised = lines.findIndex((line) => /^Revised:\s/.test(line));
  if (revised >= 0) {
    lines[revised] = `Revised: ${date}`;
    return lines.join("\n");
  }
  const dateLine = lines.findIndex((line) => /^Date:\s/.test(line));
  if (dateLine >= 0) {
    lines.splice(dateLine + 1, 0, "", `Revised: ${date}`);
    return lines.join("\n");
  }
  return `---\nrevised: ${date}\n---\n\n${text}`;
}

/** The value of a top-level front matter key as written (unquoted), or null. */
export function frontMatterValue(preamble: string, key: string): string | null {
  const match = FRONT_MATTER.exec(preamble.replace(/\r\n/g, "\n"));
  const body = match?.[2] ?? "";
  const line = body.split("\n").find((l) => l.startsWith(`${key}:`));
  if (!line) return null;
  return line.slice(key.length + 1).trim().replace(/^(["'])(.*)\1$/, "$2") || null;
}

/** Replaces the text of the first H1, keeping an `N.` prefix (Nygard) when the old title had one. */
export function replaceTitle(preamble: string, title: string): string {
  const text = preamble.replace(/\r\n/g, "\n");
  // Front matter may hold `# comment` lines; only the body's H1 is the title.
  const head = FRONT_MATTER.exec(text)?.[0] ?? "";
  return head + text.slice(head.length).replace(/^(#[ \t]+)(\d+\.[ \t]+)?(.+?)[ \t#]*$/m, (_all, hashes: string, prefix: string | undefined) => `${hashes}${prefix ?? ""}${title}`);
}
