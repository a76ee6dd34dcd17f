import { describe, expect, it } from "@jest/globals";
import { setStatus, type AdrTarget, type EditableRecord } from "../../src/markdown/edit.js";

const kafka: AdrTarget = { number: 5, title: "Use Kafka", href: "0005-use-kafka.md" };

function rec(format: string, statusStyle: string, statusLine: number | null, status: string | null): EditableRecord {
  return { format, statusStyle, statusLine, status };
}

const madr4 = `---
status: proposed
date: 2024-01-10
decision-makers: Alice
custom-key: keep me
---

# Use PostgreSQL

## Context and Problem Statement

We need a database.
`;

describe("setStatus in front matter (MADR 4/3)", () => {
  it("replaces only the status value and keeps unknown keys", () => {
    expect(setStatus(madr4, rec("madr4", "front-matter", 2, "proposed"), "accepted")).toBe(madr4.replace("status: proposed", "status: accepted"));
  });

  it("keeps the quoting the file used", () => {
    const text = madr4.replace("status: proposed", 'status: "proposed"');
    expect(setStatus(text, rec("madr4", "front-matter", 2, "proposed"), "rejected")).toBe(madr4.replace("status: proposed", 'status: "rejected"'));
    const single = madr4.replace("status: proposed", "status: 'proposed' # set by hand");
    expect(setStatus(single, rec("madr4", "front-matter", 2, "proposed"), "accepted")).toBe(
      madr4.replace("status: proposed", "status: 'accepted' # set by hand"),
    );
  });

  it("writes superseded by as a quoted MADR link", () => {
    expect(setStatus(madr4, rec("madr4", "front-matter", 2, "proposed"), "superseded", { supersededBy: kafka })).toBe(
      madr4.replace("status: proposed", 'status: "superseded by [ADR-0005](0005-use-kafka.md)"'),
    );
  });

  it("is idempotent for the same superseding ADR", () => {
    const once = setStatus(madr4, rec("madr4", "front-matter", 2, "proposed"), "superseded", { supersededBy: kafka });
    expect(setStatus(once, rec("madr4", "front-matter", 2, "superseded"), "superseded", { supersededBy: kafka })).toBe(once);
  });

  it("adds status to existing front matter that lacks it (MADR 3 deciders)", () => {
    const text = "---\ndeciders: Bob\nparent: Decisions\n---\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n";
    expect(setStatus(text, rec("madr3", "none", null, null), "accepted")).toBe(
      "---\ndeciders: Bob\nparent: Decisions\nstatus: accepted\n---\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n",
    );
  });

  it("prepends front matter to a MADR 4 file without any", () => {
    const text = "# Use X\n\n## Context and Problem Statement\n\nWhy.\n";
    expect(setStatus(text, rec("madr4", "none", null, null), "proposed")).toBe(`---\nstatus: proposed\n---\n\n${text}`);
  });

  it("keeps a byte-order mark at the very start", () => {
    const text = "\uFEFF# Use X\n\n## Context and Problem Statement\n\nWhy.\n";
    expect(setStatus(text, rec("madr4", "none", null, null), "proposed")).toBe(
      "\uFEFF---\nstatus: proposed\n---\n\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n",
    );
  });
});

const madr2 = `# Use Plain JUnit5 for advanced test assertions

* Status: proposed
* Deciders: Oliver Kopp
* Date: 2018-04-01

Technical Story: <https://example.org/issue/1>

## Context and Problem Statement

How to write readable test assertions?
`;

describe("setStatus in bullets and lines (MADR 2, log4brains)", () => {
  it("rewrites a MADR 2 status bullet", () => {
    expect(setStatus(madr2, rec("madr2", "bullet", 3, "proposed"), "accepted")).toBe(madr2.replace("* Status: proposed", "* Status: accepted"));
  });

  it("writes a MADR 2 superseded bullet with a link", () => {
    expect(setStatus(madr2, rec("madr2", "bullet", 3, "proposed"), "superseded", { supersededBy: kafka })).toBe(
      madr2.replace("* Status: proposed", "* Status: superseded by [ADR-0005](0005-use-kafka.md)"),
    );
  });

  it("adds a Status bullet before the other header bullets", () => {
    const text = madr2.replace("* Status: proposed\n", "");
    expect(setStatus(text, rec("madr2", "none", null, null), "accepted")).toBe(madr2.replace("proposed", "accepted"));
  });

  it("adds a log4brains dash bullet under the title when there are no bullets", () => {
    const text = "# Use Markdown\n\n## Context and Problem Statement\n\nWhy.\n";
    expect(setStatus(text, rec("log4brains", "none", null, null), "draft")).toBe(
      "# Use Markdown\n\n- Status: draft\n\n## Context and Problem Statement\n\nWhy.\n",
    );
  });

  it("links a log4brains file by slug", () => {
    const text = "# Use the ADR number\n\n- Status: accepted\n- Date: 2020-09-26\n\n## Context and Problem Statement\n\nX.\n";
    const by: AdrTarget = { number: null, title: "Use the slug", href: "20201016-use-the-adr-slug.md" };
    expect(setStatus(text, rec("log4brains", "bullet", 3, "accepted"), "superseded", { supersededBy: by })).toBe(
      text.replace("- Status: accepted", "- Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)"),
    );
  });

  it("keeps bold labels and values in a Status line", () => {
    const text = "# Title\n\n**Status:** **Proposed**\n\n## Context\n\nX.\n";
    expect(setStatus(text, rec("other", "line", 3, "proposed"), "accepted")).toBe(text.replace("**Proposed**", "**Accepted**"));
  });

  it("rewrites a status badge's alt text and shields.io label", () => {
    const text = "# Title\n\n![Status: accepted](https://img.shields.io/badge/status-accepted-green)\n\n## Context\n\nX.\n";
    expect(setStatus(text, rec("other", "badge", 3, "accepted"), "deprecated")).toBe(
      text.replace("![Status: accepted](https://img.shields.io/badge/status-accepted-green)", "![Status: deprecated](https://img.shields.io/badge/status-deprecated-green)"),
    );
  });

  it("does not touch a Status: sentence in the body", () => {
    const text = "---\nstatus: proposed\n---\n# Title\n\n## Context\n\nStatus: this is prose.\n";
    expect(setStatus(text, rec("madr4", "front-matter", 2, "proposed"), "accepted")).toBe(text.replace("status: proposed", "status: accepted"));
  });
});

