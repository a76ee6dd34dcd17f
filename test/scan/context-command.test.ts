import { afterAll, describe, expect, it } from "@jest/globals";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { runAdrgen } from "../helpers/run.js";
import { copyFixture } from "./fixture-repo.js";
import { PLANTED_SECRETS } from "./planted-secrets.js";

afterAll(cleanupTempDirs);

describe("adrgen context", () => {
  it("prints a summary grouped by category with file:line evidence", async () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const result = await runAdrgen(["context"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Datastores\n {2}postgresql 16 +docker-compose\.yml:10, package\.json:14/m);
    expect(result.stdout).toMatch(/^Caches\n {2}redis 7\.2 +\.env\.example:3, docker-compose\.yml:15, package\.json:12 \(\+1 more\)/m);
    expect(result.stdout).toMatch(/^Existing decisions\n {2}0001 Use PostgreSQL for orders +accepted — docs\/adr\/0001-use-postgresql\.md/m);
    expect(result.stderr).toBe("");
  });

  it("--json prints the context without absolute paths", async () => {
    const root = copyFixture("node-workspaces", { git: true });
    const result = await runAdrgen(["context", "--json"], { cwd: path.join(root, "packages") });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown[]>;
    expect(Object.keys(json)).toEqual([
      "languages", "frameworks", "datastores", "caches", "messaging", "apiStyles", "auth", "infra", "ci",
      "services", "packages", "existingDecisions", "warnings",
    ]);
    expect(json.packages).toHaveLength(3);
    expect(result.stdout).not.toContain(root);
  });

  it("--cwd scans another repository", async () => {
    const root = copyFixture("pnpm-monorepo");
    const elsewhere = makeTempDir();
    const result = await runAdrgen(["context", "--json", "--cwd", root], { cwd: elsewhere });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { datastores: Array<{ name: string }> }).datastores.map((d) => d.name)).toEqual(["mysql"]);
  });

  it("says so when nothing is detectable", async () => {
    const result = await runAdrgen(["context"], { cwd: copyFixture("empty", { git: true }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Nothing detectable found");
  });

  it("exits 2 for a --cwd that does not exist", async () => {
    const result = await runAdrgen(["context", "--cwd", "no/such/dir"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
  });

  describe("on the planted-secrets fixture", () => {
    const setup = () => {
      const root = copyFixture("secrets-and-broken", { git: true });
      const outside = makeTempDir({ "docker-compose.yml": `services:\n  x:\n    image: cassandra:4\n    environment:\n      K: ${PLANTED_SECRETS.openai}\n` });
      symlinkSync(path.join(outside, "docker-compose.yml"), path.join(root, "linked-compose.yml"));
      return root;
    };

    it.each([[["context"]], [["context", "--json"]]])("%j never prints a planted secret, and reports broken files as warnings", async (args) => {
      const root = setup();
      const result = await runAdrgen(args, { cwd: root });
      expect(result.code).toBe(0);
      const everything = result.stdout + result.stderr;
      for (const [kind, secret] of Object.entries(PLANTED_SECRETS)) {
        expect({ kind, leaked: everything.includes(secret) }).toEqual({ kind, leaked: false });
      }
      const warnings = args.includes("--json") ? result.stdout : result.stderr;
      expect(warnings).toContain("docker-compose.broken.yml");
      expect(warnings).toContain("packages/broken/package.json");
      expect(warnings).toContain("linked-compose.yml");
      // The secret-bearing ADR is still listed, with its secret masked.
      expect(result.stdout).toContain("[REDACTED:stripe-key]");
    });
  });
});
