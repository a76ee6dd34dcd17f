// The server over the real-world ADR corpus (../shared/adr-corpus, read in place by a read-only server; skipped when absent).
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { isAdrFileName } from "../../src/store/read.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { call, startMcp, structured, type McpHandle } from "./mcp-client.js";

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const present = existsSync(path.join(CORPUS, "MANIFEST.tsv"));
const describeCorpus = present ? describe : describe.skip;
const repos = present ? readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];

const handles: McpHandle[] = [];
afterAll(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

describeCorpus("adrgen mcp over the ADR corpus", () => {
  it.each(repos)("%s: lists, reads, searches and lints every ADR without a tool error", async (repo) => {
    const dir = path.join(CORPUS, repo);
    const mcp = await startMcp(dir, ["--dir", "."]);
    handles.push(mcp);
    const files = readdirSync(dir).filter(isAdrFileName);
    const { decisions } = structured(await call(mcp, "list_decisions"));
    expect(decisions).toHaveLength(files.length);
    for (const decision of decisions) {
      const got = structured(await call(mcp, "get_decision", { ref: decision.path }));
      expect(got.decision.title).toBe(decision.title);
      expect(got.markdown.length).toBeGreaterThan(0);
    }
    const titled = decisions.filter((d: any) => typeof d.title === "string" && d.title.length > 3);
    const probe = titled[Math.floor(titled.length / 2)];
    const { hits } = structured(await call(mcp, "search_decisions", { query: probe.title, limit: 3 }));
    expect(hits.map((h: any) => h.path)).toContain(probe.path);
    const lint = structured(await call(mcp, "lint_decisions"));
    expect(lint.files).toBe(files.length);
    const { resources } = await mcp.client.listResources();
    expect(resources).toHaveLength(files.length);
  });
});
