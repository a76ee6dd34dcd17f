import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import type { AdrRecord } from "../../src/domain/adr.js";
import { lintRecords } from "../../src/lint/engine.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { ADR_DIR, ROOT } from "./record.js";

/** Parses inline ADR texts with the real parser, as lint does. */
function parse(files: Record<string, string>): AdrRecord[] {
  return Object.entries(files).map(([name, text]) => {
    const abs = path.join(ADR_DIR, name);
    return parseAdr(text, { path: abs, relPath: path.relative(ROOT, abs), dirLabel: "docs/adr" });
  });
}

function lint(files: Record<string, string>, config = {}) {
  const records = parse(files);
  const existing = new Set(records.map((r) => r.path));
  return lintRecords(records, { records, fileExists: (p) => existing.has(p), root: ROOT, config }).map((d) => `${path.basename(d.file)}:${d.line ?? "-"} ${d.severity} ${d.rule}`);
}

const madr = (body: string) => `---\nstatus: accepted\ndate: 2024-02-14\n---\n# Use Redis\n\n${body}`;
const MADR_BODY = `## Context and Problem Statement\n\nWe need a cache.\n\n## Considered Options\n\n* Redis\n* Memcached\n\n## Decision Outcome\n\nChosen option: "Redis", because we know it.\n\n### Consequences\n\n* Good, because fast.\n`;

const nygard = (status: string, date = "2024-02-15") => `# 2. Use Kafka\n\nDate: ${date}\n\n## Status\n\n${status}\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n`;

describe("lint on records from the real parser", () => {
  it("finds nothing in clean MADR 4 and Nygard files", () => {
    expect(lint({ "0001-use-redis.md": madr(MADR_BODY), "0002-use-kafka.md": nygard("Accepted") })).toEqual([]);
  });

  it("reports each parser-level problem exactly once, under the lint rule's id", () => {
    const findings = lint({
      "0002-use-kafka.md": nygard("On hold", "2024-14-02"),
      "0003-no-title.md": nygard("Accepted").replace("# 2. Use Kafka\n", ""),
    });
    expect(findings).toEqual(["0002-use-kafka.md:3 error date-valid", "0002-use-kafka.md:7 warning status-known", "0003-no-title.md:1 error title-h1"]);
  });

  it("surfaces corrupt front matter from the parser", () => {
    const findings = lint({ "0001-use-redis.md": madr(MADR_BODY).replace("date: 2024-02-14", "date: [2024-02-14") });
    expect(findings).toContain("0001-use-redis.md:3 error front-matter-invalid");
  });

  it("checks sections the parser found: missing and out of order", () => {
    const swapped = MADR_BODY.replace("## Considered Options\n\n* Redis\n* Memcached\n\n", "").replace("### Consequences", "## Considered Options\n\n* Redis\n* Memcached\n\n### Consequences");
    expect(lint({ "0001-use-redis.md": madr(swapped) })).toEqual(expect.arrayContaining(["0001-use-redis.md:11 warning section-order"]));
    const noConsequences = MADR_BODY.replace(/### Consequences[\s\S]*$/, "");
    expect(lint({ "0001-use-redis.md": madr(noConsequences) })).toEqual(["0001-use-redis.md:- error required-sections"]);
  });

  it("checks the chosen option against the parsed considered options", () => {
    expect(lint({ "0001-use-redis.md": madr(MADR_BODY.replace('"Redis", because', '"Hazelcast", because')) })).toEqual(["0001-use-redis.md:18 error chosen-option"]);
  });

  it("checks supersede links written by adr-tools, ignoring code", () => {
    const superseded = nygard("Superseded by [3. Use Pulsar](0003-use-pulsar.md)").replace("z\n", "z\n\n```md\n[not a link](0009-nope.md)\n```\n");
    expect(lint({ "0002-use-kafka.md": superseded })).toEqual(["0002-use-kafka.md:7 error link-target"]);
    expect(lint({ "0002-use-kafka.md": superseded, "0003-use-pulsar.md": nygard("Accepted").replace("# 2. Use Kafka", "# 3. Use Pulsar") })).toEqual([]);
  });
});
