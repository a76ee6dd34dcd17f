import { afterAll, describe, expect, it } from "@jest/globals";
import { limitEvidence, MAX_EVIDENCE, MAX_LISTED, mergeFindings } from "../../src/scan/merge.js";
import { scanRepository } from "../../src/scan/scan.js";
import type { Finding } from "../../src/scan/types.js";
import type { WalkStats } from "../../src/scan/walk.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const pad = (i: number) => String(i).padStart(3, "0");

/** A workspace monorepo of `count` packages, each depending on express and holding a tsconfig.json. */
function monorepo(count: number): Record<string, string> {
  const files: Record<string, string> = { "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }) };
  for (let i = 0; i < count; i++) {
    files[`packages/p${pad(i)}/package.json`] = JSON.stringify({ name: `@m/p${pad(i)}`, dependencies: { express: "^4.19.2" } }, null, 2);
    files[`packages/p${pad(i)}/tsconfig.json`] = "{ // comments are allowed here\n}";
  }
  return files;
}

describe("limitEvidence", () => {
  it("keeps the first MAX_EVIDENCE entries in sorted order and counts them all", () => {
    const findings: Finding[] = [];
    for (let i = MAX_EVIDENCE + 4; i >= 0; i--) findings.push({ kind: "item", category: "caches", name: "redis", evidence: { file: `f${pad(i)}.yml`, line: 1 } });
    findings.push({ kind: "item", category: "caches", name: "memcached", evidence: { file: "a.yml" } });
    const limited = limitEvidence(mergeFindings(findings));
    const redis = limited.caches.find((item) => item.name === "redis");
    expect(redis?.evidence.map((e) => e.file)).toEqual(Array.from({ length: MAX_EVIDENCE }, (_, i) => `f${pad(i)}.yml`));
    expect(redis?.evidenceCount).toBe(MAX_EVIDENCE + 5);
    expect(limited.caches.find((item) => item.name === "memcached")).toEqual({ name: "memcached", evidence: [{ file: "a.yml" }] });
  });

  it("bounds services and packages, recording how many there were", () => {
    const findings: Finding[] = [{ kind: "workspace", patterns: ["p/*"], evidence: { file: "package.json" } }];
    for (let i = 0; i < MAX_LISTED + 7; i++) {
      findings.push({ kind: "package", name: `p${pad(i)}`, path: `p/${pad(i)}`, requiresWorkspace: true, evidence: { file: `p/${pad(i)}/package.json` } });
      findings.push({ kind: "service", name: `s${pad(i)}`, source: "compose", evidence: { file: "compose.yml", line: i + 2 } });
    }
    const limited = limitEvidence(mergeFindings(findings));
    expect(limited.packages).toHaveLength(MAX_LISTED);
    expect(limited.packages[0]?.path).toBe("p/000");
    expect(limited.packageCount).toBe(MAX_LISTED + 7);
    expect(limited.services).toHaveLength(MAX_LISTED);
    expect(limited.serviceCount).toBe(MAX_LISTED + 7);
    const small = limitEvidence(mergeFindings(findings.slice(0, 3)));
    expect(small).not.toHaveProperty("packageCount");
    expect(small).not.toHaveProperty("serviceCount");
  });
});

describe("a large monorepo stays bounded", () => {
  const count = MAX_LISTED + 20;
  const root = makeGitRepo(monorepo(count));

  it("caps evidence and packages in the scan, keeps the totals, and never reads tsconfig files", async () => {
    let stats: WalkStats | undefined;
    const context = await scanRepository(root, { includeDecisions: false, onStats: (s) => (stats = s) });
    const express = context.frameworks.find((item) => item.name === "express");
    expect(express?.evidence).toHaveLength(MAX_EVIDENCE);
    expect(express?.evidence[0]).toEqual({ file: "packages/p000/package.json", line: 4, detail: "dependencies: express" });
    expect(express?.evidenceCount).toBe(count);
    const typescript = context.languages.find((item) => item.name === "typescript");
    expect(typescript?.evidenceCount).toBe(count);
    expect(context.packages).toHaveLength(MAX_LISTED);
    expect(context.packageCount).toBe(count);
    // tsconfig.json proves TypeScript by its name: listed, handed over unread.
    expect(stats).toMatchObject({ read: count + 1, unread: count, skipped: 0 });
  });

  it("human output says how much more there is", async () => {
    const result = await runAdrgen(["context"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^ {2}express 4\\.19\\.2 +packages/p000/package\\.json:4, packages/p001/package\\.json:4, packages/p002/package\\.json:4 \\(\\+${count - 3} more\\)$`, "m"));
    expect(result.stdout).toContain(`Packages (first ${MAX_LISTED} of ${count})`);
  });

  it("--json carries evidenceCount and packageCount", async () => {
    const result = await runAdrgen(["context", "--json"], { cwd: root });
    const json = JSON.parse(result.stdout) as { packageCount?: number; frameworks: Array<{ name: string; evidenceCount?: number }> };
    expect(json.packageCount).toBe(count);
    expect(json.frameworks.find((item) => item.name === "express")?.evidenceCount).toBe(count);
  });
});
