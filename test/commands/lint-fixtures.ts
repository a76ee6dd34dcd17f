/** ADR texts for lint command tests: clean files and one of each real-world defect. */

export const CLEAN_MADR = `---
status: accepted
date: 2024-02-14
decision-makers: Ana, Bo
---
# Use PostgreSQL for orders

## Context and Problem Statement

Orders need a durable store with transactions.

## Considered Options

* PostgreSQL
* MongoDB

## Decision Outcome

Chosen option: "PostgreSQL", because the team knows it and it has transactions.

### Consequences

* Good, because the data stays consistent.
* Bad, because we run a database server.

## More Information

Relates to [ADR 2](0002-record-with-nygard.md).
`;

export const CLEAN_NYGARD = `# 2. Record with Nygard

Date: 2024-02-15

## Status

Accepted

## Context

Some teams prefer Nygard's format.

## Decision

We accept both formats.

## Consequences

Lint checks both.
`;

export const CORRUPT_YAML = `---
status: accepted
date: [2024-02-14
---
# Broken front matter

## Context and Problem Statement

x

## Considered Options

* A

## Decision Outcome

Chosen option: "A", because only.

### Consequences

* Good, because fine.
`;

export const INVALID_DATE = CLEAN_NYGARD.replace("# 2. Record with Nygard", "# 4. Invalid date").replace("2024-02-15", "2024-14-02");

export const MISSING_H1 = CLEAN_NYGARD.replace("# 2. Record with Nygard\n", "");

export const UNKNOWN_STATUS = CLEAN_NYGARD.replace("# 2. Record with Nygard", "# 6. Unknown status").replace("Accepted", "On hold");

/** A PNG header and some NUL bytes: what a misnamed image looks like. */
export const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

/** A clean MADR file whose chosen option was never considered. */
export const WRONG_CHOICE = CLEAN_MADR.replace('Chosen option: "PostgreSQL"', 'Chosen option: "CockroachDB"');
