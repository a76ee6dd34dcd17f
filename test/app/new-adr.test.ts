import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError, ExitCode } from "../../src/domain/errors.js";
import { newAdr, normalizeTitle } from "../../src/app/new-adr.js";
import { initAdrDir } from "../../src/app/init.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { faultyFs } from "../io/fake-fs.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };

async function failure(promise: Promise<unknown>): Promise<AdrgenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    return error as AdrgenError;
  }
  throw new Error("expected a failure");
}

describe("newAdr on a failing file system", () => {
  it("reports a read-only file system (EROFS) with exit 3 and a hint", async () => {
    const repo = makeTempDir();
    const workspace = await resolveWorkspace({ cwd: repo });
    const error = await failure(newAdr(workspace, { title: "X", blank: true }, { cwd: repo, env, fs: faultyFs([{ op: "mkdir", code: "EROFS" }]) }));
    expect(error.exitCode).toBe(ExitCode.runtime);
    expect(error.message).toMatch(/Could not create the ADR directory docs\/adr/);
    expect(error.hint).toMatch(/read-only/);
  });

  it("leaves no partial ADR and no lock when the disk fills up while writing (ENOSPC)", async () => {
    const repo = makeTempDir({ "docs/adr/0001-a.md": "# A\n" });
    const workspace = await resolveWorkspace({ cwd: repo });
    const fs = faultyFs([{ op: "write", code: "ENOSPC", when: (file) => file.endsWith("0002-full-disk.md") }]);
    const error = await failure(newAdr(workspace, { title: "Full disk", blank: true }, { cwd: repo, env, fs }));
    expect(error.hint).toMatch(/disk is full/);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(["0001-a.md"]);
  });

  it("skips a number another tool took meanwhile instead of overwriting", async () => {
    const repo = makeTempDir({ "docs/adr/0001-a.md": "# A\n" });
    const workspace = await resolveWorkspace({ cwd: repo });
    // The directory listing misses 0002-race.md, as if it appeared right after being read.
    const real = faultyFs([]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(repo, "docs/adr/0002-race.md"), "# Theirs\n");
    const fs = { ...real, readdir: async (dir: string) => (await real.readdir(dir)).filter((n) => n !== "0002-race.md") };
    const result = await newAdr(workspace, { title: "Race", blank: true }, { cwd: repo, env, fs });
    expect(result.number).toBe(3);
    expect(readdirSync(path.join(repo, "docs/adr")).sort()).toEqual(["0001-a.md", "0002-race.md", "0003-race.md"]);
  });

  it("init reports EROFS on the first write and leaves nothing behind", async () => {
    const repo = makeTempDir();
    const workspace = await resolveWorkspace({ cwd: repo });
    const fs = faultyFs([{ op: "open", code: "EROFS", when: (file) => file.endsWith(".md") }]);
    const error = await failure(initAdrDir(workspace, {}, { cwd: repo, env, fs }));
    expect(error.hint).toMatch(/read-only/);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual([]);
  });
});

describe("normalizeTitle", () => {
  it("collapses whitespace and control characters", () => {
    expect(normalizeTitle("  a\n\tb\u0000c  ")).toBe("a b c");
  });
  it("counts emoji and combined characters as one", () => {
    expect(normalizeTitle("é".normalize("NFD").repeat(500))).toHaveLength(1000);
    expect(() => normalizeTitle("x".repeat(501))).toThrow(/501 characters/);
  });
});
