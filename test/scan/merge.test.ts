import { describe, expect, it } from "@jest/globals";
import { bestVersion, mergeFindings } from "../../src/scan/merge.js";
import { applyPostRules, isDependencyManifest } from "../../src/scan/rules.js";
import type { Finding } from "../../src/scan/types.js";
import { matchesWorkspacePattern, workspaceGlobToRegExp } from "../../src/scan/workspace-patterns.js";

const item = (category: Extract<Finding, { kind: "item" }>["category"], name: string, file: string, line?: number, version?: string): Finding => ({
  kind: "item",
  category,
  name,
  ...(version ? { version } : {}),
  evidence: { file, ...(line !== undefined ? { line } : {}) },
});

describe("mergeFindings", () => {
  it("dedupes by category and name, merges and sorts evidence, keeps the most specific version", () => {
    const merged = mergeFindings([
      item("datastores", "postgresql", "package.json", 14),
      item("datastores", "postgresql", "docker-compose.yml", 10, "16"),
      item("datastores", "postgresql", "docker-compose.prod.yml", 4, "16.2"),
      item("datastores", "postgresql", "docker-compose.yml", 10, "16"),
      item("datastores", "mysql", "a/package.json", 3),
      item("frameworks", "postgresql", "weird.json", 1),
    ]);
    expect(merged.datastores).toEqual([
      { name: "mysql", evidence: [{ file: "a/package.json", line: 3 }] },
      {
        name: "postgresql",
        version: "16.2",
        evidence: [
          { file: "docker-compose.prod.yml", line: 4 },
          { file: "docker-compose.yml", line: 10 },
          { file: "package.json", line: 14 },
        ],
      },
    ]);
    expect(merged.frameworks.map((i) => i.name)).toEqual(["postgresql"]);
  });

  it("is independent of finding order", () => {
    const findings: Finding[] = [
      item("caches", "redis", "b.yml", 2, "7"),
      item("caches", "redis", "a.json", 9),
      { kind: "service", name: "db", image: "postgres:16", source: "compose", evidence: { file: "c.yml", line: 3 } },
      { kind: "service", name: "cache", source: "compose", evidence: { file: "c.yml", line: 1 } },
      { kind: "warning", file: "z.yml", line: 2, message: "invalid YAML; file ignored" },
      { kind: "warning", file: "a.json", message: "invalid JSON; file ignored" },
    ];
    const forward = JSON.stringify(mergeFindings(findings));
    const backward = JSON.stringify(mergeFindings([...findings].reverse()));
    expect(forward).toBe(backward);
    expect(mergeFindings(findings).warnings.map((w) => w.file)).toEqual(["a.json", "z.yml"]);
  });

  it("keeps workspace packages only where a workspace pattern covers them", () => {
    const merged = mergeFindings([
      { kind: "workspace", patterns: ["packages/*", "!packages/old"], evidence: { file: "package.json", line: 3 } },
      { kind: "workspace", patterns: ["plugins/**"], evidence: { file: "tools/pnpm-workspace.yaml", line: 1 } },
      { kind: "package", name: "a", path: "packages/a", requiresWorkspace: true, evidence: { file: "packages/a/package.json", line: 2 } },
      { kind: "package", name: "old", path: "packages/old", requiresWorkspace: true, evidence: { file: "packages/old/package.json" } },
      { kind: "package", name: "demo", path: "examples/demo", requiresWorkspace: true, evidence: { file: "examples/demo/package.json" } },
      { kind: "package", name: "p", path: "tools/plugins/x/y", requiresWorkspace: true, evidence: { file: "tools/plugins/x/y/package.json" } },
      { kind: "package", name: "crate", path: "crates/core", evidence: { file: "Cargo.toml", line: 5 } },
    ]);
    expect(merged.packages.map((p) => p.path)).toEqual(["crates/core", "packages/a", "tools/plugins/x/y"]);
    expect(merged.packages[1]).toEqual({ name: "a", path: "packages/a", evidence: [{ file: "packages/a/package.json", line: 2 }] });
  });

  it.each([
    [["16", "16.2", undefined], "16.2"],
    [["latest", "7"], "7"],
    [[undefined], undefined],
    [["1.2", "1.10"], "1.10"],
  ])("bestVersion(%j) = %s", (versions, expected) => expect(bestVersion(versions as string[])).toBe(expected));
});

describe("post-rules", () => {
  it("adds rest, evidenced by the HTTP server framework", () => {
    const context = applyPostRules(mergeFindings([item("frameworks", "fastify", "svc/package.json", 4), item("frameworks", "react", "web/package.json", 3)]));
    expect(context.apiStyles).toEqual([{ name: "rest", evidence: [{ file: "svc/package.json", line: 4, detail: "HTTP server framework fastify" }] }]);
  });

  it("adds no rest without a server framework", () => {
    expect(applyPostRules(mergeFindings([item("frameworks", "react", "package.json", 3)])).apiStyles).toEqual([]);
  });

  it("drops a cloud platform proven only by dependency manifests, keeps deployment evidence", () => {
    const sdkOnly = applyPostRules(mergeFindings([item("infra", "aws", "package.json", 5), item("infra", "gcp", "go.mod", 7)]));
    expect(sdkOnly.infra).toEqual([]);
    const deployed = applyPostRules(mergeFindings([item("infra", "aws", "package.json", 5), item("infra", "aws", "infra/main.tf", 2)]));
    expect(deployed.infra).toEqual([{ name: "aws", evidence: [{ file: "infra/main.tf", line: 2 }] }]);
    // Non-platform infra from a manifest (e.g. aws-cdk) stays.
    expect(applyPostRules(mergeFindings([item("infra", "aws-cdk", "package.json", 5)])).infra.map((i) => i.name)).toEqual(["aws-cdk"]);
  });

  it.each([
    ["package.json", true],
    ["svc/go.mod", true],
    ["requirements-dev.txt", true],
    ["app/build.gradle.kts", true],
    ["infra/main.tf", false],
    [".github/workflows/deploy.yml", false],
  ])("isDependencyManifest(%s) = %s", (file, expected) => expect(isDependencyManifest(file)).toBe(expected));
});

describe("workspace patterns", () => {
  it.each([
    ["packages/*", "packages/a", true],
    ["packages/*", "packages/a/b", false],
    ["./apps/*/", "apps/web", true],
    ["apps/**", "apps/web/admin", true],
    ["apps/**/service", "apps/service", true],
    ["libs/?x", "libs/ax", true],
    ["services/api", "services/api", true],
    ["a.b/*", "axb/c", false],
  ])("%s matches %s: %s", (glob, dir, expected) => expect(workspaceGlobToRegExp(glob).test(dir)).toBe(expected));

  it("resolves patterns relative to the declaring directory", () => {
    expect(matchesWorkspacePattern("tools/plugins/a", "tools", ["plugins/*"])).toBe(true);
    expect(matchesWorkspacePattern("plugins/a", "tools", ["plugins/*"])).toBe(false);
    expect(matchesWorkspacePattern("tools", "tools", ["*"])).toBe(false);
  });
});
