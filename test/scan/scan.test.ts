import { afterAll, describe, expect, it } from "@jest/globals";
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scanRepository } from "../../src/scan/scan.js";
import type { ContextItem, Detector, RepoContext } from "../../src/scan/types.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { copyFixture } from "./fixture-repo.js";

afterAll(cleanupTempDirs);

const find = (list: ContextItem[], name: string) => list.find((item) => item.name === name);
const where = (item: ContextItem | undefined) => (item?.evidence ?? []).map((e) => (e.line !== undefined ? `${e.file}:${e.line}` : e.file));
const names = (list: Array<{ name: string }>) => list.map((item) => item.name);

describe.each([false, true])("scanRepository on fixtures (git repo: %s)", (useGit) => {
  it("node-postgres-redis: datastores, caches, frameworks, infra with file:line evidence", async () => {
    const root = copyFixture("node-postgres-redis", { git: useGit });
    const context = await scanRepository(root);
    expect(context.root).toBe(root);
    expect(find(context.datastores, "postgresql")).toMatchObject({ version: "16" });
    expect(where(find(context.datastores, "postgresql"))).toEqual(expect.arrayContaining(["docker-compose.yml:10", "package.json:14"]));
    expect(find(context.caches, "redis")?.version).toBe("7.2");
    expect(where(find(context.caches, "redis"))).toEqual(expect.arrayContaining([".env.example:3", "docker-compose.yml:15", "package.json:12"]));
    expect(find(context.frameworks, "express")).toEqual({
      name: "express",
      version: "4.19.2",
      evidence: [{ file: "package.json", line: 11, detail: "dependencies: express" }],
    });
    expect(names(context.frameworks)).toContain("prisma");
    expect(names(context.messaging)).toEqual(["bullmq"]);
    expect(where(find(context.apiStyles, "rest"))).toEqual(["package.json:11"]);
    expect(names(context.auth)).toEqual(["jwt"]);
    expect(names(context.languages)).toEqual(["javascript", "typescript"]);
    expect(where(find(context.languages, "typescript"))).toEqual(["package.json:19", "tsconfig.json"]);
    expect(names(context.infra)).toEqual(["docker", "docker-compose"]);
    expect(context.services).toEqual([
      { name: "api", source: "compose", evidence: [{ file: "docker-compose.yml", line: 2 }] },
      { name: "cache", image: "redis:7.2", source: "compose", evidence: [{ file: "docker-compose.yml", line: 14 }] },
      { name: "db", image: "postgres:16-alpine", source: "compose", evidence: [{ file: "docker-compose.yml", line: 9 }] },
    ]);
    expect(context.existingDecisions).toEqual([{ number: 1, title: "Use PostgreSQL for orders", status: "accepted", file: "docs/adr/0001-use-postgresql.md" }]);
    expect(context.warnings).toEqual([]);
    // No cloud platform is claimed without deployment evidence.
    expect(names(context.infra)).not.toContain("aws");
  });

  it("node-workspaces: npm workspace members become packages and their dependencies are scanned", async () => {
    const root = copyFixture("node-workspaces", { git: useGit });
    const context = await scanRepository(root);
    expect(context.packages).toEqual([
      { name: "@acme/worker", path: "apps/worker", evidence: [{ file: "apps/worker/package.json", line: 2 }] },
      { name: "@acme/api", path: "packages/api", evidence: [{ file: "packages/api/package.json", line: 2 }] },
      { name: "@acme/web", path: "packages/web", evidence: [{ file: "packages/web/package.json", line: 2 }] },
    ]);
    expect(where(find(context.frameworks, "nestjs"))).toEqual(["packages/api/package.json:5"]);
    expect(find(context.frameworks, "nextjs")?.version).toBe("14.2.3");
    expect(where(find(context.datastores, "postgresql"))).toEqual(["packages/api/package.json:8"]);
    expect(names(context.messaging)).toEqual(["kafka", "rabbitmq"]);
    expect(names(context.apiStyles)).toEqual(["graphql", "rest", "websocket"]);
    expect(names(context.auth)).toEqual(["jwt", "next-auth", "passport"]);
    expect(where(find(context.caches, "redis"))).toEqual(["apps/worker/package.json:5"]);
  });

  it("pnpm-monorepo: pnpm-workspace.yaml members, with exclusions", async () => {
    const root = copyFixture("pnpm-monorepo", { git: useGit });
    const context = await scanRepository(root);
    expect(context.packages.map((p) => `${p.name}=${p.path}`)).toEqual(["@shop/billing=services/billing", "@shop/gateway=services/gateway"]);
    expect(where(find(context.datastores, "mysql"))).toEqual(["services/billing/package.json:5"]);
    expect(names(context.messaging)).toEqual(["nats", "sqs"]);
    expect(names(context.apiStyles)).toEqual(["rest", "trpc", "websocket"]);
  });

  it("empty: nothing detected, no warnings", async () => {
    const root = copyFixture("empty", { git: useGit });
    const context = await scanRepository(root);
    const { root: _root, ...rest } = context;
    expect(rest).toEqual({
      languages: [], frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [],
      services: [], packages: [], existingDecisions: [], warnings: [],
    });
  });
});