const nygard = `# 2. Implement as shell scripts

Date: 2016-02-12

## Status

Accepted

## Context

ADRs are plain text files.
`;

describe("setStatus in a Status section (Nygard, adr-tools)", () => {
  it("replaces the first paragraph in the file's letter case", () => {
    expect(setStatus(nygard, rec("nygard", "section", 7, "accepted"), "deprecated")).toBe(nygard.replace("\nAccepted\n", "\nDeprecated\n"));
  });

  it("writes Superseded by with an adr-tools link", () => {
    expect(setStatus(nygard, rec("nygard", "section", 7, "accepted"), "superseded", { supersededBy: kafka })).toBe(
      nygard.replace("\nAccepted\n", "\nSuperseded by [5. Use Kafka](0005-use-kafka.md)\n"),
    );
  });

  it("keeps relation lines that follow the status without a blank line", () => {
    const text = nygard.replace("Accepted\n", "Accepted\nAmends [1. Record](0001-record.md)\n");
    expect(setStatus(text, rec("nygard", "section", 7, "accepted"), "rejected")).toBe(text.replace("Accepted\n", "Rejected\n"));
  });

  it("keeps an earlier Superseded by line when superseded again, and is idempotent", () => {
    const once = setStatus(nygard, rec("nygard", "section", 7, "accepted"), "superseded", { supersededBy: kafka });
    const other: AdrTarget = { number: 6, title: "Use NATS", href: "0006-use-nats.md" };
    const twice = setStatus(once, rec("nygard", "section", 7, "superseded"), "superseded", { supersededBy: other });
    expect(twice).toBe(
      nygard.replace("\nAccepted\n", "\nSuperseded by [5. Use Kafka](0005-use-kafka.md)\n\nSuperseded by [6. Use NATS](0006-use-nats.md)\n"),
    );
    expect(setStatus(twice, rec("nygard", "section", 7, "superseded"), "superseded", { supersededBy: other })).toBe(twice);
  });

  it("adds a Status section before Context when the file has none", () => {
    const text = nygard.replace("## Status\n\nAccepted\n\n", "");
    expect(setStatus(text, rec("nygard", "none", null, null), "proposed")).toBe(nygard.replace("Accepted", "Proposed"));
  });

  it("fills an empty Status section", () => {
    const text = nygard.replace("Accepted\n\n", "");
    expect(setStatus(text, rec("nygard", "section", null, null), "accepted")).toBe(nygard);
  });

  it("keeps CRLF line endings, also on inserted lines", () => {
    const crlf = nygard.replace(/\n/g, "\r\n");
    expect(setStatus(crlf, rec("nygard", "section", 7, "accepted"), "superseded", { supersededBy: kafka })).toBe(
      crlf.replace("\r\nAccepted\r\n", "\r\nSuperseded by [5. Use Kafka](0005-use-kafka.md)\r\n"),
    );
    const bare = crlf.replace("## Status\r\n\r\nAccepted\r\n\r\n", "");
    expect(setStatus(bare, rec("nygard", "none", null, null), "accepted")).toBe(crlf);
  });

  it("keeps a missing final newline", () => {
    const text = nygard.trimEnd();
    expect(setStatus(text, rec("nygard", "section", 7, "accepted"), "rejected")).toBe(text.replace("Accepted", "Rejected"));
  });
});

const brighter = `---
id: 0002-use-a-single-threaded-message-pump
title: "Use A Single Threaded Message Pump"
status: Accepted
author:
  - "Brighter Team"
created: 2019-08-01
tags:
  - "reactor"
---

# 2. Use A Single Threaded Message Pump

Date: 2019-08-01

## Status

Accepted

## Context

Text.
`;

describe("setStatus in custom front matter mirrored by a Status section (Brighter)", () => {
  it("updates both places in the file's letter case", () => {
    expect(setStatus(brighter, rec("other", "front-matter", 4, "accepted"), "deprecated")).toBe(
      brighter.replace("status: Accepted", "status: Deprecated").replace("\nAccepted\n", "\nDeprecated\n"),
    );
  });

  it("supersedes in both styles", () => {
    expect(setStatus(brighter, rec("other", "front-matter", 4, "accepted"), "superseded", { supersededBy: kafka })).toBe(
      brighter
        .replace("status: Accepted", 'status: "Superseded by [ADR-0005](0005-use-kafka.md)"')
        .replace("\nAccepted\n", "\nSuperseded by [5. Use Kafka](0005-use-kafka.md)\n"),
    );
  });

  it("leaves a Status section that disagrees with the front matter alone", () => {
    const text = brighter.replace("\nAccepted\n", "\nSee the discussion in #42.\n");
    expect(setStatus(text, rec("other", "front-matter", 4, "accepted"), "rejected")).toBe(text.replace("status: Accepted", "status: Rejected"));
  });
});
