import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("cli shell", () => {
  it("exits 2 with a hint on an unknown option", async () => {
    const result = await runAdrgen(["list", "--bogus"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown argument: bogus/);
    expect(result.stderr).toMatch(/hint/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 when no command is given", async () => {
    const result = await runAdrgen([], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Name a command/);
  });

  it("prints help on stdout and exits 0", async () => {
    const result = await runAdrgen(["--help"], { cwd: makeTempDir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/adrgen <command>/);
  });

  it("rejects a --cwd that does not exist with exit 2", async () => {
    const result = await runAdrgen(["list", "--cwd", "no/such/dir"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a directory/);
  });
});

describe("cli shell suggestions", () => {
  it("names an unknown command and suggests the closest one", async () => {
    const result = await runAdrgen(["lst"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "lst"\. Did you mean list\?/);
  });
});

describe("cli shell suggestions after global flags", () => {
  it("names the mistyped command even when --cwd comes first", async () => {
    const dir = makeTempDir();
    const result = await runAdrgen(["--cwd", dir, "lst"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "lst"/);
  });
});
