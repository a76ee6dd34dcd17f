import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { cleanupTempDirs, writeFiles } from "../helpers/tmp.js";
import { call, fixtureCopy, startMcp, structured, textOf, type McpHandle } from "./mcp-client.js";

const CACHE_ADR = `---\nstatus: proposed\ndate: 2025-04-01\ntags: [caching, performance]\n---\n\n# Cache sessions in Redis\n\n## Context and Problem Statement\n\nSessions are slow to load from PostgreSQL.\n\n## Considered Options\n\n* Redis\n* Memcached\n\n## Decision Outcome\n\nChosen option: "Redis", because we already run it.\n\n### Consequences\n\n* Good, because it is fast.\n`;

let repo: string;
let mcp: McpHandle;

beforeAll(async () => {
  repo = fixtureCopy("node-postgres-redis");
  writeFiles(repo, { "docs/adr/0002-cache-sessions-in-redis.md": CACHE_ADR });
  mcp = await startMcp(repo);
});

afterAll(async () => {
  await mcp?.close();
  cleanupTempDirs();
});

describe("adrgen mcp (read-only): tools", () => {
  it("lists the read tools with input and output schemas, and no write-only tool", async () => {
    const { tools } = await mcp.client.listTools();
    const names = tools.map((tool) => tool.name).sort();
    expect(names).toEqual(["check_branch", "decision_questions", "draft_decision", "get_decision", "lint_decisions", "list_decisions", "repo_context", "search_decisions"]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.description?.length).toBeGreaterThan(20);
    }
  });

  it("list_decisions lists every ADR and filters by status and tag", async () => {
    const all = structured(await call(mcp, "list_decisions"));
    expect(all.decisions.map((d: any) => [d.number, d.title, d.status, d.path])).toEqual([
      [1, "Use PostgreSQL for orders", "accepted", "docs/adr/0001-use-postgresql.md"],
      [2, "Cache sessions in Redis", "proposed", "docs/adr/0002-cache-sessions-in-redis.md"],
    ]);
    expect(structured(await call(mcp, "list_decisions", { status: "accepted" })).decisions.map((d: any) => d.number)).toEqual([1]);
    expect(structured(await call(mcp, "list_decisions", { tag: "Caching" })).decisions.map((d: any) => d.number)).toEqual([2]);
    expect(structured(await call(mcp, "list_decisions", { status: "rejected" })).decisions).toEqual([]);
  });

  it("get_decision returns the parsed fields and the markdown, by number or path", async () => {
    const byNumber = structured(await call(mcp, "get_decision", { ref: 2 }));
    expect(byNumber.markdown).toBe(CACHE_ADR);
    expect(byNumber.decision).toMatchObject({ number: 2, status: "proposed", consideredOptions: ["Redis", "Memcached"], chosenOption: "Redis", tags: ["caching", "performance"] });
    const byPath = structured(await call(mcp, "get_decision", { ref: "docs/adr/0001-use-postgresql.md" }));
    expect(byPath.markdown).toBe(readFileSync(path.join(repo, "docs/adr/0001-use-postgresql.md"), "utf8"));
    expect(byPath.decision).toMatchObject({ number: 1, format: "nygard", status: "accepted" });
    for (const ref of [path.join(repo, "docs/adr/0001-use-postgresql.md"), "./docs/adr/../adr/0001-use-postgresql.md", "0001"]) {
      expect(structured(await call(mcp, "get_decision", { ref })).decision.path).toBe("docs/adr/0001-use-postgresql.md");
    }
  });

  it("search_decisions ranks title matches first and returns snippets", async () => {
    const { hits } = structured(await call(mcp, "search_decisions", { query: "redis" }));
    expect(hits.map((h: any) => h.number)).toEqual([2]);
    const postgres = structured(await call(mcp, "search_decisions", { query: "PostgreSQL" })).hits;
    expect(postgres.map((h: any) => h.number)).toEqual([1, 2]);
    expect(postgres[1].snippet).toMatch(/PostgreSQL/);
    expect(structured(await call(mcp, "search_decisions", { query: "PostgreSQL", tag: "Caching" })).hits.map((h: any) => h.number)).toEqual([2]);
    expect(structured(await call(mcp, "search_decisions", { query: "PostgreSQL", status: "accepted" })).hits.map((h: any) => h.number)).toEqual([1]);
  });

  it("repo_context returns the evidenced context and a summary", async () => {
    const { context, summary } = structured(await call(mcp, "repo_context"));
    const postgres = context.datastores.find((d: any) => d.name === "postgresql");
    expect(postgres.evidence.length).toBeGreaterThan(0);
    expect(postgres.evidence[0].file).toMatch(/docker-compose\.yml|package\.json|prisma/);
    expect(context.root).toBeUndefined();
    expect(summary).toMatch(/postgresql/);
    expect(context.existingDecisions.map((d: any) => d.number)).toEqual([1, 2]);
  });

  it("decision_questions reports what the repository answers and what stays open", async () => {
    const result = structured(await call(mcp, "decision_questions", { title: "choose message queue" }));
    expect(result.topic.id).toBe("message-broker");
    expect(result.questions.length).toBeGreaterThan(3);
    for (const q of result.questions) expect(["repo", "open"]).toContain(q.status);
    const answered = result.questions.filter((q: any) => q.status === "repo");
    expect(answered.length).toBeGreaterThan(0);
    for (const q of answered) expect(q.evidence.length).toBeGreaterThan(0);
    expect(result.answerCommand).toMatch(/^adrgen new 'choose message queue'/);
  });

  it("draft_decision returns the Decision and the markdown and writes nothing", async () => {
    const before = readdirSync(path.join(repo, "docs/adr")).sort();
    const draft = structured(await call(mcp, "draft_decision", { title: "choose message queue", answers: { "message-broker.replay": "yes" } }));
    expect(draft).toMatchObject({ written: false, number: 3, topic: "message-broker", path: "docs/adr/0003-choose-message-queue.md" });
    expect(draft.markdown).toContain(`Chosen option: "${draft.chosen}"`);
    expect(draft.decision.options.length).toBeGreaterThanOrEqual(2);
    expect(draft.decision.options.map((o: any) => o.name)).toContain(draft.chosen);
    // The given answer reaches the decision as an answer, not an assumption.
    expect(draft.markdown).toMatch(/re-readable for days or longer \(answered\)/);
    expect(readdirSync(path.join(repo, "docs/adr")).sort()).toEqual(before);
  });

  it("lint_decisions and check_branch report findings", async () => {
    expect(structured(await call(mcp, "lint_decisions"))).toMatchObject({ passed: true, files: 2, errors: 0 });
    writeFiles(repo, { "docs/adr/0003-broken.md": "no heading here\n\nStatus: maybe\n" });
    const lint = structured(await call(mcp, "lint_decisions", { paths: ["docs/adr/0003-broken.md"] }));
    expect(lint.passed).toBe(false);
    expect(lint.files).toBe(1);
    expect(lint.findings.map((f: any) => f.rule)).toContain("title-h1");
    const check = structured(await call(mcp, "check_branch", { drift: false }));
    expect(check.passed).toBe(false);
    expect(check.findings.some((f: any) => f.file === "docs/adr/0003-broken.md" && f.severity === "error")).toBe(true);
  });

  it("serves each ADR as a resource", async () => {
    const { resources } = await mcp.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain("adrgen://adr/docs/adr/0001-use-postgresql.md");
    const cache = resources.find((r) => r.uri === "adrgen://adr/docs/adr/0002-cache-sessions-in-redis.md");
    expect(cache).toMatchObject({ name: "ADR 0002: Cache sessions in Redis", title: "ADR 0002: Cache sessions in Redis", mimeType: "text/markdown" });
    const read = await mcp.client.readResource({ uri: cache!.uri });
    expect(read.contents[0]).toMatchObject({ uri: cache!.uri, mimeType: "text/markdown", text: CACHE_ADR });
    await expect(mcp.client.readResource({ uri: "adrgen://adr/docs/adr/9999-nope.md" })).rejects.toThrow(/No ADR/);
  });

  it("answers errors as tool errors", async () => {
    const missing = await call(mcp, "get_decision", { ref: 99 });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/No ADR numbered 99/);
  });
});
