// Titles reach the index table as text: whatever characters they hold, each ADR is one row of four
// cells, its title shows as written (no emphasis, code, HTML or broken cells) and its link opens the file.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { existsSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { AdrSummary } from "../../src/domain/adr.js";
import { renderIndex } from "../../src/domain/index-render.js";
import { visibleText } from "../../src/domain/visible-text.js";
import { readSummaries } from "../../src/store/read.js";
import { corpusPresent, corpusWorkspace } from "../helpers/corpus.js";
import { summaryOf } from "../helpers/summary.js";

const DIR = "/repo/docs/adr";

function adr(file: string, title: string | null, fields: Partial<AdrSummary> = {}): AdrSummary {
  return summaryOf(file, { title, path: path.join(DIR, file), ...fields });
}

const parser = unified().use(remarkParse).use(remarkGfm);

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/** The rendered index parsed as GitHub would: its table, and every raw HTML node outside the marker comments. */
function parseIndex(lines: string[]): { table: Table; html: string[] } {
  const tree = parser.parse(lines.join("\n"));
  const tables = tree.children.filter((n): n is Table => n.type === "table");
  expect(tables).toHaveLength(1);
  const html: string[] = [];
  walk(tables[0]!, (n) => {
    if (n.type === "html") html.push(n.value);
  });
  return { table: tables[0]!, html };
}

/** What the index should show for a title: the text adrgen read, on one line, control characters visible. */
function shown(title: string): string {
  return visibleText(title.replace(/\s+/g, " ")).replace(/\s+/g, " ").trim();
}

// Titles as real ADRs have them (the corpus has `Lease<T>` and `Span\<T\>` in H1s, which the reader turns into `<T>`).
const TITLES = [
  'Use <script> & "pipes" | tables',
  "Key Release Factory Created Instance via an Opaque Lease<T>",
  "Reduce Heap Allocations with Span<T> and Memory<T>",
  "R&D gets &amp; and &lt;b&gt; as text",
  "Use *args, **kwargs, _private_ and `code` ~~names~~ ~x~",
  "A backslash \\ at the end \\",
  "Brackets [x] and ![image](y.png) and [link](z)",
  "<!-- adrgen:index:end -->",
  "<img src=x onerror=alert(1)>",
  "Pipe at the end |",
  "| leading pipe",
  "Escape \x1b[31m red",
];

describe("renderIndex escaping", () => {
  it("shows each corpus-like title as text, in one row of four cells, linked to its file", () => {
    const adrs = TITLES.map((title, i) => adr(`${String(i + 1).padStart(4, "0")}-t.md`, title));
    const { table, html } = parseIndex(renderIndex(adrs, DIR));
    expect(html).toEqual([]);
    expect(table.children).toHaveLength(TITLES.length + 1);
    TITLES.forEach((title, i) => {
      const row = table.children[i + 1]!;
      expect(row.children).toHaveLength(4);
      const links = row.children[1]!.children.filter((n) => n.type === "link");
      expect(links).toHaveLength(1);
      expect(toString(row.children[1]!)).toBe(shown(title));
      expect(links[0]).toMatchObject({ url: `${String(i + 1).padStart(4, "0")}-t.md` });
    });
  });

  it("writes < > & as entities so a renderer never sees markup", () => {
    const lines = renderIndex([adr("0001-a.md", 'Use <script> & "pipes" | tables')], DIR);
    expect(lines).toContain('| 0001 | [Use &lt;script&gt; &amp; "pipes" \\| tables](0001-a.md) | accepted | 2024-01-10 |');
  });

  it("links files whose names hold characters that links and tables treat specially", () => {
    const names = ["0001-a|b.md", "0002-a b (c).md", "0003-a#b?.md", "0004-a%20b.md", "0005-<x>.md", "0006-a\\b.md", "0007-a]b.md"];
    const { table, html } = parseIndex(renderIndex(names.map((n) => adr(n, "T")), DIR));
    expect(html).toEqual([]);
    names.forEach((name, i) => {
      const row = table.children[i + 1]!;
      expect(row.children).toHaveLength(4);
      const link = row.children[1]!.children.find((n) => n.type === "link")!;
      expect(link).toBeDefined();
      expect(decodeURIComponent((link as { url: string }).url)).toBe(name);
    });
  });

  it("any title yields one row with four cells showing that title (property)", () => {
    const special = fc.constantFrom(..."|\\[]()<>&*_`~!#\"' \t\n-+:=^$%{}".split(""), "<!--", "-->", "&amp;", "&#60;", "\x1b", "\u00a0", "é", "😀");
    const title = fc.oneof(fc.string({ unit: special, maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 4 }), (titles) => {
        const adrs = titles.map((t, i) => adr(`${String(i + 1).padStart(4, "0")}-x.md`, t));
        const { table, html } = parseIndex(renderIndex(adrs, DIR));
        expect(html).toEqual([]);
        expect(table.children).toHaveLength(titles.length + 1);
        titles.forEach((t, i) => {
          const row = table.children[i + 1]!;
          expect(row.children).toHaveLength(4);
          const expected = t.trim() === "" ? `${String(i + 1).padStart(4, "0")}-x.md` : shown(t);
          expect(toString(row.children[1]!)).toBe(expected);
          expect(row.children[1]!.children.filter((n) => n.type === "link")).toHaveLength(1);
        });
      }),
      { numRuns: 300 },
    );
  });
});

(corpusPresent ? describe : describe.skip)("renderIndex over the real-world corpus", () => {
  it("gives every ADR of every corpus folder one row of four cells, its title as text and a link to its file", async () => {
    const workspace = corpusWorkspace();
    const summaries = await readSummaries(workspace);
    let rows = 0;
    for (const dir of workspace.dirs) {
      const adrs = summaries.filter((s) => path.dirname(s.path) === dir.path);
      const { table, html } = parseIndex(renderIndex(adrs, dir.path));
      expect({ dir: dir.label, html }).toEqual({ dir: dir.label, html: [] });
      expect(table.children).toHaveLength(adrs.length + 1);
      for (const row of table.children.slice(1)) {
        expect(row.children).toHaveLength(4);
        const link = row.children[1]!.children.find((n) => n.type === "link") as { url: string } | undefined;
        expect(existsSync(path.join(dir.path, decodeURIComponent(link!.url)))).toBe(true);
        rows++;
      }
      const titles = table.children.slice(1).map((row) => toString(row.children[1]!));
      const sorted = [...adrs].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.path < b.path ? -1 : 1));
      expect(titles).toEqual(sorted.map((a) => (a.title?.trim() ? shown(a.title) : path.basename(a.path))));
    }
    expect(rows).toBeGreaterThan(150);
  });
});
