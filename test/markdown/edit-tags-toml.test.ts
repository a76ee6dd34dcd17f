// TOML front matter tags arrays with comments inside, over one line or many: edited in place, every
// comment kept, the file's layout and quoting kept, and both readers see exactly the new tags.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { parse as parseToml } from "smol-toml";
import { setTags, TagEditRefused } from "../../src/markdown/edit-tags.js";
import { readAdrSummary } from "../../src/markdown/fast.js";
import { parseAdr } from "../../src/markdown/parse.js";

const FILE = { path: "/r/docs/adr/0007-x.md", relPath: "docs/adr/0007-x.md", dirLabel: "docs/adr" };
const BODY = "\n# Use Kafka\n\n## Context and Problem Statement\n\nText.\n";
const doc = (fm: string) => `+++\nstatus = "accepted"\n${fm}\ntitle = "x"\n+++\n${BODY}`;

function edit(text: string, tags: string[]): string {
  const after = setTags(text, parseAdr(text, FILE), tags);
  expect(after).not.toBeNull();
  expect(parseAdr(after!, FILE).tags).toEqual(tags);
  expect(readAdrSummary(after!, FILE).tags).toEqual(tags);
  expect(parseAdr(after!, FILE).status).toBe("accepted");
  return after!;
}

describe("setTags on TOML arrays with comments", () => {
  it("edits the compact form with a comment after the first item (the reported case)", () => {
    const text = doc('tags = [ "a", # why\n "b" ]');
    expect(edit(text, ["a", "b", "c"])).toBe(doc('tags = [ "a", # why\n "b",\n "c" ]'));
    expect(edit(text, ["a", "c"])).toBe(doc('tags = [ "a", # why\n "c" ]'));
    expect(edit(text, ["b"])).toBe(doc('tags = [\n "b" ]'));
    expect(edit(text, [])).toBe(doc("tags = []"));
  });

  it("keeps one item per line, its indentation, trailing comma and every comment", () => {
    const text = doc('tags = [ # what this ADR is about\n    "db",    # storage\n    # the API side\n    "api",\n    \n    "cache", # hot path\n]  # end');
    expect(edit(text, ["db", "api", "cache", "ops"])).toBe(doc('tags = [ # what this ADR is about\n    "db",    # storage\n    # the API side\n    "api",\n    \n    "cache", # hot path\n    "ops",\n]  # end'));
    // A removed item's own comment goes with it; comment lines before it stay, before the next item.
    expect(edit(text, ["db", "cache"])).toBe(doc('tags = [ # what this ADR is about\n    "db",    # storage\n    # the API side\n    \n    "cache", # hot path\n]  # end'));
    expect(edit(text, [])).toBe(doc('tags = [ # what this ADR is about\n    # the API side\n    \n]  # end'));
  });

  it("writes a new order with each item keeping its comment", () => {
    const text = doc('tags = [\n  "a", # first\n  # about b\n  "b", # second\n]');
    expect(edit(text, ["b", "a"])).toBe(doc('tags = [\n  # about b\n  "b", # second\n  "a", # first\n]'));
  });

  it("keeps items that share a line together, literal quoting and a missing trailing comma", () => {
    const text = doc("tags = [\n  'a', 'b', # pair\n  'c'\n]");
    expect(edit(text, ["a", "b", "c", "d"])).toBe(doc("tags = [\n  'a', 'b', # pair\n  'c',\n  'd'\n]"));
    expect(edit(text, ["a", "c"])).toBe(doc("tags = [\n  'a',\n  'c'\n]"));
  });

  it("keeps a one-line array on one line with its spacing", () => {
    expect(edit(doc('tags = [ "a","b" ] # note'), ["a", "b", "c"])).toBe(doc('tags = [ "a","b","c" ] # note'));
    expect(edit(doc('tags = ["a", "b",]'), ["b"])).toBe(doc('tags = ["b",]'));
    expect(edit(doc("tags = []"), ["a"])).toBe(doc('tags = ["a"]'));
  });

  it("reads escapes in basic strings as the TOML reader does, and still turns a string value into an array", () => {
    expect(edit(doc('tags = [\n  "caf\\u00e9", # accent\n  "x",\n]'), ["café"])).toBe(doc('tags = [\n  "caf\\u00e9", # accent\n]'));
    expect(edit(doc('tags = "a, b" # was text'), ["a", "c"])).toBe(doc('tags = ["a", "c"] # was text'));
  });

  it("refuses what it cannot keep: multi-line strings and nested arrays", () => {
    for (const fm of ['tags = [\n  """a""",\n]', 'tags = [ ["a"] ]', 'tags = """a"""']) {
      const text = doc(fm);
      expect(() => setTags(text, parseAdr(text, FILE), ["a"])).toThrow(TagEditRefused);
    }
  });
});

