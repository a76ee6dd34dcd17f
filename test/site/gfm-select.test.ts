// Per-file GFM: the extensions a text cannot use are left out, and the HTML and search text are the same as
// with remark-gfm as a whole — on every file of the real-world corpus, the site fixtures, the markdown shipped
// in this repository and its markdown packages, hand-picked edge cases and random markdown-ish text.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import { ALL_GFM_FEATURES, gfmFeaturesKey, gfmFeaturesOf } from "../../src/site/gfm-select.js";
import { readAdrFile } from "../../src/site/load-model.js";
import { renderMarkdown } from "../../src/site/render-markdown.js";
import { corpusPresent, corpusWorkspace } from "../helpers/corpus.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";

const NONE = { autolinkLiteral: false, footnote: false, strikethrough: false, table: false, taskListItem: false };

// Renders `source` both ways; returns a description of the first difference, or undefined.
function difference(source: string, titleLine: number | null = null): string | undefined {
  const selected = renderMarkdown(source, { titleLine });
  const full = renderMarkdown(source, { titleLine, gfm: remarkGfm });
  if (selected.html !== full.html) return `html differs for ${JSON.stringify(source.slice(0, 200))}:\n${selected.html}\n---\n${full.html}`;
  if (selected.text !== full.text) return `text differs for ${JSON.stringify(source.slice(0, 200))}`;
  return undefined;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe("gfmFeaturesOf", () => {
  it("finds nothing to enable in plain prose, headings, lists, emphasis, code and links", () => {
    expect(gfmFeaturesOf("# Title\n\n## Context\n\nPlain *text*, `code` and [a link](0002-x.md).\n\n* one\n* two\n\n```\nx = 1\n```\n")).toEqual(NONE);
  });

  it.each([
    ["| a | b |\n|---|---|", "table"],
    ["a\n:-", "table"],
    ["a b\n--:", "table"],
    ["a\n: -", "table"],
    ["~~gone~~", "strikethrough"],
    ["text[^1]\n\n[^1]: note", "footnote"],
    ["- [ ] open", "taskListItem"],
    ["- [x] done", "taskListItem"],
    ["- [X] done", "taskListItem"],
    ["- [\t] tab", "taskListItem"],
    ["- [\n] line", "taskListItem"],
    ["- [\r\n] crlf", "taskListItem"],
    ["see www.example.com", "autolinkLiteral"],
    ["see WWW.EXAMPLE.COM", "autolinkLiteral"],
    ["see https://example.com", "autolinkLiteral"],
    ["mail a@b.co", "autolinkLiteral"],
    ["escaped www\\.example.com", "autolinkLiteral"],
    ["escaped http\\://x.org", "autolinkLiteral"],
    ["reference a&#64;b.co", "autolinkLiteral"],
    ["reference a&commat;b.co", "autolinkLiteral"],
  ] as const)("enables the extension %j needs (%s)", (source, feature) => {
    expect(gfmFeaturesOf(source)[feature]).toBe(true);
  });

  it("gives each feature set its own key", () => {
    expect(gfmFeaturesKey(NONE)).toBe(0);
    expect(gfmFeaturesKey(ALL_GFM_FEATURES)).toBe(31);
    const keys = new Set((Object.keys(NONE) as Array<keyof typeof NONE>).map((f) => gfmFeaturesKey({ ...NONE, [f]: true })));
    expect(keys.size).toBe(5);
  });
});

describe("selective GFM renders what remark-gfm renders", () => {
  const EDGE_CASES = [
    "a\n:-",
    "a b\n:-:\nc d",
    "> a\n> -:\n> b",
    "- a\n  :--\n  b",
    "x | y\n- | -\n1 | 2",
    "a\n---\nb\n:-",
    "www\\.example.com and http\\://example.org and mail\\@example.com",
    "a&#64;example.com, &#119;ww.example.com, http&#58;//example.org, a&commat;b.co",
    "- [ ] a\n- [x] b\n- [X] c\n- [y] g",
    "- [\t] tab",
    "- [\n] line feed",
    "- [\r\n] crlf",
    "- [\r] cr",
    "* [ ]\n* [x]not a task\n1. [x] ordered",
    "~one~ ~~two~~ ~~~three~~~ \\~~esc~~",
    "Text[^note] and [^missing] and [^].\n\n[^note]: A *note* with www.example.com.\n",
    "<https://example.com> https://example.com/a_(b)_c?x=1. www.example.com/path), user@host.example.",
    "`www.example.com` ``a|b`` `~x~` `[^1]`",
    "\ta | b\n\t- | -",
    "| a |\r\n| - |\r\n| 1 |\r\n",
    "# Title\n\n| a \\| b | c |\n|---|---|\n| `x \\| y` | z |",
    "Escaped \\| pipe, \\[^1], \\~\\~no\\~\\~, \\[x]",
    "[link www.example.com](https://example.org) ![alt a@b.co](x.png)",
    "---\ntitle: a | b\nurl: https://example.com\n---\n\n# T\n",
  ];

  it.each(EDGE_CASES.map((source) => [source]))("edge case %j", (source) => {
    expect(difference(source)).toBeUndefined();
    expect(difference(source, 1)).toBeUndefined();
  });

  it("on every site fixture ADR", () => {
    for (const source of Object.values(FIXTURE_ADRS)) expect(difference(source)).toBeUndefined();
  });

  it("on the markdown in this repository and in its markdown packages (readmes full of GFM)", () => {
    const dirs = ["docs", "adr-examples", "node_modules/remark-gfm", "node_modules/micromark-extension-gfm", "node_modules/micromark-extension-gfm-table", "node_modules/mdast-util-to-hast"];
    const files = dirs.flatMap((dir) => markdownFiles(path.join(PROJECT_ROOT, dir)));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(difference(readFileSync(file, "utf8"))).toBeUndefined();
  });

  it("on random text made of the characters GFM constructs start with", () => {
    const char = fc.constantFrom("|", ":", "-", "~", "[", "]", "^", "@", "w", ".", "/", "\\", "&", "#", "x", "X", " ", "\t", "\n", "\r\n", "*", "`", ">", "1", "h", "t", "p", "s", "a", ";", "!", "(", ")", "_", "<");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        expect(difference(chars.join(""))).toBeUndefined();
      }),
      { numRuns: Number(process.env.ADRGEN_FUZZ_RUNS ?? 1000) },
    );
  });

  (corpusPresent ? it : it.skip)("on every file of the real-world ADR corpus", () => {
    const files = corpusWorkspace().dirs.flatMap((dir) => markdownFiles(dir.path));
    expect(files.length).toBeGreaterThan(150);
    let selective = 0;
    for (const file of files) {
      const read = readAdrFile({ path: file, relPath: path.basename(file), dirLabel: "corpus" });
      const source = read.source !== "" ? read.source : readFileSync(file, "utf8");
      expect(difference(source, read.titleLine)).toBeUndefined();
      if (gfmFeaturesKey(gfmFeaturesOf(source)) !== gfmFeaturesKey(ALL_GFM_FEATURES)) selective++;
    }
    // The comparison means something only when most files really went without some extension.
    expect(selective).toBeGreaterThan(files.length / 2);
  });
});
