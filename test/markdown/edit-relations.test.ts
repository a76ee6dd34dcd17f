import { describe, expect, it } from "@jest/globals";
import { addRelation, markSuperseded, type AdrTarget, type EditableRecord } from "../../src/markdown/edit.js";

const postgres: AdrTarget = { number: 2, title: "Use PostgreSQL", href: "0002-use-postgresql.md" };

function rec(format: string, statusStyle = "none", statusLine: number | null = null, status: string | null = null): EditableRecord {
  return { format, statusStyle, statusLine, status };
}

const madr4 = `---
status: accepted
date: 2024-01-10
---

# Use Kafka

## Context and Problem Statement

We need a broker.

## Decision Outcome

Chosen option: "Kafka", because it scales.
`;

describe("addRelation in MADR 4/3 (More Information bullets)", () => {
  it("creates More Information at the end with one bullet", () => {
    expect(addRelation(madr4, rec("madr4"), "relates to", postgres)).toBe(
      `${madr4}\n## More Information\n\n* Relates to [ADR-0002](0002-use-postgresql.md)\n`,
    );
  });

  it("is idempotent", () => {
    const once = addRelation(madr4, rec("madr4"), "supersedes", postgres);
    expect(addRelation(once, rec("madr4"), "supersedes", postgres)).toBe(once);
    expect(once).toContain("* Supersedes [ADR-0002](0002-use-postgresql.md)\n");
  });

  it("appends to an existing list and puts a paragraph-ending section's bullet after a blank line", () => {
    const withList = `${madr4}\n## More Information\n\n- See the RFC.\n- Relates to [ADR-0001](0001-x.md)\n`;
    expect(addRelation(withList, rec("madr4"), "amends", postgres)).toBe(`${withList}- Amends [ADR-0002](0002-use-postgresql.md)\n`);
    const withParagraph = `${madr4}\n## More Information\n\nSee the RFC.\n`;
    expect(addRelation(withParagraph, rec("madr4"), "amends", postgres)).toBe(
      `${withParagraph}\n* Amends [ADR-0002](0002-use-postgresql.md)\n`,
    );
  });

  it("keeps a blank line before a following section", () => {
    const text = "# T\n\n## More Information\n\n* A [ADR-0001](0001-a.md)\n## Later\n\nX.\n";
    expect(addRelation(text, rec("madr4"), "relates to", postgres)).toBe(
      "# T\n\n## More Information\n\n* A [ADR-0001](0001-a.md)\n* Relates to [ADR-0002](0002-use-postgresql.md)\n\n## Later\n\nX.\n",
    );
  });

  it("ignores look-alike lines inside code blocks", () => {
    const text = `${madr4}\n\`\`\`\n* Relates to [ADR-0002](0002-use-postgresql.md)\n\`\`\`\n`;
    expect(addRelation(text, rec("madr4"), "relates to", postgres)).toContain("## More Information\n\n* Relates to [ADR-0002]");
  });
});

describe("addRelation in MADR 2 and log4brains (Links bullets)", () => {
  it("appends to an existing MADR 2 Links list", () => {
    const text = "# T\n\n* Status: accepted\n\n## Context and Problem Statement\n\nX.\n\n## Links\n\n* Refined by [ADR-0009](0009-x.md)\n";
    expect(addRelation(text, rec("madr2"), "relates to", postgres)).toBe(`${text}* Relates to [ADR-0002](0002-use-postgresql.md)\n`);
  });

  it("creates a log4brains Links section with dash bullets and slug labels", () => {
    const text = "# T\n\n- Status: accepted\n\n## Context and Problem Statement\n\nX.\n";
    const slugTarget: AdrTarget = { number: null, title: "Use slugs", href: "20201016-use-slugs.md" };
    expect(addRelation(text, rec("log4brains"), "relates to", slugTarget)).toBe(
      `${text}\n## Links\n\n- Relates to [20201016-use-slugs](20201016-use-slugs.md)\n`,
    );
  });
});

const nygard = `# 5. Use Kafka

Date: 2024-02-01

## Status

Accepted

## Context

Text.
`;

describe("addRelation in Nygard (adr-tools lines in the Status section)", () => {
  it("adds an adr-tools style line after the status", () => {
    expect(addRelation(nygard, rec("nygard"), "amends", postgres)).toBe(
      nygard.replace("Accepted\n", "Accepted\n\nAmends [2. Use PostgreSQL](0002-use-postgresql.md)\n"),
    );
  });

  it("records Supersedes and stays idempotent, also in CRLF files", () => {
    const crlf = nygard.replace(/\n/g, "\r\n");
    const once = addRelation(crlf, rec("nygard"), "supersedes", postgres);
    expect(once).toBe(crlf.replace("Accepted\r\n", "Accepted\r\n\r\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\r\n"));
    expect(addRelation(once, rec("nygard"), "supersedes", postgres)).toBe(once);
  });

  it("adds a second relation below the first, with a blank line before the next heading", () => {
    const tight = "# 5. Use Kafka\n\n## Status\n\nAccepted\n## Context\n\nText.\n";
    const once = addRelation(tight, rec("nygard"), "amends", postgres);
    expect(once).toBe("# 5. Use Kafka\n\n## Status\n\nAccepted\n\nAmends [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context\n\nText.\n");
  });

  it("creates a Status section holding the relation when there is none", () => {
    const text = "# 5. Use Kafka\n\n## Context\n\nText.\n";
    expect(addRelation(text, rec("nygard"), "amended by", postgres)).toBe(
      "# 5. Use Kafka\n\n## Status\n\nAmended by [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context\n\nText.\n",
    );
  });

  it("marks an adr-tools ADR superseded by replacing its status paragraph", () => {
    expect(markSuperseded(nygard, rec("nygard", "section", 7, "accepted"), postgres)).toBe(
      nygard.replace("Accepted\n", "Superseded by [2. Use PostgreSQL](0002-use-postgresql.md)\n"),
    );
  });
});