describe("scanRepository on broken and hostile input", () => {
  it("secrets-and-broken: broken files become warnings, secrets files are never read, outward symlinks are skipped", async () => {
    const root = copyFixture("secrets-and-broken", { git: true });
    const outside = makeTempDir({ "docker-compose.yml": "services:\n  stolen:\n    image: cassandra:4\n" });
    symlinkSync(path.join(outside, "docker-compose.yml"), path.join(root, "linked-compose.yml"));
    const context = await scanRepository(root);
    const warnings = context.warnings.map((w) => `${w.file}${w.line !== undefined ? `:${w.line}` : ""} ${w.message}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        "assets/binary-compose.yml skipped: binary content",
        // js-yaml blames line 4, the over-indented `ports:` that breaks the mapping.
        "docker-compose.broken.yml:4 invalid YAML at column 12: bad indentation of a mapping entry; file ignored",
        "linked-compose.yml skipped: symbolic link pointing outside the repository",
        "packages/broken/package.json:5 invalid JSON at column 55: unexpected end of file; expected ',' or '}'; file ignored",
      ]),
    );
    expect(names(context.datastores)).not.toContain("cassandra");
    expect(names(context.datastores)).not.toContain("mongodb");
    expect(names(context.services)).toEqual(["app", "db"]);
    // The valid files around the broken ones are still read.
    expect(find(context.datastores, "postgresql")?.version).toBe("15");
    expect(names(context.messaging)).toEqual(expect.arrayContaining(["kafka", "rabbitmq"]));
    expect(JSON.stringify(context)).not.toMatch(/tfvars-Planted|env-Planted|planted-k8s|Sup3rS3cretPw|sk_live_|AKIA/);
  });

  it("a detector that throws becomes a warning; the scan completes", async () => {
    const root = makeTempDir({ "a.txt": "x", "b.json": "{}" });
    const boom: Detector = { id: "boom", matches: (p) => p === "a.txt", detect: () => { throw new Error("kaput"); } };
    const fine: Detector = { id: "fine", matches: (p) => p === "b.json", detect: (f) => [{ kind: "item", category: "languages", name: "json", evidence: { file: f.path } }] };
    const context = await scanRepository(root, { detectors: [boom, fine], includeDecisions: false });
    expect(context.warnings).toEqual([{ file: "a.txt", message: "detector boom failed: kaput" }]);
    expect(context.languages).toEqual([{ name: "json", evidence: [{ file: "b.json" }] }]);
  });

  it("loads only the parsers that matched detectors declare", async () => {
    const root = makeTempDir({ "x.yml": "a: 1\n" });
    const seen: string[] = [];
    const yamlUser: Detector = {
      id: "yaml-user",
      uses: ["yaml"],
      matches: (p) => p.endsWith(".yml"),
      detect: (file, parsers) => {
        seen.push(Object.keys(parsers).sort().join(","));
        return [{ kind: "item", category: "infra", name: String((parsers.yaml.parse(file.text) as { a?: unknown }).a === 1 ? "ok" : "bad"), evidence: { file: file.path } }];
      },
    };
    const tomlUser: Detector = { id: "toml-user", uses: ["toml"], matches: (p) => p.endsWith(".toml"), detect: () => [] };
    const context = await scanRepository(root, { detectors: [yamlUser, tomlUser], includeDecisions: false });
    expect(seen).toEqual(["yaml"]);
    expect(names(context.infra)).toEqual(["ok"]);
  });

  it("redacts secret-looking strings a detector lets through", async () => {
    const root = makeTempDir({ "x.cfg": "x" });
    const leaky: Detector = {
      id: "leaky",
      matches: () => true,
      detect: (f) => [{ kind: "item", category: "infra", name: "thing", evidence: { file: f.path, detail: "token ghp_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234" } }],
    };
    const context = await scanRepository(root, { detectors: [leaky], includeDecisions: false });
    expect(context.infra[0]?.evidence[0]?.detail).toBe("token [REDACTED:github-token]");
  });

  it("gives identical results on repeated scans", async () => {
    const root = copyFixture("node-workspaces", { git: true });
    writeFileSync(path.join(root, "docker-compose.yml"), "services:\n  db:\n    image: postgres:16\n");
    const first: RepoContext = await scanRepository(root, { concurrency: 1 });
    const second: RepoContext = await scanRepository(root, { concurrency: 64 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});
