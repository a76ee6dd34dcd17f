// Golden ADRs: what `init` and `new --blank` write with a fixed date and decision-makers,
// compared byte for byte. Regenerate after an intended change with:
//   UPDATE_GOLDEN=1 npm test -- test/render
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { expectGolden } from "../helpers/golden.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const GOLDEN_DIR = path.join(PROJECT_ROOT, "adr-examples");
const ENV = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example, Sam Sample" };
const BLANK_TITLE = "Use PostgreSQL for persistence";

async function initRepo(): Promise<string> {
  const repo = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n" });
  const init = await runAdrgen(["init"], { cwd: repo, env: ENV });
  expect(init.code).toBe(0);
  return repo;
}

describe("golden ADRs", () => {
  it("init writes 0001-record-architecture-decisions.md (MADR 4)", async () => {
    const repo = await initRepo();
    const file = path.join(repo, "docs/adr/0001-record-architecture-decisions.md");
    expectGolden(path.join(GOLDEN_DIR, "init/0001-record-architecture-decisions.md"), readFileSync(file, "utf8"));
  });

  it.each(["madr4", "madr4-minimal", "nygard"])("new --blank --template %s", async (template) => {
    const repo = await initRepo();
    const result = await runAdrgen(["new", BLANK_TITLE, "--blank", "--template", template], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0002-use-postgresql-for-persistence.md\n");
    const text = readFileSync(path.join(repo, "docs/adr/0002-use-postgresql-for-persistence.md"), "utf8");
    expectGolden(path.join(GOLDEN_DIR, `blank/${template}/0002-use-postgresql-for-persistence.md`), text);
  });

  it("keeps every golden file covered by a test (no stale examples)", () => {
    const covered = new Set([
      "init/0001-record-architecture-decisions.md",
      ...["madr4", "madr4-minimal", "nygard"].map((t) => `blank/${t}/0002-use-postgresql-for-persistence.md`),
    ]);
    const listed = (dir: string): string[] =>
      readdirSync(path.join(GOLDEN_DIR, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listed(path.join(dir, e.name)) : [path.join(dir, e.name).split(path.sep).join("/")],
      );
    for (const file of [...listed("init"), ...listed("blank")]) expect(covered.has(file)).toBe(true);
  });

  it("the golden ADRs are lint-clean (placeholders are only warnings)", async () => {
    const repo = makeTempDir();
    for (const template of ["madr4", "madr4-minimal", "nygard"]) {
      const text = readFileSync(path.join(GOLDEN_DIR, `blank/${template}/0002-use-postgresql-for-persistence.md`), "utf8");
      const number = { madr4: 2, "madr4-minimal": 3, nygard: 4 }[template]!;
      writeFileSync(path.join(mkdirp(repo, "docs/adr"), `000${number}-blank-${template}.md`), text);
    }
    writeFileSync(path.join(repo, "docs/adr/0001-record-architecture-decisions.md"), readFileSync(path.join(GOLDEN_DIR, "init/0001-record-architecture-decisions.md")));
    const lint = await runAdrgen(["lint", "--json"], { cwd: repo });
    expect(lint.code).toBe(0);
    const findings = JSON.parse(lint.stdout) as unknown;
    const list = (Array.isArray(findings) ? findings : (findings as { findings: unknown[] }).findings) as Array<{ severity: string; rule: string; file: string }>;
    expect(list.filter((f) => f.severity === "error")).toEqual([]);
    // ADR 0001 is a real decision: not even a warning.
    expect(list.filter((f) => f.file.endsWith("0001-record-architecture-decisions.md"))).toEqual([]);
    expect(list.filter((f) => f.rule !== "placeholder")).toEqual([]);
    // The blank ones were read: their placeholders are reported.
    expect(new Set(list.map((f) => path.basename(f.file))).size).toBe(3);
  });
});

function mkdirp(root: string, rel: string): string {
  const dir = path.join(root, rel);
  mkdirSync(dir, { recursive: true });
  return dir;
}
