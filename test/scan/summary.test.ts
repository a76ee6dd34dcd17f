import { afterAll, describe, expect, it } from "@jest/globals";
import { scanRepository } from "../../src/scan/scan.js";
import { summarizeContext } from "../../src/scan/summary.js";
import type { ContextItem, RepoContext } from "../../src/scan/types.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "./fixture-repo.js";

afterAll(cleanupTempDirs);

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function emptyContext(): RepoContext {
  return {
    root: "/repo", languages: [], frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [],
    services: [], packages: [], existingDecisions: [], warnings: [],
  };
}

/** A context as large as a big monorepo could produce. */
function hugeContext(): RepoContext {
  const context = emptyContext();
  const items = (prefix: string, n: number): ContextItem[] =>
    Array.from({ length: n }, (_, i) => ({
      name: `${prefix}-${i}`,
      version: `${i}.0`,
      evidence: Array.from({ length: 20 }, (_, j) => ({ file: `services/svc-${i}/deploy/${prefix}-${j}.yml`, line: j + 1 })),
    }));
  context.datastores = items("db", 200);
  context.messaging = items("broker", 200);
  context.frameworks = items("fw", 300);
  context.languages = items("lang", 50);
  context.services = Array.from({ length: 500 }, (_, i) => ({ name: `svc-${i}`, image: `img-${i}:1`, source: "compose" as const, evidence: [{ file: `c${i}.yml`, line: 2 }] }));
  context.packages = Array.from({ length: 1000 }, (_, i) => ({ name: `@acme/p${i}`, path: `packages/p${i}`, evidence: [{ file: `packages/p${i}/package.json`, line: 2 }] }));
  context.existingDecisions = Array.from({ length: 400 }, (_, i) => ({ number: i + 1, title: `Decision number ${i + 1} about something`, status: "accepted", file: `docs/adr/${i}.md` }));
  return context;
}

describe("summarizeContext", () => {
  it("cites every fact with evidence ids and lists each id in the legend", async () => {
    const context = await scanRepository(copyFixture("node-postgres-redis", { git: true }));
    const summary = summarizeContext(context);
    const lines = summary.split("\n");
    const postgres = lines.find((line) => line.startsWith("- postgresql 16"));
    expect(postgres).toMatch(/^- postgresql 16 \[E\d+\]\[E\d+\]$/);
    for (const id of new Set(summary.match(/\[E\d+\]/g) ?? [])) {
      expect(lines.filter((line) => line.startsWith(`${id} `))).toHaveLength(1);
    }
    expect(summary).toContain("docker-compose.yml:10");
    expect(summary).toContain('ADR-0001 "Use PostgreSQL for orders" (accepted)');
  });

  it("puts the most decision-relevant sections first", async () => {
    const context = await scanRepository(copyFixture("node-postgres-redis"));
    const summary = summarizeContext(context);
    const order = ["Datastores:", "Messaging:", "Caches:", "Frameworks:", "API styles:", "Auth:", "Infrastructure:", "Languages:", "Services:", "Existing decisions:", "Evidence:"];
    const positions = order.map((heading) => summary.indexOf(`\n${heading}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("stays within about 1,500 words on a huge context, datastores first, and says what it left out", () => {
    const summary = summarizeContext(hugeContext());
    expect(wordCount(summary)).toBeLessThanOrEqual(1500);
    expect(wordCount(summary)).toBeGreaterThan(1000);
    expect(summary).toContain("- db-0 0.0 [E1][E2]");
    expect(summary).toMatch(/\(\d+ further facts omitted to stay within 1500 words\.\)/);
    expect(summary).not.toContain("@acme/p999");
  });

  it("honours a smaller budget", () => {
    expect(wordCount(summarizeContext(hugeContext(), { maxWords: 200 }))).toBeLessThanOrEqual(200);
  });

  it("is deterministic", () => {
    expect(summarizeContext(hugeContext())).toBe(summarizeContext(hugeContext()));
  });

  it("says so when nothing was detected", () => {
    expect(summarizeContext(emptyContext())).toContain("Nothing detectable");
  });

  it("redacts secrets that reach it", () => {
    const context = emptyContext();
    context.existingDecisions = [{ number: 3, title: "Rotate sk_live_51FakeKeyAbCdEfGhIjKlMnOp", status: "accepted", file: "docs/adr/0003.md" }];
    expect(summarizeContext(context)).not.toContain("sk_live_51FakeKey");
  });
});
