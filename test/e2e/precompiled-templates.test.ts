import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

// The built CLI renders built-in templates from dist/templates.cjs (precompiled at build time);
// in-process tests render them with the Handlebars compiler. Both must write the same bytes.
const ENV = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example, Sam Sample" };
const golden = (rel: string) => readFileSync(path.join(PROJECT_ROOT, "adr-examples", rel), "utf8");

describe("precompiled built-in templates", () => {
  it.each(["madr4", "madr4-minimal", "nygard"])("new --blank --template %s matches the golden file", (template) => {
    const repo = makeGitRepo({ "docs/adr/0001-record-architecture-decisions.md": golden("init/0001-record-architecture-decisions.md") });
    const result = spawnAdrgen(["new", "Use PostgreSQL for persistence", "--blank", "--template", template, "--stdout"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden(`blank/${template}/0002-use-postgresql-for-persistence.md`));
  });

  it("init writes the golden ADR 0001", () => {
    const repo = makeGitRepo({ "README.md": "# x\n" });
    expect(spawnAdrgen(["init"], { cwd: repo, env: ENV }).code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0001-record-architecture-decisions.md"), "utf8")).toBe(golden("init/0001-record-architecture-decisions.md"));
  });
});
