import { afterAll, describe, expect, it } from "@jest/globals";
import path from "node:path";
import { resolveWorkspace, findRoot } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const resolveIn = (cwd: string, flags: { cwdFlag?: string; dirFlag?: string } = {}) => resolveWorkspace({ cwd, ...flags });

describe("ADR directory discovery", () => {
  it("defaults to docs/adr when nothing exists", async () => {
    const root = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n" });
    const ws = await resolveIn(root);
    expect(ws.primary.rel).toBe("docs/adr");
    expect(ws.source).toBe("default");
  });

  it("finds the first existing conventional directory", async () => {
    const root = makeTempDir({ "docs/decisions/0001-x.md": "# X\n", "doc/adr/0001-y.md": "# Y\n" });
    const ws = await resolveIn(root);
    expect(ws.primary.rel).toBe("docs/decisions");
    expect(ws.source).toBe("existing");
  });

  it("prefers .adr-dir over conventional directories", async () => {
    const root = makeTempDir({ ".adr-dir": "architecture/records\n", "docs/adr/0001-x.md": "# X\n" });
    const ws = await resolveIn(root);
    expect(ws.primary.rel).toBe("architecture/records");
    expect(ws.source).toBe("adr-dir");
  });

  it("prefers config over .adr-dir, and --dir over config", async () => {
    const root = makeTempDir({ ".adr-dir": "from-adr-dir\n", ".adrgenrc.json": JSON.stringify({ dir: "from-config" }) });
    expect((await resolveIn(root)).primary.rel).toBe("from-config");
    const flagged = await resolveIn(root, { dirFlag: "from-flag" });
    expect(flagged.primary.rel).toBe("from-flag");
    expect(flagged.source).toBe("flag");
  });

  it("reads the adrgen key of package.json and YAML config files", async () => {
    const fromPkg = makeTempDir({ "package.json": JSON.stringify({ name: "x", adrgen: { dir: "adr" } }), ".git/HEAD": "" });
    expect((await resolveIn(fromPkg)).primary.rel).toBe("adr");
    const fromYaml = makeTempDir({ ".adrgenrc.yaml": "dir: records/adr\n" });
    expect((await resolveIn(fromYaml)).primary.rel).toBe("records/adr");
  });

  it("lists several directories with labels, primary first", async () => {
    const root = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ dirs: ["docs/adr", { path: "packages/api/docs/adr", label: "api" }] }),
    });
    const ws = await resolveIn(root);
    expect(ws.dirs.map((d) => d.label)).toEqual(["docs/adr", "api"]);
    expect(ws.primary.path).toBe(path.join(root, "docs/adr"));
  });

  it("lists a directory named twice (however spelt) once, the first entry winning", async () => {
    const root = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ dirs: ["svc/a/adr", { path: "svc/a/adr", label: "a" }, "./svc/a/../a/adr/", { path: "svc/b/adr", label: "b" }, "svc/b/adr"] }),
    });
    const ws = await resolveIn(root);
    expect(ws.dirs.map((d) => [d.rel, d.label])).toEqual([["svc/a/adr", "svc/a/adr"], ["svc/b/adr", "b"]]);
    const withDir = makeTempDir({ ".adrgenrc.json": JSON.stringify({ dir: "adr", dirs: ["adr", "other", "other"] }) });
    expect((await resolveIn(withDir)).dirs.map((d) => d.rel)).toEqual(["adr", "other"]);
  });

  it("reports every config problem at once with exit 2", async () => {
    const root = makeTempDir({ ".adrgenrc.json": JSON.stringify({ dir: 3, template: "", bogus: true }) });
    const error = await resolveIn(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    const { message, exitCode } = error as AdrgenError;
    expect(exitCode).toBe(2);
    expect(message).toMatch(/dir/);
    expect(message).toMatch(/template/);
    expect(message).toMatch(/bogus/);
  });

  it("rejects config that is not valid JSON with exit 2", async () => {
    const root = makeTempDir({ ".adrgenrc.json": "{ nope" });
    await expect(resolveIn(root)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^\.adrgenrc\.json:1:3: not valid JSON: expected a double-quoted property name, found 'n'\n/) });
  });

  it("walks up to the repository root from a subdirectory", async () => {
    const root = makeTempDir({ ".adr-dir": "adr\n", "src/deep/file.ts": "" });
    expect(findRoot(path.join(root, "src/deep"))).toBe(root);
    const ws = await resolveIn(root, { cwdFlag: "src/deep" });
    expect(ws.root).toBe(root);
    expect(ws.primary.path).toBe(path.join(root, "adr"));
  });
});
