import { afterAll, describe, expect, it } from "@jest/globals";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { spawnAdrgen } from "../helpers/spawn.js";
import { copyFixture } from "./fixture-repo.js";
import { PLANTED_SECRETS } from "./planted-secrets.js";

afterAll(cleanupTempDirs);

// The bundle loads YAML/TOML/XML parsers through esbuild's CommonJS interop; only a spawned run proves that works.
describe("adrgen context (built CLI)", () => {
  it("parses compose YAML in the bundle and reports evidence", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const result = spawnAdrgen(["context", "--json"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const context = JSON.parse(result.stdout) as { datastores: Array<{ name: string; version?: string; evidence: Array<{ file: string; line?: number }> }>; warnings: unknown[] };
    const postgres = context.datastores.find((d) => d.name === "postgresql");
    expect(postgres?.version).toBe("16");
    expect(postgres?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ file: "docker-compose.yml", line: 10 })]));
    expect(context.warnings).toEqual([]);
  });

  it("never prints a planted secret", () => {
    const root = copyFixture("secrets-and-broken", { git: true });
    for (const args of [["context"], ["context", "--json"]]) {
      const result = spawnAdrgen(args, { cwd: root });
      expect(result.code).toBe(0);
      const leaked = Object.entries(PLANTED_SECRETS).filter(([, secret]) => (result.stdout + result.stderr).includes(secret));
      expect(leaked).toEqual([]);
      expect(result.stdout + result.stderr).not.toContain("is not a constructor");
    }
  });
});
