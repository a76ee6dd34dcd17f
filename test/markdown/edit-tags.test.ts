import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { setTags } from "../../src/markdown/edit-tags.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { readAdrSummary } from "../../src/markdown/fast.js";

const FILE = { path: "/r/docs/adr/0007-x.md", relPath: "docs/adr/0007-x.md", dirLabel: "docs/adr" };

// Edits, then checks both readers see exactly the new tags.
function edit(text: string, tags: string[]): string {
  const record = parseAdr(text, FILE);
  const after = setTags(text, record, tags);
  expect(after).not.toBeNull();
  expect(parseAdr(after!, FILE).tags).toEqual(tags);
  expect(readAdrSummary(after!, FILE).tags).toEqual(tags);
  return after!;
}

const BODY = "\n# Use Kafka\n\n## Context and Problem Statement\n\nText.\n\n## Considered Options\n\n* Kafka\n\n## Decision Outcome\n\nChosen option: \"Kafka\", because yes.\n";

describe("setTags in front matter", () => {
  it("rewrites a block list with its own indentation and keeps other keys", () => {
    const text = `---\nstatus: accepted\ntags:\n    - db\n    - "legacy"\nx-team: core # owner\n---\n${BODY}`;
    expect(edit(text, ["db", "api"])).toBe(`---\nstatus: accepted\ntags:\n    - db\n    - api\nx-team: core # owner\n---\n${BODY}`);
  });

  it("rewrites a flow list as a flow list, and an emptied list as []", () => {
    const text = `---\nstatus: accepted\ntags: [db, api]\n---\n${BODY}`;
    expect(edit(text, ["db", "api", "cache"])).toBe(`---\nstatus: accepted\ntags: [db, api, cache]\n---\n${BODY}`);
    expect(edit(text, [])).toBe(`---\nstatus: accepted\ntags: []\n---\n${BODY}`);
  });

  it("rewrites a comma-separated string in its quoting", () => {
    const text = `---\ntags: 'db, api'\n---\n${BODY}`;
    expect(edit(text, ["db"])).toBe(`---\ntags: 'db'\n---\n${BODY}`);
  });

  it("adds a block list at the end of front matter that has no tags", () => {
    const text = `---\nstatus: proposed\n---\n${BODY}`;
    expect(edit(text, ["security", "c++"])).toBe(`---\nstatus: proposed\ntags:\n  - security\n  - c++\n---\n${BODY}`);
  });

  it("keeps CRLF line endings and a missing final newline", () => {
    const text = "---\r\nstatus: accepted\r\ntags:\r\n  - db\r\n---\r\n\r\n# T\r\n\r\nBody";
    expect(edit(text, ["db", "ops"])).toBe("---\r\nstatus: accepted\r\ntags:\r\n  - db\r\n  - ops\r\n---\r\n\r\n# T\r\n\r\nBody");
  });

  it("turns `tags: ~` and an empty `tags:` into a block list, keeping a comment", () => {
    expect(edit(`---\ntags: ~\n---\n${BODY}`, ["db"])).toBe(`---\ntags:\n  - db\n---\n${BODY}`);
    expect(edit(`---\ntags: # none yet\nstatus: x\n---\n${BODY}`, ["db"])).toBe(`---\ntags: # none yet\n  - db\nstatus: x\n---\n${BODY}`);
  });

  it("edits TOML front matter", () => {
    const text = `+++\nstatus = "accepted"\ntags = ["db"]\n+++\n${BODY}`;
    expect(edit(text, ["db", "api"])).toBe(`+++\nstatus = "accepted"\ntags = ["db", "api"]\n+++\n${BODY}`);
  });

  it("gives a MADR file without front matter one", () => {
    const text = `# Use Kafka${BODY.slice("\n# Use Kafka".length)}`;
    expect(edit(text, ["messaging"])).toBe(`---\ntags:\n  - messaging\n---\n\n${text}`);
  });
});

