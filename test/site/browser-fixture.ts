// The ADR set the browser tests build a site from: several statuses and tags, supersede links in
// both MADR and Nygard style, a table, a remote badge image, hostile HTML and a malformed file.

export const FIXTURE_ADRS: Record<string, string> = {
  "docs/adr/0001-record-architecture-decisions.md": `# 1. Record architecture decisions

Date: 2024-01-10

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard. See also [Use PostgreSQL](0002-use-postgresql.md).

## Consequences

See Michael Nygard's article, linked above.
`,
  "docs/adr/0002-use-postgresql.md": `---
status: accepted
date: 2024-02-03
decision-makers: Alice, Bob
tags: [database, storage]
---

# Use PostgreSQL

![build status](https://img.shields.io/badge/build-passing-green.svg)

## Context and Problem Statement

We need a relational store for orders. Throughput is modest; consistency matters.
Earlier we recorded how decisions are kept in [ADR 1](0001-record-architecture-decisions.md).

## Considered Options

* PostgreSQL
* MySQL

## Decision Outcome

Chosen option: "PostgreSQL", because the team knows it and it handles JSON well.

| Criterion   | PostgreSQL | MySQL |
|-------------|-----------:|------:|
| JSON        | strong     | fair  |
| Team skills | high       | low   |

### Consequences

* Good, because transactions are simple.
* Bad, because we run one more server.
`,
  "docs/adr/0003-use-mongodb-for-catalogue.md": `---
status: "superseded by [ADR-0004](0004-store-catalogue-in-postgres-jsonb.md)"
date: 2024-03-01
tags: [database, catalogue]
---

# Use MongoDB for the catalogue

## Context and Problem Statement

The product catalogue has a flexible schema with many optional attributes.

## Considered Options

* MongoDB
* PostgreSQL JSONB

## Decision Outcome

Chosen option: "MongoDB", because documents fit the catalogue.

### Consequences

* Bad, because it is a second database to operate.
`,
  "docs/adr/0004-store-catalogue-in-postgres-jsonb.md": `---
status: accepted
date: 2024-06-12
tags: [database, catalogue]
---

# Store the catalogue in PostgreSQL JSONB

## Context and Problem Statement

Running MongoDB beside PostgreSQL costs more than it gives.

## Considered Options

* PostgreSQL JSONB
* Keep MongoDB

## Decision Outcome

Chosen option: "PostgreSQL JSONB", because one database is easier to run.

### Consequences

* Good, because backups and failover are shared with orders.

## More Information

* Supersedes [ADR-0003](0003-use-mongodb-for-catalogue.md)
`,
  "docs/adr/0005-expose-graphql-api.md": `---
status: proposed
date: 2024-08-20
tags: [api]
---

# Expose a GraphQL API

<script>window.__pwned = "script";</script>
<img src="x" onerror="window.__pwned = 'onerror'">
<a href="javascript:window.__pwned='link'">click me</a>

## Context and Problem Statement

Mobile clients over-fetch from the REST endpoints. Zanzibar-style batching is wanted.

## Considered Options

* GraphQL
* REST with sparse fieldsets

## Decision Outcome

Chosen option: "GraphQL", because clients choose their fields.

### Consequences

* Bad, because caching moves to the client.
`,
  "docs/adr/0006-broken-front-matter.md": `---
status: [accepted
date: 2024-14-02
tags: {oops
---

This file has no title heading and broken front matter, yet it should still get a page.

Mentions quokka so search can find it.
`,
  "docs/adr/0007-reject-soap.md": `---
status: rejected
date: 2024-09-30
tags: [api, legacy]
---

# Reject SOAP for partner integrations

## Context and Problem Statement

A partner asked for SOAP.

## Decision Outcome

Chosen option: "REST", because every partner already speaks it.
`,
};

/** ADR titles as the index should list them (the malformed file is listed under its file-derived or fallback title). */
export const TITLED = [
  "Record architecture decisions",
  "Use PostgreSQL",
  "Use MongoDB for the catalogue",
  "Store the catalogue in PostgreSQL JSONB",
  "Expose a GraphQL API",
  "Reject SOAP for partner integrations",
];
