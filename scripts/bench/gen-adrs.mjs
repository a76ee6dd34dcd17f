// Generates a directory of ADRs in the formats real repositories hold, for list/lint/index benchmarks.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const STATUSES = ["accepted", "proposed", "deprecated", "rejected", "superseded"];

function madr4(n, title) {
  return `---
status: ${STATUSES[n % STATUSES.length]}
date: 2024-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}
decision-makers: Alice, Bob
---

# ${title}

## Context and Problem Statement

We need to decide how to handle concern number ${n}. ${"The system grows and this matters. ".repeat(20)}

## Decision Drivers

* Operational cost
* Team familiarity

## Considered Options

* Option A
* Option B

## Decision Outcome

Chosen option: "Option A", because it fits the drivers best.

### Consequences

* Good, because it is simple.
* Bad, because it needs care.

## Pros and Cons of the Options

### Option A

* Good, because it is proven.
* Bad, because it costs more.

### Option B

* Good, because it is cheap.
* Bad, because nobody knows it.
`;
}

function nygard(n, title) {
  return `# ${n}. ${title}

Date: 2023-05-${String((n % 28) + 1).padStart(2, "0")}

## Status

Accepted

## Context

${"Context text that explains the forces at play. ".repeat(25)}

## Decision

We will do the thing numbered ${n}.

## Consequences

${"Some consequences follow. ".repeat(15)}
`;
}

/** Writes `count` ADRs into `dir` (created), alternating MADR 4 and Nygard. */
export function generateAdrs(dir, count = 1000) {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= count; n++) {
    const title = `Decision about subsystem ${n} and its storage`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const file = path.join(dir, `${String(n).padStart(4, "0")}-${slug}.md`);
    writeFileSync(file, n % 2 === 0 ? madr4(n, title) : nygard(n, title));
  }
}