describe("setTags on multi-line values and comments", () => {
  it("edits a TOML array over several lines up to its closing bracket, keeping its comments and shape", () => {
    const text = `+++\nstatus = "accepted"\ntags = [\n  "a", # not ] here\n  "b",\n]\ntitle = "x"\n+++\n${BODY}`;
    expect(edit(text, ["a"])).toBe(`+++\nstatus = "accepted"\ntags = [\n  "a", # not ] here\n]\ntitle = "x"\n+++\n${BODY}`);
    const plain = `+++\nstatus = "accepted"\ntags = [\n  "a",\n  "b]",\n] # keep\ntitle = "x"\n+++\n${BODY}`;
    expect(edit(plain, ["a", "c"])).toBe(`+++\nstatus = "accepted"\ntags = [\n  "a",\n  "c",\n] # keep\ntitle = "x"\n+++\n${BODY}`);
  });

  it("replaces a folded, literal or two-line quoted YAML scalar as a whole", () => {
    for (const value of [">-\n  a, b", "|\n  a, b", '"a,\n  b"', "'a,\n  b'", "a,\n  b"]) {
      const text = `---\ntags: ${value}\nstatus: accepted\n---\n${BODY}`;
      const after = edit(text, ["a", "c"]);
      expect(after).toMatch(/^---\ntags: ["']?a, c["']?\nstatus: accepted\n---\n/);
      expect(parseAdr(after, FILE).status).toBe("accepted");
    }
  });

  it("replaces a flow list over several lines and keeps a comment after it", () => {
    expect(edit(`---\ntags: [a,\n  b] # keep me\nstatus: accepted\n---\n${BODY}`, ["a"])).toBe(`---\ntags: [a] # keep me\nstatus: accepted\n---\n${BODY}`);
    expect(edit(`---\ntags: [a, b] # keep me\n---\n${BODY}`, [])).toBe(`---\ntags: [] # keep me\n---\n${BODY}`);
  });

  it("keeps comments on block list items and comment lines inside the list", () => {
    const text = `---\ntags: # ours\n  - a # first\n  # about b\n  - b\n# after\nstatus: accepted\n---\n${BODY}`;
    expect(edit(text, ["a", "c"])).toBe(`---\ntags: # ours\n  - a # first\n  - c\n  # about b\n# after\nstatus: accepted\n---\n${BODY}`);
    expect(edit(text, ["a", "b", "c"])).toBe(`---\ntags: # ours\n  - a # first\n  # about b\n  - b\n  - c\n# after\nstatus: accepted\n---\n${BODY}`);
  });

  it("keeps an HTML comment after a Tags bullet", () => {
    const text = "# Use Kafka\n\n- Status: proposed\n- Tags: backend <!-- optional -->\n\n## Context and Problem Statement\n\ny\n";
    expect(edit(text, ["backend", "ops"])).toBe(text.replace("backend <!-- optional -->", "backend, ops <!-- optional -->"));
    expect(edit(text, [])).toBe(text.replace("backend <!-- optional -->", "<!-- optional -->"));
  });
});

describe("setTags in Tags: lines and bullets", () => {
  it("edits a log4brains Tags bullet in place, keeping space separation", () => {
    const text = "# Use Kafka\n\n- Status: accepted\n- Date: 2020-01-01\n- Tags: backend messaging\n\n## Context and Problem Statement\n\nx\n";
    expect(edit(text, ["backend", "events"])).toBe(text.replace("- Tags: backend messaging", "- Tags: backend events"));
  });

  it("adds a bullet after the header bullets of a MADR 2 file", () => {
    const text = "# Use Kafka\n\n* Status: accepted\n* Deciders: Ann\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* Kafka\n\n## Decision Outcome\n\nChosen option: \"Kafka\", because x.\n\n### Positive Consequences\n\n* y\n";
    expect(edit(text, ["db", "ops"])).toBe(text.replace("* Deciders: Ann\n", "* Deciders: Ann\n* Tags: db, ops\n"));
  });

  it("adds a Tags line after a Nygard Date line, and edits it later", () => {
    const text = "# 7. Use Kafka\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n";
    const tagged = edit(text, ["messaging", "events"]);
    expect(tagged).toBe(text.replace("Date: 2020-01-01\n", "Date: 2020-01-01\n\nTags: messaging, events\n"));
    expect(edit(tagged, ["events"])).toBe(text.replace("Date: 2020-01-01\n", "Date: 2020-01-01\n\nTags: events\n"));
  });

  it("returns null for a file of no known format without tags, and the text itself when nothing is to be written", () => {
    const text = "Some notes without a title\n";
    const record = parseAdr(text, FILE);
    expect(setTags(text, record, ["x"])).toBeNull();
    expect(setTags(text, record, [])).toBe(text);
  });
});

describe("setTags property", () => {
  const tag = fc.stringMatching(/^[a-z0-9][a-z0-9._/+-]{0,10}[a-z0-9+]$/).filter((t) => !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(t));
  const STYLES = [
    `---\nstatus: accepted\ntags:\n  - old\n---\n${BODY}`,
    `---\nstatus: accepted\ntags: [old]\n---\n${BODY}`,
    `---\nstatus: accepted\n---\n${BODY}`,
    `---\ntags: >-\n  old, older\nstatus: accepted\n---\n${BODY}`,
    `---\ntags: "old,\n  older"\nstatus: accepted\n---\n${BODY}`,
    `---\ntags: [old,\n  older] # keep\nstatus: accepted\n---\n${BODY}`,
    `---\ntags:\n  - old # first\n  # note\n  - older\nstatus: accepted\n---\n${BODY}`,
    `+++\nstatus = "accepted"\ntags = [\n  "old",\n  "older",\n]\n+++\n${BODY}`,
    "# Use Kafka\n\n- Status: proposed\n- Tags: old\n\n## Context and Problem Statement\n\ny\n",
    "# 7. Use Kafka\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n",
  ];

  it("any valid tag list written in any style reads back the same from both readers", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STYLES), fc.uniqueArray(fc.oneof(tag, fc.constantFrom("2024", "1e3", "0x10", "1.50", "+1", "-1x")), { maxLength: 6 }), (text, tags) => {
        const record = parseAdr(text, FILE);
        const after = setTags(text, record, tags);
        if (after === null) return false;
        const expected = tags.length === 0 && !/tags/i.test(text) ? [] : tags;
        expect(parseAdr(after, FILE).tags).toEqual(expected);
        expect(readAdrSummary(after, FILE).tags).toEqual(expected);
        expect(parseAdr(after, FILE).status).toBe(parseAdr(text, FILE).status);
        // Everything after the header is untouched.
        expect(after.slice(after.indexOf("## "))).toBe(text.slice(text.indexOf("## ")));
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
