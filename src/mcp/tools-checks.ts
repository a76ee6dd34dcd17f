// The repository checks over MCP: lint_decisions and check_branch (what a pull request's CI runs).
import path from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { checkAdrs } from "../app/check.js";
import { checkFails, checkJson } from "../app/check-format.js";
import { lintAdrs } from "../app/lint.js";
import { lintJson } from "../app/lint-format.js";
import { guarded } from "./results.js";
import { insideRoot, safeGitRef, sessionWorkspace, type McpSession } from "./session.js";

const finding = z.object({ file: z.string(), line: z.number().nullable(), rule: z.string(), severity: z.enum(["error", "warning"]), message: z.string() });
const report = {
  passed: z.boolean().describe("False when there are errors (or, with strict, warnings)"),
  files: z.number(),
  errors: z.number(),
  warnings: z.number(),
  findings: z.array(finding),
};
const strict = z.boolean().optional().describe("Count warnings as failures too");

/** Registers lint_decisions and check_branch. */
export function registerCheckTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    "lint_decisions",
    {
      title: "Lint decisions",
      description: "Lints ADRs (all, or the given files and directories): file names, duplicate numbers, H1, required MADR sections and their order, known status, valid dates, chosen option among the considered ones, links that point nowhere, unfilled placeholders.",
      inputSchema: {
        paths: z.array(z.string().min(1)).optional().describe("ADR files or directories relative to the repository root; default every ADR directory"),
        strict,
      },
      outputSchema: report,
      annotations: { readOnlyHint: true },
    },
    async ({ paths, strict: isStrict }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const given = (paths ?? []).map((p) => path.relative(workspace.root, insideRoot(workspace, p)) || ".");
        const result = await lintAdrs({ paths: given, cwd: workspace.root }, { workspace });
        return { passed: result.errors === 0 && !(isStrict && result.warnings > 0), ...lintJson(result) };
      }),
  );

  server.registerTool(
    "check_branch",
    {
      title: "Check the branch",
      description: "The CI check over every ADR: lint, ADR numbers the base branch already uses (with base), a stale index, and drift between accepted decisions and what the repository now uses.",
      inputSchema: {
        base: z.string().min(1).optional().describe("Git ref of the target branch, e.g. origin/main: ADR numbers it already uses are errors"),
        drift: z.boolean().optional().describe("Scan the repository for drift (default true)"),
        strict,
      },
      outputSchema: report,
      annotations: { readOnlyHint: true },
    },
    async ({ base, drift, strict: isStrict }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const result = await checkAdrs({ base: base === undefined ? undefined : safeGitRef(base), drift: drift !== false }, { workspace });
        return { passed: !checkFails(result, Boolean(isStrict)), ...checkJson(result) };
      }),
  );
}
