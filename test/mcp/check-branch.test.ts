import { afterAll, describe, expect, it } from "@jest/globals";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";
import { call, startMcp, structured, textOf, type McpHandle } from "./mcp-client.js";

const adr = (title: string) =>
  `---\nstatus: accepted\ndate: 2025-04-01\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWe need to decide.\n\n## Considered Options\n\n* Alpha\n* Beta\n\n## Decision Outcome\n\nChosen option: "Alpha", because it fits.\n\n### Consequences\n\n* Good, because it is simple.\n* Bad, because it is new.\n`;

const handles: McpHandle[] = [];
afterAll(async () => {
  for (const handle of handles.splice(0)) await handle.close();
  cleanupTempDirs();
});

describe("adrgen mcp: check_branch", () => {
  it("passes a clean branch and reports an ADR number the base branch already uses", async () => {
    const repo = makeGitRepo({ "docs/adr/0001-use-alpha.md": adr("Use Alpha") });
    git(repo, "checkout", "-q", "-b", "feature");
    git(repo, "checkout", "-q", "main");
    writeFiles(repo, { "docs/adr/0002-use-beta-for-billing.md": adr("Use Beta for billing") });
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "ADR 2 on main");
    git(repo, "checkout", "-q", "feature");
    const mcp = await startMcp(repo);
    handles.push(mcp);

    expect(structured(await call(mcp, "check_branch", { drift: false }))).toMatchObject({ passed: true, files: 1, errors: 0, findings: [] });
    writeFiles(repo, { "docs/adr/0002-use-gamma-for-search.md": adr("Use Gamma for search") });
    const clean = structured(await call(mcp, "check_branch", { drift: false }));
    expect(clean).toMatchObject({ passed: true, files: 2 });

    const against = structured(await call(mcp, "check_branch", { base: "main", drift: false }));
    expect(against.passed).toBe(false);
    const finding = against.findings.find((f: any) => f.rule === "base-number");
    expect(finding).toMatchObject({ file: "docs/adr/0002-use-gamma-for-search.md", severity: "error" });
    expect(finding.message).toMatch(/already used on main by .*0002-use-beta-for-billing\.md/);

    const unknown = await call(mcp, "check_branch", { base: "no-such-branch", drift: false });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/no-such-branch/);
  });
});
