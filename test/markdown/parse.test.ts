import { describe, expect, it } from "@jest/globals";
import { lineOf, readBoth, rules } from "./helpers.js";

const MADR4 = `---
status: accepted
date: 2024-03-05
decision-makers: [Alice, Bob]
consulted:
  - Carol
informed: Dave, Erin
tags: [storage, "queues"]
custom-key: kept
---

# Use PostgreSQL for orders

## Context and Problem Statement

We need a database for orders.

## Decision Drivers

* Consistency

## Considered Options

* PostgreSQL
* MongoDB
* [DynamoDB](https://aws.amazon.com/dynamodb/) on demand

## Decision Outcome

Chosen option: "PostgreSQL", because it gives strong consistency.

### Consequences

* Good, because transactions.
* Bad, because one more server.

### Confirmation

A review checks the schema.

## Pros and Cons of the Options

### PostgreSQL

* Good, because mature.
`;

describe("parseAdr on MADR 4", () => {
  const record = readBoth(MADR4, "0007-use-postgresql.md");

  it("reads the front matter fields", () => {
    expect(record).toMatchObject({
      number: 7,
      title: "Use PostgreSQL for orders",
      status: "accepted",
      date: "2024-03-05",
      format: "madr4",
      decisionMakers: ["Alice", "Bob"],
      consulted: ["Carol"],
      informed: ["Dave", "Erin"],
      tags: ["storage", "queues"],
      statusStyle: "front-matter",
      statusLine: 2,
      titleLine: lineOf(MADR4, "# Use PostgreSQL"),
    });
    expect(record.frontMatter?.["custom-key"]).toBe("kept");
    expect(record.diagnostics).toEqual([]);
  });

  it("reads considered options and the chosen option", () => {
    expect(record.consideredOptions).toEqual(["PostgreSQL", "MongoDB", "DynamoDB on demand"]);
    expect(record.chosenOption).toBe("PostgreSQL");
  });

  it("lists sections with their lines and bodies", () => {
    const outcome = record.sections.find((s) => s.heading === "Decision Outcome")!;
    expect(outcome).toMatchObject({ depth: 2, line: lineOf(MADR4, "## Decision Outcome") });
    expect(record.text.split("\n")[outcome.line - 1]).toBe("## Decision Outcome");
    expect(outcome.body).toMatch(/^Chosen option: "PostgreSQL"/);
    // A level-2 section runs over its level-3 subsections up to the next level-2 heading.
    expect(outcome.body).toContain("### Confirmation");
    expect(record.text.split("\n")[outcome.endLine - 1]).toBe("A review checks the schema.");
    const confirmation = record.sections.find((s) => s.heading === "Confirmation")!;
    expect(confirmation).toMatchObject({ depth: 3, body: "A review checks the schema." });
    expect(record.sections[0]).toMatchObject({ heading: "Use PostgreSQL for orders", depth: 1, line: 12 });
  });
});

