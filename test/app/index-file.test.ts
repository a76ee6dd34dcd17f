// The index as written and read back: titles, tags and file names with markdown and HTML characters
// give a README whose table GitHub shows as text with working links, and that check calls fresh.
import { afterAll, describe, expect, it } from "@jest/globals";
import type { Link, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const adr = (h1: string, tags: string[] = []) =>
  `---\nstatus: accepted\ndate: 2024-01-10\n${tags.length > 0 ? `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]\n` : ""}---\n\n# ${h1}\n\n## Context and Problem Statement\n\nWhy.\n`;

const FILES = {
  "docs/adr/0001-pipes.md": adr('Use <script> & "pipes" | tables', ["web|ui", "<svg/onload=x>"]),
  "docs/adr/0002-span.md": adr("Reduce Heap Allocations with Span\\<T\\> and Memory\\<T\\>", ["perf"]),
  "docs/adr/0003-a|b (c).md": adr("Key Release via an Opaque `Lease<T>`", ["perf"]),
  "docs/adr/0004-stars.md": adr("Keep \\*args and snake\\_case & R&D"),
};

const TITLES = ['Use <script> & "pipes" | tables', "Reduce Heap Allocations with Span<T> and Memory<T>", "Key Release via an Opaque Lease<T>", "Keep *args and snake_case & R&D"];

function tables(markdown: string): Table[] {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown).children.filter((n): n is Table => n.type === "table");
}

describe("index of titles with markdown and HTML characters", () => {
  it("writes one row per ADR that shows the title as text and links to the file", async () => {
    const dir = makeTempDir(FILES);
    expect((await runAdrgen(["index"], { cwd: dir })).code).toBe(0);
    const readme = readFileSync(path.join(dir, "docs/adr/README.md"), "utf8");
    expect(readme).not.toMatch(/<(script|svg|T)\b/);
    const [adrTable, tagTable] = tables(readme);
    expect(adrTable!.children.slice(1).map((row) => row.children.length)).toEqual([4, 4, 4, 4]);
    expect(adrTable!.children.slice(1).map((row) => toString(row.children[1]!))).toEqual(TITLES);
    for (const row of adrTable!.children.slice(1)) {
      const link = row.children[1]!.children[0] as Link;
      expect(link.type).toBe("link");
      expect(existsSync(path.join(dir, "docs/adr", decodeURIComponent(link.url)))).toBe(true);
    }
    expect(tagTable!.children.slice(1).map((row) => [toString(row.children[0]!), row.children.length])).toEqual([
      ["<svg/onload=x>", 2],
      ["perf", 2],
      ["web|ui", 2],
    ]);
  });

  it("reads its own index back as fresh: index --check and check find nothing stale", async () => {
    const dir = makeTempDir(FILES);
    expect((await runAdrgen(["index"], { cwd: dir })).code).toBe(0);
    const check = await runAdrgen(["index", "--check", "--json"], { cwd: dir });
    expect(JSON.parse(check.stdout)).toEqual([{ dir: "docs/adr", file: "docs/adr/README.md", state: "fresh" }]);
    expect(check.code).toBe(0);
    const full = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(full.stdout).not.toContain("index-stale");
    const again = await runAdrgen(["index", "--json"], { cwd: dir });
    expect(JSON.parse(again.stdout)).toEqual([{ dir: "docs/adr", file: "docs/adr/README.md", state: "unchanged" }]);
  });
});