describe("setTags on TOML arrays (property)", () => {
  const tag = fc.stringMatching(/^[a-z0-9][a-z0-9._/+-]{0,8}[a-z0-9]$/);
  const comment = fc.stringMatching(/^[a-z ]{0,12}$/).map((c) => `# ${c}`.trimEnd());
  // Items as the file writes them: quoting, an optional comment after, optional comment or blank lines before.
  const element = fc.record({
    tag,
    quote: fc.constantFrom('"', "'"),
    after: fc.option(comment, { nil: undefined }),
    before: fc.array(fc.oneof(comment.map((c) => `  ${c}`), fc.constant("")), { maxLength: 2 }),
  });

  it("any edit of any commented array parses, holds exactly the new tags and keeps the comments of kept items", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(element, { selector: (e) => e.tag, maxLength: 5 }),
        fc.boolean(),
        fc.option(comment, { nil: undefined }),
        fc.uniqueArray(tag, { maxLength: 6 }),
        (elements, trailingComma, closing, wanted) => {
          const lines = elements.flatMap((e, k) => [
            ...e.before,
            `  ${e.quote}${e.tag}${e.quote}${k < elements.length - 1 || trailingComma ? "," : ""}${e.after ? ` ${e.after}` : ""}`,
          ]);
          const text = doc(`tags = [\n${lines.join("\n")}${lines.length > 0 ? "\n" : ""}]${closing ? ` ${closing}` : ""}`);
          const after = edit(text, wanted);
          const front = after.slice(4, after.indexOf("\n+++\n"));
          expect((parseToml(front) as { tags: string[] }).tags).toEqual(wanted);
          for (const e of elements) if (wanted.includes(e.tag) && e.after) expect(front).toContain(`${e.tag}${e.quote}`);
          for (const e of elements) if (wanted.includes(e.tag) && e.after) expect(front).toMatch(new RegExp(`${e.tag.replace(/[.+/]/g, "\\$&")}${e.quote},? ${e.after.replace(/[.+]/g, "\\$&")}`));
          for (const line of elements.flatMap((e) => e.before)) if (line !== "") expect(front).toContain(line);
          if (closing) expect(front).toContain(`] ${closing}`);
          expect(after.slice(after.indexOf("\n+++\n"))).toBe(text.slice(text.indexOf("\n+++\n")));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("setTags on TOML arrays in any layout (property)", () => {
  const tag = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,6}[a-z0-9]$/);
  // Each item starts a new line or follows the one before on its line; the last line may close the array.
  const element = fc.record({ tag, newLine: fc.boolean(), comment: fc.boolean(), quote: fc.constantFrom('"', "'") });

  it("writes valid TOML with exactly the new tags and keeps every kept item's comment", () => {
    fc.assert(
      fc.property(fc.uniqueArray(element, { selector: (e) => e.tag, maxLength: 5 }), fc.boolean(), fc.boolean(), fc.uniqueArray(tag, { maxLength: 5 }), (elements, closeInline, comma, wanted) => {
        let text = "tags = [";
        let lineEnded = false;
        elements.forEach((e, k) => {
          const sep = k < elements.length - 1 || comma ? "," : "";
          // The first item may sit on the key's line; a comment ends a line, so the next item starts a new one.
          text += `${e.newLine || lineEnded ? "\n  " : " "}${e.quote}${e.tag}${e.quote}${sep}`;
          lineEnded = e.comment;
          if (e.comment) text += ` # about ${e.tag}`;
        });
        const last = elements[elements.length - 1];
        text += closeInline && !last?.comment ? " ]" : "\n]";
        const source = doc(text);
        const after = edit(source, wanted);
        const front = after.slice(4, after.indexOf("\n+++\n"));
        expect((parseToml(front) as { tags: string[] }).tags).toEqual(wanted);
        for (const e of elements) if (e.comment && wanted.includes(e.tag)) expect(front).toContain(`# about ${e.tag}`);
        for (const e of elements) if (e.comment && !wanted.includes(e.tag)) expect(front).not.toContain(`# about ${e.tag}`);
      }),
      { numRuns: 300 },
    );
  });
});