describe("parseAdr on older formats", () => {
  it("reads MADR 3 (deciders front matter)", () => {
    const record = readBoth(`---\nstatus: proposed\ndate: 2022-01-02\ndeciders: Ann, Ben\n---\n# Pick a cache\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* Redis\n* Memcached\n\n## Decision Outcome\n\nChosen option: "Redis", because fast.\n\n### Validation\n\nLoad test.\n`);
    expect(record).toMatchObject({ format: "madr3", status: "proposed", decisionMakers: ["Ann", "Ben"], chosenOption: "Redis" });
  });

  it("reads MADR 2 bullets, the Links section and Positive Consequences", () => {
    const text = `# Use Kafka\n\n* Status: superseded by [ADR-0009](0009-use-pulsar.md)\n* Deciders: Ann, Ben\n* Date: 2020-11-19\n\nTechnical Story: none\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* Kafka\n* RabbitMQ\n\n## Decision Outcome\n\nChosen option: "Kafka", because throughput.\n\n### Positive Consequences\n\n* fast\n\n## Links\n\n* Refines [ADR-0002](0002-use-events.md)\n* Supersedes [ADR-0001](0001-use-queues.md)\n* [Kafka docs](https://kafka.apache.org/)\n`;
    const record = readBoth(text, "0004-use-kafka.md");
    expect(record).toMatchObject({
      number: 4,
      format: "madr2",
      status: "superseded",
      statusStyle: "bullet",
      statusLine: 3,
      date: "2020-11-19",
      decisionMakers: ["Ann", "Ben"],
      supersededBy: [{ number: 9, target: "0009-use-pulsar.md", line: 3 }],
      supersedes: [{ number: 1, target: "0001-use-queues.md", line: lineOf(text, "* Supersedes") }],
      links: [{ number: 2, target: "0002-use-events.md", type: "refines", line: lineOf(text, "* Refines") }],
    });
  });

  it("reads MADR 1 (Considered Alternatives, Chosen Alternative)", () => {
    const record = readBoth(`# Use Markdown\n\n## Context and Problem Statement\n\nHow?\n\n## Considered Alternatives\n\n* MADR\n* Plain text\n\n## Decision Outcome\n\n* Chosen Alternative: MADR\n`);
    expect(record).toMatchObject({ format: "madr1", consideredOptions: ["MADR", "Plain text"], chosenOption: "MADR", status: null });
  });

  it("reads Nygard / adr-tools files, status section and relation lines", () => {
    const text = `# 3. Use shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nSuperseded by [5. Use Go](0005-use-go.md)\n\nAmends [1. Record decisions](0001-record-decisions.md)\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n`;
    const record = readBoth(text, "0003-use-shell-scripts.md");
    expect(record).toMatchObject({
      number: 3,
      title: "Use shell scripts",
      status: "superseded",
      statusStyle: "section",
      statusLine: 7,
      date: "2016-02-12",
      format: "nygard",
      supersededBy: [{ number: 5, target: "0005-use-go.md" }],
      links: [{ number: 1, target: "0001-record-decisions.md", type: "amends" }],
    });
  });

  it("reads log4brains files: date-named, slug links, no number", () => {
    const text = `# Use the ADR number as its unique ID\n\n- Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)\n- Date: 2020-09-26\n- Tags: ids, naming\n\n## Context and Problem Statement\n\nx\n`;
    const record = readBoth(text, "20200926-use-the-adr-number.md");
    expect(record).toMatchObject({
      number: null,
      format: "log4brains",
      status: "superseded",
      tags: ["ids", "naming"],
      supersededBy: [{ number: null, target: "20201016-use-the-adr-slug.md" }],
    });
  });

  it("reads Brighter-style custom front matter over Nygard sections", () => {
    const text = `---\nid: 0037-add-gateway\ntitle: "Front matter title is not the title"\nstatus: Accepted\nauthor:\n  - "Brighter Team"\ncreated: 2026-01-29\ntags:\n  - "testing"\n---\n\n# 37. Add Messaging Gateway\n\nDate: 2026-01-29\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n`;
    const record = readBoth(text, "0037-add-gateway.md");
    expect(record).toMatchObject({ number: 37, title: "Add Messaging Gateway", status: "accepted", date: "2026-01-29", tags: ["testing"], format: "nygard", statusStyle: "front-matter", statusLine: 4 });
  });

  it("reads elastisys' [Superseded by …] title prefix", () => {
    const record = readBoth(`# [Superseded by [ADR-0019](0019-push-via-thanos.md)] Push Metrics via InfluxDB\n\n- Status: accepted\n- Date: 2020-11-19\n\n## Context and Problem Statement\n\nx\n`, "0003-push-metrics.md");
    expect(record.title).toBe("Push Metrics via InfluxDB");
    expect(record.supersededBy).toEqual([{ number: 19, target: "0019-push-via-thanos.md", line: 1 }]);
  });

  it("reads a status from a badge's alt text and TOML front matter", () => {
    expect(readBoth(`# Title\n\n![Status: Accepted](https://img.shields.io/badge/status-accepted-green)\n\nText\n`)).toMatchObject({ status: "accepted", statusStyle: "badge", statusLine: 3 });
    expect(readBoth(`+++\nstatus = "rejected"\ndate = "2021-05-06"\n+++\n# T\n`)).toMatchObject({ status: "rejected", date: "2021-05-06", statusStyle: "front-matter", statusLine: 2 });
  });

  it("reads `Status:` lines and bold keys", () => {
    expect(readBoth(`# T\n\n**Status:** Deprecated\n**Date**: 2019-01-31\n\n## Context\n`)).toMatchObject({ status: "deprecated", statusStyle: "line", date: "2019-01-31" });
  });
});

describe("parseAdr on bad input", () => {
  it("reports corrupt YAML with its file line and still reads the rest", () => {
    const record = readBoth(`---\nstatus: accepted\ntags: [a, b\ndate: 2020-01-01\n---\n# Still here\n\n## Status\n\nProposed\n`);
    expect(record.frontMatter).toBeNull();
    expect(record.title).toBe("Still here");
    expect(record.status).toBe("proposed");
    const diagnostic = record.diagnostics.find((d) => d.rule === "front-matter-invalid")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.file).toBe("docs/adr/0001-example.md");
    expect(diagnostic.line).toBeGreaterThanOrEqual(3);
    expect(diagnostic.line).toBeLessThanOrEqual(5);
  });

  it("drops a front-matter key whose YAML alias refers to itself, keeps the rest, and never yields a cycle", () => {
    const text = `---\nstatus: accepted\nloop: &a {self: *a}\n---\n# Cyclic\n`;
    const record = readBoth(text);
    expect(record.frontMatter).toEqual({ status: "accepted" });
    expect(record.status).toBe("accepted");
    const finding = record.diagnostics.find((d) => d.rule === "front-matter-invalid");
    expect(finding).toMatchObject({ line: lineOf(text, "loop:") });
    expect(finding?.message).toMatch(/refers to itself under `loop`/);
    expect(() => JSON.stringify(record)).not.toThrow();
  });

  it("keeps an invalid date raw", () => {
    const record = readBoth(`---\ndate: 2024-14-02\n---\n# T\n`);
    expect(record).toMatchObject({ date: null, dateRaw: "2024-14-02" });
    expect(rules(record)).toEqual(["date-invalid:2"]);
  });

  it("takes the date part of a datetime", () => {
    expect(readBoth(`---\ndate: 2024-02-29T10:00:00Z\n---\n# T\n`).date).toBe("2024-02-29");
    expect(readBoth(`---\ndate: 2023-02-29\n---\n# T\n`)).toMatchObject({ date: null, dateRaw: "2023-02-29" });
  });

  it("reports a binary file without throwing", () => {
    const text = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]).toString("utf8");
    const record = readBoth(text, "0002-image.md");
    expect(record).toMatchObject({ number: 2, title: null, status: null, sections: [] });
    expect(rules(record)).toEqual(["file-binary:-"]);
  });

  it("reports a missing H1 and never takes the front-matter title", () => {
    const record = readBoth(`---\ntitle: From front matter\n---\n## Only a section\n`);
    expect(record.title).toBeNull();
    expect(rules(record)).toContain("title-missing:-");
  });

  it("keeps an unknown status as written, with a warning", () => {
    const record = readBoth(`---\nstatus: On Hold.\n---\n# T\n`);
    expect(record.status).toBe("on hold");
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: "status-unknown", severity: "warning", line: 2 })]);
  });

  it("gives null (not a default) when no status is stated", () => {
    expect(readBoth(`# T\n\nSome text.\n`).status).toBeNull();
  });

  it("handles CRLF line endings and a BOM", () => {
    const text = "\ufeff---\r\nstatus: Accepted\r\ndate: 2021-01-02\r\n---\r\n# 1. Title here\r\n\r\n## Status\r\n\r\nAccepted\r\n";
    const record = readBoth(text);
    expect(record).toMatchObject({ title: "Title here", status: "accepted", date: "2021-01-02", titleLine: 5, statusLine: 2 });
  });

  it("handles an empty file", () => {
    const record = readBoth("");
    expect(record).toMatchObject({ number: 1, title: null, status: null, date: null, format: "other", sections: [] });
  });

  it("ignores statements inside fenced code blocks", () => {
    const record = readBoth("# T\n\n```\n## Status\n\nAccepted\n```\n\n## Context\n\n~~~md\nStatus: rejected\n~~~\n");
    expect(record.status).toBeNull();
    expect(record.sections.map((s) => s.heading)).toEqual(["T", "Context"]);
  });

  it("survives a huge file", () => {
    const text = `# Big\n\n## Status\n\nAccepted\n\n## Context\n\n${"word ".repeat(10_000)}\n`;
    expect(readBoth(text)).toMatchObject({ title: "Big", status: "accepted" });
  });
});

describe("relations written by adrgen's own editing commands", () => {
  it("reads relation bullets under More Information (MADR 3/4), not prose there", () => {
    const text = `---\nstatus: accepted\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nx\n\n## More Information\n\nSee [ADR-0001](0001-record.md) for the format.\n\n* Supersedes [ADR-0002](0002-use-mongodb.md)\n* Is depended on by [ADR-0004](0004-use-orm.md)\n`;
    const record = readBoth(text, "0003-use-postgresql.md");
    expect(record.supersedes).toEqual([{ number: 2, target: "0002-use-mongodb.md", line: lineOf(text, "* Supersedes") }]);
    expect(record.links).toEqual([{ number: 4, target: "0004-use-orm.md", type: "is depended on by", line: lineOf(text, "* Is depended") }]);
  });

  it("reads a front-matter status that names its successor", () => {
    const record = readBoth(`---\nstatus: "superseded by [ADR-0003](0003-use-postgresql.md)"\n---\n# Use MongoDB\n`, "0002-use-mongodb.md");
    expect(record).toMatchObject({ status: "superseded", supersededBy: [{ number: 3, target: "0003-use-postgresql.md", line: 2 }] });
  });
});

describe("considered options", () => {
  it("reads them under a setext heading and stops at the next section", () => {
    const record = readBoth("# T\n\nConsidered Options\n------------------\n\n* One\n* Two\n  continued\n\nDecision Outcome\n----------------\n\n* Not an option\n");
    expect(record.consideredOptions).toEqual(["One", "Two continued"]);
  });
});
